package org.bedsim.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.dist.Distribution;
import org.bedsim.dist.Exponential;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.DemandModel;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.Readmission;
import org.bedsim.model.Route;
import org.bedsim.model.RoutingChange;
import org.bedsim.model.SettingKind;
import org.junit.jupiter.api.Test;

/**
 * Routing-share changes and readmission reduction as bridge steps, against closed forms of an uncongested system
 * (mean occupancy = arrivals a day x probability of reaching the setting x mean stay there), on common random numbers.
 */
class ChangeStepsTest {
    private static final double PER_DAY = 30;
    private static final Draws DRAWS = new Draws(new org.bedsim.random.RandomStreams(1), 0);

    private static CareSetting unlimited(String name) {
        return new CareSetting(name, SettingKind.ACUTE, CapacityTimeline.unlimited(), AdmissionPolicy.WAIT,
                CareSetting.QueuePriority.FIFO);
    }

    /** A ward whose patients go home (60 %) or to rehabilitation (40 %); 10 % are readmitted within 30 days. */
    private static FlowSettings system(boolean readmissions) {
        Map<String, Distribution> los = new LinkedHashMap<>();
        los.put("ward", Exponential.ofMean(4));
        los.put("rehab", Exponential.ofMean(10));
        Map<String, List<Route>> routing = Map.of("ward", List.of(new Route("home", 0.6), new Route("rehab", 0.4)));
        Cohort c = new Cohort("older", Cohort.AdmissionType.NON_ELECTIVE, "older", "ward",
                ArrivalPattern.flat(PER_DAY * 365.25), null, los, routing,
                readmissions ? new Readmission(0.1, 30, "older") : null, null);
        return new FlowSettings(List.of(unlimited("ward"), unlimited("rehab"), CareSetting.sink("home")), List.of(c),
                LocalDate.of(2016, 4, 1), 120, 365, 1.0, 0.05, false);
    }

    private static BridgeDefinition bridge(FlowSettings base, Set<String> counted, Change change) {
        return new BridgeDefinition(base, counted, BedCount.MEAN_OCCUPANCY, List.of(new BridgeStep("step", "step",
                List.of(), List.of(change), 1, 1)), 2016, 2017, 6, 5, 10, 200);
    }

    @Test
    void routingShift_movesTheShareOfTheRoute_andRehabDemandFallsInProportion() {
        BridgeDefinition def = bridge(system(false), Set.of("rehab"),
                new Change.RoutingShift(null, "ward", "rehab", "home", Parameter.of(0.5)));
        double[] before = Bridges.bedsPerReplication(def, new double[] {0}, 2);
        double[] after = Bridges.bedsPerReplication(def, new double[] {1}, 2);
        // rehab: 30 a day x 0.4 x 10 days = 120 beds at 100 % occupancy; half the route moved home: 60
        double b = mean(before);
        double a = mean(after);
        assertEquals(120, b, 0.08 * 120);
        assertEquals(0.5, a / b, 0.05);
        FlowSettings shifted = def.steps().get(0).changes().get(0).apply(def.base(), 1, DRAWS, "k");
        List<Route> routes = shifted.cohort("older").routing().get("ward");
        assertEquals(0.8, routes.stream().filter(r -> r.to().equals("home")).mapToDouble(Route::probability)
                .sum(), 1e-12);
        assertEquals(0.2, routes.stream().filter(r -> r.to().equals("rehab")).mapToDouble(Route::probability)
                .sum(), 1e-12);
        // half phased: a quarter of the route moves
        FlowSettings half = def.steps().get(0).changes().get(0).apply(def.base(), 0.5, DRAWS, "k");
        assertEquals(0.3, half.cohort("older").routing().get("ward").stream().filter(r -> r.to().equals("rehab"))
                .mapToDouble(Route::probability).sum(), 1e-12);
    }

