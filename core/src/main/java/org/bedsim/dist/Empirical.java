package org.bedsim.dist;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Distributions built from data: resampling observed stays ({@link #ofObservations}) or a table of quantiles with
 * linear interpolation between them ({@link #ofQuantiles}).
 */
public final class Empirical {
    private Empirical() {
    }

    /**
     * The bootstrap distribution of observed stays: mass {@code 1/n} on each observation.
     *
     * @param stays observed values in days, at least one, each finite and &gt;= 0 (copied, so the caller may reuse the
     *     array)
     * @return the empirical distribution of the observations
     */
    public static Observations ofObservations(double[] stays) {
        Objects.requireNonNull(stays, "stays");
        if (stays.length == 0) {
            throw new IllegalArgumentException("empirical observations must contain at least 1 value, was empty");
        }
        double[] sorted = stays.clone();
        for (int i = 0; i < sorted.length; i++) {
            Check.nonNegative("empirical observation [" + i + "]", sorted[i]);
            sorted[i] += 0.0; // -0.0 -> 0.0, so equal data give equal distributions
        }
        Arrays.sort(sorted);
        return new Observations(sorted);
    }

    /**
     * A quantile table: the continuous distribution whose cdf is linear between the points
     * {@code (values[i], probabilities[i])}, i.e. a mixture of uniforms, with mass
     * {@code probabilities[i+1] - probabilities[i]} spread evenly over {@code [values[i], values[i+1]]} (a point mass
     * when the two values are equal).
     *
     * @param probabilities strictly increasing, starting at 0 and ending at 1 (copied)
     * @param values the matching quantiles in days, non-decreasing, finite and &gt;= 0 (copied)
     * @return the piecewise-linear distribution through the table
     */
    public static QuantileTable ofQuantiles(double[] probabilities, double[] values) {
        Objects.requireNonNull(probabilities, "probabilities");
        Objects.requireNonNull(values, "values");
        if (probabilities.length != values.length) {
            throw new IllegalArgumentException("quantile table values must have the same length as probabilities ("
                    + probabilities.length + "), was " + values.length);
        }
        if (probabilities.length < 2) {
            throw new IllegalArgumentException("quantile table must have at least 2 points (p = 0 and p = 1), was "
                    + probabilities.length);
        }
        double[] p = probabilities.clone();
        double[] v = values.clone();
        int last = p.length - 1;
        if (p[0] != 0) {
            throw new IllegalArgumentException("quantile table probabilities[0] must be 0, was " + p[0]);
        }
        if (p[last] != 1) {
            throw new IllegalArgumentException("quantile table probabilities[" + last + "] must be 1, was " + p[last]);
        }
        for (int i = 0; i <= last; i++) {
            Check.nonNegative("quantile table values[" + i + "]", v[i]);
            p[i] += 0.0;
            v[i] += 0.0;
            if (i > 0 && !(p[i] > p[i - 1])) {
                throw new IllegalArgumentException("quantile table probabilities must be strictly increasing: "
                        + "probabilities[" + i + "] must be > " + p[i - 1] + ", was " + p[i]);
            }
            if (i > 0 && !(v[i] >= v[i - 1])) {
                throw new IllegalArgumentException("quantile table values must be non-decreasing: values[" + i
                        + "] must be >= " + v[i - 1] + ", was " + v[i]);
            }
        }
        return new QuantileTable(p, v);
    }

    /**
     * Observed stays resampled with equal probability.
     *
     * <p>Implementation notes. Data are kept sorted: the cdf is {@code (number of observations <= x) / n} by binary
     * search, the quantile is the order statistic {@code x[ceil(p n)]} (1-based; the smallest observation whose ECDF
     * reaches p), and the sampler returns {@code x[rng.nextInt(n)]}. Mean and variance are the population moments
     * (divisor n), the variance by the two-pass formula.
     */
    public static final class Observations implements Distribution, IncompleteMoments {
        private final double[] sorted;
        private final double mean;
        private final double variance;

        private Observations(double[] sorted) {
            this.sorted = sorted;
            int n = sorted.length;
            double sum = 0;
            for (double x : sorted) {
                sum += x;
            }
            double m = sum / n;
            double squares = 0;
            double residuals = 0;
            for (double x : sorted) {
                double d = x - m;
                squares += d * d;
                residuals += d;
            }
            this.mean = m;
            // Two-pass with the correction term (Chan, Golub & LeVeque 1983) for the rounding error in the mean.
            this.variance = Math.max(0, (squares - residuals * residuals / n) / n);
        }

        /** @return the number of observations */
        public int size() {
            return sorted.length;
        }

        /** @return a sorted copy of the observations */
        public double[] observations() {
            return sorted.clone();
        }

        @Override
        public double mean() {
            return mean;
        }

        @Override
        public double variance() {
            return variance;
        }

        @Override
        public double cdf(double x) {
            return (double) countAtMost(x) / sorted.length;
        }

        /** @return the number of observations &lt;= x */
        private int countAtMost(double x) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override
        public double quantile(double p) {
            Check.probability(p);
            int n = sorted.length;
            // Smallest k with k/n >= p, using the same division as cdf so the two agree at the jumps.
            int k = (int) Math.ceil(p * n);
            while (k > 0 && (double) (k - 1) / n >= p) {
                k--;
            }
            while (k < n && (double) k / n < p) {
                k++;
            }
            return sorted[Math.max(k, 1) - 1];
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            Objects.requireNonNull(rng, "rng");
            double[] data = sorted;
            int n = data.length;
            return () -> data[rng.nextInt(n)];
        }

        @Override
        public double incompleteMoment(int order, double x) {
            int count = countAtMost(x);
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += order == 1 ? sorted[i] : sorted[i] * sorted[i];
            }
            return sum / sorted.length;
        }

        /** @return the observations multiplied by {@code factor} */
        @Override
        public Observations scaled(double factor) {
            Check.positive("scale factor", factor);
            double[] scaled = new double[sorted.length];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = sorted[i] * factor;
            }
            return ofObservations(scaled);
        }

        @Override
        public String describe() {
            return "empirical(n=" + sorted.length + ", mean=" + Format.rounded(mean, 4) + ", min="
                    + Format.number(sorted[0]) + ", max=" + Format.number(sorted[sorted.length - 1]) + ")";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Observations e && Arrays.equals(sorted, e.sorted);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sorted);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * A quantile table with a piecewise-linear cdf.
     *
     * <p>Implementation notes. Segment i carries mass {@code w_i = p[i+1] - p[i]} uniformly on
     * {@code [v[i], v[i+1]]}. The mean is {@code sum w_i (v[i] + v[i+1]) / 2} and the variance follows the law of
     * total variance, {@code sum w_i ((v[i+1] - v[i])^2 / 12 + (midpoint_i - mean)^2)}, which has no cancellation.
     * cdf and quantile locate the segment by binary search and interpolate; the sampler inverts one uniform draw.
     */
    public static final class QuantileTable implements Distribution, IncompleteMoments {
        private final double[] p;
        private final double[] v;
        private final double mean;
        private final double variance;

        private QuantileTable(double[] p, double[] v) {
            this.p = p;
            this.v = v;
            double m = 0;
            for (int i = 0; i + 1 < p.length; i++) {
                m += (p[i + 1] - p[i]) * 0.5 * (v[i] + v[i + 1]);
            }
            double var = 0;
            for (int i = 0; i + 1 < p.length; i++) {
                double width = v[i + 1] - v[i];
                double offset = 0.5 * (v[i] + v[i + 1]) - m;
                var += (p[i + 1] - p[i]) * (width * width / 12 + offset * offset);
            }
            this.mean = m;
            this.variance = var;
        }

        /** @return a copy of the table's probabilities */
        public double[] probabilities() {
            return p.clone();
        }

        /** @return a copy of the table's values, in days */
        public double[] values() {
            return v.clone();
        }

        @Override
        public double mean() {
            return mean;
        }

        @Override
        public double variance() {
            return variance;
        }

        @Override
        public double cdf(double x) {
            int last = v.length - 1;
            // j = last knot with v[j] <= x
            int lo = 0;
            int hi = v.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (v[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int j = lo - 1;
            if (j < 0) {
                return 0;
            }
            if (j == last) {
                return 1;
            }
            return p[j] + (p[j + 1] - p[j]) * (x - v[j]) / (v[j + 1] - v[j]);
        }

        @Override
        public double quantile(double prob) {
            Check.probability(prob);
            return quantileOf(prob);
        }

        private double quantileOf(double prob) {
            int last = p.length - 1;
            if (prob >= 1) {
                return v[last];
            }
            // i = last knot with p[i] <= prob (i < last because prob < 1)
            int lo = 0;
            int hi = last;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (p[mid] <= prob) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            int i = lo;
            return v[i] + (prob - p[i]) / (p[i + 1] - p[i]) * (v[i + 1] - v[i]);
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            Objects.requireNonNull(rng, "rng");
            return () -> quantileOf(rng.nextDouble());
        }

        @Override
        public double incompleteMoment(int order, double x) {
            double sum = 0;
            for (int i = 0; i + 1 < p.length && v[i] <= x; i++) {
                double a = v[i];
                double b = Math.min(v[i + 1], x);
                double mass = v[i + 1] == a ? p[i + 1] - p[i] : (p[i + 1] - p[i]) * (b - a) / (v[i + 1] - a);
                // mean of t^k for t uniform on [a, b]
                sum += mass * (order == 1 ? 0.5 * (a + b) : (a * a + a * b + b * b) / 3);
            }
            return sum;
        }

        /** @return the table with every value multiplied by {@code factor} */
        @Override
        public QuantileTable scaled(double factor) {
            Check.positive("scale factor", factor);
            double[] scaled = new double[v.length];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = v[i] * factor;
            }
            return ofQuantiles(p, scaled);
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder("quantiles(");
            for (int i = 0; i < p.length; i++) {
                text.append(i == 0 ? "" : ", ").append(Format.number(p[i])).append(':').append(Format.number(v[i]));
            }
            return text.append(')').toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof QuantileTable q && Arrays.equals(p, q.p) && Arrays.equals(v, q.v);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(p) + Arrays.hashCode(v);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
