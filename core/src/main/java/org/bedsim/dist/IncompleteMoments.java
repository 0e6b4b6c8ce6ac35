package org.bedsim.dist;

/**
 * Closed-form incomplete moments {@code E[X^order ; X <= x]} (order 1 or 2). A family that implements this gets
 * exact moments when capped; any other {@link Distribution} is capped by numerical integration of its cdf.
 */
interface IncompleteMoments {
    /**
     * @param order 1 or 2
     * @param x the upper limit, at least 0
     * @return {@code E[X^order ; X <= x]}, mass at {@code x} included
     */
    double incompleteMoment(int order, double x);
}
