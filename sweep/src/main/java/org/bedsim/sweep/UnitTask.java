package org.bedsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.SettingKpi;
import org.bedsim.model.SettingResult;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioLoader;

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
    private final Set<String> failFirstAttempt;

    /**
     * @param kpis the KPIs kept
     * @param settings the settings kept (null: all)
     * @param failFirstAttempt for tests of Spark's retries only: the ids of units whose first attempt throws
     */
    UnitTask(List<SettingKpi> kpis, List<String> settings, Set<String> failFirstAttempt) {
        this.kpis = List.copyOf(kpis);
        this.settings = settings == null ? null : List.copyOf(settings);
        this.failFirstAttempt = Set.copyOf(failFirstAttempt);
    }

    @Override
    public UnitResult call(Unit unit) {
        TaskContext task = TaskContext.get();
        if (failFirstAttempt.contains(unit.id()) && task != null && task.attemptNumber() == 0) {
            throw new IllegalStateException("a failure injected for a test into the first attempt of unit "
                    + unit.id());
        }
        return run(unit, kpis, settings);
    }

    /** Runs a unit here (Spark's task, or a test comparing with it). */
    static UnitResult run(Unit unit, List<SettingKpi> kpis, List<String> settings) {
        Variant v = unit.variant();
        FlowSettings compiled = compiled(v);
        List<String> columns = new ArrayList<>();
        double[][] values = null;
        long[][] counts = null;
        long events = 0;
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < unit.count(); i++) {
            FlowResult r = FlowExperiment.runOne(compiled, v.seed(), unit.first() + i);
            events += r.events();
            if (values == null) {
                List<SettingResult> all = r.settings();
                for (int s = 0; s < all.size(); s++) {
                    if (settings == null || settings.contains(all.get(s).setting())) {
                        kept.add(s);
                        for (SettingKpi k : kpis) {
                            columns.add(all.get(s).setting() + "\t" + k.key());
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
            }
        }
        return new UnitResult(unit.id(), columns, values, counts, events);
    }

    private static FlowSettings compiled(Variant v) {
        FlowSettings s = COMPILED.get(v.sha256());
        if (s != null) {
            return s;
        }
        LoadedScenario loaded = ScenarioLoader.load(v.fileName(), v.json(), null, null);
        if (loaded.hasErrors()) { // checked on the driver before the sweep started: a different bedsim here
            throw new IllegalStateException("variant " + v.id() + " does not compile on this executor: "
                    + loaded.errors().get(0).message());
        }
        if (COMPILED.size() >= MAX_COMPILED) {
            COMPILED.clear();
        }
        COMPILED.put(v.sha256(), loaded.settings());
        return loaded.settings();
    }
}
