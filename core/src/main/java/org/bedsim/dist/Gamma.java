package org.bedsim.dist;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;

/**
 * The gamma distribution with shape k and scale theta (mean {@code k theta}, variance {@code k theta^2}): a
 * lighter-tailed alternative to the lognormal for lengths of stay, and the Erlang family for integer shapes.
 *
 * <p>Implementation notes. {@link #ofMeanSd} converts with {@code k = (mean/sd)^2}, {@code theta = sd^2/mean} and keeps
 * the given mean and sd as the exact moments. The cdf is the regularized lower incomplete gamma function
 * {@code P(k, x/theta)} of Commons Math. The quantile has no closed form: it is solved for {@code t = ln(x/theta)}
 * by Newton's method safeguarded by a bracket (bisection when a step leaves it), starting from the Wilson-Hilferty
 * approximation (Wilson &amp; Hilferty 1931) or, for small shapes, from the lower-tail {@code (p Gamma(k+1))^(1/k)};
 * above the median it solves {@code Q(k, y) = 1 - p}, which keeps precision in the upper tail, and ends with one
 * Newton step in {@code y} itself. The sampler is Commons RNG's Marsaglia &amp; Tsang (2000) method for
 * {@code k >= 1} and Ahrens &amp; Dieter (1974) for {@code k < 1}. Incomplete moments are
 * {@code E[X^j ; X <= x] = theta^j k(k+1)..(k+j-1) P(k + j, x/theta)}.
 */
public final class Gamma implements Distribution, IncompleteMoments {
    private static final int MAX_ITERATIONS = 200;

    private final double shape;
    private final double scale;
    private final double mean;
    private final double sd;
    private final double variance;
    private final double logGammaShape;
    /** True when built from mean and sd, which are then the defining parameters (and shown by describe). */
    private final boolean fromMeanSd;

    private Gamma(double shape, double scale, double mean, double sd, double variance, boolean fromMeanSd) {
        this.shape = shape;
        this.scale = scale;
        this.mean = mean;
        this.sd = sd;
        this.variance = variance;
        this.logGammaShape = org.apache.commons.math3.special.Gamma.logGamma(shape);
        this.fromMeanSd = fromMeanSd;
    }

    /**
     * @param mean the mean in days, finite and &gt; 0
     * @param sd the standard deviation in days, finite and &gt; 0
     * @return the gamma distribution with these moments
     */
    public static Gamma ofMeanSd(double mean, double sd) {
        Check.positive("gamma mean", mean);
        Check.positive("gamma sd", sd);
        double cv = sd / mean;
        String from = "gamma(mean=" + mean + ", sd=" + sd + ")";
        double shape = Check.derivedPositive("shape", 1 / (cv * cv), from);
        double scale = Check.derivedPositive("scale", sd * cv, from);
        double variance = Check.derivedPositive("variance", sd * sd, from);
        return new Gamma(shape, scale, mean, sd, variance, true);
    }

    /**
     * @param shape the shape k, finite and &gt; 0
     * @param scale the scale theta in days, finite and &gt; 0
     * @return the gamma distribution with mean {@code k theta}
     */
    public static Gamma ofShapeScale(double shape, double scale) {
        Check.positive("gamma shape", shape);
        Check.positive("gamma scale", scale);
        String from = "gamma(shape=" + shape + ", scale=" + scale + ")";
        double mean = Check.derivedPositive("mean", shape * scale, from);
        double variance = Check.derivedPositive("variance", mean * scale, from);
        return new Gamma(shape, scale, mean, Math.sqrt(variance), variance, false);
    }

    /** @return the shape k */
    public double shape() {
        return shape;
    }

    /** @return the scale theta, in days */
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
    public double sd() {
        return sd;
    }

