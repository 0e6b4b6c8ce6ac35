package org.bedsim.model;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.bedsim.stats.ConfidenceInterval;

/**
 * The flow model's results across replications.
 *
 * @param settings what was run
 * @param seed master seed
 * @param replications each replication's result, in order
 * @param level confidence level of the intervals (0.95)
 * @param demand what the same patients need with unlimited beds ({@link UnconstrainedDemand}), or null if not
 *     computed
 */
public record FlowSummary(FlowSettings settings, long seed, List<FlowResult> replications, double level,
        DemandSummary demand) {

    /** Freezes. */
    public FlowSummary {
        replications = List.copyOf(replications);
    }

    /** A summary without demand. */
    public FlowSummary(FlowSettings settings, long seed, List<FlowResult> replications, double level) {
        this(settings, seed, replications, level, null);
    }

    /** @return a copy with demand attached */
    public FlowSummary withDemand(DemandSummary newDemand) {
        return new FlowSummary(settings, seed, replications, level, newDemand);
    }

    /** @return the interval across replications of a KPI in a setting */
    public ConfidenceInterval interval(String setting, SettingKpi kpi) {
        return interval(r -> kpi.of(r.setting(setting)));
    }

    /** @return the interval across replications of any per-replication measure */
    public ConfidenceInterval interval(ToDoubleFunction<FlowResult> measure) {
        return ConfidenceInterval.of(replications.stream().mapToDouble(measure).toArray(), level);
    }

    /**
     * @return a KPI of a setting with its interval in the KPI's range: a share of counted events as a pooled ratio
     *     with a Wilson-type {@link org.bedsim.stats.ProportionInterval}, any other KPI as a t interval kept at 0 or
     *     more (see {@link KpiInterval}); with the events it rests on
     */
    public KpiInterval kpi(String setting, SettingKpi kpi) {
        int n = replications.size();
        double[] values = new double[n];
        long[] events = new long[n];
        long[] trials = new long[n];
        boolean counted = true;
        for (int r = 0; r < n; r++) {
            FlowResult result = replications.get(r);
            SettingResult sr = result.setting(setting);
            values[r] = kpi.of(sr);
            long[] c = counted ? kpi.counts(sr, result.census().days()) : null;
            if (c == null) {
                counted = false;
            } else {
                events[r] = c[0];
                trials[r] = c[1];
            }
        }
        return KpiInterval.over(kpi, values, counted ? events : null, counted ? trials : null, level);
    }

    /** @return per-replication values of a KPI in a setting */
    public double[] values(String setting, SettingKpi kpi) {
        return replications.stream().mapToDouble(r -> kpi.of(r.setting(setting))).toArray();
    }

    /** @return the names of the non-sink settings, in configuration order */
    public List<String> settingNames() {
        return replications.get(0).settings().stream().map(SettingResult::setting).toList();
    }

    /** @return total events over all replications' measured periods */
    public long events() {
        return replications.stream().mapToLong(FlowResult::events).sum();
    }
}
