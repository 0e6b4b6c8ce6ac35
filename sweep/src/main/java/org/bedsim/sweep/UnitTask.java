package org.bedsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.bridge.Bridges;
import org.bedsim.model.DemandKpi;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.SettingKpi;
import org.bedsim.model.SettingResult;
import org.bedsim.model.UnconstrainedDemand;
import org.bedsim.scenario.HonestBridge;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioLoader;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Runs a unit on a Spark executor: compiles the variant's scenario (once per executor and variant), then runs each
 * replication of the block exactly as {@code bedsim run} does ({@link FlowExperiment#runOne}: the replication's
 * streams come from the variant's seed and the replication's number, nothing else), and keeps the chosen KPIs.
 */
final class UnitTask implements Function<Unit, UnitResult> {
    private static final long serialVersionUID = 1L;
    /** Compiled variants on this executor, by the SHA-256 of their scenario. */
    private static final Map<String, FlowSettings> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 512;

    private final List<SettingKpi> kpis;
    private final List<String> settings;
    private final boolean demand;
    private final Set<String> failFirstAttempt;

    /**
     * @param kpis the KPIs kept
     * @param settings the settings kept (null: all)
     * @param demand true to keep the demand with unlimited beds too
     * @param failFirstAttempt for tests of Spark's retries only: the ids of units whose first attempt throws
     */
    UnitTask(List<SettingKpi> kpis, List<String> settings, boolean demand, Set<String> failFirstAttempt) {
        this.kpis = List.copyOf(kpis);
        this.settings = settings == null ? null : List.copyOf(settings);
        this.demand = demand;
        this.failFirstAttempt = Set.copyOf(failFirstAttempt);
    }

    @Override
    public UnitResult call(Unit unit) {
        TaskContext task = TaskContext.get();
        if (failFirstAttempt.contains(unit.id()) && task != null && task.attemptNumber() == 0) {
            throw new IllegalStateException("a failure injected for a test into the first attempt of unit "
                    + unit.id());
        }
        return run(unit, kpis, settings, demand);
    }

    /** Runs a unit here (Spark's task, or a test comparing with it). */
    static UnitResult run(Unit unit, List<SettingKpi> kpis, List<String> settings, boolean demand) {
        if (unit.bridge()) {
            return bridge(unit);
        }
        Variant v = unit.variant();
        FlowSettings compiled = compiled(v);
        List<String> columns = new ArrayList<>();
        double[][] values = null;
        long[][] counts = null;
        long events = 0;
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < unit.count(); i++) {
            FlowResult r = FlowExperiment.runOne(compiled, v.seed(), unit.first() + i);
            // the same patients with unlimited beds, as bedsim run puts beside its figures
            double[][] needed = demand ? UnconstrainedDemand.replication(compiled, v.seed(), unit.first() + i)
                    : null;
            events += r.events();
            if (values == null) {
                List<SettingResult> all = r.settings();
                for (int s = 0; s < all.size(); s++) {
                    if (settings == null || settings.contains(all.get(s).setting())) {
                        kept.add(s);
                        for (SettingKpi k : kpis) {
                            columns.add(all.get(s).setting() + "\t" + k.key());
                        }
                        for (int d = 0; demand && d < DemandKpi.values().length; d++) {
                            columns.add(all.get(s).setting() + "\t" + DemandKpi.values()[d].key());
                        }
                    }
                }
                values = new double[columns.size()][unit.count()];
                counts = new long[columns.size()][];
            }
            int c = 0;
            for (int s : kept) {
                SettingResult sr = r.settings().get(s);
                for (SettingKpi k : kpis) {
                    long[] n = k.counts(sr, r.census().days());
                    if (n != null) {
                        if (counts[c] == null) {
                            counts[c] = new long[2 * unit.count()];
                        }
                        counts[c][2 * i] = n[0];
                        counts[c][2 * i + 1] = n[1];
                    }
                    values[c++][i] = k.of(sr);
                }
                for (int d = 0; needed != null && d < DemandKpi.values().length; d++) {
                    values[c++][i] = needed[s][d]; // the settings that are not sinks, in the same order
                }
            }
        }
        return new UnitResult(unit.id(), columns, values, counts, events);
    }

    /**
     * Computes the variant's bridge as {@code bedsim bridge} does (its calibrations solved, then every configuration
     * on every replication, on one thread: the results do not depend on the threads) and keeps its figures, each as
     * its interval: {@code {mean, half-width, level, replications}}.
     */
    static UnitResult bridge(Unit unit) {
        Variant v = unit.variant();
        LoadedScenario loaded = loaded(v);
        BridgeResult result;
        BridgeDefinition def;
        try {
            HonestBridge honest = HonestBridge.of(loaded, v.json());
            def = honest.bridge(honest.solve(false, 1), false);
            result = Bridges.compute(def, 1, honest.cache());
        } catch (IllegalArgumentException e) { // a calibration out of reach, a bridge the model refuses
            throw new UnitRefused("variant " + v.id() + " (" + v.scenarioFile() + "): its bridge cannot be "
                    + "computed: " + e.getMessage());
        }
        List<String> columns = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        columns.add(SweepRunner.BRIDGE + "\tbase_beds");
        values.add(interval(result.base()));
        for (BridgeResult.Bar bar : result.bars()) {
            columns.add(SweepRunner.BRIDGE + "\tchange_" + bar.id());
            values.add(interval(bar.delta()));
        }
        ConfidenceInterval change = result.change() != null ? result.change() : new ConfidenceInterval(
                result.totalChange(), Double.NaN, result.base().level(), result.base().n());
        columns.add(SweepRunner.BRIDGE + "\ttotal_change");
        values.add(interval(change));
        columns.add(SweepRunner.BRIDGE + "\tfinal_beds");
        values.add(interval(result.finalBeds()));
        return new UnitResult(unit.id(), columns, values.toArray(double[][]::new), new long[columns.size()][], 0);
    }

    private static double[] interval(ConfidenceInterval ci) {
        return new double[] {ci.mean(), ci.halfWidth(), ci.level(), ci.n()};
    }

    private static LoadedScenario loaded(Variant v) {
        LoadedScenario loaded = ScenarioLoader.load(v.fileName(), v.json(), null, null);
        if (loaded.hasErrors()) { // checked on the driver before the sweep started: a different bedsim here
            throw new IllegalStateException("variant " + v.id() + " does not compile on this executor: "
                    + loaded.errors().get(0).message());
        }
        return loaded;
    }

    private static FlowSettings compiled(Variant v) {
        FlowSettings s = COMPILED.get(v.sha256());
        if (s != null) {
            return s;
        }
        LoadedScenario loaded = loaded(v);
        if (COMPILED.size() >= MAX_COMPILED) {
            COMPILED.clear();
        }
        COMPILED.put(v.sha256(), loaded.settings());
        return loaded.settings();
    }
}
