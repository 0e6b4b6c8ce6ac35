package org.bedsim.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.bedsim.model.DemandKpi;
import org.bedsim.model.KpiInterval;
import org.bedsim.model.SettingKpi;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Runs a sweep's units on Spark and aggregates them. Units already complete in the output folder are skipped with
 * {@code --resume}; the others run in waves (one Spark job each, a unit per task unless a number of partitions is
 * given), and each unit's output is written as soon as its wave is back, so an interrupted sweep loses at most a
 * wave. Aggregation reads every unit's file, in replication order, whatever ran where: the results do not depend
 * on the partitioning, the executors, retried tasks or a resume.
 */
public final class SweepRunner {
    private SweepRunner() {
    }

    /**
     * One aggregated result: a KPI of a setting in a variant over its replications, or a figure of its bridge.
     *
     * @param variant the variant
     * @param setting the setting ({@value #BRIDGE} for a bridge's figures)
     * @param kpi the KPI's key (for a bridge: base_beds, change_STEP for each step's bar, total_change, final_beds)
     * @param unit the KPI's unit
     * @param settingKpi the setting KPI, null for a bridge's figures
     * @param value its value and 95 % interval, as {@code bedsim run} (settings.csv) or {@code bedsim bridge}
     *     (bridge.csv) gives them
     */
    public record Row(Variant variant, String setting, String kpi, String unit, SettingKpi settingKpi,
            KpiInterval value) {
        /** A setting's KPI. */
        public Row(Variant variant, String setting, SettingKpi kpi, KpiInterval value) {
            this(variant, setting, kpi.key(), kpi.unit(), kpi, value);
        }
    }

    /** The setting column of a bridge's figures. */
    public static final String BRIDGE = "bridge";

    /**
     * What a sweep did.
     *
     * @param rows every variant's kept KPIs, in variant order, then setting, then KPI
     * @param units the units
     * @param resumed units taken complete from an earlier run
     * @param ran units run now
     * @param events events simulated by the units run now
     * @param seconds wall time of the units run now
     */
    public record Result(List<Row> rows, int units, int resumed, int ran, long events, double seconds) {
    }

    /** Options of a run. */
    public record Options(boolean resume, int partitions, Set<String> failFirstAttempt) {
        /** The defaults: a fresh run, a unit per task. */
        public static Options defaults() {
            return new Options(false, 0, Set.of());
        }
    }

    /**
     * @return every unit of the sweep, variant by variant, in replication order, each bridge variant's bridge unit
     *     after its replications
     */
    public static List<Unit> units(LoadedSweep sweep) {
        List<Unit> units = new ArrayList<>();
        for (Variant v : sweep.variants()) {
            for (int first = 0; first < v.replications(); first += sweep.block()) {
                units.add(new Unit(v, first, Math.min(sweep.block(), v.replications() - first), false));
            }
            if (v.bridge()) { // its bridge: every configuration on every replication, in one unit
                units.add(new Unit(v, 0, v.replications(), true));
            }
        }
        return units;
    }

