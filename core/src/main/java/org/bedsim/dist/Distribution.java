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
     * @return the smallest x with cdf(x) &gt;= p
     */
    double quantile(double p);

    /**
     * @param rng the uniform stream the sampler draws from (owned by the caller)
     * @return a fast sampler bound to {@code rng}
     */
    Sampler sampler(UniformRandomProvider rng);

    /** @return a short human description such as {@code lognormal(mean=4.5, sd=6)} */
    String describe();
}
