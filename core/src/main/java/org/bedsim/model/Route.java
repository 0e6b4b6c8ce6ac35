package org.bedsim.model;

/**
 * One way out of a setting: the next setting (or sink) and its probability.
 *
 * @param to the name of the next setting or sink
 * @param probability in (0, 1]
 */
public record Route(String to, double probability) {
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
