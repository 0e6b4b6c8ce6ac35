package org.bedsim.report.chart;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CensusSeries;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSummary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Occupied beds at midnight over the measured period in one setting: the median across replications, a band from
 * the 5th to the 95th percentile across replications, and the capacity stepping with the capacity timeline.
 *
 * <p><b>Implementation notes.</b> The census of day d is taken at the midnight that ends day d, so it is plotted
 * at {@code startDate + d + 1} 00:00; capacity step k is plotted from {@code startDate + fromDay}. Times are
 * milliseconds since the epoch in UTC, and the date axis uses UTC and a UK locale, so the output does not depend
 * on the machine's time zone. Percentiles across replications interpolate linearly between order statistics
 * (Hyndman and Fan's type 7, the default of R and NumPy). Dataset 0 (median line and band, by a deviation renderer
 * filled with a tint of the setting's colour) is drawn before dataset 1 (capacity, by a step renderer). Capacity is
 * not drawn when it is unlimited; unlimited steps of a timeline leave a gap.
 */
final class OccupancyOverTimeChart {
    static final double DAY_MILLIS = 86_400_000d;

    private OccupancyOverTimeChart() {
    }

    static JFreeChart create(FlowSummary summary, String setting, SettingPalette palette) {
        int column = column(summary, setting);
        List<FlowResult> reps = summary.replications();
        CensusSeries first = reps.get(0).census();
        LocalDate start = first.startDate();
        int days = first.days();

        YIntervalSeries band = new YIntervalSeries(setting + ": median");
        double[] values = new double[reps.size()];
        for (int d = 0; d < days; d++) {
            for (int r = 0; r < values.length; r++) {
                values[r] = reps.get(r).census().occupied(d, column);
            }
            Arrays.sort(values);
            band.add(millis(start, d + 1), quantile(values, 0.5), quantile(values, 0.05), quantile(values, 0.95));
        }
        YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
        bandData.addSeries(band);

        Color colour = palette.colour(setting);
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesPaint(0, colour);
        bandRenderer.setSeriesStroke(0, ChartStyle.LINE);
        bandRenderer.setSeriesFillPaint(0, ChartStyle.tint(colour, 0.65));
        bandRenderer.setAlpha(1f);

        DateAxis xAxis = ChartStyle.axis(new DateAxis("Date (midnight census)", TimeZone.getTimeZone("UTC"),
                Locale.UK));
        xAxis.setLowerMargin(0.01);
        xAxis.setUpperMargin(0.01);
        NumberAxis yAxis = ChartStyle.numberAxis("Occupied beds at midnight");
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());

        XYPlot plot = new XYPlot(bandData, xAxis, yAxis, bandRenderer);
        List<LegendItem> legend = new ArrayList<>();
        legend.add(ChartStyle.line(setting + ": median across replications", colour, ChartStyle.LINE));
        legend.add(ChartStyle.box(setting + ": 5th to 95th percentile across replications",
                ChartStyle.tint(colour, 0.65)));

        XYSeries capacity = capacitySeries(summary, setting, start, days);
        if (capacity != null) {
            XYStepRenderer capacityRenderer = new XYStepRenderer();
            capacityRenderer.setSeriesPaint(0, ChartStyle.CAPACITY);
            capacityRenderer.setSeriesStroke(0, ChartStyle.LINE);
            plot.setDataset(1, new XYSeriesCollection(capacity));
            plot.setRenderer(1, capacityRenderer);
            legend.add(ChartStyle.line(setting + ": capacity (beds)", ChartStyle.CAPACITY, ChartStyle.LINE));
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        String subtitle = "Midnight census, " + days + " days from " + start + ", " + reps.size()
                + " replications";
        return ChartStyle.chart("Occupancy over time: " + setting, subtitle, plot, ChartStyle.legend(legend));
    }

    /** @return the capacity step line over the measured period, or null if the setting's capacity is unlimited */
    static XYSeries capacitySeries(FlowSummary summary, String setting, LocalDate start, int days) {
        CapacityTimeline timeline = summary.settings().setting(setting).capacity();
        if (summary.settings().unconstrained() || timeline.isUnlimited()) {
            return null;
        }
        XYSeries series = new XYSeries(setting + ": capacity");
        int last = CapacityTimeline.UNLIMITED;
        for (CapacityTimeline.Step step : timeline.steps()) {
            if (step.fromDay() >= days) {
                break;
            }
            last = step.beds();
            series.add(Double.valueOf(millis(start, step.fromDay())),
                    last == CapacityTimeline.UNLIMITED ? null : Double.valueOf(last));
        }
        series.add(Double.valueOf(millis(start, days)),
                last == CapacityTimeline.UNLIMITED ? null : Double.valueOf(last));
        return series;
    }

    static double millis(LocalDate start, double day) {
        return (start.toEpochDay() + day) * DAY_MILLIS;
    }

    static int column(FlowSummary summary, String setting) {
        int column = summary.replications().get(0).census().settings().indexOf(setting);
        if (column < 0) {
            throw new IllegalArgumentException("no census for setting '" + setting + "'; settings are "
                    + summary.replications().get(0).census().settings());
        }
        return column;
    }

    /** @return the p-quantile of sorted values, interpolating linearly between order statistics (type 7) */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
