package org.bedsim.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Counter-based random numbers: the draws of item {@code n} of a keyed stream, computed on demand and independent of
 * which other items were drawn, or in which order.
 *
 * <p>Implementation notes. A model that draws a patient's stays when the patient arrives keeps common random numbers
 * only if every patient draws the same number of values from each stream, so it must draw values it may never use
 * (a stay in every setting the cohort could reach). Here the n-th patient's stay in a setting is instead a pure
 * function of the stream's key and n: {@link #position} starts a SplitMix64 sequence (Steele, Lea and Flood 2014) at
 * {@code mix(key + mix(n * golden))}, where {@code mix} is the SplitMix64 finaliser (Stafford's variant 13), and
 * a sampler bound to this provider draws the value from there (a ziggurat sampler takes one or two 64-bit words). Two
 * items' sequences start at unrelated points of the 2^64 cycle and are a handful of words long. Keys come from
 * {@link RandomStreams}, so they are named and derived from the master seed. {@link #uniform} gives a single uniform
 * without a sampler. Not thread-safe: one instance per sampler and replication.
 */
public final class CounterRandom implements UniformRandomProvider {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    /** @return the SplitMix64 finaliser of {@code z}: a bijective mix of 64 bits */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return the start of item {@code index}'s sequence in stream {@code key} */
    public static long start(long key, long index) {
        return mix(key + mix(index * GOLDEN));
    }

    /** @return a uniform number in [0, 1) that is a function of (key, index) only */
    public static double uniform(long key, long index) {
        return (mix(start(key, index) + GOLDEN) >>> 11) * 0x1.0p-53;
    }

    /**
     * Positions this provider at the start of item {@code index} of stream {@code key}.
     *
     * @return this
     */
    public CounterRandom position(long key, long index) {
        state = start(key, index);
        return this;
    }

    @Override
    public long nextLong() {
        return mix(state += GOLDEN);
    }
}
