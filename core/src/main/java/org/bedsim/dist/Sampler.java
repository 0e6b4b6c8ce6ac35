package org.bedsim.dist;

/**
 * Draws values from one distribution using one uniform stream. A sampler is bound to its stream
 * and is not thread-safe; it must not allocate per call.
 */
@FunctionalInterface
public interface Sampler {
    /** @return the next draw */
    double sample();
}
