package org.bedsim.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;
import org.bedsim.experiment.Replications;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.DemandKpi;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingKind;
import org.bedsim.model.SettingKpi;
import org.bedsim.model.SettingResult;
import org.bedsim.model.UnconstrainedDemand;
import org.bedsim.model.WaitMeasures;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Runs options side by side. Every option runs the same replications with the same seed, so each patient has the
 * same draws in every option (common random numbers) and differences are paired: replication r of an option minus
 * replication r of the base. A comparison of the base with itself gives differences of exactly zero.
 *
 * <p>Rows come at three levels: each setting; each kind of setting taken together ({@code kind:acute},
 * {@code kind:community}, ...: the sites of a kind summed, so that three sites and two can be compared); and the
 * whole system. A group's counts, beds and bed-days are sums over its settings (beds required summed over sites is
 * the beds needed if each site is sized on its own, which is what pooling changes); its share of days full is the
 * mean over its settings; its mean wait is weighted by the patients who waited; its longest waits are the largest
 * over its settings. A setting an option does not have contributes nothing to a group or a target.
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** System-wide KPIs: name, unit and how to read them from a replication. */
    private static final Map<String, ToDoubleFunction<FlowResult>> SYSTEM_KPIS = new LinkedHashMap<>();
    private static final Map<String, String> SYSTEM_UNITS = new LinkedHashMap<>();

    /** Prefix of the pseudo-setting of a kind of setting taken together, e.g. {@code kind:acute}. */
    public static final String KIND_PREFIX = "kind:";

    /** How a KPI of several settings is combined into one. */
    private enum Combine { SUM, MEAN, MAX, WAIT_WEIGHTED, WAIT_OF_ALL, SHARE_OVER_STANDARD, SHARE_OVER_LONG, SHARE_RENEGED }

    /** The KPIs reported for kinds of setting taken together, and how each combines. */
    private static final Map<SettingKpi, Combine> GROUP_KPIS = new LinkedHashMap<>();

    static {
        SYSTEM_KPIS.put("composite_stay_days", FlowResult::meanSystemStayDays);
        SYSTEM_UNITS.put("composite_stay_days", "days");
        SYSTEM_KPIS.put("avoided", r -> r.avoided());
        SYSTEM_UNITS.put("avoided", "patients");
        SYSTEM_KPIS.put("redirected", r -> r.redirected());
        SYSTEM_UNITS.put("redirected", "patients");
        SYSTEM_KPIS.put("refused", r -> r.refused());
        SYSTEM_UNITS.put("refused", "patients");
        SYSTEM_KPIS.put("diverted", r -> r.settings().stream().mapToDouble(SettingResult::divertedOut).sum());
        SYSTEM_UNITS.put("diverted", "patients");
        SYSTEM_KPIS.put("cancelled", r -> r.cancelled());
        SYSTEM_UNITS.put("cancelled", "patients");
        SYSTEM_KPIS.put("wait_count", r -> r.settings().stream().mapToDouble(SettingResult::waitCount).sum());
        SYSTEM_UNITS.put("wait_count", "patients");
        SYSTEM_KPIS.put("mean_wait_days", r -> weightedWait(r.settings()));
        SYSTEM_UNITS.put("mean_wait_days", "days");
        SYSTEM_KPIS.put("mean_wait_all_days", r -> waitOfAll(r.settings()));
        SYSTEM_UNITS.put("mean_wait_all_days", "days");
        SYSTEM_KPIS.put("mean_queue_length",
                r -> r.settings().stream().mapToDouble(x -> x.waits().meanQueueLength()).sum());
        SYSTEM_UNITS.put("mean_queue_length", "patients");
        SYSTEM_KPIS.put("delayed_days", r -> r.settings().stream().mapToDouble(SettingResult::delayedDays).sum());
        SYSTEM_UNITS.put("delayed_days", "bed-days");
        SYSTEM_KPIS.put("mean_delayed_beds",
                r -> r.settings().stream().mapToDouble(SettingResult::meanDelayedBeds).sum());
        SYSTEM_UNITS.put("mean_delayed_beds", "beds");
        SYSTEM_KPIS.put("waits_over_standard", r -> sum(r.settings(), w -> w.overStandard()));
        SYSTEM_UNITS.put("waits_over_standard", "patients");
        SYSTEM_KPIS.put("share_waits_over_standard", r -> combine(r.settings(), Combine.SHARE_OVER_STANDARD));
        SYSTEM_UNITS.put("share_waits_over_standard", "share");
        SYSTEM_KPIS.put("waits_over_long", r -> sum(r.settings(), w -> w.overLong()));
        SYSTEM_UNITS.put("waits_over_long", "patients");
        SYSTEM_KPIS.put("share_waits_over_long", r -> combine(r.settings(), Combine.SHARE_OVER_LONG));
        SYSTEM_UNITS.put("share_waits_over_long", "share");
        SYSTEM_KPIS.put("reneged", r -> sum(r.settings(), w -> w.reneged()));
        SYSTEM_UNITS.put("reneged", "patients");

        for (SettingKpi k : List.of(SettingKpi.BEDS_REQUIRED_MEAN, SettingKpi.BEDS_REQUIRED_PERCENTILE,
                SettingKpi.MEAN_OCCUPANCY, SettingKpi.OCCUPANCY_P95, SettingKpi.MEAN_DEMAND, SettingKpi.BED_DAYS,
                SettingKpi.ADMISSIONS, SettingKpi.REFUSED, SettingKpi.DIVERTED, SettingKpi.CANCELLED,
                SettingKpi.WAIT_COUNT, SettingKpi.DELAYED_DAYS, SettingKpi.MEAN_DELAYED_BEDS,
                SettingKpi.ESCALATION_BED_DAYS, SettingKpi.WAITS_ADMITTED, SettingKpi.WAITS_OVER_STANDARD,
                SettingKpi.WAITS_OVER_LONG, SettingKpi.MEAN_DAILY_PEAK_WAITING, SettingKpi.RENEGED,
                SettingKpi.MEAN_QUEUE_LENGTH)) {
            GROUP_KPIS.put(k, Combine.SUM);
        }
        GROUP_KPIS.put(SettingKpi.SHARE_OF_DAYS_FULL, Combine.MEAN);
        GROUP_KPIS.put(SettingKpi.MEAN_WAIT_DAYS, Combine.WAIT_WEIGHTED);
        GROUP_KPIS.put(SettingKpi.P95_WAIT_DAYS, Combine.MAX);
        GROUP_KPIS.put(SettingKpi.MEAN_WAIT_ALL_DAYS, Combine.WAIT_OF_ALL);
        GROUP_KPIS.put(SettingKpi.SHARE_WAITS_OVER_STANDARD, Combine.SHARE_OVER_STANDARD);
        GROUP_KPIS.put(SettingKpi.SHARE_WAITS_OVER_LONG, Combine.SHARE_OVER_LONG);
        GROUP_KPIS.put(SettingKpi.SHARE_OF_DAYS_WITH_LONG_WAIT, Combine.MEAN);
        GROUP_KPIS.put(SettingKpi.SHARE_OF_DAYS_WITH_QUEUE, Combine.MEAN);
        GROUP_KPIS.put(SettingKpi.SHARE_RENEGED, Combine.SHARE_RENEGED);
    }

    /** @return the names of the system-wide KPIs, in report order */
    public static List<String> systemKpis() {
        return List.copyOf(SYSTEM_KPIS.keySet());
    }

    /** @return the KPIs reported for kinds of setting taken together, in report order */
    public static List<SettingKpi> groupKpis() {
        return List.copyOf(GROUP_KPIS.keySet());
    }

    /** @return the pseudo-setting name of a kind, e.g. {@code kind:virtual_ward} */
    public static String kindGroup(SettingKind kind) {
        return KIND_PREFIX + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param options name to configuration, the base first
     * @param targets targets to check in every option
     * @param seed master seed, shared by every option
     * @param replications replications per option, &gt;= 2
     * @param threads worker threads
     */
    public static Comparison run(Map<String, FlowSettings> options, List<Target> targets, long seed, int replications,
            int threads) {
        return run(options, targets, seed, replications, threads, r -> { });
    }

    /** As {@link #run(Map, List, long, int, int)}, calling {@code onDone} as each replication of each option ends. */
    public static Comparison run(Map<String, FlowSettings> options, List<Target> targets, long seed, int replications,
            int threads, IntConsumer onDone) {
        return run(options, targets, seed, replications, threads, onDone, ResultStore.NONE);
    }

    /**
     * As {@link #run(Map, List, long, int, int, IntConsumer)}, keeping each replication's result in {@code store}
     * (unit {@code option/<name>}) and taking those it already holds instead of running them again.
     */
    public static Comparison run(Map<String, FlowSettings> options, List<Target> targets, long seed, int replications,
            int threads, IntConsumer onDone, ResultStore store) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no options to compare");
        }
        List<Comparison.Option> results = new ArrayList<>();
        for (Map.Entry<String, FlowSettings> e : options.entrySet()) {
            FlowSummary run = run(e.getValue(), seed, replications, threads, onDone, store, "option/" + e.getKey());
            results.add(new Comparison.Option(e.getKey(), UnconstrainedDemand.attach(run, threads)));
        }
        return compare(results, targets);
    }

    /**
     * Runs a configuration's replications, taking from {@code store} those it holds under {@code unit} and saving the
     * others to it as they finish; with {@link ResultStore#NONE}, exactly {@link FlowExperiment#run}.
     */
    static FlowSummary run(FlowSettings settings, long seed, int replications, int threads, IntConsumer onDone,
            ResultStore store, String unit) {
        if (store == ResultStore.NONE) {
            return FlowExperiment.run(settings, seed, replications, threads, onDone);
        }
        return new FlowSummary(settings, seed, Replications.run(replications, threads, r -> {
            FlowResult kept = store.find(unit, r);
            if (kept != null) {
                return kept;
            }
            FlowResult result = FlowExperiment.runOne(settings, seed, r);
            store.save(unit, r, result);
            return result;
        }, onDone), 0.95);
    }

    /** Builds the comparison from options already run (the first is the base). */
    public static Comparison compare(List<Comparison.Option> options, List<Target> targets) {
        Comparison.Option base = options.get(0);
        List<Comparison.Row> rows = new ArrayList<>();
        List<Comparison.TargetCheck> checks = new ArrayList<>();
        for (Comparison.Option o : options) {
            FlowSummary s = o.summary();
            for (String setting : s.settingNames()) {
                boolean inBase = base.summary().settingNames().contains(setting);
                for (SettingKpi kpi : SettingKpi.values()) {
                    double[] v = s.values(setting, kpi);
                    double[] diff = inBase ? minus(v, base.summary().values(setting, kpi)) : null;
                    rows.add(new Comparison.Row(o.name(), setting, kpi.key(), kpi.unit(), ci(v),
                            diff == null ? null : ci(diff)));
                }
                if (s.demand() != null) {
                    boolean paired = inBase && base.summary().demand() != null;
                    for (DemandKpi kpi : DemandKpi.values()) {
                        double[] v = s.demand().values(setting, kpi);
                        double[] diff = paired ? minus(v, base.summary().demand().values(setting, kpi)) : null;
                        rows.add(new Comparison.Row(o.name(), setting, kpi.key(), kpi.unit(), ci(v),
                                diff == null ? null : ci(diff)));
                    }
                }
            }
            for (SettingKind kind : SettingKind.values()) {
                List<String> members = ofKind(s, kind);
                if (kind == SettingKind.HOME || members.isEmpty()) {
                    continue;
                }
                List<String> baseMembers = ofKind(base.summary(), kind);
                for (Map.Entry<SettingKpi, Combine> g : GROUP_KPIS.entrySet()) {
                    double[] v = group(s, members, g.getKey(), g.getValue());
                    double[] diff = baseMembers.isEmpty() ? null
                            : minus(v, group(base.summary(), baseMembers, g.getKey(), g.getValue()));
                    rows.add(new Comparison.Row(o.name(), kindGroup(kind), g.getKey().key(), g.getKey().unit(),
                            ci(v), diff == null ? null : ci(diff)));
                }
                if (s.demand() != null) {
                    // demand of a kind: each site's own demand summed (sized on its own), like beds required
                    for (DemandKpi kpi : DemandKpi.values()) {
                        double[] v = demandSum(s, members, kpi);
                        double[] diff = baseMembers.isEmpty() || base.summary().demand() == null ? null
                                : minus(v, demandSum(base.summary(), baseMembers, kpi));
                        rows.add(new Comparison.Row(o.name(), kindGroup(kind), kpi.key(), kpi.unit(), ci(v),
                                diff == null ? null : ci(diff)));
                    }
                }
            }
            for (Map.Entry<String, ToDoubleFunction<FlowResult>> e : SYSTEM_KPIS.entrySet()) {
                double[] v = s.replications().stream().mapToDouble(e.getValue()).toArray();
                double[] b = base.summary().replications().stream().mapToDouble(e.getValue()).toArray();
                rows.add(new Comparison.Row(o.name(), Comparison.SYSTEM, e.getKey(), SYSTEM_UNITS.get(e.getKey()),
                        ci(v), ci(minus(v, b))));
            }
            for (Target t : targets) {
                double[] v = targetValues(s, t);
                ConfidenceInterval ci = ci(v);
                boolean all = t.met(t.atMost() ? ci.high() : ci.low());
                checks.add(new Comparison.TargetCheck(o.name(), t, ci, t.met(ci.mean()), all));
            }
        }
        return new Comparison(base.name(), options, rows, checks);
    }

    /**
     * The fewest beds in one setting that meet a target, by bisection over the setting's capacity (assumed to make
     * the target easier to meet as beds are added). Each capacity is run on the same streams.
     *
     * @param settings the configuration (the setting's capacity is replaced by a constant)
     * @param setting the setting whose beds are searched
     * @param target the target to meet (its mean)
     * @param low a number of beds known or assumed too few
     * @param high a number of beds that meets the target
     * @return the fewest beds and the target's value there, or null if even {@code high} misses the target
     */
    public static Optimum fewestBeds(FlowSettings settings, String setting, Target target, int low, int high,
            long seed, int replications, int threads) {
        return fewestBeds(settings, setting, target, low, high, seed, replications, threads, r -> { });
    }

    /**
     * As {@link #fewestBeds(FlowSettings, String, Target, int, int, long, int, int)}, calling {@code onDone} as each
     * replication of each capacity tried ends (a search runs at most {@link #searchRuns(int, int)} capacities).
     */
    public static Optimum fewestBeds(FlowSettings settings, String setting, Target target, int low, int high,
            long seed, int replications, int threads, IntConsumer onDone) {
        return fewestBeds(settings, setting, target, low, high, seed, replications, threads, onDone,
                ResultStore.NONE);
    }

    /**
     * As {@link #fewestBeds(FlowSettings, String, Target, int, int, long, int, int, IntConsumer)}, keeping each
     * capacity's replications in {@code store} (unit {@code beds/<n>}) and taking those it already holds.
     */
    public static Optimum fewestBeds(FlowSettings settings, String setting, Target target, int low, int high,
            long seed, int replications, int threads, IntConsumer onDone, ResultStore store) {
        if (low < 0 || high <= low) {
            throw new IllegalArgumentException("bed search needs 0 <= low < high, was " + low + " and " + high);
        }
        int runs = 1;
        ConfidenceInterval atHigh = evaluate(settings, setting, high, target, seed, replications, threads, onDone,
                store);
        if (!target.met(atHigh.mean())) {
            return null;
        }
        int lo = low;
        int hi = high;
        ConfidenceInterval best = atHigh;
        ConfidenceInterval below = null;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            ConfidenceInterval v = evaluate(settings, setting, mid, target, seed, replications, threads, onDone,
                    store);
            runs++;
            if (target.met(v.mean())) {
                hi = mid;
                best = v;
            } else {
                lo = mid;
                below = v;
            }
        }
        return new Optimum(setting, hi, best, lo == hi - 1 && below != null ? below : null, runs);
    }

    /** @return the most capacities a bisection between {@code low} and {@code high} runs */
    public static int searchRuns(int low, int high) {
        int runs = 1;
        for (int span = high - low; span > 1; span = span - span / 2) {
            runs++;
        }
        return runs;
    }

    /**
     * The result of a bed search.
     *
     * @param setting the setting searched
     * @param beds the fewest beds meeting the target
     * @param value the target's measure at that number of beds (mean and 95 % interval)
     * @param oneFewer the target's measure at one bed fewer (which misses it), or null if that capacity is the
     *     search's lower bound and was not run
     * @param runs capacities run
     */
    public record Optimum(String setting, int beds, ConfidenceInterval value, ConfidenceInterval oneFewer, int runs) {
    }

    private static ConfidenceInterval evaluate(FlowSettings settings, String setting, int beds, Target target,
            long seed, int replications, int threads, IntConsumer onDone, ResultStore store) {
        List<CareSetting> changed = settings.settings().stream()
                .map(c -> c.name().equals(setting) ? c.withCapacity(CapacityTimeline.constant(beds)) : c).toList();
        FlowSummary s = run(settings.withSettings(changed), seed, replications, threads, onDone, store,
                "beds/" + beds);
        return ci(targetValues(s, target));
    }

    /** @return per replication, the target's KPI summed over those of its settings the option has */
    static double[] targetValues(FlowSummary s, Target t) {
        double[] out = new double[s.replications().size()];
        List<String> present = s.settingNames();
        for (String setting : t.settings()) {
            if (!present.contains(setting)) {
                continue;
            }
            double[] v = s.values(setting, t.kpi());
            for (int i = 0; i < out.length; i++) {
                out[i] += v[i];
            }
        }
        return out;
    }

    /** @return the non-sink settings of a kind, in configuration order */
    private static List<String> ofKind(FlowSummary s, SettingKind kind) {
        List<String> out = new ArrayList<>();
        for (String name : s.settingNames()) {
            if (s.settings().setting(name).kind() == kind) {
                out.add(name);
            }
        }
        return out;
    }

    /** @return per replication, a KPI of several settings combined */
    private static double[] demandSum(FlowSummary s, List<String> members, DemandKpi kpi) {
        double[] out = new double[s.replications().size()];
        for (String m : members) {
            double[] v = s.demand().values(m, kpi);
            for (int i = 0; i < out.length; i++) {
                out[i] += v[i];
            }
        }
        return out;
    }

    private static double[] group(FlowSummary s, List<String> members, SettingKpi kpi, Combine how) {
        double[] out = new double[s.replications().size()];
        for (int i = 0; i < out.length; i++) {
            FlowResult r = s.replications().get(i);
            List<SettingResult> rs = new ArrayList<>();
            for (String m : members) {
                rs.add(r.setting(m));
            }
            out[i] = switch (how) {
                case SUM -> rs.stream().mapToDouble(kpi::of).sum();
                case MEAN -> rs.stream().mapToDouble(kpi::of).average().orElse(0);
                case MAX -> rs.stream().mapToDouble(kpi::of).max().orElse(0);
                case WAIT_WEIGHTED -> weightedWait(rs);
                case WAIT_OF_ALL -> waitOfAll(rs);
                default -> combine(rs, how);
            };
        }
        return out;
    }

    /** @return a wait measure summed over some settings */
    private static double sum(List<SettingResult> rs, java.util.function.ToLongFunction<WaitMeasures> f) {
        double total = 0;
        for (SettingResult r : rs) {
            total += f.applyAsLong(r.waits());
        }
        return total;
    }

    /** @return a share of waits over some settings taken together: the settings' counts summed, then divided */
    private static double combine(List<SettingResult> rs, Combine how) {
        double admitted = sum(rs, WaitMeasures::admitted);
        return switch (how) {
            case SHARE_OVER_STANDARD -> admitted == 0 ? 0 : sum(rs, WaitMeasures::overStandard) / admitted;
            case SHARE_OVER_LONG -> admitted == 0 ? 0 : sum(rs, WaitMeasures::overLong) / admitted;
            case SHARE_RENEGED -> {
                double reneged = sum(rs, WaitMeasures::reneged);
                yield admitted + reneged == 0 ? 0 : reneged / (admitted + reneged);
            }
            default -> throw new IllegalArgumentException("not a share of waits: " + how);
        };
    }

    /** @return the mean wait of everyone who waited in some settings (0 if nobody did) */
    private static double weightedWait(List<SettingResult> rs) {
        double n = 0;
        double total = 0;
        for (SettingResult r : rs) {
            n += r.waitCount();
            total += r.waitCount() * r.meanWaitDays();
        }
        return n == 0 ? 0 : total / n;
    }

    /** @return the mean wait of every non-elective arrival admitted in some settings, zero waits included */
    private static double waitOfAll(List<SettingResult> rs) {
        double n = 0;
        double total = 0;
        for (SettingResult r : rs) {
            n += r.waits().admitted();
            total += r.waits().totalWaitDays();
        }
        return n == 0 ? 0 : total / n;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static ConfidenceInterval ci(double[] v) {
        return ConfidenceInterval.of(v, 0.95);
    }
}
