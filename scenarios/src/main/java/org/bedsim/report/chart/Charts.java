package org.bedsim.report.chart;

import java.util.List;
import java.util.Objects;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.model.FlowSummary;
import org.jfree.chart.JFreeChart;

/**
 * The bedsim charts, each built from a result and returned as a {@link JFreeChart} to write with
 * {@link ChartWriter}. Every chart has a title, axis labels with units, a legend, a white background and the
 * setting colours of a {@link SettingPalette}; none depends on the machine's locale or time zone.
 */
public final class Charts {
    static {
        ChartStyle.ensureHeadless();
    }

    private Charts() {
    }

    /**
     * The bed bridge as a waterfall: the base total, one floating bar per step from the beds before it to the beds
     * after it (orange when it adds beds, blue when it removes them), the final total; whiskers for the 95 % interval
     * of each total and of each step's change; the bed numbers above the bars. The end bars are labelled with the
     * first and last years of the trajectory (e.g. 2016/17 and 2020/21) when the bridge has one, else "Base" and
     * "Final".
     *
     * @param result a computed bridge
     * @param title e.g. "Acute beds 2016/17 to 2020/21"
     */
    public static JFreeChart waterfall(BridgeResult result, String title) {
        String[] ends = WaterfallChart.defaultEndLabels(result);
        return waterfall(result, title, ends[0], ends[1]);
    }

    /** As {@link #waterfall(BridgeResult, String)} with the labels of the base and final bars. */
    public static JFreeChart waterfall(BridgeResult result, String title, String baseLabel, String finalLabel) {
        Objects.requireNonNull(result, "result");
        return WaterfallChart.create(result, title, baseLabel, finalLabel);
    }

    /**
     * The waterfall with the assessment's marks: bars resting on a calibrated input hatched, published figures as
     * diamonds (the published beds of a total; for a step, the level its published change would reach).
     *
     * @param assessment the assessment, or null for the plain waterfall
     */
    public static JFreeChart waterfall(BridgeResult result, String title,
            org.bedsim.calibrate.Assessment assessment) {
        Objects.requireNonNull(result, "result");
        String[] ends = WaterfallChart.defaultEndLabels(result);
        if (assessment == null) {
            return WaterfallChart.create(result, title, ends[0], ends[1]);
        }
        int n = result.bars().size() + 2;
        boolean[] calibrated = new boolean[n];
        double[] published = new double[n];
        org.bedsim.calibrate.Basis cal = org.bedsim.calibrate.Basis.CALIBRATED;
        calibrated[0] = assessment.labels().base() == cal;
        calibrated[n - 1] = assessment.labels().finalBeds() == cal;
        published[0] = assessment.published().getOrDefault("base", Double.NaN);
        published[n - 1] = assessment.published().getOrDefault("final", Double.NaN);
        for (int i = 0; i < result.bars().size(); i++) {
            String id = result.bars().get(i).id();
            calibrated[i + 1] = assessment.labels().bar(id) == cal;
            published[i + 1] = assessment.published().getOrDefault(id, Double.NaN);
        }
        return WaterfallChart.create(result, title, ends[0], ends[1], new WaterfallChart.Marks(calibrated,
                published));
    }

    /**
     * A tornado of final beds over each input's range, one at a time on common random numbers, widest first.
     *
     * @param tornado the computed tornado
     * @param title e.g. "What drives the 2020/21 beds"
     */
    public static JFreeChart tornado(org.bedsim.calibrate.Sensitivity.Tornado tornado, String title) {
        Objects.requireNonNull(tornado, "tornado");
        return TornadoChart.create(tornado, title);
    }

    /**
     * Beds year by year: the mean with 95 % interval whiskers per financial year (labelled e.g. 2016/17).
     *
     * @throws IllegalArgumentException if the bridge has no trajectory (its steps are not phased)
     */
    public static JFreeChart trajectory(BridgeResult result, String title) {
        Objects.requireNonNull(result, "result");
        return TrajectoryChart.create(result, title);
    }

    /**
     * Occupied beds at midnight over time in one setting: median across replications, 5th-95th percentile band,
     * capacity stepping with the setting's capacity timeline. Colours from the configuration's palette.
     */
    public static JFreeChart occupancyOverTime(FlowSummary summary, String setting) {
        return occupancyOverTime(summary, setting, SettingPalette.of(summary.settings()));
    }

    /** As {@link #occupancyOverTime(FlowSummary, String)} with a given palette. */
    public static JFreeChart occupancyOverTime(FlowSummary summary, String setting, SettingPalette palette) {
        return OccupancyOverTimeChart.create(summary, setting, palette);
    }

    /**
     * The distribution of occupied beds at midnight in one setting, pooled over replications (share of days at each
     * occupancy), with lines for capacity, mean census, and beds required by the mean and the percentile methods.
     */
    public static JFreeChart occupancyDistribution(FlowSummary summary, String setting) {
        return occupancyDistribution(summary, setting, SettingPalette.of(summary.settings()));
    }

    /** As {@link #occupancyDistribution(FlowSummary, String)} with a given palette. */
    public static JFreeChart occupancyDistribution(FlowSummary summary, String setting, SettingPalette palette) {
        return OccupancyDistributionChart.create(summary, setting, palette);
    }

    /** Delayed bed-days per setting, stacked by the setting awaited (mean over replications). */
    public static JFreeChart delayedDays(FlowSummary summary) {
        return delayedDays(summary, SettingPalette.of(summary.settings()));
    }

    /** As {@link #delayedDays(FlowSummary)} with a given palette. */
    public static JFreeChart delayedDays(FlowSummary summary, SettingPalette palette) {
        return DelayedDaysChart.create(summary, palette);
    }

    /**
     * One KPI across options: mean and 95 % interval per option, the base option marked with its own colour and a
     * dashed line at its mean.
     *
     * @param kpiLabel what is measured, for the title and the axis, e.g. "Acute beds required (mean method)"
     * @param unit its unit, e.g. "beds" or "days"; "share" is shown as a percentage
     * @param options one interval per option, in the order to show; at most one marked as the base
     */
    public static JFreeChart optionComparison(String kpiLabel, String unit, List<OptionInterval> options) {
        return OptionComparisonChart.create(kpiLabel, unit, List.copyOf(options));
    }
}
