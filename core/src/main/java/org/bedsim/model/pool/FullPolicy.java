package org.bedsim.model.pool;

/** What happens to an arrival that finds every bed occupied. */
public enum FullPolicy {
    /** The patient is turned away (counted as an overflow): an Erlang loss system. */
    LOSE,
    /** The patient waits, first come first served, for the next free bed: an Erlang delay system. */
    WAIT
}
