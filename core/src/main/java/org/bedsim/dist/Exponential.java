package org.bedsim.dist;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The exponential distribution with a given mean: memoryless inter-arrival times of a Poisson arrival stream.
 * Sampling uses the McFarland (2016) modified ziggurat of Commons RNG.
 */
public final class Exponential implements Distribution, IncompleteMoments {
    private final double mean;

    private Exponential(double mean) {
        this.mean = mean;
    }

    /**
     * @param mean the mean in days, finite and &gt; 0 (the rate is {@code 1 / mean})
     * @return the exponential distribution
     */
    public static Exponential ofMean(double mean) {
        return new Exponential(Check.positive("exponential mean", mean));
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        return mean * mean;
    }

    @Override
    public double sd() {
        return mean;
    }

    @Override
    public double cdf(double x) {
        return x <= 0 ? 0 : -Math.expm1(-x / mean);
    }

    @Override
    public double quantile(double p) {
        Check.probability(p);
        return -mean * Math.log1p(-p);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        return ZigguratSampler.Exponential.of(Objects.requireNonNull(rng, "rng"), mean)::sample;
    }

    @Override
    public double incompleteMoment(int order, double x) {
        // Exponential(mean) is Gamma(1, mean): E[X^k ; X <= x] = mean^k k! P(1 + k, x / mean).
        double factor = order == 1 ? mean : 2 * mean * mean;
        return x <= 0 ? 0 : factor * org.apache.commons.math3.special.Gamma.regularizedGammaP(1 + order, x / mean);
    }

    @Override
    public Exponential scaled(double factor) {
        return ofMean(mean * Check.positive("scale factor", factor));
    }

    @Override
    public String describe() {
        return "exponential(mean=" + Format.number(mean) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Exponential e && Double.compare(mean, e.mean) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(mean);
    }

    @Override
    public String toString() {
        return describe();
    }
}
