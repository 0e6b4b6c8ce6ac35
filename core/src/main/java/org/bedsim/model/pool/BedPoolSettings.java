package org.bedsim.model.pool;

import org.bedsim.dist.Distribution;

/**
 * One pool of identical beds fed by Poisson arrivals: the smallest model bedsim runs, and the one validated against
 * queueing theory (Erlang B, Erlang C, M/G/infinity).
 *
 * @param arrivalsPerDay Poisson arrival rate, patients per day, &gt;= 0
 * @param lengthOfStay length of stay of each patient, days
 * @param beds number of beds, &gt;= 1, or {@link #UNLIMITED}
 * @param policy what an arrival that finds every bed full does
 * @param warmupDays days simulated and discarded before measuring, &gt;= 0
 * @param measuredDays days measured after the warm-up, &gt; 0
 */
public record BedPoolSettings(double arrivalsPerDay, Distribution lengthOfStay, int beds, FullPolicy policy,
        double warmupDays, double measuredDays) {

    /** A pool that is never full. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Validates every field. */
    public BedPoolSettings {
        if (!(arrivalsPerDay >= 0) || Double.isInfinite(arrivalsPerDay)) {
            throw new IllegalArgumentException("arrivalsPerDay must be a finite number >= 0, was " + arrivalsPerDay);
        }
        if (lengthOfStay == null) {
            throw new IllegalArgumentException("lengthOfStay is required");
        }
        if (beds < 1) {
            throw new IllegalArgumentException("beds must be >= 1, was " + beds);
        }
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
        if (!(warmupDays >= 0) || Double.isInfinite(warmupDays)) {
            throw new IllegalArgumentException("warmupDays must be a finite number >= 0, was " + warmupDays);
        }
        if (!(measuredDays > 0) || Double.isInfinite(measuredDays)) {
            throw new IllegalArgumentException("measuredDays must be a finite number > 0, was " + measuredDays);
        }
    }

    /** @return the offered load in bed-days per day (Erlangs): arrivals per day times mean length of stay */
    public double offeredLoad() {
        return arrivalsPerDay * lengthOfStay.mean();
    }

    /** @return true if the pool is never full */
    public boolean unlimited() {
        return beds == UNLIMITED;
    }

    /** @return a copy with another number of beds */
    public BedPoolSettings withBeds(int newBeds) {
        return new BedPoolSettings(arrivalsPerDay, lengthOfStay, newBeds, policy, warmupDays, measuredDays);
    }
}
