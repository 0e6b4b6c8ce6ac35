package org.bedsim.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.dist.Distribution;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.LogNormal;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.DemandModel;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.SettingKind;
import org.bedsim.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

class BridgesTest {

    private static CareSetting unlimited(String name) {
        return new CareSetting(name, SettingKind.ACUTE, CapacityTimeline.unlimited(), AdmissionPolicy.WAIT,
                CareSetting.QueuePriority.FIFO);
    }

    private static Cohort cohort(String name, String age, String entry, double perDay, Distribution los) {
        Map<String, Distribution> m = new LinkedHashMap<>();
        m.put(entry, los);
        return new Cohort(name, Cohort.AdmissionType.NON_ELECTIVE, age, entry, ArrivalPattern.flat(perDay * 365.25),
                null, m, Map.of(), null, null);
    }

    /** Two sites, two cohorts, nothing limited: an uncongested system. */
    private static FlowSettings twoSites() {
        List<CareSetting> s = new ArrayList<>(List.of(unlimited("north"), unlimited("south"), unlimited("third")));
        s.add(CareSetting.sink("home"));
        return new FlowSettings(s, List.of(cohort("older", "older", "north", 20, LogNormal.ofMeanSd(6, 6)),
                cohort("adults", "adults", "south", 30, Exponential.ofMean(3)),
                cohort("children", "children", "third", 10, Exponential.ofMean(2))),
                LocalDate.of(2016, 4, 1), 60, 365, 0.85, 0.05, false);
    }

    private static BridgeDefinition bridge(FlowSettings base, BedCount method, List<BridgeStep> steps, int reps) {
        return new BridgeDefinition(base, Set.of("north", "south", "third"), method, steps, 2016, 2020, reps, 42, 10,
                200);
    }

    private static BridgeStep step(String id, Change... changes) {
        return BridgeStep.linear(id, id, List.of("assumed: test"), List.of(changes), 4);
    }

    @Test
    void bridge_barsAndShapleyValues_sumExactlyToTheTotal_andNoOpStepIsExactlyZero() {
        List<BridgeStep> steps = List.of(
                step("growth", new Change.DemographicGrowth(Map.of("older", Parameter.of(0.111), "adults",
                        Parameter.of(0.017)))),
                step("no-op", new Change.LengthOfStayChange("adults", "south", Parameter.of(0), null, null)),
                step("avoid", new Change.AdmissionAvoidance("older", Parameter.of(0.2), null)),
                step("los", new Change.LengthOfStayChange(null, "north", Parameter.of(-0.1), null, null)));
        BridgeDefinition def = bridge(twoSites(), BedCount.MEAN_OCCUPANCY, steps, 6);
        BridgeResult r = Bridges.compute(def, 2);
        assertEquals(r.configurations(), Bridges.configurations(def));
        double bars = r.bars().stream().mapToDouble(b -> b.delta().mean()).sum();
        double shapley = r.bars().stream().mapToDouble(b -> b.shapley().mean()).sum();
        double standalone = r.bars().stream().mapToDouble(b -> b.standalone().mean()).sum() + r.interaction().mean();
        assertEquals(r.totalChange(), bars, 1e-9);
        assertEquals(r.totalChange(), shapley, 1e-9);
        assertEquals(r.totalChange(), standalone, 1e-9);
        // the total change's interval is paired: on common random numbers it is narrower than the base's own
        assertEquals(r.totalChange(), r.change().mean(), 1e-9);
        assertTrue(r.change().halfWidth() < r.base().halfWidth() + r.finalBeds().halfWidth(),
                () -> "paired interval " + r.change() + " against base " + r.base() + " and final " + r.finalBeds());
        BridgeResult.Bar noOp = r.bars().get(1);
        assertEquals(0.0, noOp.delta().mean());
        assertEquals(0.0, noOp.delta().halfWidth());
        assertEquals(0.0, noOp.shapley().mean(), 1e-12);
        assertTrue(r.shapleyExact());
        assertEquals(16, r.configurations() - 3, "2^4 subsets plus three intermediate years");
        assertEquals(5, r.trajectory().size());
        assertEquals(r.base().mean(), r.trajectory().get(0).beds().mean());
        assertEquals(r.finalBeds().mean(), r.trajectory().get(4).beds().mean());
        assertTrue(r.bars().get(0).delta().mean() > 0, "growth adds beds");
        assertTrue(r.bars().get(2).delta().mean() < 0, "avoidance removes beds");
    }

