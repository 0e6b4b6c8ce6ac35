package org.bedsim.stats;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Closed-form results of queueing theory that bedsim's simulations are validated against and that pre-flight checks
 * use: Erlang's loss (B) and delay (C) formulas and the Poisson occupancy of an infinite-server pool.
 *
 * <p>Implementation notes: Erlang B by the stable recursion B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)), exact to
 * rounding for thousands of servers where the textbook ratio of factorials overflows; Erlang C from B as
 * C = c B / (c - A (1 - B)). Sources: Cooper, Introduction to Queueing Theory (1981), sections 3.3 and 3.4.
 * Both depend on the service time only through its mean for B (insensitivity, M/G/c/c) and assume exponential
 * service for C (M/M/c).
 */
public final class Erlang {
    private Erlang() {
    }

    /**
     * Erlang B: the probability that an arrival finds all {@code servers} busy in an M/G/c/c loss system.
     *
     * @param offeredLoad arrival rate times mean service time (Erlangs), &gt;= 0
     * @param servers c &gt;= 0
     */
    public static double lossProbability(double offeredLoad, int servers) {
        checkLoad(offeredLoad);
        if (servers < 0) {
            throw new IllegalArgumentException("servers must be >= 0, was " + servers);
        }
        double b = 1.0;
        for (int n = 1; n <= servers; n++) {
            double ab = offeredLoad * b;
            b = ab / (n + ab);
        }
        return b;
    }

    /**
     * Erlang C: the probability that an arrival waits in an M/M/c queue.
     *
     * @param offeredLoad A &lt; c
     * @param servers c &gt;= 1
     */
    public static double delayProbability(double offeredLoad, int servers) {
        checkStable(offeredLoad, servers);
        double b = lossProbability(offeredLoad, servers);
        return servers * b / (servers - offeredLoad * (1 - b));
    }

    /**
     * Mean wait in queue of an M/M/c queue, in the unit of {@code meanService}: C / (c - A) x mean service.
     */
    public static double meanWait(double offeredLoad, int servers, double meanService) {
        return delayProbability(offeredLoad, servers) * meanService / (servers - offeredLoad);
    }

    /**
     * The share of arrivals to an M/M/c queue (first come, first served) who wait longer than {@code t}:
     * P(W &gt; t) = C(c, A) exp(-(c - A) t / meanService) (Cooper 1981, section 3.4), in the unit of
     * {@code meanService} for {@code t}.
     */
    public static double waitExceedance(double offeredLoad, int servers, double meanService, double t) {
        if (!(meanService > 0) || !(t >= 0)) {
            throw new IllegalArgumentException("needs meanService > 0 and t >= 0, was " + meanService + " and " + t);
        }
        return delayProbability(offeredLoad, servers) * Math.exp(-(servers - offeredLoad) * t / meanService);
    }

    /** Mean number waiting in an M/M/c queue: C A / (c - A). */
    public static double meanQueueLength(double offeredLoad, int servers) {
        return delayProbability(offeredLoad, servers) * offeredLoad / (servers - offeredLoad);
    }

    /**
     * Occupancy of an M/G/infinity pool: Poisson with mean A. Returns the smallest n with P(N &lt;= n) &gt;= p.
     */
    public static int infiniteServerQuantile(double offeredLoad, double p) {
        checkLoad(offeredLoad);
        if (offeredLoad == 0) {
            return 0;
        }
        return poisson(offeredLoad).inverseCumulativeProbability(p);
    }

    /** Occupancy of an M/G/infinity pool: P(N &gt; n) for N Poisson with mean A. */
    public static double infiniteServerExceedance(double offeredLoad, int n) {
        checkLoad(offeredLoad);
        if (offeredLoad == 0) {
            return n < 0 ? 1.0 : 0.0;
        }
        return 1.0 - poisson(offeredLoad).cumulativeProbability(n);
    }

    private static PoissonDistribution poisson(double mean) {
        return new PoissonDistribution((RandomGenerator) null, mean, 1e-12, 10_000_000);
    }

    private static void checkLoad(double offeredLoad) {
        if (!(offeredLoad >= 0) || Double.isInfinite(offeredLoad)) {
            throw new IllegalArgumentException("offered load must be a finite number >= 0, was " + offeredLoad);
        }
    }

    private static void checkStable(double offeredLoad, int servers) {
        checkLoad(offeredLoad);
        if (servers < 1 || offeredLoad >= servers) {
            throw new IllegalArgumentException("a delay system needs servers >= 1 and offered load < servers, was load "
                    + offeredLoad + " on " + servers + " servers");
        }
    }
}