    @Test
    void readmissionReduction_fullCut_removesTheReadmittedPatientsBeds() {
        BridgeDefinition def = bridge(system(true), Set.of("ward"),
                new Change.ReadmissionReduction("older", Parameter.of(1)));
        double with = mean(Bridges.bedsPerReplication(def, new double[] {0}, 2));
        double without = mean(Bridges.bedsPerReplication(def, new double[] {1}, 2));
        // ward: arrivals 30 a day, 1 / (1 - 0.1) of them counting returns: 133.3 beds; no returns: 120
        assertEquals(120 / 0.9, with, 0.08 * 133);
        assertEquals(120, without, 0.08 * 120);
        assertEquals(0.9, without / with, 0.04);
        FlowSettings cut = new Change.ReadmissionReduction(null, Parameter.of(0.2)).apply(system(true), 1, DRAWS, "k");
        assertEquals(0.08, cut.cohort("older").readmission().probability(), 1e-12);
        assertTrue(new Change.ReadmissionReduction(null, Parameter.of(0.2)).describe().contains("20.00 %"));
    }

    /** Two sites, unlimited beds: north 30 a day (4 days), south 10 a day (3 days), nothing routed between them. */
    private static FlowSettings twoSites(boolean unconstrained, List<RoutingChange> changes) {
        Cohort north = new Cohort("north-patients", Cohort.AdmissionType.NON_ELECTIVE, "older", "north",
                ArrivalPattern.flat(30 * 365.25), null, Map.of("north", Exponential.ofMean(4)), Map.of(), null, null);
        Cohort south = new Cohort("south-patients", Cohort.AdmissionType.NON_ELECTIVE, "adults", "south",
                ArrivalPattern.flat(10 * 365.25), null, Map.of("south", Exponential.ofMean(3)), Map.of(), null, null);
        return new FlowSettings(List.of(unlimited("north"), unlimited("south"), CareSetting.sink("home")),
                List.of(north, south), LocalDate.of(2016, 4, 1), 60, 365, 0.9, 0.05, unconstrained, null, changes);
    }

    @Test
    void closeSetting_movesThePatientsToTheReceivingSetting_andTheFastPathGivesTheEventDrivenResultExactly() {
        BridgeDefinition def = new BridgeDefinition(twoSites(true, List.of()), Set.of("north", "south"),
                BedCount.PERCENTILE, List.of(new BridgeStep("close", "close", List.of(),
                List.of(new Change.CloseSetting("south", "north")), 1, 1)), 2016, 2017, 4, 5, 10, 200);
        BridgeResult fast = Bridges.compute(def, 2, c -> { }, true);
        BridgeResult events = Bridges.compute(def, 2, c -> { }, false);
        assertEquals(events, fast);
        FlowSettings closed = def.steps().get(0).changes().get(0).apply(def.base(), 1, DRAWS, "k");
        assertEquals("north", closed.cohort("south-patients").entry());
        // mean demand: north 30 x 4 = 120 plus south's 10 x 3 = 30 moved in; south empty
        double[] mean = Bridges.bedsPerReplication(new BridgeDefinition(def.base(), Set.of("south"),
                BedCount.MEAN_OCCUPANCY, def.steps(), 2016, 2017, 4, 5, 10, 200), new double[] {1}, 2);
        assertEquals(0, mean(mean), 1e-12);
        assertTrue(new Change.CloseSetting("south", "north").describe().contains("south closes"));
    }

    @Test
    void routingChangeByDate_inABridgeBase_runsOnTheEventDrivenModel_withTheSameResultEitherWay() {
        // south closes into north on measured day 200: the fast path cannot switch tables by date, so it falls back
        FlowSettings base = twoSites(true, List.of(new RoutingChange.Closure(200, "south", "north")));
        assertFalse(DemandModel.supports(base));
        BridgeDefinition def = new BridgeDefinition(base, Set.of("north", "south"), BedCount.MEAN_OCCUPANCY,
                List.of(new BridgeStep("shorter", "shorter", List.of(), List.of(new Change.LengthOfStayChange(
                        null, "north", Parameter.of(-0.25), null, null)), 1, 1)), 2016, 2017, 4, 5, 10, 200);
        assertEquals(Bridges.compute(def, 2, c -> { }, false), Bridges.compute(def, 2, c -> { }, true));
        // and the beds are those of the event-driven model run directly
        double[] beds = Bridges.bedsPerReplication(def, new double[] {0}, 1);
        for (int r = 0; r < beds.length; r++) {
            org.bedsim.model.FlowResult direct = org.bedsim.model.FlowExperiment.runOne(base, def.seed(), r);
            assertEquals(direct.setting("north").bedsRequiredMean() + direct.setting("south").bedsRequiredMean(),
                    beds[r], 1e-9 * beds[r]);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
