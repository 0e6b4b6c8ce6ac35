package org.bedsim.model;

import java.util.List;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Demand across replications: per replication and setting, what the same patients (the same arrivals, stays and
 * routes: common random numbers) need with unlimited beds everywhere. Computed by {@link UnconstrainedDemand}.
 *
 * @param settings the non-sink settings, in configuration order
 * @param values per replication, per setting, per {@link DemandKpi} (in its order)
 * @param level confidence level of the intervals
 */
public record DemandSummary(List<String> settings, List<double[][]> values, double level) {

    /** Freezes. */
    public DemandSummary {
        settings = List.copyOf(settings);
        values = List.copyOf(values);
    }

    /** @return true if the setting was measured */
    public boolean has(String setting) {
        return settings.contains(setting);
    }

    /** @return per-replication values of a measure in a setting */
    public double[] values(String setting, DemandKpi kpi) {
        int s = settings.indexOf(setting);
        if (s < 0) {
            throw new IllegalArgumentException("no setting " + setting);
        }
        return values.stream().mapToDouble(v -> v[s][kpi.ordinal()]).toArray();
    }

    /** @return the interval across replications of a measure in a setting */
    public ConfidenceInterval interval(String setting, DemandKpi kpi) {
        return ConfidenceInterval.of(values(setting, kpi), level);
    }
}
