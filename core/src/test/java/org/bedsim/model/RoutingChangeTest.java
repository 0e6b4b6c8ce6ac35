package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.START;
import static org.bedsim.model.FlowFixtures.cohort;
import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.random.RandomStreams;
import org.bedsim.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * Routing that changes on a date, in the event-driven model, against arithmetic: Poisson arrivals that are thinned
 * or added keep their rates (the receiving site of a closure gets the sum of the two rates, a route keeps its share
 * of the departures), and an infinite-server ward's census is Poisson with mean rate x mean stay (M/G/infinity), so
 * a closed ward drains to zero. Tolerances are 99.9 % intervals over seeded replications, each required narrow
 * enough to tell the old rate from the new.
 */
class RoutingChangeTest {
    private static final int WARMUP = 30;
    private static final int HORIZON = 300;
    private static final int DAY = 100; // the change takes effect on measured day 100
    private static final int REPS = 12;

    private static FlowSettings settings(List<CareSetting> wards, List<Cohort> cohorts, boolean unconstrained,
            List<RoutingChange> changes) {
        List<CareSetting> all = new ArrayList<>(wards);
        all.add(CareSetting.sink("home"));
        return new FlowSettings(all, cohorts, START, WARMUP, HORIZON, 0.85, 0.05, unconstrained, null, changes);
    }

    /** Per replication: stays admitted in [from, to) measured days at a setting, from outside or by transfer. */
    private static double[] admissionsPerDay(FlowSettings s, String setting, boolean transfer, boolean readmission,
            int from, int to) {
        double[] out = new double[REPS];
        RandomStreams streams = new RandomStreams(7);
        for (int r = 0; r < REPS; r++) {
            int[] count = new int[1];
            int[] index = new int[1];
            new FlowModel(s, streams.replication(r)).withStayListener(new StayListener() {
                @Override
                public void begin(LocalDate day0, int warmupDays, List<String> places, List<String> cohorts) {
                    index[0] = places.indexOf(setting);
                }

                @Override
                public void stay(int cohort, boolean readmitted, long patient, int at, boolean moved,
                        double admittedAt, double readyAt, double leftAt, int next) {
                    if (at == index[0] && moved == transfer && (!readmission || readmitted)
                            && admittedAt >= WARMUP + from && admittedAt < WARMUP + to) {
                        count[0]++;
                    }
                }
            }).run();
            out[r] = (double) count[0] / (to - from);
        }
        return out;
    }

    private static double[] meanCensus(List<FlowResult> results, String setting, int from, int to) {
        double[] out = new double[results.size()];
        for (int r = 0; r < out.length; r++) {
            CensusSeries c = results.get(r).census();
            int s = c.settings().indexOf(setting);
            double sum = 0;
            for (int d = from; d < to; d++) {
                sum += c.occupied(d, s);
            }
            out[r] = sum / (to - from);
        }
        return out;
    }

    private static List<FlowResult> run(FlowSettings s) {
        List<FlowResult> out = new ArrayList<>();
        for (int r = 0; r < REPS; r++) {
            FlowResult result = FlowExperiment.runOne(s, 7, r);
            assertEquals(0, result.flowImbalance(), "every patient accounted for, replication " + r);
            out.add(result);
        }
        return out;
    }

    private static void covers(String what, double[] values, double theory, double other) {
        ConfidenceInterval ci = ConfidenceInterval.of(values, 0.999);
        assertTrue(ci.contains(theory), () -> what + ": " + theory + " outside [" + ci.low() + ", " + ci.high() + "]");
        assertFalse(ci.contains(other), () -> what + ": the interval [" + ci.low() + ", " + ci.high()
                + "] cannot tell " + theory + " from " + other);
    }

    /** Site a (20 a day) and site b (10 a day), exponential stays of 2 days; a closes into b on day 100. */
    private static FlowSettings closure(boolean unconstrained, int bedsA) {
        return settings(List.of(ward("a", bedsA, AdmissionPolicy.WAIT), ward("b", CapacityTimeline.UNLIMITED,
                AdmissionPolicy.WAIT)),
                List.of(cohort("to-a", 20 * 365.25, "a", los("a", Exponential.ofMean(2)), Map.of()),
                        cohort("to-b", 10 * 365.25, "b", los("b", Exponential.ofMean(2)), Map.of())),
                unconstrained, List.of(new RoutingChange.Closure(DAY, "a", "b")));
    }

