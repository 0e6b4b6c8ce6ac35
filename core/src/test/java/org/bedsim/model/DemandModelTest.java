package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.START;
import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.Fixed;
import org.bedsim.dist.Gamma;
import org.bedsim.dist.LogNormal;
import org.bedsim.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** The demand fast path against the event-driven model: the same census, exactly, where both apply. */
class DemandModelTest {
    private static final double[] WEEK = {1.12, 1.04, 1.0, 1.0, 1.0, 0.9, 0.94};
    private static final double[] WINTER = {1.12, 1.08, 1.04, 1, 0.96, 0.92, 0.92, 0.92, 0.96, 1, 1.04, 1.08};

    private static FlowSettings unconstrained(List<CareSetting> wards, List<Cohort> cohorts, double warmup,
            double horizon) {
        List<CareSetting> all = new ArrayList<>(wards);
        all.add(CareSetting.sink("home"));
        all.add(CareSetting.sink("died"));
        return new FlowSettings(all, cohorts, START, warmup, horizon, 0.92, 0.05, true);
    }

    /** Emergency cohorts with weekly and winter profiles and growth, at two sites. */
    private static FlowSettings profiledSites() {
        Cohort older = new Cohort("older", Cohort.AdmissionType.NON_ELECTIVE, "older", "north",
                new ArrivalPattern(9000, WEEK, WINTER, 0.02), null, los("north", LogNormal.ofMeanSd(7.5, 9)),
                Map.of(), null, null);
        Cohort adults = new Cohort("adults", Cohort.AdmissionType.NON_ELECTIVE, "adults", "south",
                new ArrivalPattern(7000, WEEK, null, 0), null, los("south", Exponential.ofMean(3)), Map.of(), null,
                new Avoidance(0.3, null));
        return unconstrained(List.of(ward("north", 50, AdmissionPolicy.WAIT), ward("south", 40, AdmissionPolicy.LOSE)),
                List.of(older, adults), 56, 365);
    }

    /** Routing with branches and a loop back (revisits), deaths, and avoided patients redirected to a virtual ward. */
    private static FlowSettings pathways() {
        Map<String, List<Route>> routing = new LinkedHashMap<>();
        routing.put("acute", List.of(new Route("home", 0.6), new Route("community", 0.3), new Route("died", 0.1)));
        routing.put("community", List.of(new Route("home", 0.7), new Route("acute", 0.3)));
        routing.put("virtual", List.of(new Route("home", 0.8), new Route("acute", 0.2)));
        Cohort frail = new Cohort("frail", Cohort.AdmissionType.NON_ELECTIVE, "older", "acute",
                new ArrivalPattern(6000, WEEK, WINTER, 0.01), null,
                los("acute", LogNormal.ofMeanSd(6, 7), "community", Gamma.ofMeanSd(20, 12), "virtual",
                        Fixed.of(7)),
                routing, null, new Avoidance(0.25, "virtual"));
        Cohort stroke = new Cohort("stroke", Cohort.AdmissionType.NON_ELECTIVE, "older", "acute",
                ArrivalPattern.flat(900), null,
                los("acute", Gamma.ofMeanSd(10, 5), "community", LogNormal.ofMeanSd(30, 15)),
                Map.of("acute", List.of(new Route("community", 1.0))), null, null);
        return unconstrained(List.of(ward("acute", 100, AdmissionPolicy.WAIT),
                ward("community", 30, AdmissionPolicy.WAIT), ward("virtual", 20, AdmissionPolicy.LOSE)),
                List.of(frail, stroke), 90, 400);
    }

    /** Booked electives (with fixed one-night stays) beside emergencies, and stays that outlast the horizon. */
    private static FlowSettings electives() {
        Cohort elective = new Cohort("elective", Cohort.AdmissionType.ELECTIVE, "adults", "surgery",
                new ArrivalPattern(5000, new double[] {1, 1, 1.2, 1, 0.8, 0, 0}, WINTER, 0.03),
                Cohort.ElectiveFull.DEFER, los("surgery", LogNormal.ofMeanSd(3, 3)), Map.of(), null,
                new Avoidance(0.1, null));
        Cohort oneNight = new Cohort("one-night", Cohort.AdmissionType.ELECTIVE, "adults", "surgery",
                ArrivalPattern.flat(2000), Cohort.ElectiveFull.CANCEL, los("surgery", Fixed.of(1)), Map.of(), null,
                null);
        Cohort emergency = new Cohort("emergency", Cohort.AdmissionType.NON_ELECTIVE, "older", "surgery",
                ArrivalPattern.flat(3000), null, los("surgery", LogNormal.ofMeanSd(20, 40)), Map.of(), null, null);
        return unconstrained(List.of(ward("surgery", 10, AdmissionPolicy.WAIT)), List.of(elective, oneNight,
                emergency), 30, 200);
    }