    @Override
    public double cdf(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1;
        }
        return org.apache.commons.math3.special.Gamma.regularizedGammaP(shape, x / scale);
    }

    @Override
    public double quantile(double p) {
        Check.probability(p);
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        return scale * standardQuantile(p);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        // Commons RNG 1.6: of(rng, alpha = shape, theta = scale).
        return AhrensDieterMarsagliaTsangGammaSampler.of(Objects.requireNonNull(rng, "rng"), shape, scale)::sample;
    }

    @Override
    public double incompleteMoment(int order, double x) {
        if (x <= 0) {
            return 0;
        }
        double raw = order == 1 ? mean : variance + mean * mean;
        if (x == Double.POSITIVE_INFINITY) {
            return raw;
        }
        return raw * org.apache.commons.math3.special.Gamma.regularizedGammaP(shape + order, x / scale);
    }

    @Override
    public Gamma scaled(double factor) {
        Check.positive("scale factor", factor);
        return fromMeanSd ? ofMeanSd(mean * factor, sd * factor) : ofShapeScale(shape, scale * factor);
    }

    /** @return y with P(shape, y) = p, for 0 &lt; p &lt; 1 */
    private double standardQuantile(double p) {
        boolean upper = p > 0.5;
        double q = 1 - p; // exact when upper
        double t = Math.log(initialGuess(p));
        double r = residual(Math.exp(t), p, q, upper);
        if (r == 0) {
            return Math.exp(t);
        }
        // Bracket the root in t = ln y by stepping away from the guess in growing steps.
        double lo;
        double hi;
        double step = 1;
        if (r < 0) {
            lo = t;
            hi = t + step;
            while (residual(Math.exp(hi), p, q, upper) < 0) {
                lo = hi;
                step *= 2;
                hi = t + step;
            }
        } else {
            hi = t;
            lo = t - step;
            while (residual(Math.exp(lo), p, q, upper) > 0) {
                hi = lo;
                step *= 2;
                lo = t - step;
            }
        }
        // Newton on r(t) = P(shape, e^t) - p, whose derivative is y f(y); bisect when a step leaves the bracket.
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double y = Math.exp(t);
            r = residual(y, p, q, upper);
            if (r == 0) {
                return y;
            }
            if (r < 0) {
                lo = Math.max(lo, t);
            } else {
                hi = Math.min(hi, t);
            }
            double next = t - r / Math.exp(shape * t - y - logGammaShape);
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            double change = Math.abs(next - t);
            t = next;
            if (change <= 2e-16 * Math.max(1, Math.abs(t)) || hi - lo <= 4 * Math.ulp(Math.max(1, Math.abs(t)))) {
                break;
            }
        }
        // Final Newton step in y itself: log space costs relative precision when |t| is large.
        double y = Math.exp(t);
        double density = Math.exp((shape - 1) * Math.log(y) - y - logGammaShape);
        double polished = y - residual(y, p, q, upper) / density;
        return polished > Math.exp(lo) && polished < Math.exp(hi) ? polished : y;
    }

    /** @return P(shape, y) - p, computed from the upper tail Q when {@code upper} */
    private double residual(double y, double p, double q, boolean upper) {
        if (y <= 0) {
            return -p;
        }
        if (y == Double.POSITIVE_INFINITY) {
            return q;
        }
        return upper
                ? q - org.apache.commons.math3.special.Gamma.regularizedGammaQ(shape, y)
                : org.apache.commons.math3.special.Gamma.regularizedGammaP(shape, y) - p;
    }

    private double initialGuess(double p) {
        double c = 1 / (9 * shape);
        double wh = shape * Math.pow(1 - c + StandardNormal.quantile(p) * Math.sqrt(c), 3);
        double guess = wh;
        if (!(wh > 0) || (shape < 1 && p < 0.5)) {
            // Lower tail: P(k, y) ~ y^k / Gamma(k + 1) as y -> 0.
            guess = Math.exp((Math.log(p) + org.apache.commons.math3.special.Gamma.logGamma(shape + 1)) / shape);
        }
        return Math.min(Math.max(guess, 1e-300), 1e300);
    }

    @Override
    public String describe() {
        return fromMeanSd
                ? "gamma(mean=" + Format.number(mean) + ", sd=" + Format.number(sd) + ")"
                : "gamma(shape=" + Format.number(shape) + ", scale=" + Format.number(scale) + ")";
    }

    /** Equal when built in the same form from the same parameters. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Gamma g && fromMeanSd == g.fromMeanSd
                && Double.compare(shape, g.shape) == 0 && Double.compare(scale, g.scale) == 0
                && Double.compare(mean, g.mean) == 0 && Double.compare(sd, g.sd) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromMeanSd, shape, scale, mean, sd);
    }

    @Override
    public String toString() {
        return describe();
    }
}
