/**
 * Length-of-stay and inter-arrival distributions, in days, with their moments.
 *
 * <p>Each family is an immutable value built by a validating static factory ({@code LogNormal.ofMeanSd(4.5, 6)}),
 * knows its mean, variance, cdf and quantile in closed form or to near machine precision, and binds to a uniform
 * stream through {@link org.bedsim.dist.Distribution#sampler} to give an allocation-free {@link org.bedsim.dist.Sampler}.
 * The transformations used by bed-bridge steps, {@link org.bedsim.dist.Distribution#scaled} and
 * {@link org.bedsim.dist.Distribution#capped}, keep the family where that is exact.
 *
 * <p>No class here owns or seeds a random generator: the caller passes the stream.
 */
package org.bedsim.dist;
