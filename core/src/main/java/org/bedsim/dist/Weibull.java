package org.bedsim.dist;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The Weibull distribution with shape k and scale lambda: {@code P(X > x) = exp(-(x/lambda)^k)}. Shapes below 1 give
 * a decreasing discharge hazard (long stayers), above 1 an increasing one.
 *
 * <p>Implementation notes. Mean {@code lambda Gamma(1 + 1/k)}, variance
 * {@code lambda^2 (Gamma(1 + 2/k) - Gamma(1 + 1/k)^2)}; cdf and quantile in closed form with {@code expm1} and
 * {@code log1p}. The sampler is {@code lambda E^(1/k)} with E a standard exponential ziggurat draw (McFarland 2016):
 * if E is exponential then {@code lambda E^(1/k)} is Weibull, and the ziggurat is faster than inverting a uniform.
 * Incomplete moments: {@code E[X^j ; X <= x] = lambda^j Gamma(1 + j/k) P(1 + j/k, (x/lambda)^k)}.
 */
public final class Weibull implements Distribution, IncompleteMoments {
    private final double shape;
    private final double scale;
    private final double mean;
    private final double variance;
    /** E[X^2] = lambda^2 Gamma(1 + 2/k). */
    private final double secondMoment;

    private Weibull(double shape, double scale) {
        this.shape = shape;
        this.scale = scale;
        String from = "weibull(shape=" + shape + ", scale=" + scale + ")";
        double g1 = org.apache.commons.math3.special.Gamma.gamma(1 + 1 / shape);
        double g2 = org.apache.commons.math3.special.Gamma.gamma(1 + 2 / shape);
        this.mean = Check.derivedPositive("mean", scale * g1, from);
        this.secondMoment = Check.derivedPositive("second moment", scale * scale * g2, from);
        this.variance = Check.derivedPositive("variance", scale * scale * (g2 - g1 * g1), from);
    }

    /**
     * @param shape the shape k, finite and &gt; 0
     * @param scale the scale lambda in days, finite and &gt; 0
     * @return the Weibull distribution
     */
    public static Weibull ofShapeScale(double shape, double scale) {
        return new Weibull(Check.positive("weibull shape", shape), Check.positive("weibull scale", scale));
    }

    /** @return the shape k */
    public double shape() {
        return shape;
    }

    /** @return the scale lambda, in days */
    public double scale() {
        return scale;
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
        return x <= 0 ? 0 : -Math.expm1(-Math.pow(x / scale, shape));
    }

    @Override
    public double quantile(double p) {
        Check.probability(p);
        return scale * Math.pow(-Math.log1p(-p), 1 / shape);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        return new WeibullSampler(ZigguratSampler.Exponential.of(Objects.requireNonNull(rng, "rng")), shape, scale);
    }

    @Override
    public double incompleteMoment(int order, double x) {
        if (x <= 0) {
            return 0;
        }
        double raw = order == 1 ? mean : secondMoment;
        if (x == Double.POSITIVE_INFINITY) {
            return raw;
        }
        return raw * org.apache.commons.math3.special.Gamma.regularizedGammaP(1 + order / shape,
                Math.pow(x / scale, shape));
    }

    @Override
    public Weibull scaled(double factor) {
        return ofShapeScale(shape, scale * Check.positive("scale factor", factor));
    }

    @Override
    public String describe() {
        return "weibull(shape=" + Format.number(shape) + ", scale=" + Format.number(scale) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weibull w && Double.compare(shape, w.shape) == 0 && Double.compare(scale, w.scale) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, scale);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static final class WeibullSampler implements Sampler {
        private final ZigguratSampler.Exponential exponential;
        private final double inverseShape;
        private final double scale;

        WeibullSampler(ZigguratSampler.Exponential exponential, double shape, double scale) {
            this.exponential = exponential;
            this.inverseShape = 1 / shape;
            this.scale = scale;
        }

        @Override
        public double sample() {
            return scale * Math.pow(exponential.sample(), inverseShape);
        }
    }
}