    private static void assertSameAsEventModel(FlowSettings s, int replications) {
        RandomStreams streams = new RandomStreams(2016);
        for (int r = 0; r < replications; r++) {
            FlowResult events = new FlowModel(s, streams.replication(r)).run();
            DemandResult demand = new DemandModel(streams.replication(r)).run(s);
            assertEquals(events.census(), demand.census(), "census of replication " + r);
            for (String name : demand.settings()) {
                SettingResult e = events.setting(name);
                assertEquals(e.bedsRequiredPercentile(), demand.bedsRequiredPercentile(name, s.riskShareOfDays()),
                        name);
                assertEquals(e.meanDemand(), demand.meanDemand(name), 1e-9 * Math.max(1, e.meanDemand()), name);
            }
        }
    }

    @Test
    void census_profilesGrowthAndAvoidance_equalsEventDrivenModelExactly() {
        assertSameAsEventModel(profiledSites(), 3);
    }

    @Test
    void census_routingLoopsDeathsAndRedirects_equalsEventDrivenModelExactly() {
        assertSameAsEventModel(pathways(), 3);
    }

    @Test
    void census_electivesAndStaysBeyondHorizon_equalsEventDrivenModelExactly() {
        assertSameAsEventModel(electives(), 3);
    }

    @Test
    void census_isNotTrivial() {
        DemandResult d = new DemandModel(new RandomStreams(1).replication(0)).run(pathways());
        int[] occupied = d.census().occupied();
        int community = 0;
        for (int day = 0; day < d.census().days(); day++) {
            community += d.census().occupied(day, 1);
        }
        assertTrue(community > 0, "patients reach the community ward");
        assertEquals(400 * 3, occupied.length);
    }

    @Test
    void supports_limitedBedsOrReadmissions_no() {
        FlowSettings s = profiledSites();
        assertTrue(DemandModel.supports(s));
        assertFalse(DemandModel.supports(s.withUnconstrained(false)));
        Cohort readmitting = s.cohorts().get(0);
        readmitting = new Cohort(readmitting.name(), readmitting.type(), readmitting.ageBand(), readmitting.entry(),
                readmitting.arrivals(), null, readmitting.lengthOfStay(), readmitting.routing(),
                new Readmission(0.1, 30, "older"), null);
        FlowSettings withReadmission = s.withCohorts(List.of(readmitting, s.cohorts().get(1)));
        assertFalse(DemandModel.supports(withReadmission));
        assertThrows(IllegalArgumentException.class,
                () -> new DemandModel(new RandomStreams(1).replication(0)).run(withReadmission));
    }

    @Test
    void workCounters_unchangedCohortsAreNotVisitedAgain() {
        FlowSettings s = pathways();
        DemandModel m = new DemandModel(new RandomStreams(3).replication(0));
        m.run(s);
        long first = m.patientsVisited();
        assertEquals(2, m.cohortsComputed());
        assertTrue(first > 6000 * (490 / 365.25) * 0.9, "every patient walked once: " + first);
        assertTrue(m.visits() > first, "some patients have several stays");

        m.run(s);
        assertEquals(first, m.patientsVisited(), "the same configuration again costs no patient");
        assertEquals(2, m.cohortsComputed());

        // a shorter stay for one cohort: only that cohort is walked again
        Cohort stroke = s.cohorts().get(1);
        Map<String, org.bedsim.dist.Distribution> shorter = new LinkedHashMap<>(stroke.lengthOfStay());
        shorter.put("community", shorter.get("community").scaled(0.8));
        FlowSettings changed = s.withCohorts(List.of(s.cohorts().get(0), stroke.withLengthOfStay(shorter)));
        m.run(changed);
        assertEquals(3, m.cohortsComputed());
        long strokePatients = m.patientsVisited() - first;
        assertTrue(strokePatients > 900 * (490 / 365.25) * 0.8 && strokePatients < 900 * (490 / 365.25) * 1.2,
                "only the stroke cohort's patients: " + strokePatients);
        assertSameAsEventModel(changed, 1);
    }

