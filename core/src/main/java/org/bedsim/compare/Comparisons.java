package org.bedsim.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingKpi;
import org.bedsim.model.SettingResult;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Runs options side by side. Every option runs the same replications with the same seed, so each patient has the
 * same draws in every option (common random numbers) and differences are paired: replication r of an option minus
 * replication r of the base. A comparison of the base with itself gives differences of exactly zero.
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** System-wide KPIs: name, unit and how to read them from a replication. */
    private static final Map<String, ToDoubleFunction<FlowResult>> SYSTEM_KPIS = new LinkedHashMap<>();
    private static final Map<String, String> SYSTEM_UNITS = new LinkedHashMap<>();

    static {
        SYSTEM_KPIS.put("composite_stay_days", FlowResult::meanSystemStayDays);
        SYSTEM_UNITS.put("composite_stay_days", "days");
        SYSTEM_KPIS.put("refused", r -> r.refused());
        SYSTEM_UNITS.put("refused", "patients");
        SYSTEM_KPIS.put("cancelled", r -> r.cancelled());
        SYSTEM_UNITS.put("cancelled", "patients");
        SYSTEM_KPIS.put("delayed_days", r -> r.settings().stream().mapToDouble(SettingResult::delayedDays).sum());
        SYSTEM_UNITS.put("delayed_days", "bed-days");
        SYSTEM_KPIS.put("mean_delayed_beds",
                r -> r.settings().stream().mapToDouble(SettingResult::meanDelayedBeds).sum());
        SYSTEM_UNITS.put("mean_delayed_beds", "beds");
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
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no options to compare");
        }
        List<Comparison.Option> results = new ArrayList<>();
        for (Map.Entry<String, FlowSettings> e : options.entrySet()) {
            results.add(new Comparison.Option(e.getKey(),
                    FlowExperiment.run(e.getValue(), seed, replications, threads)));
        }
        return compare(results, targets);
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
        if (low < 0 || high <= low) {
            throw new IllegalArgumentException("bed search needs 0 <= low < high, was " + low + " and " + high);
        }
        ConfidenceInterval atHigh = evaluate(settings, setting, high, target, seed, replications, threads);
        if (!target.met(atHigh.mean())) {
            return null;
        }
        int lo = low;
        int hi = high;
        ConfidenceInterval best = atHigh;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            ConfidenceInterval v = evaluate(settings, setting, mid, target, seed, replications, threads);
            if (target.met(v.mean())) {
                hi = mid;
                best = v;
            } else {
                lo = mid;
            }
        }
        return new Optimum(setting, hi, best);
    }

    /**
     * The result of a bed search.
     *
     * @param setting the setting searched
     * @param beds the fewest beds meeting the target
     * @param value the target's measure at that number of beds (mean and 95 % interval)
     */
    public record Optimum(String setting, int beds, ConfidenceInterval value) {
    }

    private static ConfidenceInterval evaluate(FlowSettings settings, String setting, int beds, Target target,
            long seed, int replications, int threads) {
        List<CareSetting> changed = settings.settings().stream()
                .map(c -> c.name().equals(setting) ? c.withCapacity(CapacityTimeline.constant(beds)) : c).toList();
        FlowSummary s = FlowExperiment.run(settings.withSettings(changed), seed, replications, threads);
        return ci(targetValues(s, target));
    }

    private static double[] targetValues(FlowSummary s, Target t) {
        double[] out = new double[s.replications().size()];
        for (String setting : t.settings()) {
            double[] v = s.values(setting, t.kpi());
            for (int i = 0; i < out.length; i++) {
                out[i] += v[i];
            }
        }
        return out;
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
