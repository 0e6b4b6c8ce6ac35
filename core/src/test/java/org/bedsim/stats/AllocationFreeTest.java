package org.bedsim.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot-loop methods must not allocate once warmed up: measured with the JVM's per-thread allocation counter
 * around 1,000,000 calls after 200,000 warm-up calls (which also lets the JIT compile them). Inputs are
 * precomputed, and collectors are fields, so escape analysis cannot make the test vacuous.
 */
class AllocationFreeTest {
    private static final int WARM_UP = 200_000;
    private static final int CALLS = 1_000_000;
    private static final int MASK = 1023;
    private static final double MAX_BYTES_PER_CALL = 0.01;

    private static com.sun.management.ThreadMXBean threads;
    private static final int[] LEVELS = new int[MASK + 1];
    private static final double[] VALUES = new double[MASK + 1];

    private Tally tally;
    private TimeWeighted timeWeighted;
    private OccupancyHistogram histogram;
    private OccupancyHistogram census;
    private LogHistogram waits;

    @BeforeAll
    static void setUp() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs com.sun.management.ThreadMXBean");
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "thread allocation accounting unavailable");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        for (int i = 0; i <= MASK; i++) {
            LEVELS[i] = rng.nextInt(60);
            VALUES[i] = i % 7 == 0 ? 0.0 : Math.exp(4.0 * rng.nextDouble() - 2.0); // zeros, waits, > highest
        }
        allocatedBytes(); // first call may initialise the bean
    }

    private static long allocatedBytes() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static void assertNoAllocation(String what, long before, long after) {
        double perCall = (double) (after - before) / CALLS;
        assertTrue(perCall < MAX_BYTES_PER_CALL, what + " allocated " + perCall + " bytes per call");
    }

    @Test
    void tallyAdd_afterWarmUp_allocatesNothing() {
        tally = new Tally();
        addTally(WARM_UP);
        long before = allocatedBytes();
        addTally(CALLS);
        long after = allocatedBytes();
        assertNoAllocation("Tally.add", before, after);
        assertTrue(tally.count() == WARM_UP + CALLS);
    }

    private void addTally(int calls) {
        for (int i = 0; i < calls; i++) {
            tally.add(VALUES[i & MASK]);
        }
    }

    @Test
    void timeWeightedUpdate_afterWarmUp_allocatesNothing() {
        timeWeighted = new TimeWeighted(0.0, 0.0);
        double t = updateTimeWeighted(0.0, WARM_UP);
        long before = allocatedBytes();
        t = updateTimeWeighted(t, CALLS);
        long after = allocatedBytes();
        assertNoAllocation("TimeWeighted.update", before, after);
        assertTrue(timeWeighted.mean(t) > 0.0);
    }

    private double updateTimeWeighted(double t, int calls) {
        for (int i = 0; i < calls; i++) {
            t += 0.001;
            timeWeighted.update(t, LEVELS[i & MASK]);
        }
        return t;
    }

    @Test
    void occupancyHistogramUpdate_afterWarmUpReachesMaxLevel_allocatesNothing() {
        histogram = new OccupancyHistogram(0.0, 0, 8); // grows during warm-up, never afterwards
        double t = updateHistogram(0.0, WARM_UP);
        long before = allocatedBytes();
        t = updateHistogram(t, CALLS);
        long after = allocatedBytes();
        assertNoAllocation("OccupancyHistogram.update", before, after);
        histogram.close(t);
        assertTrue(histogram.maxLevel() == 59);
    }

    private double updateHistogram(double t, int calls) {
        for (int i = 0; i < calls; i++) {
            t += 0.001;
            histogram.update(t, LEVELS[i & MASK]);
        }
        return t;
    }

    @Test
    void occupancyHistogramAdd_afterWarmUp_allocatesNothing() {
        census = OccupancyHistogram.forCounts(60);
        addCensus(WARM_UP);
        long before = allocatedBytes();
        addCensus(CALLS);
        long after = allocatedBytes();
        assertNoAllocation("OccupancyHistogram.add", before, after);
        assertTrue(census.totalTime() == WARM_UP + CALLS);
    }

    private void addCensus(int calls) {
        for (int i = 0; i < calls; i++) {
            census.add(LEVELS[i & MASK], 1.0);
        }
    }

    @Test
    void logHistogramRecord_afterWarmUp_allocatesNothing() {
        waits = new LogHistogram(0.5, 5.0, 3); // VALUES hold zeros, underflow, in-range and overflow values
        recordWaits(WARM_UP);
        long before = allocatedBytes();
        recordWaits(CALLS);
        long after = allocatedBytes();
        assertNoAllocation("LogHistogram.record", before, after);
        assertTrue(waits.count() == WARM_UP + CALLS && waits.underflowCount() > 0 && waits.overflowCount() > 0);
    }

    private void recordWaits(int calls) {
        for (int i = 0; i < calls; i++) {
            waits.record(VALUES[i & MASK]);
        }
    }
}
