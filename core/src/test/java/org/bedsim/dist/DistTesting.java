package org.bedsim.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Shared helpers for the distribution tests: seeded streams, tolerances, goodness-of-fit. */
final class DistTesting {
    /** The probabilities at which cdf and quantile are compared with Commons Math. */
    static final double[] PROBABILITIES = {0.001, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0.999};
    /** Draws per goodness-of-fit test. */
    static final int DRAWS = 20_000;
    /** Reject a sampler when its KS or chi-square p-value is at most this. */
    static final double ALPHA = 0.001;
    /** Sample means must be within this many standard errors of the true mean. */
    static final double MAX_STANDARD_ERRORS = 4.5;

    private DistTesting() {
    }

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    static double[] draw(Distribution dist, long seed, int n) {
        Sampler sampler = dist.sampler(rng(seed));
        double[] data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = sampler.sample();
        }
        return data;
    }

    static void assertRelative(double expected, double actual, double relTol, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        if (!(Math.abs(expected - actual) <= relTol * scale) && expected != actual) {
            fail(what + ": expected " + expected + " but was " + actual + " (relative error "
                    + Math.abs(expected - actual) / scale + " > " + relTol + ")");
        }
    }

    /**
     * Moments within 1e-12 relative of {@code reference}; at each of {@link #PROBABILITIES}: quantile within
     * {@code quantileTol} relative, cdf within 1e-9 relative, and both round trips (cdf(quantile(p)) = p to 1e-12,
     * quantile(cdf(x)) = x to 1e-10).
     */
    static void assertMatchesReference(Distribution ours, RealDistribution reference, double quantileTol) {
        assertMatchesReference(ours, reference, quantileTol, 0);
    }

    /**
     * As {@link #assertMatchesReference(Distribution, RealDistribution, double)}, with quantiles compared to within
     * {@code quantileTol} relative plus {@code quantileAbsTol} absolute (the accuracy of a Commons Math solver).
     */
    static void assertMatchesReference(Distribution ours, RealDistribution reference, double quantileTol,
            double quantileAbsTol) {
        assertRelative(reference.getNumericalMean(), ours.mean(), 1e-12, ours + " mean");
        assertRelative(reference.getNumericalVariance(), ours.variance(), 1e-12, ours + " variance");
        for (double p : PROBABILITIES) {
            double x = ours.quantile(p);
            double expected = reference.inverseCumulativeProbability(p);
            assertTrue(Math.abs(expected - x) <= quantileTol * Math.abs(expected) + quantileAbsTol,
                    () -> ours + " quantile(" + p + "): expected " + expected + " but was " + x);
            assertRelative(reference.cumulativeProbability(x), ours.cdf(x), 1e-9, ours + " cdf(" + x + ")");
            assertRelative(p, ours.cdf(x), 1e-12, ours + " cdf(quantile(" + p + "))");
            assertRelative(x, ours.quantile(ours.cdf(x)), 1e-10, ours + " quantile(cdf(" + x + "))");
        }
    }

    /** KS test of {@code data} against {@code dist}'s own cdf, through Commons Math (continuous distributions). */
    static double ksPValue(Distribution dist, double[] data) {
        return kolmogorovSmirnov().kolmogorovSmirnovTest(asCommonsMath(dist), data);
    }

    /**
     * The no-argument constructor seeds a Well19937c from the clock, which bedsim forbids; the constructor taking
     * an explicit generator is deprecated in 3.6.1 but is the only clock-free one. The one-sample test and its
     * {@code cdf(d, n)} never touch the generator, so null is safe.
     */
    @SuppressWarnings("deprecation")
    private static KolmogorovSmirnovTest kolmogorovSmirnov() {
        return new KolmogorovSmirnovTest((RandomGenerator) null);
    }

    /**
     * KS test restricted to x &lt; cap, where a capped distribution is continuous: {@code sup_{x < cap} |F_n - F|}.
     * A supremum over part of the line is stochastically smaller than the full KS statistic, so the KS p-value is
     * conservative and a strict level stays valid.
     */
    static double ksPValueBelow(Distribution dist, double[] data, double cap) {
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n && sorted[i] < cap; i++) {
            double f = dist.cdf(sorted[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return 1 - kolmogorovSmirnov().cdf(d, n);
    }

    static void assertSampleMean(Distribution dist, double[] data) {
        double sum = 0;
        for (double x : data) {
            sum += x;
        }
        double mean = sum / data.length;
        double standardError = dist.sd() / Math.sqrt(data.length);
        assertTrue(Math.abs(mean - dist.mean()) <= MAX_STANDARD_ERRORS * standardError,
                () -> dist + ": sample mean " + mean + " vs " + dist.mean() + ", standard error " + standardError);
    }

    /** Draws 20,000 values; asserts KS p-value &gt; 0.001 and the sample mean within 4.5 standard errors. */
    static void assertSamplerFits(Distribution dist, long seed) {
        double[] data = draw(dist, seed, DRAWS);
        double p = ksPValue(dist, data);
        assertTrue(p > ALPHA, () -> dist + ": KS p-value " + p);
        assertSampleMean(dist, data);
    }

    /**
     * E[min(X, cap)^order] by Commons Math's iterative Legendre-Gauss integrator over the pieces between
     * {@code breaks} (put kinks of the cdf there): an independent check of {@link Capped}'s moments.
     */
    static double numericCappedMoment(Distribution dist, int order, double cap, double... breaks) {
        double[] points = Arrays.copyOf(breaks, breaks.length + 2);
        points[breaks.length] = 0;
        points[breaks.length + 1] = cap;
        double[] sorted = Arrays.stream(points).filter(x -> x >= 0 && x <= cap).sorted().distinct().toArray();
        UnivariateFunction integrand = order == 1 ? x -> 1 - dist.cdf(x) : x -> 2 * x * (1 - dist.cdf(x));
        double total = 0;
        for (int i = 0; i + 1 < sorted.length; i++) {
            total += new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-300)
                    .integrate(10_000_000, integrand, sorted[i], sorted[i + 1]);
        }
        return total;
    }

    static void assertMessage(IllegalArgumentException e, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment),
                    () -> "message '" + e.getMessage() + "' should contain '" + fragment + "'");
        }
    }

    static void assertEqualBits(double expected, double actual) {
        assertEquals(expected, actual, 0.0);
    }

    /** Our distribution seen as a Commons Math distribution, for its KS test only (cdf is all it uses). */
    static RealDistribution asCommonsMath(Distribution dist) {
        return new CommonsMathView(dist);
    }

    /**
     * A distribution that hides its family: delegates cdf, quantile, moments and sampler, but is not
     * {@link IncompleteMoments} and keeps the default {@code scaled}/{@code capped}, so it exercises the generic
     * {@link Scaled} wrapper and the numerical path of {@link Capped}.
     */
    static Distribution opaque(Distribution dist) {
        return new Opaque(dist);
    }

    private record Opaque(Distribution dist) implements Distribution {
        @Override
        public double mean() {
            return dist.mean();
        }

        @Override
        public double variance() {
            return dist.variance();
        }

        @Override
        public double cdf(double x) {
            return dist.cdf(x);
        }

        @Override
        public double quantile(double p) {
            return dist.quantile(p);
        }

        @Override
        public Sampler sampler(UniformRandomProvider rng) {
            return dist.sampler(rng);
        }

        @Override
        public String describe() {
            return "opaque " + dist.describe();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Adapter owning no generator: the sampling methods throw. */
    private record CommonsMathView(Distribution dist) implements RealDistribution {
        @Override
        public double probability(double x) {
            return 0;
        }

        @Override
        public double density(double x) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double cumulativeProbability(double x) {
            return dist.cdf(x);
        }

        @Override
        @Deprecated
        public double cumulativeProbability(double x0, double x1) {
            return dist.cdf(x1) - dist.cdf(x0);
        }

        @Override
        public double inverseCumulativeProbability(double p) {
            return dist.quantile(p);
        }

        @Override
        public double getNumericalMean() {
            return dist.mean();
        }

        @Override
        public double getNumericalVariance() {
            return dist.variance();
        }

        @Override
        public double getSupportLowerBound() {
            return dist.quantile(0);
        }

        @Override
        public double getSupportUpperBound() {
            return dist.quantile(1);
        }

        @Override
        @Deprecated
        public boolean isSupportLowerBoundInclusive() {
            return true;
        }

        @Override
        @Deprecated
        public boolean isSupportUpperBoundInclusive() {
            return true;
        }

        @Override
        public boolean isSupportConnected() {
            return true;
        }

        @Override
        public void reseedRandomGenerator(long seed) {
            throw new UnsupportedOperationException("bedsim distributions own no generator");
        }

        @Override
        public double sample() {
            throw new UnsupportedOperationException("bedsim distributions own no generator");
        }

        @Override
        public double[] sample(int sampleSize) {
            throw new UnsupportedOperationException("bedsim distributions own no generator");
        }
    }
}
