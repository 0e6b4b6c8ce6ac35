package org.bedsim.dist;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * {@code X * factor} for a distribution that is not closed under scaling (the bedsim families return their own
 * family from {@link Distribution#scaled}; this wrapper serves any other implementation). Moments, cdf and quantile
 * follow exactly from the inner distribution; the sampler multiplies each inner draw.
 */
public final class Scaled implements Distribution {
    private final Distribution inner;
    private final double factor;

    private Scaled(Distribution inner, double factor) {
        this.inner = inner;
        this.factor = factor;
    }

    /** Builds {@code inner * factor}, folding nested scalings into one factor. */
    static Scaled of(Distribution inner, double factor) {
        Objects.requireNonNull(inner, "inner");
        Check.positive("scale factor", factor);
        if (inner instanceof Scaled s) {
            return new Scaled(s.inner, Check.derivedPositive("scale factor", s.factor * factor, s.describe()));
        }
        return new Scaled(inner, factor);
    }

    /** @return the distribution being scaled */
    public Distribution inner() {
        return inner;
    }

    /** @return the multiplier */
    public double factor() {
        return factor;
    }

    @Override
    public double mean() {
        return inner.mean() * factor;
    }

    @Override
    public double variance() {
        return inner.variance() * factor * factor;
    }

    @Override
    public double sd() {
        return inner.sd() * factor;
    }

    @Override
    public double cdf(double x) {
        return inner.cdf(x / factor);
    }

    @Override
    public double quantile(double p) {
        return inner.quantile(p) * factor;
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        Sampler draws = inner.sampler(rng);
        double f = factor;
        return () -> draws.sample() * f;
    }

    @Override
    public Scaled scaled(double factor) {
        return of(this, factor);
    }

    @Override
    public String describe() {
        return "scaled(" + inner.describe() + ", factor=" + Format.number(factor) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scaled s && Double.compare(factor, s.factor) == 0 && inner.equals(s.inner);
    }

    @Override
    public int hashCode() {
        return 31 * inner.hashCode() + Double.hashCode(factor);
    }

    @Override
    public String toString() {
        return describe();
    }
}