    /**
     * Runs a sweep.
     *
     * @param spark the session (local or a cluster's)
     * @param sweep a sweep without errors
     * @param out the output folder
     * @param options resume, partitions, injected failures
     * @param unitsDone called with the number of units done so far (resumed ones first)
     */
    public static Result run(SparkSession spark, LoadedSweep sweep, Path out, Options options,
            IntConsumer unitsDone) throws IOException {
        List<Unit> units = units(sweep);
        UnitStore store = UnitStore.open(out, options.resume(), sweep.kpis(), sweep.settings(),
                sweep.spec().keepsDemand());
        List<Unit> pending = new ArrayList<>();
        for (Unit u : units) {
            if (!options.resume() || store.read(u) == null) {
                pending.add(u);
            }
        }
        int resumed = units.size() - pending.size();
        unitsDone.accept(resumed);
        long started = System.nanoTime();
        long events = 0;
        if (!pending.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int parallelism = Math.max(1, jsc.defaultParallelism());
            int wave = Math.max(16, parallelism * 8);
            UnitTask task = new UnitTask(sweep.kpis(), sweep.settings(), sweep.spec().keepsDemand(),
                    options.failFirstAttempt());
            Map<String, Unit> byId = new LinkedHashMap<>();
            pending.forEach(u -> byId.put(u.id(), u));
            int done = resumed;
            for (int from = 0; from < pending.size(); from += wave) {
                List<Unit> part = pending.subList(from, Math.min(pending.size(), from + wave));
                int slices = options.partitions() > 0 ? Math.min(options.partitions(), part.size()) : part.size();
                List<UnitResult> results = jsc.parallelize(new ArrayList<>(part), slices).map(task).collect();
                for (UnitResult r : results) {
                    store.write(byId.get(r.unitId()), r);
                    events += r.events();
                }
                done += part.size();
                unitsDone.accept(done);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(aggregate(sweep, units, store), units.size(), resumed, pending.size(), events, seconds);
    }

    private static DemandKpi demandKpi(String key) {
        for (DemandKpi k : DemandKpi.values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }

    /** @return every variant's rows, from the unit files, replications in order */
    static List<Row> aggregate(LoadedSweep sweep, List<Unit> units, UnitStore store) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (Variant v : sweep.variants()) {
            List<UnitResult> parts = new ArrayList<>();
            UnitResult bridge = null;
            while (i < units.size() && units.get(i).variant().index() == v.index()) {
                UnitResult r = store.read(units.get(i));
                if (r == null) {
                    throw new IllegalStateException("unit " + units.get(i).id() + " has no complete output in "
                            + store.folder());
                }
                if (units.get(i).bridge()) {
                    bridge = r;
                } else {
                    parts.add(r);
                }
                i++;
            }
            List<String> columns = parts.get(0).columns();
            for (UnitResult p : parts) {
                if (!p.columns().equals(columns)) {
                    throw new IllegalStateException("units of " + v.id() + " kept different columns");
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                double[] values = new double[v.replications()];
                long[] events = parts.get(0).counts()[c] == null ? null : new long[v.replications()];
                long[] trials = events == null ? null : new long[v.replications()];
                int k = 0;
                for (UnitResult p : parts) {
                    if ((p.counts()[c] == null) != (events == null)) {
                        throw new IllegalStateException("units of " + v.id() + " kept different columns");
                    }
                    for (int j = 0; j < p.values()[c].length; j++) {
                        if (events != null) {
                            events[k] = p.counts()[c][2 * j];
                            trials[k] = p.counts()[c][2 * j + 1];
                        }
                        values[k++] = p.values()[c][j];
                    }
                }
                String[] sk = columns.get(c).split("\t");
                DemandKpi needed = demandKpi(sk[1]);
                if (needed != null) { // as settings.csv: a t interval kept at 0 or more
                    rows.add(new Row(v, sk[0], needed.key(), needed.unit(), null, KpiInterval.of(
                            ConfidenceInterval.of(values, 0.95), 0, Double.POSITIVE_INFINITY)));
                    continue;
                }
                SettingKpi kpi = SettingKpi.byKey(sk[1]);
                rows.add(new Row(v, sk[0], kpi, KpiInterval.over(kpi, values, events, trials, 0.95)));
            }
            for (int c = 0; bridge != null && c < bridge.columns().size(); c++) {
                String[] sk = bridge.columns().get(c).split("\t");
                double[] x = bridge.values()[c]; // mean, half-width, level, replications: as the bridge gave them
                ConfidenceInterval ci = new ConfidenceInterval(x[0], x[1], x[2], (long) x[3]);
                rows.add(new Row(v, BRIDGE, sk[1], "beds", null, new KpiInterval(ci.mean(), ci.low(), ci.high(),
                        (int) ci.n(), -1, -1)));
            }
        }
        return rows;
    }
}
