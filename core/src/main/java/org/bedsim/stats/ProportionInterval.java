package org.bedsim.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A confidence interval for a proportion estimated over independent replications (patients lost out of those who
 * arrived, days full out of days), that never leaves [0, 1] and stays honest when events are few.
 *
 * <p><b>Implementation notes.</b> The point estimate is the pooled ratio {@code p = sum(k) / sum(n)} of events
 * {@code k_r} out of trials {@code n_r} in replication r. Events inside a replication are not independent (losses
 * come in bursts when the ward is full), so the binomial variance {@code p(1-p)/sum(n)} would be too small; the
 * variance comes from the replications instead, by the ratio estimator
 * {@code var = sum((k_r - p n_r)^2) / ((R-1) R nbar^2)}. It defines an effective sample size
 * {@code n_eff = p(1-p)/var} (never more than the trials, so the interval is never narrower than a binomial one),
 * and the interval is Wilson's score interval on {@code n_eff} with the t quantile for R-1 degrees of freedom
 * (Korn and Graubard, 1998, Survey Methodology 24(2): the same construction for clustered samples). Wilson's
 * interval lies in [0, 1] by construction; with no event at all it is {@code [0, t^2/(n_eff + t^2)]} rather than the
 * zero-width {@code [0, 0]} a t interval gives. Which events are "few": fewer than {@link #FEW_EVENTS} in all, or a
 * replication-based variance resting on fewer than 2 replications with events.
 *
 * @param mean the pooled proportion
 * @param low lower end, in [0, mean]
 * @param high upper end, in [mean, 1]
 * @param events events in all replications
 * @param trials trials in all replications
 * @param level confidence level
 */
public record ProportionInterval(double mean, double low, double high, long events, long trials, double level) {
    /** Fewer events than this in all replications: the interval rests on too few events to be trusted. */
    public static final long FEW_EVENTS = 30;

    /**
     * @param events events per replication, &gt;= 0
     * @param trials trials per replication, &gt;= events
     * @param level confidence level in (0, 1)
     * @return the interval; NaN ends with fewer than 2 replications or no trials
     */
    public static ProportionInterval of(long[] events, long[] trials, double level) {
        if (events.length != trials.length) {
            throw new IllegalArgumentException("events and trials need one value per replication each");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
        int r = events.length;
        long k = 0;
        long n = 0;
        for (int i = 0; i < r; i++) {
            if (events[i] < 0 || trials[i] < events[i]) {
                throw new IllegalArgumentException("replication " + i + ": " + events[i] + " events out of "
                        + trials[i] + " trials");
            }
            k += events[i];
            n += trials[i];
        }
        if (n == 0) {
            return new ProportionInterval(Double.NaN, Double.NaN, Double.NaN, k, n, level);
        }
        double p = (double) k / n;
        if (r < 2) {
            return new ProportionInterval(p, Double.NaN, Double.NaN, k, n, level);
        }
        double nbar = (double) n / r;
        double ss = 0;
        for (int i = 0; i < r; i++) {
            double d = events[i] - p * trials[i];
            ss += d * d;
        }
        double variance = ss / ((r - 1.0) * r * nbar * nbar);
        double binomial = p * (1 - p) / n;
        double effective = variance > binomial ? p * (1 - p) / variance : n;
        double t = new TDistribution((RandomGenerator) null, r - 1).inverseCumulativeProbability(0.5 + 0.5 * level);
        double t2 = t * t;
        double denominator = 1 + t2 / effective;
        double centre = (p + t2 / (2 * effective)) / denominator;
        double half = t * Math.sqrt(p * (1 - p) / effective + t2 / (4 * effective * effective)) / denominator;
        double low = Math.max(0, Math.min(p, centre - half));
        double high = Math.min(1, Math.max(p, centre + half));
        return new ProportionInterval(p, low, high, k, n, level);
    }

    /** @return true if x lies in the interval (ends included) */
    public boolean contains(double x) {
        return low <= x && x <= high;
    }

    /** @return true if the interval rests on fewer than {@link #FEW_EVENTS} events */
    public boolean fewEvents() {
        return events < FEW_EVENTS;
    }
}
