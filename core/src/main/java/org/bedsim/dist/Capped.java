package org.bedsim.dist;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * {@code min(X, max)}: a distribution with its upper tail moved onto a point mass at {@code max} (a length of stay
 * limited by policy, or the "cap long stays" step of a bed bridge).
 *
 * <p>Implementation notes. The moments are fixed at construction from
 * {@code E[min(X,m)^k] = E[X^k ; X <= m] + m^k (1 - F(m))}. For the bedsim families the incomplete moment has a closed
 * form ({@link IncompleteMoments}); for any other non-negative distribution the equivalent integrals
 * {@code E[min(X,m)] = int_0^m (1 - F(x)) dx} and {@code E[min(X,m)^2] = int_0^m 2x (1 - F(x)) dx} are evaluated by
 * adaptive Gauss-Kronrod quadrature ({@link Quadrature}) to a relative error of about 1e-12. The variance is
 * {@code E[min^2] - E[min]^2}, clamped at 0; it loses relative precision only when the cap sits far below the bulk of
 * the distribution (almost all mass at the cap). Scaling a capped distribution scales inner and cap together with the
 * moments carried over exactly; capping again keeps the lower cap.
 */
public final class Capped implements Distribution {
    private static final double REL_TOL = 1e-12;
    private static final int MAX_INTERVALS = 20_000;

    private final Distribution inner;
    private final double max;
    private final double mean;
    private final double variance;

    private Capped(Distribution inner, double max, double mean, double variance) {
        this.inner = inner;
        this.max = max;
        this.mean = mean;
        this.variance = variance;
    }

    /**
     * Builds {@code min(inner, max)}; returns {@code inner} itself when {@code max} is at or above the top of its
     * support ({@code inner.quantile(1)}), since capping there changes nothing.
     */
    static Distribution of(Distribution inner, double max) {
        Objects.requireNonNull(inner, "inner");
        Check.positive("cap", max);
        if (inner instanceof Capped c) {
            return c.capped(max);
        }
        if (max >= inner.quantile(1)) {
            return inner;
        }
        double first = cappedMoment(inner, 1, max);
        double second = cappedMoment(inner, 2, max);
        return new Capped(inner, max, first, Math.max(0, second - first * first));
    }

    /** @return E[min(X, cap)^order] for order 1 or 2 */
    static double cappedMoment(Distribution dist, int order, double cap) {
        double capPower = order == 1 ? cap : cap * cap;
        if (dist instanceof IncompleteMoments closedForm) {
            return closedForm.incompleteMoment(order, cap) + capPower * (1 - dist.cdf(cap));
        }
        try {
            return order == 1
                    ? Quadrature.integrate(x -> 1 - dist.cdf(x), 0, cap, REL_TOL, MAX_INTERVALS)
                    : Quadrature.integrate(x -> 2 * x * (1 - dist.cdf(x)), 0, cap, REL_TOL, MAX_INTERVALS);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("cannot cap " + dist.describe() + " at " + cap
                    + ": its capped moments did not converge numerically", e);
        }
    }

    /** @return the distribution being capped */
    public Distribution inner() {
        return inner;
    }

    /** @return the cap, in days */
    public double max() {
        return max;
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
        return x >= max ? 1 : inner.cdf(x);
    }

    @Override
    public double quantile(double p) {
        return Math.min(inner.quantile(p), max);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        Sampler draws = inner.sampler(rng);
        double cap = max;
        return () -> Math.min(draws.sample(), cap);
    }

    /** {@code min(X, m) * f = min(X f, m f)}: scales inner and cap, carrying the moments over exactly. */
    @Override
    public Distribution scaled(double factor) {
        Check.positive("scale factor", factor);
        Distribution scaledInner = inner.scaled(factor);
        double scaledMax = Check.derivedPositive("cap", max * factor, describe() + " scaled by " + factor);
        return new Capped(scaledInner, scaledMax, mean * factor, variance * factor * factor);
    }

    /** {@code min(min(X, a), b) = min(X, min(a, b))}. */
    @Override
    public Distribution capped(double newMax) {
        Check.positive("cap", newMax);
        return newMax >= max ? this : of(inner, newMax);
    }

    @Override
    public String describe() {
        return "capped(" + inner.describe() + ", max=" + Format.number(max) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capped c && Double.compare(max, c.max) == 0 && inner.equals(c.inner);
    }

    @Override
    public int hashCode() {
        return 31 * inner.hashCode() + Double.hashCode(max);
    }

    @Override
    public String toString() {
        return describe();
    }
}
