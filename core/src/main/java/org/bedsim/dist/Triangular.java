package org.bedsim.dist;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The triangular distribution on [min, max] with peak at mode: the "shortest, most likely, longest" estimate a
 * clinician gives when there are no data.
 *
 * <p>Implementation notes. Closed-form cdf and quantile; the sampler inverts one uniform draw. Incomplete moments
 * integrate {@code t^k f(t)} with the variable measured from the nearer end of the support ({@code t = min + s} on
 * the rising side, {@code t = max - s} on the falling side), which keeps every term positive and avoids the
 * cancellation of {@code x^3/3 - min x^2/2}-style differences when the support is narrow and far from 0.
 */
public final class Triangular implements Distribution, IncompleteMoments {
    private final double min;
    private final double mode;
    private final double max;

    private Triangular(double min, double mode, double max) {
        this.min = min;
        this.mode = mode;
        this.max = max;
    }

    /**
     * @param min the lower bound in days, finite and &gt;= 0
     * @param mode the most likely value, in [min, max]
     * @param max the upper bound in days, finite and &gt; min
     * @return the triangular distribution
     */
    public static Triangular of(double min, double mode, double max) {
        Check.nonNegative("triangular min", min);
        Check.finite("triangular mode", mode);
        Check.finite("triangular max", max);
        if (!(max > min)) {
            throw new IllegalArgumentException("triangular max must be > min (" + min + "), was " + max
                    + " (use Fixed.of for a constant)");
        }
        if (!(mode >= min && mode <= max)) {
            throw new IllegalArgumentException("triangular mode must be in [min, max] = [" + min + ", " + max
                    + "], was " + mode);
        }
        return new Triangular(min, mode, max);
    }

    /** @return the lower bound, in days */
    public double min() {
        return min;
    }

    /** @return the most likely value, in days */
    public double mode() {
        return mode;
    }

    /** @return the upper bound, in days */
    public double max() {
        return max;
    }

    @Override
    public double mean() {
        return (min + mode + max) / 3;
    }

    @Override
    public double variance() {
        return (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
    }

    @Override
    public double cdf(double x) {
        if (x <= min) {
            return 0;
        }
        if (x >= max) {
            return 1;
        }
        if (x < mode) {
            double s = x - min;
            return s * s / ((max - min) * (mode - min));
        }
        double u = max - x;
        return 1 - u * u / ((max - min) * (max - mode));
    }

    @Override
    public double quantile(double p) {
        Check.probability(p);
        return quantileOf(p);
    }

    private double quantileOf(double p) {
        double width = max - min;
        if (p * width < mode - min) {
            return min + Math.sqrt(p * width * (mode - min));
        }
        return max - Math.sqrt((1 - p) * width * (max - mode));
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        Objects.requireNonNull(rng, "rng");
        return () -> quantileOf(rng.nextDouble());
    }

    @Override
    public double incompleteMoment(int order, double x) {
        if (x <= min) {
            return 0;
        }
        double width = max - min;
        if (x < mode) {
            // Rising side, t = min + s: int_0^s (min + s')^k 2 s' / (width (mode - min)) ds'.
            double s = x - min;
            double c = 2 / (width * (mode - min));
            return order == 1
                    ? c * s * s * (min / 2 + s / 3)
                    : c * s * s * (min * min / 2 + 2 * min * s / 3 + s * s / 4);
        }
        double full = order == 1 ? mean() : variance() + mean() * mean();
        if (x >= max) {
            return full;
        }
        // Falling side, t = max - s: subtract the upper part int_0^u (max - s)^k 2 s / (width (max - mode)) ds.
        double u = max - x;
        double c = 2 / (width * (max - mode));
        double upper = order == 1
                ? c * u * u * (max / 2 - u / 3)
                : c * u * u * (max * max / 2 - 2 * max * u / 3 + u * u / 4);
        return full - upper;
    }

    @Override
    public Triangular scaled(double factor) {
        Check.positive("scale factor", factor);
        return of(min * factor, mode * factor, max * factor);
    }

    @Override
    public String describe() {
        return "triangular(min=" + Format.number(min) + ", mode=" + Format.number(mode) + ", max="
                + Format.number(max) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Triangular t && Double.compare(min, t.min) == 0 && Double.compare(mode, t.mode) == 0
                && Double.compare(max, t.max) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, mode, max);
    }

    @Override
    public String toString() {
        return describe();
    }
}
