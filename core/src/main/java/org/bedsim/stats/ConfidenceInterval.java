package org.bedsim.stats;

import java.util.Objects;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A Student t confidence interval for a mean, {@code mean +/- halfWidth}, built from independent replication
 * results (one value per replication).
 *
 * <p><b>Implementation notes.</b> {@code halfWidth = t_{(1+level)/2, n-1} * sd / sqrt(n)}, with the sample
 * standard deviation (divisor {@code n - 1}) computed by a {@link Tally} (Welford), and the t quantile from
 * Commons Math 3's {@link TDistribution}. The distribution is built with an explicit {@code null}
 * {@link RandomGenerator}: bedsim never creates clock-seeded generators, and the quantile needs none. The inverse
 * is solved to an absolute accuracy of 1e-12 instead of the default 1e-9, so that, for example, t(0.975, 9) comes
 * out as 2.26215716279824 (exact: 2.2621571627982055).
 *
 * <p><b>Edges.</b> With no values the mean and the half-width are NaN. With one value the mean is that value and
 * the half-width is NaN: a single replication says nothing about its own variability, so {@link #low()} and
 * {@link #high()} are NaN and {@link #contains(double)} is false. When all values are equal the half-width is 0
 * (the interval is the point). A NaN value makes the mean and half-width NaN.
 *
 * @param mean      the sample mean
 * @param halfWidth half the width of the interval; at least 0, or NaN when it cannot be computed
 * @param level     the confidence level, strictly between 0 and 1 (e.g. 0.95)
 * @param n         the number of values (replications); at least 0
 */
public record ConfidenceInterval(double mean, double halfWidth, double level, long n) {
    private static final double INVERSE_ACCURACY = 1e-12;

    /** Checks the components. */
    public ConfidenceInterval {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be strictly between 0 and 1, was " + level);
        }
        if (halfWidth < 0.0) {
            throw new IllegalArgumentException("halfWidth must be at least 0 or NaN, was " + halfWidth);
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0, was " + n);
        }
    }

    /**
     * @param replicationValues one value per replication
     * @param level             the confidence level, strictly between 0 and 1
     * @return the t interval for the mean of the values
     */
    public static ConfidenceInterval of(double[] replicationValues, double level) {
        Objects.requireNonNull(replicationValues, "replicationValues");
        Tally tally = new Tally();
        for (double v : replicationValues) {
            tally.add(v);
        }
        return of(tally, level);
    }

    /**
     * @param tally a tally holding one value per replication
     * @param level the confidence level, strictly between 0 and 1
     * @return the t interval for the mean of the values in {@code tally}
     */
    public static ConfidenceInterval of(Tally tally, double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be strictly between 0 and 1, was " + level);
        }
        long n = tally.count();
        if (n < 2) {
            return new ConfidenceInterval(tally.mean(), Double.NaN, level, n);
        }
        double sd = tally.sd();
        double halfWidth;
        if (sd == 0.0) {
            halfWidth = 0.0;
        } else {
            TDistribution t = new TDistribution((RandomGenerator) null, n - 1, INVERSE_ACCURACY);
            halfWidth = t.inverseCumulativeProbability(0.5 + 0.5 * level) * sd / Math.sqrt(n);
        }
        return new ConfidenceInterval(tally.mean(), halfWidth, level, n);
    }

    /** @return {@code mean - halfWidth} (NaN if the half-width is) */
    public double low() {
        return mean - halfWidth;
    }

    /** @return {@code mean + halfWidth} (NaN if the half-width is) */
    public double high() {
        return mean + halfWidth;
    }

    /**
     * @param x a value
     * @return true if {@code low() <= x <= high()}; false whenever the interval is NaN
     */
    public boolean contains(double x) {
        return x >= low() && x <= high();
    }
}
