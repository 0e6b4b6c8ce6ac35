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
 * {@code P(k, x/theta)} of Commons Math. The quantile has no closed form: it solves {@code ln P(k, y) = ln p} for
 * {@code t = ln y}, {@code y = x/theta}, by Newton's method safeguarded by a bracket (bisection when a step leaves
 * it). Logs on both axes make the equation nearly linear in the tails, where plain Newton on {@code P - p} crawls.
 * Above the median it solves {@code ln Q(k, y) = ln(1 - p)} instead, which keeps precision in the upper tail. The
 * start is the Wilson-Hilferty approximation (Wilson &amp; Hilferty 1931) or, for small shapes in the lower tail,
 * {@code (p Gamma(k+1))^(1/k)}; one final Newton step in {@code y} itself recovers the last digits. The sampler is Commons RNG's Marsaglia &amp; Tsang (2000) method for
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
        double target = upper ? 1 - p : p; // 1 - p is exact when upper
        double logTarget = Math.log(target);
        double t = Math.log(initialGuess(p));
        double r = residual(t, upper, logTarget);
        if (r == 0) {
            return Math.exp(t);
        }
        // Bracket the root in t = ln y by stepping away from the guess in doubling steps.
        double lo;
        double hi;
        double step = 1;
        if (r < 0) {
            lo = t;
            hi = t + step;
            while (residual(hi, upper, logTarget) < 0) {
                lo = hi;
                step *= 2;
                hi = t + step;
            }
        } else {
            hi = t;
            lo = t - step;
            while (residual(lo, upper, logTarget) > 0) {
                hi = lo;
                step *= 2;
                lo = t - step;
            }
        }
        // Newton on the log tail probability, bisecting whenever a step leaves the bracket.
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double y = Math.exp(t);
            double tail = tail(y, upper);
            r = upper ? logTarget - Math.log(tail) : Math.log(tail) - logTarget;
            if (r == 0) {
                return y;
            }
            if (r < 0) {
                lo = Math.max(lo, t);
            } else {
                hi = Math.min(hi, t);
            }
            // d(ln tail)/dt = y f(y) / tail, with y f(y) = y^shape e^-y / Gamma(shape)
            double slope = Math.exp(shape * t - y - logGammaShape) / tail;
            double next = t - r / slope;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            double change = Math.abs(next - t);
            t = next;
            if (change <= 2e-16 * Math.max(1, Math.abs(t)) || hi - lo <= 4 * Math.ulp(Math.max(1, Math.abs(t)))) {
                break;
            }
        }
        // Final Newton step in y itself: working in ln y costs relative precision when |ln y| is large.
        double y = Math.exp(t);
        double density = Math.exp((shape - 1) * Math.log(y) - y - logGammaShape);
        double error = upper ? target - tail(y, true) : tail(y, false) - target; // = P(shape, y) - p
        double polished = y - error / density;
        return polished > Math.exp(lo) && polished < Math.exp(hi) ? polished : y;
    }

    /** @return ln of the tail probability at e^t minus ln of its target: increasing in t, zero at the quantile */
    private double residual(double t, boolean upper, double logTarget) {
        double logTail = Math.log(tail(Math.exp(t), upper));
        return upper ? logTarget - logTail : logTail - logTarget;
    }

    /** @return Q(shape, y) when {@code upper}, else P(shape, y) */
    private double tail(double y, boolean upper) {
        if (y <= 0) {
            return upper ? 1 : 0;
        }
        if (y == Double.POSITIVE_INFINITY) {
            return upper ? 0 : 1;
        }
        return upper
                ? org.apache.commons.math3.special.Gamma.regularizedGammaQ(shape, y)
                : org.apache.commons.math3.special.Gamma.regularizedGammaP(shape, y);
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