    @Test
    void closure_closedSiteDrainsToZero_andTheReceivingSiteGetsTheSumOfTheArrivalRates() {
        FlowSettings s = closure(true, 1);
        List<FlowResult> results = run(s);
        // before the day: a holds Poisson(20 x 2 = 40), b Poisson(10 x 2 = 20)
        covers("census of a before the closure", meanCensus(results, "a", 20, DAY), 40, 0);
        // after it, the patients left in a finish their stays: 40 e^(-t/2) expected at t days, 1e-7 by t = 40
        for (FlowResult r : results) {
            for (int d = DAY + 40; d < HORIZON; d++) {
                assertEquals(0, r.census().occupied(d, 0), "a closed, day " + d);
            }
        }
        covers("arrivals a day at b before the closure", admissionsPerDay(s, "b", false, false, 0, DAY), 10, 30);
        covers("arrivals a day at b after the closure", admissionsPerDay(s, "b", false, false, DAY, HORIZON), 30, 10);
        covers("arrivals a day at a after the closure", admissionsPerDay(s, "a", false, false, DAY, HORIZON), 0, 20);
        covers("census of b once a has drained", meanCensus(results, "b", DAY + 40, HORIZON), 60, 20);
    }

    @Test
    void closure_withLimitedBeds_movesTheQueueAndTheBlockedPatientsToTheReceivingSite() {
        // a has 30 beds for an offered load of 40: a queue builds; c (10 a day, 1 day) sends half its patients on to
        // a, where they wait blocked in c. After the closure nobody waits for a, and nobody is lost.
        Map<String, List<Route>> routing = new LinkedHashMap<>();
        routing.put("c", List.of(new Route("a", 0.5), new Route("home", 0.5)));
        FlowSettings s = settings(List.of(ward("a", 30, AdmissionPolicy.WAIT), ward("b", CapacityTimeline.UNLIMITED,
                AdmissionPolicy.WAIT), ward("c", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT)),
                List.of(cohort("to-a", 20 * 365.25, "a", los("a", Exponential.ofMean(2)), Map.of()),
                        cohort("via-c", 10 * 365.25, "c", los("c", Exponential.ofMean(1), "a",
                                Exponential.ofMean(2)), routing)),
                false, List.of(new RoutingChange.Closure(DAY, "a", "b")));
        List<FlowResult> results = run(s);
        int queuedBefore = 0;
        for (FlowResult r : results) {
            CensusSeries c = r.census();
            for (int d = 0; d < DAY; d++) {
                queuedBefore += c.waiting(d, 0) + c.delayed(d, 2);
            }
            for (int d = DAY; d < HORIZON; d++) {
                assertEquals(0, c.waiting(d, 0), "nobody waits for the closed site, day " + d);
                assertEquals(0, c.delayed(d, 2), "nobody is held in c for the closed site, day " + d);
            }
            for (int d = DAY + 40; d < HORIZON; d++) {
                assertEquals(0, c.occupied(d, 0), "a drained, day " + d);
            }
        }
        assertTrue(queuedBefore > 1000, "the closed site had queues to move: " + queuedBefore);
        // b receives a's arrivals (20) and c's transfers (5) on top of nothing: 25 x 2 = 50 beds
        covers("census of b once a has drained", meanCensus(results, "b", DAY + 40, HORIZON), 50, 40);
    }

