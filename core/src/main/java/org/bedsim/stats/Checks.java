package org.bedsim.stats;

/**
 * Cold-path exception builders, kept out of the hot methods so that those stay small enough to inline.
 */
final class Checks {
    private Checks() {
    }

    static IllegalArgumentException timeWentBack(double time, double lastTime) {
        return new IllegalArgumentException(
                "time must be a number not before the last update at " + lastTime + ", was " + time);
    }

    static double requireProbability(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        return p;
    }
}
