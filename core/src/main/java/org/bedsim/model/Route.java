package org.bedsim.model;

/**
 * One way out of a setting: the next setting (or sink) and its probability.
 *
 * @param to the name of the next setting or sink
 * @param probability in (0, 1]
 */
public record Route(String to, double probability) {
    /**
     * How far the probabilities out of a setting may sum from 1: the one tolerance, used by the model and by the
     * scenario validator alike, so a routing the validator accepts the model accepts too.
     */
    public static final double SUM_TOLERANCE = 1e-9;

    /** Validates. */
    public Route {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a route needs a destination");
        }
        if (!(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("route to " + to + ": probability must be in (0, 1], was " + probability);
        }
    }
}
