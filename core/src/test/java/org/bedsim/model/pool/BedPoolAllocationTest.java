package org.bedsim.model.pool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.bedsim.dist.LogNormal;
import org.bedsim.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The hot-loop guard: a bed pool in steady state allocates (almost) nothing per event. Not a timing test: it counts
 * bytes allocated by this thread (HotSpot's ThreadMXBean), which is deterministic enough to fail CI on a regression
 * such as boxing, an event object per schedule, or a collector that allocates per update.
 */
class BedPoolAllocationTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void standardWorkload_bothPolicies_allocateUnderHalfAByteAnEvent() {
        for (FullPolicy policy : FullPolicy.values()) {
            // the standard workload at a size that queues now and then under WAIT
            BedPoolSettings settings = new BedPoolSettings(400, LogNormal.ofMeanSd(4.5, 6), 1850, policy, 100, 1000);
            RandomStreams streams = new RandomStreams(9);
            new BedPool(settings, streams.replication(0)).run(); // let the JIT compile the loop
            BedPool pool = new BedPool(settings, streams.replication(1));
            long before = allocatedBytes();
            pool.run();
            long bytes = allocatedBytes() - before;
            double perEvent = (double) bytes / pool.eventsExecuted();
            // what is left is set-up and the few doublings of arrays to their working size, spread over ~900,000 events
            assertTrue(perEvent < 0.5, policy + ": " + perEvent + " bytes per event (" + bytes + " bytes for "
                    + pool.eventsExecuted() + " events)");
        }
    }
}
