package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.cohort;
import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.settings;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.LogNormal;
import org.bedsim.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** The hot-loop guard for the flow model: blocking, queues and census allocate (almost) nothing per event. */
class FlowModelAllocationTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void blockedTandem_allocatesUnderABytePerEvent() {
        FlowSettings s = settings(List.of(ward("acute", 120, AdmissionPolicy.WAIT), ward("community", 40,
                        AdmissionPolicy.WAIT)),
                List.of(cohort("all", 30 * 365.25, "acute", los("acute", LogNormal.ofMeanSd(3, 3), "community",
                        Exponential.ofMean(6)), Map.of("acute", List.of(new Route("community", 0.2),
                        new Route("home", 0.78), new Route("died", 0.02))))), 100, 3650);
        RandomStreams streams = new RandomStreams(4);
        new FlowModel(s, streams.replication(0)).run(); // JIT warm-up
        FlowModel model = new FlowModel(s, streams.replication(1));
        long before = allocatedBytes();
        FlowResult r = model.run();
        long bytes = allocatedBytes() - before;
        double perEvent = (double) bytes / r.events();
        // set-up, array growth and the result records (the census series is part of the result) are all there is
        long census = 3L * 4 * 3650 * 2 * 2; // three int arrays of days x settings, copied twice
        assertTrue(bytes - census < r.events(), perEvent + " bytes per event (" + bytes + " bytes, " + r.events()
                + " events)");
        assertTrue(r.setting("acute").delayedDays() > 0, "the run must exercise blocking");
    }

    @Test
    void renegingWard_allocatesUnderABytePerEvent() {
        // 9.5 a day on 10 beds with a mean patience of 6 hours: thousands leave the queue, to another ward or home
        Cohort c = cohort("all", 9.5 * 365.25, "acute", los("acute", Exponential.ofMean(1), "other",
                Exponential.ofMean(1)), Map.of()).withPatience(new Patience(Exponential.ofMean(0.25), "other"));
        FlowSettings s = settings(List.of(ward("acute", 10, AdmissionPolicy.WAIT), ward("other", 3,
                AdmissionPolicy.WAIT)), List.of(c), 100, 3650);
        RandomStreams streams = new RandomStreams(5);
        new FlowModel(s, streams.replication(0)).run(); // JIT warm-up
        FlowModel model = new FlowModel(s, streams.replication(1));
        long before = allocatedBytes();
        FlowResult r = model.run();
        long bytes = allocatedBytes() - before;
        long series = 8L * 4 * 3650 * 2 * 2; // census and wait series: eight int arrays of days x settings, copied
        assertTrue(bytes - series < r.events(), (double) bytes / r.events() + " bytes per event (" + bytes
                + " bytes, " + r.events() + " events)");
        assertTrue(r.setting("acute").waits().reneged() > 1000, "the run must exercise reneging");
    }
}
