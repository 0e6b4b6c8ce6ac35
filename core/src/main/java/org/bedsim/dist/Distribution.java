package org.bedsim.dist;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * An immutable, non-negative continuous distribution (a length of stay or an inter-arrival time, in days)
 * that knows its moments. Binding it to a uniform stream gives a {@link Sampler}.
 */
public interface Distribution {
    /** @return the mean, in days */
    double mean();

    /** @return the variance, in days squared */
    double variance();

    /** @return the standard deviation, in days */
    default double sd() {
        return Math.sqrt(variance());
    }

    /** @return P(X &lt;= x) */
    double cdf(double x);

    /**
     * @param p probability in [0, 1]
     * @return the smallest x with cdf(x) &gt;= p; {@code quantile(0)} is the bottom of the support and
     *     {@code quantile(1)} the top (infinity for unbounded families)
     * @throws IllegalArgumentException if p is outside [0, 1] or NaN
     */
    double quantile(double p);

    /**
     * @param rng the uniform stream the sampler draws from (owned by the caller)
     * @return a fast sampler bound to {@code rng}
     */
    Sampler sampler(UniformRandomProvider rng);

    /** @return a short human description such as {@code lognormal(mean=4.5, sd=6)} */
    String describe();

    /**
     * The distribution of {@code X * factor}, e.g. a length-of-stay reduction of 10% is {@code scaled(0.9)}.
     * Mean scales by {@code factor}, variance by {@code factor^2}. Families closed under scaling (lognormal, gamma,
     * exponential, Weibull, uniform, triangular, fixed, empirical) return the same family with adjusted parameters;
     * anything else is wrapped in {@link Scaled}.
     *
     * @param factor finite and &gt; 0
     * @return the scaled distribution
     */
    default Distribution scaled(double factor) {
        return Scaled.of(this, factor);
    }

    /**
     * The distribution of {@code min(X, max)}, e.g. a stay limited to 21 days. Its moments are exact for the bedsim
     * families (closed-form incomplete moments) and integrated numerically from {@link #cdf} otherwise; the cdf is 1
     * from {@code max} on, so a point mass of {@code 1 - cdf(max)} sits at {@code max}. Capping at or above the top
     * of the support returns this distribution unchanged.
     *
     * @param max finite and &gt; 0
     * @return the capped distribution
     */
    default Distribution capped(double max) {
        return Capped.of(this, max);
    }
}