    @Test
    void shapley_swappingTwoIndependentSteps_leavesTheirValuesUnchanged() {
        BridgeStep a = step("avoid-older", new Change.AdmissionAvoidance("older", Parameter.of(0.3), null));
        BridgeStep b = step("shorter-adults", new Change.LengthOfStayChange("adults", "south", Parameter.of(-0.2),
                null, null));
        BridgeStep c = step("growth", new Change.VolumeGrowth(Parameter.of(0.02), 4, null));
        BridgeResult abc = Bridges.compute(bridge(twoSites(), BedCount.MEAN_OCCUPANCY, List.of(a, b, c), 5), 2);
        BridgeResult bac = Bridges.compute(bridge(twoSites(), BedCount.MEAN_OCCUPANCY, List.of(b, a, c), 5), 2);
        assertEquals(abc.bars().get(0).shapley().mean(), bac.bars().get(1).shapley().mean(), 1e-9);
        assertEquals(abc.bars().get(1).shapley().mean(), bac.bars().get(0).shapley().mean(), 1e-9);
        assertEquals(abc.bars().get(2).shapley().mean(), bac.bars().get(2).shapley().mean(), 1e-9);
        assertEquals(abc.totalChange(), bac.totalChange(), 1e-9);
    }

    @Test
    void pureDemandGrowth_onAnUncongestedSystem_raisesBedsByTheGrowthUnderTheMeanMethod() {
        BridgeStep growth = step("growth", new Change.VolumeGrowth(Parameter.of(0.10), 1, null));
        BridgeResult r = Bridges.compute(bridge(twoSites(), BedCount.MEAN_OCCUPANCY, List.of(growth), 10), 2);
        double[] ratio = {r.finalBeds().mean() / r.base().mean()};
        assertEquals(1.10, ratio[0], 0.01);
        ConfidenceInterval delta = r.bars().get(0).delta();
        assertTrue(delta.contains(0.10 * r.base().mean()), delta + " vs " + 0.10 * r.base().mean());
    }

    @Test
    void rangeParameter_widensTheBarInterval() {
        BridgeStep fixed = step("avoid", new Change.AdmissionAvoidance("older", Parameter.of(0.2), null));
        BridgeStep range = step("avoid", new Change.AdmissionAvoidance("older", new Parameter(0.1, 0.3), null));
        BridgeResult f = Bridges.compute(bridge(twoSites(), BedCount.MEAN_OCCUPANCY, List.of(fixed), 10), 2);
        BridgeResult g = Bridges.compute(bridge(twoSites(), BedCount.MEAN_OCCUPANCY, List.of(range), 10), 2);
        assertTrue(g.bars().get(0).delta().halfWidth() > 2 * f.bars().get(0).delta().halfWidth(),
                g.bars().get(0).delta() + " vs " + f.bars().get(0).delta());
    }

    @Test
    void mergingSites_underThePercentileMethod_needsFewerBeds() {
        BridgeStep merge = step("pool", new Change.MergeSettings(List.of("north", "south"), "north", null));
        BridgeResult r = Bridges.compute(bridge(twoSites(), BedCount.PERCENTILE, List.of(merge), 8), 2);
        assertTrue(r.bars().get(0).delta().high() < 0, "pooling saves beds at the same risk: " + r.bars().get(0));
        BridgeResult mean = Bridges.compute(bridge(twoSites(), BedCount.MEAN_OCCUPANCY, List.of(merge), 8), 2);
        assertTrue(mean.bars().get(0).delta().contains(0.0), "the mean method does not see pooling");
    }

