package org.bedsim.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.model.FlowSummary;
import org.bedsim.stats.ConfidenceInterval;

/**
 * The quarterly metrics of options run on common random numbers: each option's value per period and its paired
 * difference from the base, replication by replication, with 95 % intervals.
 */
public final class QuarterlyComparison {
    private QuarterlyComparison() {
    }

    /**
     * One option's KPI in one period.
     *
     * @param option the option's name
     * @param period a quarter or financial year label
     * @param kpi the measure
     * @param value mean and interval across replications
     * @param difference paired difference from the base (exactly zero for the base)
     */
    public record Row(String option, String period, QuarterlyKpi kpi, ConfidenceInterval value,
            ConfidenceInterval difference) {
    }

    /**
     * @param options each option's run, base first, all with the same replications and calendar
     * @param def what to count
     * @return rows by option, then period, then KPI
     */
    public static List<Row> compare(Map<String, FlowSummary> options, QuarterlyDefinition def) {
        List<Row> rows = new ArrayList<>();
        String base = options.keySet().iterator().next();
        Map<String, List<Map<String, Map<String, Double>>>> perReplication = new LinkedHashMap<>();
        options.forEach((name, s) -> perReplication.put(name, s.replications().stream()
                .map(r -> QuarterlyMetrics.compute(r, def)).toList()));
        FlowSummary first = options.get(base);
        List<QuarterlyMetrics.Period> periods = QuarterlyMetrics.periods(first.settings().startDate(),
                (int) first.settings().horizonDays());
        double level = first.level();
        for (String option : options.keySet()) {
            List<Map<String, Map<String, Double>>> mine = perReplication.get(option);
            List<Map<String, Map<String, Double>>> theirs = perReplication.get(base);
            for (QuarterlyMetrics.Period p : periods) {
                for (QuarterlyKpi k : QuarterlyKpi.all()) {
                    int n = mine.size();
                    double[] v = new double[n];
                    double[] d = new double[n];
                    boolean finite = true;
                    for (int i = 0; i < n; i++) {
                        v[i] = mine.get(i).get(p.label()).get(k.key());
                        d[i] = v[i] - theirs.get(i).get(p.label()).get(k.key());
                        finite &= Double.isFinite(v[i]) && Double.isFinite(d[i]);
                    }
                    rows.add(new Row(option, p.label(), k, interval(v, level, finite),
                            interval(d, level, finite)));
                }
            }
        }
        return rows;
    }

    private static ConfidenceInterval interval(double[] xs, double level, boolean finite) {
        return finite ? ConfidenceInterval.of(xs, level)
                : new ConfidenceInterval(Double.NaN, Double.NaN, level, xs.length);
    }
}
