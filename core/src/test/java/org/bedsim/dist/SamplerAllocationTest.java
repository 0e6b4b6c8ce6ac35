package org.bedsim.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Samplers sit on the simulation's hot path: after warm-up they must not allocate per draw. */
class SamplerAllocationTest {
    private static final int WARM_UP = 200_000;
    private static final int DRAWS = 1_000_000;
    private static final double MAX_BYTES_PER_DRAW = 0.01;

    static Stream<Distribution> hotPathDistributions() {
        return Stream.of(Exponential.ofMean(4.5), LogNormal.ofMeanSd(4.5, 6), Gamma.ofMeanSd(20, 15),
                Gamma.ofShapeScale(0.5, 3));
    }

    @ParameterizedTest
    @MethodSource("hotPathDistributions")
    void sample_afterWarmUp_allocatesNothingPerDraw(Distribution d) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting is not available on this JVM");
        long thread = Thread.currentThread().getId();
        Sampler sampler = d.sampler(DistTesting.rng(121L));

        double sink = draw(sampler, WARM_UP);
        long before = threads.getThreadAllocatedBytes(thread);
        sink += draw(sampler, DRAWS);
        long after = threads.getThreadAllocatedBytes(thread);

        double perDraw = (double) (after - before) / DRAWS;
        assertTrue(perDraw < MAX_BYTES_PER_DRAW, () -> d + ": " + perDraw + " bytes per draw");
        assertTrue(sink > 0); // keeps the draws observable
    }

    private static double draw(Sampler sampler, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += sampler.sample();
        }
        return sum;
    }
}