    @Test
    void bridge_manySteps_usesSampledOrderings_thatStillSumExactly() {
        List<BridgeStep> steps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            steps.add(step("los-" + i, new Change.LengthOfStayChange(null, "north", Parameter.of(-0.02), null,
                    null)));
        }
        BridgeDefinition def = new BridgeDefinition(twoSites(), Set.of("north", "south"), BedCount.MEAN_OCCUPANCY,
                steps, 2016, 2017, 3, 5, 3, 20);
        BridgeResult r = Bridges.compute(def, 2);
        assertEquals(r.configurations(), Bridges.configurations(def));
        assertTrue(!r.shapleyExact());
        assertEquals(r.totalChange(), r.bars().stream().mapToDouble(b -> b.shapley().mean()).sum(), 1e-9);
        assertEquals(r.totalChange(), r.bars().stream().mapToDouble(b -> b.delta().mean()).sum(), 1e-9);
    }

    @Test
    void jointChange_partsShareTheDrawOfARange_separateChangesDoNot() {
        Parameter range = new Parameter(-0.3, -0.1);
        Change north = new Change.LengthOfStayChange("older", "north", range, null, null);
        Change south = new Change.LengthOfStayChange("adults", "south", range, null, null);
        FlowSettings base = twoSites();
        org.bedsim.random.RandomStreams streams = new org.bedsim.random.RandomStreams(7);
        for (int r = 0; r < 5; r++) {
            FlowSettings joint = new Change.Joint(List.of(north, south)).apply(base, 1, new Draws(streams, r), "s/0");
            double a = joint.cohort("older").lengthOfStay().get("north").mean() / 6;
            double b = joint.cohort("adults").lengthOfStay().get("south").mean() / 3;
            assertEquals(a, b, 1e-12, "replication " + r);
            assertTrue(a >= 0.5 && a <= 1.0, "scale " + a);
            Draws separate = new Draws(streams, r);
            FlowSettings apart = south.apply(north.apply(base, 1, separate, "s/0"), 1, separate, "s/1");
            assertEquals(a, apart.cohort("older").lengthOfStay().get("north").mean() / 6, 1e-12);
            assertTrue(Math.abs(a - apart.cohort("adults").lengthOfStay().get("south").mean() / 3) > 1e-9);
        }
    }

    /** Growth with a range, avoidance, shorter stays and a merge, on a base whose beds are unlimited. */
    private static BridgeDefinition demandBridge(BedCount method) {
        List<BridgeStep> steps = List.of(
                step("growth", new Change.VolumeGrowth(new Parameter(0.005, 0.03), 4, null)),
                step("avoid", new Change.AdmissionAvoidance("older", Parameter.of(0.2), null)),
                step("los", new Change.LengthOfStayChange("adults", "south", Parameter.of(-0.15), null, null)),
                step("pool", new Change.MergeSettings(List.of("north", "south"), "north", null)));
        return bridge(twoSites().withUnconstrained(true), method, steps, 3);
    }

    @Test
    void demandFastPath_percentileMethod_givesExactlyTheEventDrivenResult() {
        BridgeDefinition def = demandBridge(BedCount.PERCENTILE);
        BridgeResult fast = Bridges.compute(def, 2, c -> { }, true);
        BridgeResult events = Bridges.compute(def, 2, c -> { }, false);
        assertEquals(events, fast);
        assertEquals(fast, Bridges.compute(def, 1, c -> { }, true), "whatever the thread count");
        assertEquals(fast, Bridges.compute(def, 3, c -> { }, true), "whatever the thread count");
    }

    @Test
    void demandFastPath_meanMethod_agreesWithTheEventDrivenResultToRounding() {
        BridgeDefinition def = demandBridge(BedCount.MEAN_OCCUPANCY);
        BridgeResult fast = Bridges.compute(def, 2, c -> { }, true);
        BridgeResult events = Bridges.compute(def, 2, c -> { }, false);
        assertEquals(events.base().mean(), fast.base().mean(), 1e-9 * events.base().mean());
        assertEquals(events.finalBeds().mean(), fast.finalBeds().mean(), 1e-9 * events.base().mean());
        for (int i = 0; i < fast.bars().size(); i++) {
            assertEquals(events.bars().get(i).delta().mean(), fast.bars().get(i).delta().mean(),
                    1e-9 * events.base().mean());
            assertEquals(events.bars().get(i).shapley().mean(), fast.bars().get(i).shapley().mean(),
                    1e-9 * events.base().mean());
        }
    }

    @Test
    void demandFastPath_workCounter_unchangedCohortsAreSharedAcrossConfigurations() {
        BridgeDefinition def = demandBridge(BedCount.PERCENTILE);
        List<double[]> configs = Bridges.configurationList(def);
        org.bedsim.random.RandomStreams streams = new org.bedsim.random.RandomStreams(def.seed());
        DemandModel base = new DemandModel(streams.replication(0));
        Bridges.onFastPath(def, configs, 0, 1, streams, 0, base, c -> { });
        long onePass = base.patientsVisited();
        DemandModel all = new DemandModel(streams.replication(0));
        Bridges.onFastPath(def, configs, 0, configs.size(), streams, 0, all, c -> { });
        assertEquals(19, configs.size(), "2^4 subsets and three intermediate years");
        // each cohort is walked once per distinct definition of it, not once per configuration. In the 16 subsets:
        // adults (south, merged into north) 2 (growth) x 2 (shorter stays) x 2 (renamed by the merge) = 8, older
        // (north, which the merge keeps) 2 x 2 (avoidance) = 4, children 2 (growth); the three phased years add
        // three of each: 23 walks instead of 19 configurations x 3 cohorts = 57
        assertEquals(23, all.cohortsComputed(), "distinct cohort definitions walked");
        assertTrue(all.patientsVisited() < 10 * onePass, all.patientsVisited() + " patients for " + configs.size()
                + " configurations of " + onePass);
    }

    @Test
    void demandFastPath_workCounter_drawsPerReplicationDoNotGrowWithConfigurations() {
        BridgeDefinition def = demandBridge(BedCount.PERCENTILE);
        List<double[]> configs = Bridges.configurationList(def);
        org.bedsim.random.RandomStreams streams = new org.bedsim.random.RandomStreams(def.seed());
        DemandModel base = new DemandModel(streams.replication(0));
        Bridges.onFastPath(def, configs, 0, 1, streams, 0, base, c -> { });
        DemandModel all = new DemandModel(streams.replication(0));
        Bridges.onFastPath(def, configs, 0, configs.size(), streams, 0, all, c -> { });
        // each patient number's stay and arrival gap is drawn once per replication, whatever the configurations do
        // to volumes and stays: growth adds patients (numbers beyond the base's), and the merge moves the adults
        // to the north site, whose stays are another stream (as in the event-driven model); configurations that
        // change stays or volumes draw nothing anew
        assertTrue(base.staysDrawn() > 0 && base.arrivalsDrawn() > 0);
        assertTrue(all.staysDrawn() < 2 * base.staysDrawn(), all.staysDrawn() + " stays drawn for "
                + configs.size() + " configurations, " + base.staysDrawn() + " for the base alone");
        assertTrue(all.arrivalsDrawn() < 1.2 * base.arrivalsDrawn(), all.arrivalsDrawn() + " gaps drawn for "
                + configs.size() + " configurations, " + base.arrivalsDrawn() + " for the base alone");
    }

    @Test
    void demandCache_keepsEachReplicationsModelAcrossEvaluations_sameNumbers() {
        BridgeDefinition def = demandBridge(BedCount.PERCENTILE);
        double[] fin = new double[def.steps().size()];
        java.util.Arrays.fill(fin, 1);
        DemandCache cache = new DemandCache();
        double[] first = Bridges.bedsPerReplication(def, fin, 2, cache);
        assertEquals(def.replications(), cache.modelsKept(), "one model kept per replication");
        BridgeResult withCache = Bridges.compute(def, 2, cache);
        assertEquals(java.util.Arrays.toString(Bridges.bedsPerReplication(def, fin, 2)),
                java.util.Arrays.toString(first), "the same beds without the cache");
        assertEquals(Bridges.compute(def, 2).finalBeds(), withCache.finalBeds());
        assertEquals(Bridges.compute(def, 2).bars(), withCache.bars());
        DemandCache none = new DemandCache(0);
        Bridges.bedsPerReplication(def, fin, 2, none);
        assertEquals(0, none.modelsKept(), "a zero budget keeps no model");
    }
}
