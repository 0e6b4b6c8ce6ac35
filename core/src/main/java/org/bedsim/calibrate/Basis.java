package org.bedsim.calibrate;

/**
 * What an input (and so a bar or an output) rests on, strongest first. A bar is labelled by the weakest of its
 * inputs: a bar resting on one calibrated input is calibrated, however well sourced the others.
 */
public enum Basis {
    /** A figure from the plan's own published documents. */
    PUBLISHED,
    /** A benchmark from outside the plan (national statistics, published studies). */
    INDEPENDENT,
    /** An assumption with its reasoning, no source. */
    ASSUMED,
    /** Solved by bedsim so that a published output follows: a reconstruction, not a prediction. */
    CALIBRATED;

    /** @return the weaker of two */
    public Basis weaker(Basis other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }

    /** @return the stable key, e.g. "calibrated" */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
