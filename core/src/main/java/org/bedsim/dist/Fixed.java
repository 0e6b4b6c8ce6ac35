package org.bedsim.dist;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A constant (a degenerate distribution): every draw is the same value, variance 0. Its sampler returns the value
 * without consuming randomness, so swapping a random stay for a fixed one changes no other stream.
 */
public final class Fixed implements Distribution, IncompleteMoments {
    private final double value;

    private Fixed(double value) {
        this.value = value;
    }

    /**
     * @param value the constant in days, finite and &gt;= 0
     * @return the degenerate distribution at {@code value}
     */
    public static Fixed of(double value) {
        return new Fixed(Check.nonNegative("fixed value", value) + 0.0); // + 0.0 turns -0.0 into 0.0
    }

    /** @return the constant, in days */
    public double value() {
        return value;
    }

    @Override
    public double mean() {
        return value;
    }

    @Override
    public double variance() {
        return 0;
    }

    @Override
    public double cdf(double x) {
        return x >= value ? 1 : 0;
    }

    @Override
    public double quantile(double p) {
        Check.probability(p);
        return value;
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        Objects.requireNonNull(rng, "rng");
        double constant = value;
        return () -> constant;
    }

    @Override
    public double incompleteMoment(int order, double x) {
        return x >= value ? (order == 1 ? value : value * value) : 0;
    }

    @Override
    public Fixed scaled(double factor) {
        return of(value * Check.positive("scale factor", factor));
    }

    @Override
    public Fixed capped(double max) {
        return of(Math.min(value, Check.positive("cap", max)));
    }

    @Override
    public String describe() {
        return "fixed(" + Format.number(value) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fixed f && Double.compare(value, f.value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return describe();
    }
}
