package org.bedsim.model;

import java.util.ArrayList;
import java.util.List;
import org.bedsim.experiment.Replications;
import org.bedsim.random.RandomStreams;

/**
 * Demand beside a constrained run: the same configuration with unlimited beds in every setting, on the same seed
 * and replications, so each replication has the very patients of the run (common random numbers: each patient's
 * arrival, stays and routes are functions of its number and the named streams, whatever the beds). Computed by the
 * demand fast path ({@link DemandModel}) when it supports the configuration, otherwise by the event-driven model
 * with unlimited beds (readmissions). Either way the result depends only on the configuration with unlimited beds,
 * so a ward of 31 beds and the same ward with unlimited beds get identical demand figures.
 */
public final class UnconstrainedDemand {
    private UnconstrainedDemand() {
    }

    /** @return the summary with its demand attached (computed on the summary's own seed and replications) */
    public static FlowSummary attach(FlowSummary summary, int threads) {
        return summary.withDemand(of(summary.settings(), summary.seed(), summary.replications().size(), threads,
                summary.level()));
    }

    /**
     * @param settings a configuration (its beds are ignored)
     * @param seed master seed
     * @param replications replications, &gt;= 1
     * @param threads worker threads, &gt;= 1
     * @param level confidence level of the intervals
     * @return demand per replication and setting
     */
    public static DemandSummary of(FlowSettings settings, long seed, int replications, int threads, double level) {
        FlowSettings unlimited = settings.withUnconstrained(true);
        List<String> names = names(unlimited);
        RandomStreams streams = new RandomStreams(seed);
        List<double[][]> values;
        if (DemandModel.supports(unlimited)) {
            ThreadLocal<DemandModel> models = new ThreadLocal<>(); // one per worker thread, its arrays reused
            values = Replications.run(replications, threads, r -> {
                DemandModel model = models.get();
                if (model == null) {
                    model = new DemandModel(streams.replication(r));
                    models.set(model);
                } else {
                    model.reset(streams.replication(r));
                }
                return fastPath(model.run(unlimited), names, unlimited);
            });
        } else {
            values = Replications.run(replications, threads, r -> eventDriven(new FlowModel(unlimited,
                    streams.replication(r)).run(), names));
        }
        return new DemandSummary(names, values, level);
    }

    /**
     * @return one replication's demand, as {@link #of} computes it: for each setting that is not a sink, in
     *     configuration order, the {@link DemandKpi} values by ordinal (for a sweep, which runs replications in
     *     blocks)
     */
    public static double[][] replication(FlowSettings settings, long seed, int replication) {
        FlowSettings unlimited = settings.withUnconstrained(true);
        List<String> names = names(unlimited);
        RandomStreams streams = new RandomStreams(seed);
        if (DemandModel.supports(unlimited)) {
            return fastPath(new DemandModel(streams.replication(replication)).run(unlimited), names, unlimited);
        }
        return eventDriven(new FlowModel(unlimited, streams.replication(replication)).run(), names);
    }

    /** @return the names of the settings that are not sinks, in configuration order */
    private static List<String> names(FlowSettings unlimited) {
        List<String> names = new ArrayList<>();
        for (CareSetting s : unlimited.settings()) {
            if (!s.isSink()) {
                names.add(s.name());
            }
        }
        return names;
    }

    private static double[][] fastPath(DemandResult d, List<String> names, FlowSettings unlimited) {
        double[][] v = new double[names.size()][DemandKpi.values().length];
        for (int s = 0; s < names.size(); s++) {
            double mean = d.meanDemand(names.get(s));
            v[s][DemandKpi.MEAN_DEMAND.ordinal()] = mean;
            v[s][DemandKpi.BEDS_REQUIRED_MEAN.ordinal()] = mean / unlimited.occupancyTarget();
            v[s][DemandKpi.BEDS_REQUIRED_PERCENTILE.ordinal()] =
                    d.bedsRequiredPercentile(names.get(s), unlimited.riskShareOfDays());
        }
        return v;
    }

    private static double[][] eventDriven(FlowResult result, List<String> names) {
        double[][] v = new double[names.size()][DemandKpi.values().length];
        for (int s = 0; s < names.size(); s++) {
            SettingResult sr = result.setting(names.get(s));
            v[s][DemandKpi.MEAN_DEMAND.ordinal()] = sr.meanDemand();
            v[s][DemandKpi.BEDS_REQUIRED_MEAN.ordinal()] = sr.bedsRequiredMean();
            v[s][DemandKpi.BEDS_REQUIRED_PERCENTILE.ordinal()] = sr.bedsRequiredPercentile();
        }
        return v;
    }
}
