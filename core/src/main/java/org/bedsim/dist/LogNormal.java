package org.bedsim.dist;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The lognormal distribution: {@code exp(mu + sigma Z)} with Z standard normal. The usual model for lengths of stay,
 * which are right-skewed with a long tail.
 *
 * <p>Implementation notes. Planners state a mean and a standard deviation in days; {@link #ofMeanSd} converts them
 * with {@code sigma^2 = ln(1 + sd^2/mean^2)} and {@code mu = ln(mean) - sigma^2/2} (computed with {@code log1p}) and
 * keeps the given mean and sd as the exact moments, so {@code ofMeanSd(4.5, 6).mean()} is 4.5. The cdf and quantile
 * go through {@link StandardNormal}. The sampler applies {@code exp} to a ziggurat normal draw (McFarland 2016).
 * Incomplete moments are {@code E[X^k ; X <= x] = E[X^k] Phi((ln x - mu - k sigma^2) / sigma)}.
 */
public final class LogNormal implements Distribution, IncompleteMoments {
    private final double mu;
    private final double sigma;
    private final double mean;
    private final double variance;
    private final double sd;
    /** True when built from mean and sd, which are then the defining parameters (and shown by describe). */
    private final boolean fromMeanSd;

    private LogNormal(double mu, double sigma, double mean, double sd, double variance, boolean fromMeanSd) {
        this.mu = mu;
        this.sigma = sigma;
        this.mean = mean;
        this.sd = sd;
        this.variance = variance;
        this.fromMeanSd = fromMeanSd;
    }

    /**
     * @param mean the mean in days, finite and &gt; 0
     * @param sd the standard deviation in days, finite and &gt; 0
     * @return the lognormal distribution with these moments
     */
    public static LogNormal ofMeanSd(double mean, double sd) {
        Check.positive("lognormal mean", mean);
        Check.positive("lognormal sd", sd);
        double cv = sd / mean;
        double sigma2 = Math.log1p(cv * cv);
        String from = "lognormal(mean=" + mean + ", sd=" + sd + ")";
        Check.derivedPositive("sigma", sigma2, from);
        double variance = Check.derivedPositive("variance", sd * sd, from);
        return new LogNormal(Math.log(mean) - 0.5 * sigma2, Math.sqrt(sigma2), mean, sd, variance, true);
    }

    /**
     * @param mu the mean of {@code ln X}, finite
     * @param sigma the standard deviation of {@code ln X}, finite and &gt; 0
     * @return the lognormal distribution with these log-scale parameters
     */
    public static LogNormal ofMuSigma(double mu, double sigma) {
        Check.finite("lognormal mu", mu);
        Check.positive("lognormal sigma", sigma);
        double sigma2 = sigma * sigma;
        double mean = Math.exp(mu + 0.5 * sigma2);
        double variance = Math.exp(2 * mu + sigma2) * Math.expm1(sigma2);
        String from = "lognormal(mu=" + mu + ", sigma=" + sigma + ")";
        Check.derivedPositive("mean", mean, from);
        Check.derivedPositive("variance", variance, from);
        return new LogNormal(mu, sigma, mean, Math.sqrt(variance), variance, false);
    }

    /** @return the mean of {@code ln X} */
    public double mu() {
        return mu;
    }

    /** @return the standard deviation of {@code ln X} */
    public double sigma() {
        return sigma;
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
        return x <= 0 ? 0 : StandardNormal.cdf((Math.log(x) - mu) / sigma);
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
        return Math.exp(mu + sigma * StandardNormal.quantile(p));
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        return new LogNormalSampler(ZigguratSampler.NormalizedGaussian.of(Objects.requireNonNull(rng, "rng")),
                mu, sigma);
    }

    @Override
    public double incompleteMoment(int order, double x) {
        if (x <= 0) {
            return 0;
        }
        double raw = order == 1 ? mean : variance + mean * mean;
        return raw * StandardNormal.cdf((Math.log(x) - mu - order * sigma * sigma) / sigma);
    }

    /** Scaling by f multiplies mean and sd by f, i.e. adds ln f to mu; sigma is unchanged. */
    @Override
    public LogNormal scaled(double factor) {
        Check.positive("scale factor", factor);
        return fromMeanSd ? ofMeanSd(mean * factor, sd * factor) : ofMuSigma(mu + Math.log(factor), sigma);
    }

    @Override
    public String describe() {
        return fromMeanSd
                ? "lognormal(mean=" + Format.number(mean) + ", sd=" + Format.number(sd) + ")"
                : "lognormal(mu=" + Format.number(mu) + ", sigma=" + Format.number(sigma) + ")";
    }

    /** Equal when built in the same form from the same parameters. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LogNormal l && fromMeanSd == l.fromMeanSd
                && Double.compare(mu, l.mu) == 0 && Double.compare(sigma, l.sigma) == 0
                && Double.compare(mean, l.mean) == 0 && Double.compare(sd, l.sd) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromMeanSd, mu, sigma, mean, sd);
    }

    @Override
    public String toString() {
        return describe();
    }

    private static final class LogNormalSampler implements Sampler {
        private final ZigguratSampler.NormalizedGaussian gaussian;
        private final double mu;
        private final double sigma;

        LogNormalSampler(ZigguratSampler.NormalizedGaussian gaussian, double mu, double sigma) {
            this.gaussian = gaussian;
            this.mu = mu;
            this.sigma = sigma;
        }

        @Override
        public double sample() {
            return Math.exp(mu + sigma * gaussian.sample());
        }
    }
}
