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
        return waterfall(result, title, baseLabel, finalLabel, WaterfallMarks.NONE);
    }

    /**
     * As {@link #waterfall(BridgeResult, String)} with what the scenario says beside the model: published figures
     * (drawn as markers) and steps resting on a calibrated input (hatched).
     */
    public static JFreeChart waterfall(BridgeResult result, String title, WaterfallMarks marks) {
        String[] ends = WaterfallChart.defaultEndLabels(result);
        return waterfall(result, title, ends[0], ends[1], marks);
    }

    /** As {@link #waterfall(BridgeResult, String, WaterfallMarks)} with the labels of the base and final bars. */
    public static JFreeChart waterfall(BridgeResult result, String title, String baseLabel, String finalLabel,
            WaterfallMarks marks) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(marks, "marks");
        return WaterfallChart.create(result, title, baseLabel, finalLabel, marks);
    }

    /**
     * The waterfall with the assessment's marks ({@link WaterfallMarks}): steps resting on a calibrated input
     * hatched, published figures as markers.
     *
     * @param assessment the assessment, or null for the plain waterfall
     */
    public static JFreeChart waterfall(BridgeResult result, String title,
            org.bedsim.calibrate.Assessment assessment) {
        if (assessment == null) {
            return waterfall(result, title);
        }
        java.util.Map<String, Double> changes = new java.util.LinkedHashMap<>();
        java.util.Set<String> calibrated = new java.util.LinkedHashSet<>();
        for (BridgeResult.Bar bar : result.bars()) {
            Double p = assessment.published().get(bar.id());
            if (p != null) {
                changes.put(bar.id(), p);
            }
            if (assessment.labels().bar(bar.id()) == org.bedsim.calibrate.Basis.CALIBRATED) {
                calibrated.add(bar.id());
            }
        }
        return waterfall(result, title, new WaterfallMarks(assessment.published().get("base"),
                assessment.published().get("final"), changes, calibrated));
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
        return trajectory(result, title, WaterfallMarks.NONE);
    }

    /** As {@link #trajectory(BridgeResult, String)} with the published base and final beds as markers. */
    public static JFreeChart trajectory(BridgeResult result, String title, WaterfallMarks marks) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(marks, "marks");
        return TrajectoryChart.create(result, title, marks);
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
     * A Better Care Fund metric by financial quarter (e.g. delayed days): the model's mean and 95 % interval per
     * quarter, with the scenario's published actuals and plan as lines.
     */
    public static JFreeChart quarterly(org.bedsim.metrics.QuarterlyMetrics.Summary quarters,
            org.bedsim.metrics.QuarterlyKpi kpi, String title) {
        Objects.requireNonNull(quarters, "quarters");
        return QuarterlyDelaysChart.create(quarters, kpi, title);
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

    /**
     * The main view of an option comparison: each option's paired difference from the base with its 95 % interval,
     * against a line at zero (the axis always holds zero).
     *
     * @param kpiLabel what is measured, e.g. "Acute settings: beds required, mean method"
     * @param unit its unit; the difference of shares is shown in percentage points
     * @param baseName the base option's name
     * @param options one difference per option other than the base, in the order to show
     */
    public static JFreeChart optionDifference(String kpiLabel, String unit, String baseName,
            List<OptionDifference> options) {
        return OptionDifferenceChart.create(kpiLabel, unit, baseName, List.copyOf(options));
    }

    /**
     * Admitted non-elective patients of a setting by their wait from the decision to admit to a bed, in hour bands
     * (share of the admitted, mean over replications).
     */
    public static JFreeChart waitBands(FlowSummary summary, String setting, SettingPalette palette) {
        return WaitCharts.bands(summary, setting, palette);
    }

    /**
     * The most patients waiting for a bed at once each day (median across replications, 5th-95th percentile band),
     * against the setting's beds (capacity and midnight census, right axis).
     */
    public static JFreeChart peakWaiting(FlowSummary summary, String setting, SettingPalette palette) {
        return WaitCharts.peaks(summary, setting, palette);
    }
}
