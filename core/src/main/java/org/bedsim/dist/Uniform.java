package org.bedsim.dist;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/** The continuous uniform distribution on [min, max]; sampled by inversion of one uniform draw. */
public final class Uniform implements Distribution, IncompleteMoments {
    private final double min;
    private final double max;

    private Uniform(double min, double max) {
        this.min = min;
        this.max = max;
    }

    /**
     * @param min the lower bound in days, finite and &gt;= 0
     * @param max the upper bound in days, finite and &gt; min
     * @return the uniform distribution on [min, max]
     */
    public static Uniform of(double min, double max) {
        Check.nonNegative("uniform min", min);
        Check.finite("uniform max", max);
        if (!(max > min)) {
            throw new IllegalArgumentException("uniform max must be > min (" + min + "), was " + max
                    + " (use Fixed.of for a constant)");
        }
        return new Uniform(min, max);
    }

    /** @return the lower bound, in days */
    public double min() {
        return min;
    }

    /** @return the upper bound, in days */
    public double max() {
        return max;
    }

    @Override
    public double mean() {
        return 0.5 * (min + max);
    }

    @Override
    public double variance() {
        double width = max - min;
        return width * width / 12;
    }

    @Override
    public double cdf(double x) {
        if (x <= min) {
            return 0;
        }
        return x >= max ? 1 : (x - min) / (max - min);
    }

    @Override
    public double quantile(double p) {
        Check.probability(p);
        return p == 1 ? max : min + p * (max - min);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        Objects.requireNonNull(rng, "rng");
        double width = max - min;
        return () -> min + rng.nextDouble() * width;
    }

    @Override
    public double incompleteMoment(int order, double x) {
        if (x <= min) {
            return 0;
        }
        double y = Math.min(x, max);
        // Factored forms of (y^(k+1) - min^(k+1)) / ((k+1)(max - min)): no cancellation when min is large.
        double mass = (y - min) / (max - min);
        return order == 1 ? mass * 0.5 * (min + y) : mass * (min * min + min * y + y * y) / 3;
    }

    @Override
    public Uniform scaled(double factor) {
        Check.positive("scale factor", factor);
        return of(min * factor, max * factor);
    }

    @Override
    public String describe() {
        return "uniform(min=" + Format.number(min) + ", max=" + Format.number(max) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uniform u && Double.compare(min, u.min) == 0 && Double.compare(max, u.max) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max);
    }

    @Override
    public String toString() {
        return describe();
    }
}
