package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.settings;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

class PreFlightTest {

    @Test
    void loads_withReadmissionAndRouting_matchTheSimulatedOccupancy() {
        Cohort c = new Cohort("all", Cohort.AdmissionType.NON_ELECTIVE, "all", "acute",
                ArrivalPattern.flat(20 * 365.25), null,
                los("acute", Exponential.ofMean(4), "community", Exponential.ofMean(10)),
                Map.of("acute", List.of(new Route("community", 0.25), new Route("home", 0.75))),
                new Readmission(0.2, 30, "all"), null);
        FlowSettings s = settings(List.of(ward("acute", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT),
                ward("community", 30, AdmissionPolicy.WAIT)), List.of(c), 100, 1000)
                .withUnconstrained(true);
        List<PreFlight.Load> loads = PreFlight.loads(s);
        // arrivals a day: 20 / (1 - 0.2), every patient reaching home eventually
        assertEquals(25.0, loads.get(0).admissionsPerDay(), 1e-9);
        assertEquals(100.0, loads.get(0).offeredLoad(), 1e-9);
        assertEquals(62.5, loads.get(1).offeredLoad(), 1e-9);
        assertTrue(loads.get(0).capacity() == CapacityTimeline.UNLIMITED && !loads.get(0).overloaded());
        FlowSummary sum = FlowExperiment.run(s, 3, 8, 2);
        ConfidenceInterval acute = ConfidenceInterval.of(sum.values("acute", SettingKpi.MEAN_OCCUPANCY), 0.999);
        ConfidenceInterval community = ConfidenceInterval.of(sum.values("community", SettingKpi.MEAN_OCCUPANCY),
                0.999);
        assertTrue(acute.contains(100.0), acute.toString());
        assertTrue(community.contains(62.5), community.toString());
    }
}
