package org.bedsim.compare;

import org.bedsim.model.FlowResult;

/**
 * Where a comparison keeps each replication's result as it finishes (of each option, and of each configuration a
 * search tries), and finds those of an earlier, interrupted computation of the same comparison, so that resuming it
 * redoes only what had not finished. A replication's result depends only on its configuration, the seed and its
 * number (common random numbers), so a result found here is exactly the one the run would give again, and a resumed
 * comparison is identical to one computed at once. Implementations must be safe to call from several threads; how
 * (and whether) results are kept is theirs: a store that cannot keep a result simply does not find it later.
 */
public interface ResultStore {
    /** A store that keeps nothing. */
    ResultStore NONE = new ResultStore() {
        @Override
        public FlowResult find(String unit, int replication) {
            return null;
        }

        @Override
        public void save(String unit, int replication, FlowResult result) {
        }
    };

    /**
     * @param unit the configuration's key within the comparison (e.g. {@code option/today})
     * @param replication the replication
     * @return the result saved for that replication, or null if there is none
     */
    FlowResult find(String unit, int replication);

    /** Saves the result of a finished replication. */
    void save(String unit, int replication, FlowResult result);

    /** @return this store with every unit's key prefixed by {@code prefix} (one search's configurations, say) */
    default ResultStore within(String prefix) {
        ResultStore outer = this;
        if (outer == NONE) {
            return NONE;
        }
        return new ResultStore() {
            @Override
            public FlowResult find(String unit, int replication) {
                return outer.find(prefix + unit, replication);
            }

            @Override
            public void save(String unit, int replication, FlowResult result) {
                outer.save(prefix + unit, replication, result);
            }
        };
    }
}
