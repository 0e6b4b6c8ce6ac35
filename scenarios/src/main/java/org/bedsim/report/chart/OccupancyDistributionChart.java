package org.bedsim.report.chart;

import java.awt.Color;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingKpi;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How often each number of beds is occupied at midnight in one setting, pooled over every day of every replication,
 * as a histogram of shares of days, with vertical lines for the capacity, the mean census and the beds required by
 * both methods (the replication means of {@code beds_required_mean}, mean demand over the occupancy target, and of
 * {@code beds_required_percentile}).
 *
 * <p><b>Implementation notes.</b> One bar per occupied-beds value (bins of one bed, centred on the value); values
 * never seen have no bar. The lines are domain markers, labelled with their value at staggered heights so close
 * lines stay readable; the x axis is fixed to cover every bar and every line.
 */
final class OccupancyDistributionChart {
    static final Color MEAN = new Color(0x555555);
    static final Color MEAN_METHOD = new Color(0xC0392B);
    static final Color PERCENTILE_METHOD = new Color(0x7B3294);

    private OccupancyDistributionChart() {
    }

    static JFreeChart create(FlowSummary summary, String setting, SettingPalette palette) {
        int column = OccupancyOverTimeChart.column(summary, setting);
        long[] counts = counts(summary, column);
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        XYSeries shares = new XYSeries(setting + ": share of days");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0) {
                shares.add(k, (double) counts[k] / total);
                min = Math.min(min, k);
                max = Math.max(max, k);
                sum += (double) k * counts[k];
            }
        }
        double meanCensus = sum / total;
        double meanMethod = summary.interval(setting, SettingKpi.BEDS_REQUIRED_MEAN).mean();
        double percentileMethod = summary.interval(setting, SettingKpi.BEDS_REQUIRED_PERCENTILE).mean();

        XYSeriesCollection data = new XYSeriesCollection(shares);
        data.setIntervalWidth(1.0);
        Color colour = palette.colour(setting);
        XYBarRenderer renderer = new XYBarRenderer(0.1);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, colour);

        NumberAxis xAxis = ChartStyle.numberAxis("Occupied beds at midnight");
        xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis yAxis = ChartStyle.numberAxis("Share of days");
        yAxis.setAutoRangeIncludesZero(true);
        yAxis.setNumberFormatOverride(Labels.axisFormat("share"));
        yAxis.setUpperMargin(0.25);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);

        List<LegendItem> legend = new ArrayList<>();
        legend.add(ChartStyle.box(setting + ": share of days at each occupancy", colour));
        int row = 0;
        for (int beds : capacities(summary, setting)) {
            plot.addDomainMarker(marker(beds, "Capacity " + Labels.beds(beds), ChartStyle.CAPACITY, ChartStyle.LINE,
                    row++));
            min = Math.min(min, beds);
            max = Math.max(max, beds);
        }
        if (row > 0) {
            legend.add(ChartStyle.line("Capacity", ChartStyle.CAPACITY, ChartStyle.LINE));
        }
        plot.addDomainMarker(marker(meanCensus, "Mean " + Labels.value(meanCensus, "beds"), MEAN, ChartStyle.DASHED,
                row++));
        legend.add(ChartStyle.line("Mean census", MEAN, ChartStyle.DASHED));
        plot.addDomainMarker(marker(meanMethod, "Mean method " + Labels.beds(meanMethod), MEAN_METHOD,
                ChartStyle.DASHED, row++));
        legend.add(ChartStyle.line("Beds required, mean method (mean demand / "
                + Labels.percent(summary.settings().occupancyTarget()) + " target)", MEAN_METHOD,
                ChartStyle.DASHED));
        plot.addDomainMarker(marker(percentileMethod, "Percentile method " + Labels.beds(percentileMethod),
                PERCENTILE_METHOD, ChartStyle.DOTTED, row));
        legend.add(ChartStyle.line("Beds required, percentile method (exceeded on "
                + Labels.percent(summary.settings().riskShareOfDays()) + " of days)", PERCENTILE_METHOD,
                ChartStyle.DOTTED));
        for (double v : new double[] {meanCensus, meanMethod, percentileMethod}) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double pad = Math.max(2, (max - min) * 0.05);
        xAxis.setRange(new Range(Math.max(min - pad, -0.5), max + pad), true, false);
        // labels of lines in the right part of the plot go to the left of their line, so none runs off the plot
        double middle = (min + max) / 2;
        for (Object m : plot.getDomainMarkers(Layer.FOREGROUND)) {
            ValueMarker marker = (ValueMarker) m;
            if (marker.getValue() > middle) {
                marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
                RectangleInsets o = marker.getLabelOffset();
                marker.setLabelOffset(new RectangleInsets(o.getTop(), 0, 0, 4));
            }
        }

        String subtitle = "Midnight census pooled over " + summary.replications().size() + " replications x "
                + summary.replications().get(0).census().days() + " days";
        return ChartStyle.chart("Occupancy distribution: " + setting, subtitle, plot, ChartStyle.legend(legend));
    }

    /** @return how many (replication, day) pairs had each number of occupied beds, indexed by beds */
    static long[] counts(FlowSummary summary, int column) {
        int max = 0;
        for (FlowResult r : summary.replications()) {
            for (int d = 0; d < r.census().days(); d++) {
                max = Math.max(max, r.census().occupied(d, column));
            }
        }
        long[] counts = new long[max + 1];
        for (FlowResult r : summary.replications()) {
            for (int d = 0; d < r.census().days(); d++) {
                counts[r.census().occupied(d, column)]++;
            }
        }
        return counts;
    }

    /** @return the distinct finite capacities in force during the measured period, ascending */
    static TreeSet<Integer> capacities(FlowSummary summary, String setting) {
        TreeSet<Integer> out = new TreeSet<>();
        if (summary.settings().unconstrained()) {
            return out;
        }
        double days = summary.settings().horizonDays();
        for (CapacityTimeline.Step s : summary.settings().setting(setting).capacity().steps()) {
            if (s.fromDay() < days && s.beds() != CapacityTimeline.UNLIMITED) {
                out.add(s.beds());
            }
        }
        return out;
    }

    private static ValueMarker marker(double value, String label, Color colour, Stroke stroke, int row) {
        ValueMarker m = new ValueMarker(value, colour, stroke);
        m.setLabel(label);
        m.setLabelFont(ChartStyle.TICK_LABEL);
        m.setLabelPaint(colour);
        m.setLabelBackgroundColor(Color.WHITE);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(4 + 18 * row, 4, 0, 4));
        return m;
    }
}
