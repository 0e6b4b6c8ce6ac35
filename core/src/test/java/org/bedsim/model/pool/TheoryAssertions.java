package org.bedsim.model.pool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bedsim.stats.ConfidenceInterval;

/**
 * Assertions of simulated results against theory. The tolerance is the replication confidence interval itself, at a
 * 99.9 % level so a correct model passes reliably (seeds are fixed, so CI is deterministic); each assertion also
 * demands that the interval be narrow relative to the value, so a wrong model (a wrong formula, an off-by-one in
 * capacity) cannot pass through a wide interval.
 */
final class TheoryAssertions {
    static final double LEVEL = 0.999;

    private TheoryAssertions() {
    }

    /**
     * @param values one value per replication
     * @param theory the analytic value
     * @param maxRelativeHalfWidth the widest interval accepted, relative to |theory|
     */
    static ConfidenceInterval assertCovers(String what, double[] values, double theory, double maxRelativeHalfWidth) {
        ConfidenceInterval ci = ConfidenceInterval.of(values, LEVEL);
        assertTrue(ci.contains(theory), () -> what + ": theory " + theory + " outside the " + LEVEL * 100
                + " % interval [" + ci.low() + ", " + ci.high() + "] (mean " + ci.mean() + ", n " + ci.n() + ")");
        assertTrue(ci.halfWidth() <= maxRelativeHalfWidth * Math.abs(theory), () -> what + ": interval half-width "
                + ci.halfWidth() + " is too wide to test theory " + theory + " (limit " + maxRelativeHalfWidth
                + " relative)");
        return ci;
    }

    /** As above for a quantity whose theoretical value is zero: the half-width limit is absolute. */
    static ConfidenceInterval assertCoversZero(String what, double[] values, double maxHalfWidth) {
        ConfidenceInterval ci = ConfidenceInterval.of(values, LEVEL);
        assertTrue(ci.contains(0.0), () -> what + ": 0 outside [" + ci.low() + ", " + ci.high() + "]");
        assertTrue(ci.halfWidth() <= maxHalfWidth,
                () -> what + ": interval half-width " + ci.halfWidth() + " exceeds " + maxHalfWidth);
        return ci;
    }
}
