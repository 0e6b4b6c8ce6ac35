package org.bedsim.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.bedsim.experiment.Replications;
import org.bedsim.model.DemandModel;
import org.bedsim.model.DemandResult;
import org.bedsim.model.FlowModel;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.SettingResult;
import org.bedsim.random.RandomStreams;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Computes bed bridges.
 *
 * <p>Implementation notes. A configuration is the base with each step applied at some fraction (0 or 1 for the bars,
 * the phasing fractions of a year for the trajectory), steps always in their defined order. Every configuration runs
 * the same replications on the same random streams, and a range parameter takes the same draw in every
 * configuration of a replication, so differences between configurations are paired (common random numbers): a step
 * that changes nothing gives a bar of exactly zero, and each bar's interval reflects the step and its parameter
 * uncertainty, not noise. Bars and Shapley values are computed per replication and then averaged, so they add up to
 * the total in every replication. Exact Shapley values need every subset of the steps (2^n configurations); beyond
 * {@link BridgeDefinition#maxExactShapleySteps} steps, orderings are sampled (Castro, Gomez and Tejada 2009) from the
 * stream {@code bridge/orderings}. All (configuration, replication) runs are spread over the threads; the result does
 * not depend on their number. When beds are unlimited (demand is counted), a replication's configurations run on the
 * demand fast path ({@link DemandModel}), which gives the event-driven model's census exactly and shares each
 * cohort's patients across the configurations that leave the cohort unchanged; a configuration it does not support
 * (readmissions, or a change type it does not know) runs on the event-driven {@link FlowModel}. A bridge counting a
 * waiting measure ({@link BedCount#countsBeds()} false: the share of admissions waiting over 12 hours, days with a
 * queue...) runs every configuration on the event-driven model, the only one with queues; its bars and intervals are
 * in the measure's unit, paired the same way.
 */
public final class Bridges {
    private Bridges() {
    }

    /** Computes a bridge on {@code threads} threads. */
    public static BridgeResult compute(BridgeDefinition def, int threads) {
        return compute(def, threads, t -> { });
    }

    /**
     * Computes a bridge.
     *
     * @param def the bridge
     * @param threads worker threads
     * @param onRunDone called after each simulated (configuration, replication), for progress
     * @return bars, Shapley values, interaction and trajectory
     */
    public static BridgeResult compute(BridgeDefinition def, int threads, IntConsumer onRunDone) {
        return compute(def, threads, onRunDone, true);
    }

    /**
     * As {@link #compute(BridgeDefinition, int, IntConsumer)}; {@code demandFastPath} false runs every configuration
     * through the event-driven {@link FlowModel} (for tests that hold the two paths to the same result).
     */
    static BridgeResult compute(BridgeDefinition def, int threads, IntConsumer onRunDone, boolean demandFastPath) {
        return compute(def, threads, onRunDone, demandFastPath, RunStore.NONE);
    }

    /**
     * As {@link #compute(BridgeDefinition, int, IntConsumer)}, keeping each run's result in {@code store} and taking
     * those already there instead of running them again (to resume an interrupted bridge; the result is identical).
     */
    public static BridgeResult compute(BridgeDefinition def, int threads, IntConsumer onRunDone, RunStore store) {
        return compute(def, threads, onRunDone, true, store, new DemandCache(0));
    }

    /**
     * As {@link #compute(BridgeDefinition, int)}, taking the demand models of {@code cache} (kept from earlier
     * evaluations on the same seed) and keeping them there for later ones; the result is identical.
     */
    public static BridgeResult compute(BridgeDefinition def, int threads, DemandCache cache) {
        return compute(def, threads, t -> { }, true, RunStore.NONE, cache);
    }

    /** As {@link #compute(BridgeDefinition, int, IntConsumer, RunStore)}, with the demand models of {@code cache}. */
    public static BridgeResult compute(BridgeDefinition def, int threads, IntConsumer onRunDone, RunStore store,
            DemandCache cache) {
        return compute(def, threads, onRunDone, true, store, cache);
    }

    private static BridgeResult compute(BridgeDefinition def, int threads, IntConsumer onRunDone,
            boolean demandFastPath, RunStore store) {
        return compute(def, threads, onRunDone, demandFastPath, store, new DemandCache(0));
    }

    private static BridgeResult compute(BridgeDefinition def, int threads, IntConsumer onRunDone,
            boolean demandFastPath, RunStore store, DemandCache cache) {
        int reps = def.replications();
        Plan plan = plan(def);
        Map<String, double[]> configs = plan.configs();
        List<int[]> orderings = plan.orderings();
        boolean exact = plan.exact();

        List<double[]> list = new ArrayList<>(configs.values());
        RandomStreams streams = new RandomStreams(def.seed());
        double[][] beds = new double[list.size()][reps];
        if (demandFastPath && def.base().unconstrained() && def.method().countsBeds()) {
            // one task per replication (split further when there are fewer replications than threads): the demand
            // fast path shares a replication's patients across its configurations
            int chunks = reps >= threads ? 1 : Math.min(list.size(), (threads + reps - 1) / reps);
            int per = (list.size() + chunks - 1) / chunks;
            List<double[]> done = Replications.run(reps * chunks, threads, task -> {
                int replication = task / chunks;
                int from = (task % chunks) * per;
                int to = Math.min(list.size(), from + per);
                double[] stored = stored(store, list, from, to, replication);
                if (stored != null) {
                    for (int c = from; c < to; c++) {
                        onRunDone.accept(c * reps + replication);
                    }
                    return stored;
                }
                DemandModel demand = cache.take(streams, replication); // its arrays reused, or kept from before
                double[] out;
                try {
                    out = onFastPath(def, list, from, to, streams, replication, demand,
                            c -> onRunDone.accept(c * reps + replication));
                } finally {
                    cache.give(streams, replication, demand);
                }
                for (int c = from; c < to; c++) {
                    store.save(key(list.get(c)), replication, out[c - from]);
                }
                return out;
            });
            for (int task = 0; task < done.size(); task++) {
                int from = (task % chunks) * per;
                double[] out = done.get(task);
                for (int i = 0; i < out.length; i++) {
                    beds[from + i][task / chunks] = out[i];
                }
            }
        } else {
            List<Double> values = Replications.run(list.size() * reps, threads, task -> {
                double[] fractions = list.get(task / reps);
                int replication = task % reps;
                double found = store.find(key(fractions), replication);
                if (!Double.isNaN(found)) {
                    return found;
                }
                double b = beds(def, fractions, streams, replication);
                store.save(key(fractions), replication, b);
                return b;
            }, onRunDone);
            for (int task = 0; task < values.size(); task++) {
                beds[task / reps][task % reps] = values.get(task);
            }
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int c = 0; c < list.size(); c++) {
            values.put(key(list.get(c)), beds[c]);
        }
        return assemble(def, values, exact, orderings, configs.size());
    }

    /**
     * @return the configurations a bridge simulates, each for every replication (so {@code configurations(def) *
     *     def.replications()} runs in all): the subsets of steps (or, beyond the exact limit, the prefixes of sampled
     *     orderings), and the intermediate years of the trajectory
     */
    public static int configurations(BridgeDefinition def) {
        return plan(def).configs().size();
    }

    /** The configurations to simulate, keyed so that each is simulated once, and the sampled orderings. */
    private record Plan(Map<String, double[]> configs, List<int[]> orderings, boolean exact) {
    }

    private static Plan plan(BridgeDefinition def) {
        int n = def.steps().size();
        boolean exact = n <= def.maxExactShapleySteps();

        // the configurations: fraction vectors, keyed so that each is simulated once
        Map<String, double[]> configs = new LinkedHashMap<>();
        for (int mask = 0; mask < (1 << Math.min(n, 30)) && (exact || mask == 0); mask++) {
            add(configs, fractions(mask, n));
        }
        List<int[]> orderings = new ArrayList<>();
        if (!exact) {
            for (int j = 0; j <= n; j++) {
                add(configs, prefix(j, n));
            }
            for (int i = 0; i < n; i++) {
                double[] f = new double[n];
                f[i] = 1;
                add(configs, f);
            }
            UniformRandomProvider rng = new RandomStreams(def.seed()).stream("bridge/orderings", 0);
            for (int k = 0; k < def.sampledOrderings(); k++) {
                int[] order = new int[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                orderings.add(order);
                double[] f = new double[n];
                for (int i : order) {
                    f[i] = 1;
                    add(configs, f.clone());
                }
            }
        }
        for (int year = 1; year < def.years(); year++) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = def.steps().get(i).fraction(year);
            }
            add(configs, f);
        }
        return new Plan(configs, orderings, exact);
    }

    /**
     * Beds of one configuration in every replication, on the bridge's streams (the same numbers
     * {@link #compute(BridgeDefinition, int)} gives that configuration, by the demand fast path where it applies):
     * for calibration and sensitivity, which evaluate a few configurations many times.
     *
     * @param def the bridge
     * @param fractions the share of each step in effect, in step order (all 0: the base; all 1: the final year)
     * @param threads worker threads
     * @return beds per replication
     */
    public static double[] bedsPerReplication(BridgeDefinition def, double[] fractions, int threads) {
        return bedsPerReplication(def, fractions, threads, new DemandCache(0));
    }

    /**
     * As {@link #bedsPerReplication(BridgeDefinition, double[], int)}, taking the demand models of {@code cache}
     * (kept from earlier evaluations on the same seed) and keeping them there: a caller that evaluates many
     * variants of a bridge (calibration, sensitivity) then draws each replication's patients once and walks again
     * only the cohorts a variant changes. The numbers are identical with or without the cache.
     */
    public static double[] bedsPerReplication(BridgeDefinition def, double[] fractions, int threads,
            DemandCache cache) {
        if (fractions.length != def.steps().size()) {
            throw new IllegalArgumentException("one fraction per step expected, was " + fractions.length);
        }
        RandomStreams streams = new RandomStreams(def.seed());
        List<double[]> one = List.of(fractions.clone());
        List<Double> beds = Replications.run(def.replications(), threads, r -> bedsOf(def, one, streams, r, cache));
        double[] out = new double[beds.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = beds.get(r);
        }
        return out;
    }

    /** @return beds of one configuration in one replication (see {@link #bedsPerReplication}) */
    public static double bedsInReplication(BridgeDefinition def, double[] fractions, int replication) {
        return bedsInReplication(def, fractions, replication, new DemandCache(0));
    }

    /** As {@link #bedsInReplication(BridgeDefinition, double[], int)}, with the models of {@code cache}. */
    public static double bedsInReplication(BridgeDefinition def, double[] fractions, int replication,
            DemandCache cache) {
        if (fractions.length != def.steps().size()) {
            throw new IllegalArgumentException("one fraction per step expected, was " + fractions.length);
        }
        return bedsOf(def, List.of(fractions.clone()), new RandomStreams(def.seed()), replication, cache);
    }

    private static double bedsOf(BridgeDefinition def, List<double[]> one, RandomStreams streams, int replication,
            DemandCache cache) {
        if (def.base().unconstrained() && def.method().countsBeds()) {
            DemandModel demand = cache.take(streams, replication);
            try {
                return onFastPath(def, one, 0, 1, streams, replication, demand, c -> { })[0];
            } finally {
                cache.give(streams, replication, demand);
            }
        }
        return beds(def, one.get(0), streams, replication);
    }

    /**
     * Beds of configurations {@code from} to {@code to} (exclusive) of {@code list} in one replication, sharing one
     * demand model (whose work counters then tell what the fast path did) and the configured settings of common
     * prefixes of steps.
     */
    static double[] onFastPath(BridgeDefinition def, List<double[]> list, int from, int to, RandomStreams streams,
            int replication, DemandModel demand, IntConsumer onConfigurationDone) {
        Draws draws = new Draws(streams, replication);
        Map<String, Configured> prefixes = new HashMap<>();
        double[] out = new double[Math.max(0, to - from)];
        for (int c = from; c < to; c++) {
            Configured configured = configure(def, list.get(c), draws, prefixes);
            out[c - from] = beds(def, configured, streams, replication, demand);
            onConfigurationDone.accept(c);
        }
        return out;
    }

    /** @return the configurations of a bridge, in the order {@link #compute} runs them */
    static List<double[]> configurationList(BridgeDefinition def) {
        return new ArrayList<>(plan(def).configs().values());
    }

    /** A configuration's settings and the settings its beds are counted in. */
    private record Configured(FlowSettings settings, Set<String> counted) {
    }

    /**
     * The base with each step applied at its fraction, steps in their defined order. With {@code prefixes}, the
     * configuration is built on its memoised prefix (the same steps but the last), so each step is applied once per
     * distinct prefix instead of once per configuration.
     */
    private static Configured configure(BridgeDefinition def, double[] fractions, Draws draws,
            Map<String, Configured> prefixes) {
        int last = -1;
        for (int i = 0; i < fractions.length; i++) {
            if (fractions[i] > 0) {
                last = i;
            }
        }
        if (last < 0) {
            return new Configured(def.base(), def.counted());
        }
        String key = key(fractions);
        Configured known = prefixes.get(key);
        if (known != null) {
            return known;
        }
        double[] parent = fractions.clone();
        parent[last] = 0;
        Configured before = configure(def, parent, draws, prefixes);
        FlowSettings s = before.settings();
        Set<String> counted = before.counted();
        BridgeStep step = def.steps().get(last);
        for (int j = 0; j < step.changes().size(); j++) {
            Change change = step.changes().get(j);
            s = change.apply(s, fractions[last], draws, step.id() + "/" + j);
            if (!(change instanceof Change.MergeSettings) || fractions[last] >= 0.5) {
                counted = change.counted(counted);
            }
        }
        Configured out = new Configured(s, counted);
        prefixes.put(key, out);
        return out;
    }

    /** Beds of one configuration in one replication, by the event-driven model. */
    private static double beds(BridgeDefinition def, double[] fractions, RandomStreams streams, int replication) {
        Configured configured = configure(def, fractions, new Draws(streams, replication), new HashMap<>());
        return beds(def, configured, streams, replication, null);
    }

    /**
     * Beds of a configuration in one replication: by the demand fast path when {@code demand} is given and supports
     * the configuration (the same census, so the same beds by the percentile method), else by the event-driven
     * model.
     */
    private static double beds(BridgeDefinition def, Configured configured, RandomStreams streams, int replication,
            DemandModel demand) {
        FlowSettings s = configured.settings();
        double total = 0;
        if (!def.method().countsBeds()) { // a waiting measure: only the event-driven model has queues
            FlowResult result = new FlowModel(s, streams.replication(replication)).run();
            return def.method().measure(result, new java.util.TreeSet<>(configured.counted()));
        }
        if (demand != null && DemandModel.supports(s)) {
            DemandResult result = demand.run(s);
            for (String name : new java.util.TreeSet<>(configured.counted())) { // a fixed order: the same sum anywhere
                total += def.method() == BedCount.MEAN_OCCUPANCY ? result.meanDemand(name) / s.occupancyTarget()
                        : result.bedsRequiredPercentile(name, s.riskShareOfDays());
            }
            return total;
        }
        FlowResult result = new FlowModel(s, streams.replication(replication)).run();
        for (String name : new java.util.TreeSet<>(configured.counted())) { // a fixed order: the same sum anywhere
            SettingResult r = result.setting(name);
            total += def.method() == BedCount.MEAN_OCCUPANCY ? r.bedsRequiredMean() : r.bedsRequiredPercentile();
        }
        return total;
    }

    private static BridgeResult assemble(BridgeDefinition def, Map<String, double[]> v, boolean exact,
            List<int[]> orderings, int configurations) {
        int n = def.steps().size();
        int reps = def.replications();
        double[] base = v.get(key(new double[n]));
        double[] all = v.get(key(prefix(n, n)));
        double[] interaction = new double[reps];
        double[] change = new double[reps];
        for (int r = 0; r < reps; r++) {
            interaction[r] = all[r] - base[r];
            change[r] = all[r] - base[r];
        }
        double[][] shapley = shapley(v, n, reps, exact, orderings);
        List<BridgeResult.Bar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] before = v.get(key(prefix(i, n)));
            double[] after = v.get(key(prefix(i + 1, n)));
            double[] alone = new double[n];
            alone[i] = 1;
            double[] aloneBeds = v.get(key(alone));
            double[] delta = new double[reps];
            double[] standalone = new double[reps];
            for (int r = 0; r < reps; r++) {
                delta[r] = after[r] - before[r];
                standalone[r] = aloneBeds[r] - base[r];
                interaction[r] -= standalone[r];
            }
            BridgeStep step = def.steps().get(i);
            bars.add(new BridgeResult.Bar(step.id(), step.label(), step.sources(), ci(delta), ci(standalone),
                    ci(shapley[i]), ci(after)));
        }
        List<BridgeResult.YearBeds> trajectory = new ArrayList<>();
        for (int year = 0; year <= def.years(); year++) {
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = year == 0 ? 0 : year == def.years() ? 1 : def.steps().get(i).fraction(year);
            }
            trajectory.add(new BridgeResult.YearBeds(def.baseYear() + year, ci(v.get(key(f)))));
        }
        return new BridgeResult(ci(base), ci(all), bars, ci(interaction), exact, trajectory, reps, configurations,
                ci(change));
    }

    /** Shapley values per step and replication. */
    private static double[][] shapley(Map<String, double[]> v, int n, int reps, boolean exact,
            List<int[]> orderings) {
        double[][] phi = new double[n][reps];
        if (exact) {
            double[] weight = new double[n];
            for (int size = 0; size < n; size++) {
                // size! (n - size - 1)! / n!
                double w = 1.0 / n;
                for (int k = 1; k <= size; k++) {
                    w *= (double) k / (n - k);
                }
                weight[size] = w;
            }
            for (int mask = 0; mask < (1 << n); mask++) {
                double[] without = v.get(key(fractions(mask, n)));
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        continue;
                    }
                    double[] with = v.get(key(fractions(mask | (1 << i), n)));
                    double w = weight[Integer.bitCount(mask)];
                    for (int r = 0; r < reps; r++) {
                        phi[i][r] += w * (with[r] - without[r]);
                    }
                }
            }
        } else {
            for (int[] order : orderings) {
                double[] f = new double[n];
                double[] previous = v.get(key(f));
                for (int i : order) {
                    f[i] = 1;
                    double[] now = v.get(key(f));
                    for (int r = 0; r < reps; r++) {
                        phi[i][r] += (now[r] - previous[r]) / orderings.size();
                    }
                    previous = now;
                }
            }
        }
        return phi;
    }

    private static ConfidenceInterval ci(double[] values) {
        return ConfidenceInterval.of(values, 0.95);
    }

    private static double[] fractions(int mask, int n) {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = (mask & (1 << i)) != 0 ? 1 : 0;
        }
        return f;
    }

    private static double[] prefix(int j, int n) {
        double[] f = new double[n];
        for (int i = 0; i < j; i++) {
            f[i] = 1;
        }
        return f;
    }

    private static void add(Map<String, double[]> configs, double[] fractions) {
        configs.putIfAbsent(key(fractions), fractions);
    }

    /** @return the stored beds of configurations [from, to) in a replication, or null if any is missing */
    private static double[] stored(RunStore store, List<double[]> list, int from, int to, int replication) {
        double[] out = new double[to - from];
        for (int c = from; c < to; c++) {
            out[c - from] = store.find(key(list.get(c)), replication);
            if (Double.isNaN(out[c - from])) {
                return null;
            }
        }
        return out;
    }

    private static String key(double[] fractions) {
        StringBuilder b = new StringBuilder();
        for (double f : fractions) {
            b.append(f).append(',');
        }
        return b.toString();
    }
}