    @Test
    void memory_laterReplicationsReuseTheFirstOnesArrays() {
        FlowSettings s = pathways();
        RandomStreams streams = new RandomStreams(5);
        DemandModel m = new DemandModel(streams.replication(0));
        m.run(s);
        long first = m.arraysAllocated();
        assertTrue(first > 0);
        for (int r = 1; r < 6; r++) {
            m.reset(streams.replication(r));
            DemandResult reused = m.run(s);
            assertEquals(new DemandModel(streams.replication(r)).run(s).census(), reused.census(),
                    "a reset model gives a fresh model's census");
        }
        assertTrue(m.arraysAllocated() - first <= 1, "five more replications allocated "
                + (m.arraysAllocated() - first) + " arrays beyond the first one's " + first);
    }

    /** @return {@code s} with every cohort's volume multiplied by {@code factor} */
    private static FlowSettings volumes(FlowSettings s, double factor) {
        List<Cohort> cohorts = new ArrayList<>();
        for (Cohort c : s.cohorts()) {
            cohorts.add(c.withArrivals(c.arrivals().scaled(factor)));
        }
        return s.withCohorts(cohorts);
    }

    private static void assertSameResult(DemandResult expected, DemandResult actual, String what) {
        assertEquals(expected.census(), actual.census(), what);
        for (String name : expected.settings()) {
            assertEquals(Double.doubleToLongBits(expected.meanDemand(name)),
                    Double.doubleToLongBits(actual.meanDemand(name)), what + ": bed-days of " + name);
        }
    }

    @Test
    void workCounters_aVolumeChangeReusesTheLognormalStays_aNewLognormalComputesThem() {
        FlowSettings s = profiledSites(); // "older": one setting, lognormal stays
        RandomStreams streams = new RandomStreams(11);
        DemandModel m = new DemandModel(streams.replication(0));
        m.run(s);
        long first = m.lognormalStays();
        assertTrue(first > 9000 * (421 / 365.25) * 0.9, "every older patient's stay computed once: " + first);

        FlowSettings fewer = volumes(s, 0.9);
        assertSameResult(new DemandModel(streams.replication(0)).run(fewer), m.run(fewer), "fewer patients");
        assertEquals(first, m.lognormalStays(), "fewer patients with the same stays: no exp");

        Cohort older = s.cohorts().get(0);
        FlowSettings longer = s.withCohorts(List.of(older.withLengthOfStay(los("north", LogNormal.ofMeanSd(8, 9))),
                s.cohorts().get(1)));
        assertSameResult(new DemandModel(streams.replication(0)).run(longer), m.run(longer), "longer stays");
        assertTrue(m.lognormalStays() - first > 0.9 * first, "another lognormal: every stay computed again");
        assertSameAsEventModel(longer, 1);
    }

    @Test
    void memory_compactKeepsWhatWasNeeded_andAnyLaterNeedGivesAFreshModelsResult() {
        FlowSettings s = profiledSites();
        RandomStreams streams = new RandomStreams(13);
        DemandModel m = new DemandModel(streams.replication(0));
        FlowSettings high = volumes(s, 1.5);
        FlowSettings low = volumes(s, 0.6);
        m.run(high);
        m.compact();
        long atHigh = m.retainedBytes();
        long drawnAtHigh = m.arrivalsDrawn();
        assertSameResult(new DemandModel(streams.replication(0)).run(low), m.run(low), "after compacting");
        assertEquals(drawnAtHigh, m.arrivalsDrawn(), "fewer patients need no new arrivals");
        m.compact();
        long atLow = m.retainedBytes();
        assertTrue(atLow < 0.6 * atHigh, "a model that last needed 60 % of the patients keeps " + atLow
                + " bytes against " + atHigh);

        // nearly as many as at first (not memoised): the dropped draws and levels are made again, the same
        FlowSettings again = volumes(s, 1.4);
        assertSameResult(new DemandModel(streams.replication(0)).run(again), m.run(again), "needing more again");
        assertTrue(m.arrivalsDrawn() - drawnAtHigh > 0.9 * drawnAtHigh,
                "the arrival streams were drawn again from their start: " + (m.arrivalsDrawn() - drawnAtHigh));
    }
}
