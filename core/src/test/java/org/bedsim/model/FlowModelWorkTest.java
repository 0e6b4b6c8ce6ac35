package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.cohort;
import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.settings;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.LogNormal;
import org.bedsim.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * Deterministic work counters of the event-driven model: an algorithmic regression (an extra event per patient, a
 * timer per queue move) fails here without timing anything.
 */
class FlowModelWorkTest {

    @Test
    void events_blockedTandem_exactlyOneArrivalAndOneEventPerStay() {
        FlowSettings s = settings(List.of(ward("acute", 30, AdmissionPolicy.WAIT),
                ward("community", 8, AdmissionPolicy.WAIT)),
                List.of(cohort("older", 2200, "acute", los("acute", LogNormal.ofMeanSd(4, 4), "community",
                        Exponential.ofMean(12)), Map.of("acute", List.of(new Route("home", 0.6),
                                new Route("community", 0.4))))), 0, 200);
        FlowModel model = new FlowModel(s, new RandomStreams(11).replication(0));
        FlowResult r = model.run();
        long discharges = 0;
        long blockedAtEnd = 0;
        int last = r.census().days() - 1;
        for (int i = 0; i < 2; i++) {
            discharges += r.settings().get(i).dischargesTo().values().stream().mapToLong(Long::longValue).sum();
            blockedAtEnd += r.census().delayed(last, i);
        }
        assertTrue(r.setting("acute").delayedDays() > 0, "the community ward is full at times: patients wait in acute");
        assertTrue(r.setting("acute").waitCount() > 0, "and arrivals wait for acute beds");
        // each arrival is one timer event, each stay one event when it ends (a discharge or a block); moving a
        // patient out of a queue or a blocked bed costs no event; plus one census a day (the last after the run)
        assertEquals(r.arrivals() + discharges + blockedAtEnd + (200 - 1), model.eventsExecuted());
    }

    @Test
    void timers_manyCohorts_superposedOnOneArrivalTimer() {
        // five arrival processes share one timer: the kernel's timer heap holds the arrivals, the census and the
        // bookings whatever the number of cohorts, and each arrival is still exactly one event
        List<Cohort> cohorts = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cohorts.add(cohort("c" + i, 300 + 100 * i, "acute", los("acute", Exponential.ofMean(2 + i)), Map.of()));
        }
        FlowSettings s = settings(List.of(ward("acute", 60, AdmissionPolicy.WAIT)), cohorts, 0, 200);
        FlowModel model = new FlowModel(s, new RandomStreams(12).replication(0));
        FlowResult r = model.run();
        assertEquals(3, model.kernelTimers());
        long discharges = r.setting("acute").dischargesTo().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(r.arrivals() + discharges + (200 - 1), model.eventsExecuted());
    }
}
