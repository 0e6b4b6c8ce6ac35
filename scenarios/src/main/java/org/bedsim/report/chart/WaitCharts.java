package org.bedsim.report.chart;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.WaitMeasures;
import org.bedsim.model.WaitSeries;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Waits for a bed in one setting: the admitted non-elective patients by wait band (from the decision to admit), and
 * the daily peak number waiting against the beds (capacity and the midnight census on a second axis).
 *
 * <p><b>Implementation notes.</b> Band shares are means over replications of each replication's share; the daily
 * peak is the median across replications with a 5th-95th percentile band (type 7 quantiles, as the occupancy chart),
 * plotted at noon of its day; the census and capacity are drawn as in the occupancy chart. Dates are UTC with a UK
 * locale, so nothing depends on the machine's time zone.
 */
final class WaitCharts {
    private WaitCharts() {
    }

    static JFreeChart bands(FlowSummary summary, String setting, SettingPalette palette) {
        double[] edges = WaitMeasures.bandHours();
        List<FlowResult> reps = summary.replications();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        CategoryPlot plot = new CategoryPlot();
        double max = 0;
        double std = summary.settings().waits().standardHours();
        double lng = summary.settings().waits().longHours();
        for (int b = 0; b < edges.length; b++) {
            double sum = 0;
            for (FlowResult r : reps) {
                WaitMeasures w = r.setting(setting).waits();
                sum += w.admitted() == 0 ? 0 : (double) w.bandCounts()[b] / w.admitted();
            }
            double share = sum / reps.size();
            String label = label(b == 0 ? 0 : edges[b - 1], edges[b]);
            data.addValue(share, "share", label);
            max = Math.max(max, share);
            CategoryTextAnnotation text = new CategoryTextAnnotation(String.format(Locale.ROOT, "%.1f %%",
                    100 * share), label, share);
            text.setFont(ChartStyle.VALUE_LABEL);
            text.setPaint(ChartStyle.TEXT);
            text.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(text);
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setSeriesPaint(0, palette.colour(setting));
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        CategoryAxis x = ChartStyle.categoryAxis("Wait from the decision to admit to a bed (hours)");
        NumberAxis y = ChartStyle.numberAxis("Share of admitted non-elective patients");
        y.setRange(0, max > 0 ? Math.min(1, max * 1.15) : 1);
        y.setNumberFormatOverride(Labels.axisFormat("share"));
        plot.setDataset(data);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setRenderer(renderer);
        String subtitle = String.format(Locale.ROOT, "Mean over %d replications; thresholds reported: %s h and %s h",
                reps.size(), hours(std), hours(lng));
        return ChartStyle.chart("Waits for a bed by band: " + setting, subtitle, plot, null);
    }

    static JFreeChart peaks(FlowSummary summary, String setting, SettingPalette palette) {
        List<FlowResult> reps = summary.replications();
        WaitSeries first = reps.get(0).waits();
        LocalDate start = first.startDate();
        int days = first.days();
        int col = first.column(setting);
        int censusCol = OccupancyOverTimeChart.column(summary, setting);
        YIntervalSeries peak = new YIntervalSeries(setting + ": daily peak waiting");
        XYSeries census = new XYSeries(setting + ": occupied beds at midnight");
        double[] v = new double[reps.size()];
        double[] c = new double[reps.size()];
        for (int d = 0; d < days; d++) {
            for (int r = 0; r < v.length; r++) {
                v[r] = reps.get(r).waits().peakWaiting(d, col);
                c[r] = reps.get(r).census().occupied(d, censusCol);
            }
            Arrays.sort(v);
            Arrays.sort(c);
            peak.add(OccupancyOverTimeChart.millis(start, d + 0.5), OccupancyOverTimeChart.quantile(v, 0.5),
                    OccupancyOverTimeChart.quantile(v, 0.05), OccupancyOverTimeChart.quantile(v, 0.95));
            census.add(OccupancyOverTimeChart.millis(start, d + 1), OccupancyOverTimeChart.quantile(c, 0.5));
        }
        Color colour = palette.colour(setting);
        YIntervalSeriesCollection peakData = new YIntervalSeriesCollection();
        peakData.addSeries(peak);
        DeviationRenderer peakRenderer = new DeviationRenderer(true, false);
        peakRenderer.setSeriesPaint(0, colour);
        peakRenderer.setSeriesStroke(0, ChartStyle.LINE);
        peakRenderer.setSeriesFillPaint(0, ChartStyle.tint(colour, 0.65));
        peakRenderer.setAlpha(1f);
        DateAxis x = ChartStyle.axis(new DateAxis("Date", TimeZone.getTimeZone("UTC"), Locale.UK));
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        NumberAxis waiting = ChartStyle.numberAxis("Most patients waiting for a bed at once in the day");
        waiting.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(peakData, x, waiting, peakRenderer);
        List<LegendItem> legend = new ArrayList<>();
        legend.add(ChartStyle.line("daily peak waiting: median across replications", colour, ChartStyle.LINE));
        legend.add(ChartStyle.box("daily peak waiting: 5th to 95th percentile", ChartStyle.tint(colour, 0.65)));

        NumberAxis beds = ChartStyle.numberAxis("Beds");
        beds.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, beds);
        XYLineAndShapeRenderer censusRenderer = new XYLineAndShapeRenderer(true, false);
        censusRenderer.setSeriesPaint(0, ChartStyle.TOTAL);
        censusRenderer.setSeriesStroke(0, ChartStyle.THIN);
        plot.setDataset(1, new XYSeriesCollection(census));
        plot.setRenderer(1, censusRenderer);
        plot.mapDatasetToRangeAxis(1, 1);
        legend.add(ChartStyle.line("occupied beds at midnight: median (right axis)", ChartStyle.TOTAL,
                ChartStyle.THIN));
        XYSeries capacity = OccupancyOverTimeChart.capacitySeries(summary, setting, start, days);
        if (capacity != null) {
            XYStepRenderer capacityRenderer = new XYStepRenderer();
            capacityRenderer.setSeriesPaint(0, ChartStyle.CAPACITY);
            capacityRenderer.setSeriesStroke(0, ChartStyle.LINE);
            plot.setDataset(2, new XYSeriesCollection(capacity));
            plot.setRenderer(2, capacityRenderer);
            plot.mapDatasetToRangeAxis(2, 1);
            legend.add(ChartStyle.line("capacity, beds (right axis)", ChartStyle.CAPACITY, ChartStyle.LINE));
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        String subtitle = days + " days from " + start + ", " + reps.size() + " replications";
        return ChartStyle.chart("Daily peak number waiting for a bed against capacity: " + setting, subtitle, plot,
                ChartStyle.legend(legend));
    }

    private static String label(double from, double to) {
        if (to == 0) {
            return "none";
        }
        if (Double.isInfinite(to)) {
            return "> " + hours(from);
        }
        return from == 0 ? "0-" + hours(to) : hours(from) + "-" + hours(to);
    }

    private static String hours(double h) {
        return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    }
}