    @Test
    void routingShift_movesTheDownstreamArrivalRateByTheShare() {
        // a: 20 a day, 40 % on to b. From day 100, half of those go home instead: b's transfers fall from 8 to 4 a day
        Map<String, List<Route>> routing = new LinkedHashMap<>();
        routing.put("a", List.of(new Route("home", 0.6), new Route("b", 0.4)));
        FlowSettings s = settings(List.of(ward("a", 1, AdmissionPolicy.WAIT), ward("b", 1, AdmissionPolicy.WAIT)),
                List.of(cohort("frail", 20 * 365.25, "a", los("a", Exponential.ofMean(2), "b",
                        Exponential.ofMean(5)), routing)),
                true, List.of(new RoutingChange.Shift(DAY, null, "a", "b", "home", 0.5)));
        covers("transfers a day into b before", admissionsPerDay(s, "b", true, false, 0, DAY), 8, 4);
        covers("transfers a day into b after", admissionsPerDay(s, "b", true, false, DAY, HORIZON), 4, 8);
        // census of b: 8 x 5 = 40 before, 4 x 5 = 20 once the patients moved before the day have left (30 days)
        List<FlowResult> results = run(s);
        covers("census of b before", meanCensus(results, "b", 30, DAY), 40, 20);
        covers("census of b after", meanCensus(results, "b", DAY + 30, HORIZON), 20, 40);
        // the same patients (common random numbers): until the day, the run is the run without the change
        FlowResult without = FlowExperiment.runOne(s.withRoutingChanges(List.of()), 7, 0);
        for (int d = 0; d < DAY - 1; d++) {
            assertEquals(without.census().occupied(d, 1), results.get(0).census().occupied(d, 1), "day " + d);
        }
    }

    @Test
    void readmissionCut_lowersTheReadmissionRateByTheShare() {
        // 10 a day, 20 % come back within 10 days (into the same cohort): 10 / 0.8 = 12.5 admissions a day, 2.5 of
        // them readmissions. Cut by half from day 100: 10 / 0.9 = 11.1, readmissions 1.11 a day.
        Cohort c = new Cohort("frail", Cohort.AdmissionType.NON_ELECTIVE, "older", "a", ArrivalPattern.flat(3652.5),
                null, los("a", Exponential.ofMean(3)), Map.of(), new Readmission(0.2, 10, "frail"), null);
        FlowSettings s = settings(List.of(ward("a", 1, AdmissionPolicy.WAIT)), List.of(c), true,
                List.of(new RoutingChange.ReadmissionCut(DAY, "frail", 0.5)));
        covers("readmissions a day before", admissionsPerDay(s, "a", false, true, 30, DAY), 2.5, 10.0 / 9);
        covers("readmissions a day after", admissionsPerDay(s, "a", false, true, DAY + 30, HORIZON), 10.0 / 9, 2.5);
    }

    @Test
    void demandFastPath_doesNotTakeRoutingChangesByDate() {
        FlowSettings s = closure(true, 1);
        assertFalse(DemandModel.supports(s));
        assertTrue(DemandModel.supports(s.withRoutingChanges(List.of())));
    }

    @Test
    void closureInFullEffect_isWhatTheDemandFastPathComputes_exactly() {
        // a closure applied from the start (a bridge step's configuration) is plain routing: both paths agree
        FlowSettings closed = new RoutingChange.Closure(0, "a", "b").apply(closure(true, 1).withRoutingChanges(
                List.of()));
        assertEquals("b", closed.cohort("to-a").entry());
        DemandResult fast = new DemandModel(new RandomStreams(7).replication(0)).run(closed);
        FlowResult events = FlowExperiment.runOne(closed, 7, 0);
        assertEquals(events.census(), fast.census());
    }

    @Test
    void badChanges_areRefusedWithTheReason() {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> settings(
                List.of(ward("a", 1, AdmissionPolicy.WAIT), ward("b", 1, AdmissionPolicy.WAIT)),
                List.of(cohort("x", 100, "a", los("a", Exponential.ofMean(2)), Map.of())), true,
                List.of(new RoutingChange.Closure(HORIZON, "a", "b"))));
        assertTrue(outside.getMessage().contains("outside"), outside.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> settings(
                List.of(ward("a", 1, AdmissionPolicy.WAIT)),
                List.of(cohort("x", 100, "a", los("a", Exponential.ofMean(2)), Map.of())), true,
                List.of(new RoutingChange.Closure(5, "a", "nowhere"))));
        assertTrue(unknown.getMessage().contains("nowhere"), unknown.getMessage());
    }
}
