package org.bedsim.report.chart;

import java.awt.Color;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Charts of data against a fit: an empirical and a fitted cumulative distribution, a quantile-quantile plot, a daily
 * series against its fitted mean, and an observed census over a simulated band. Times on date axes are UTC midnights.
 */
public final class DataCharts {

    private DataCharts() {
    }

    /** Empirical (steps) against fitted cdf, at points {@code x}. */
    public static JFreeChart cdf(String title, String subtitle, double[] x, double[] empirical, double[] fitted,
            String fittedLabel) {
        ChartStyle.ensureHeadless();
        XYSeries e = new XYSeries("Kaplan-Meier (data)", false, true);
        XYSeries f = new XYSeries(fittedLabel, false, true);
        for (int i = 0; i < x.length; i++) {
            e.add(x[i], empirical[i]);
            f.add(x[i], fitted[i]);
        }
        return lines(title, subtitle, "Length of stay, days", "Share of stays ended", List.of(e, f));
    }

    /** Quantile-quantile plot: fitted quantiles against data quantiles, with the diagonal. */
    public static JFreeChart qq(String title, String subtitle, double[] data, double[] fitted) {
        ChartStyle.ensureHeadless();
        XYSeries q = new XYSeries("quantiles", false, true);
        XYSeries d = new XYSeries("equal", false, true);
        double max = 0;
        for (int i = 0; i < data.length; i++) {
            q.add(data[i], fitted[i]);
            max = Math.max(max, Math.max(data[i], fitted[i]));
        }
        d.add(0, 0);
        d.add(max, max);
        return lines(title, subtitle, "Data quantile, days", "Fitted quantile, days", List.of(q, d));
    }

    private static JFreeChart lines(String title, String subtitle, String xLabel, String yLabel,
            List<XYSeries> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, ChartStyle.TOTAL);
        r.setSeriesStroke(0, ChartStyle.LINE);
        r.setSeriesPaint(1, ChartStyle.INCREASE);
        r.setSeriesStroke(1, ChartStyle.DASHED);
        XYPlot plot = new XYPlot(data, ChartStyle.numberAxis(xLabel), ChartStyle.numberAxis(yLabel), r);
        return ChartStyle.chart(title, subtitle, plot, ChartStyle.legend(List.of(
                ChartStyle.line((String) series.get(0).getKey(), ChartStyle.TOTAL, ChartStyle.LINE),
                ChartStyle.line((String) series.get(1).getKey(), ChartStyle.INCREASE, ChartStyle.DASHED))));
    }

    /** A daily series (observed) and a fitted mean, by date. */
    public static JFreeChart daily(String title, String subtitle, LocalDate first, double[] observed,
            double[] fitted, String yLabel) {
        ChartStyle.ensureHeadless();
        XYSeries o = new XYSeries("observed", false, true);
        XYSeries f = new XYSeries("fitted mean", false, true);
        for (int d = 0; d < observed.length; d++) {
            o.add(millis(first, d), observed[d]);
            if (!Double.isNaN(fitted[d])) {
                f.add(millis(first, d), fitted[d]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(o);
        data.addSeries(f);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, ChartStyle.tint(ChartStyle.TOTAL, 0.4));
        r.setSeriesStroke(0, ChartStyle.THIN);
        r.setSeriesPaint(1, ChartStyle.INCREASE);
        r.setSeriesStroke(1, ChartStyle.LINE);
        XYPlot plot = new XYPlot(data, dateAxis(), ChartStyle.numberAxis(yLabel), r);
        return ChartStyle.chart(title, subtitle, plot, ChartStyle.legend(List.of(
                ChartStyle.line("observed", ChartStyle.tint(ChartStyle.TOTAL, 0.4), ChartStyle.THIN),
                ChartStyle.line("fitted mean", ChartStyle.INCREASE, ChartStyle.LINE))));
    }

    /** The observed census (line) over the simulated 5-95 and 25-75 percentile bands. */
    public static JFreeChart band(String title, String subtitle, LocalDate first, double[] observed, double[] p5,
            double[] p25, double[] p50, double[] p75, double[] p95) {
        ChartStyle.ensureHeadless();
        YIntervalSeries outer = new YIntervalSeries("simulated P5-P95");
        YIntervalSeries inner = new YIntervalSeries("simulated P25-P75");
        XYSeries obs = new XYSeries("observed", false, true);
        for (int d = 0; d < observed.length; d++) {
            outer.add(millis(first, d), p50[d], p5[d], p95[d]);
            inner.add(millis(first, d), p50[d], p25[d], p75[d]);
            obs.add(millis(first, d), observed[d]);
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(outer);
        bands.addSeries(inner);
        DeviationRenderer dr = new DeviationRenderer(true, false);
        Color c = ChartStyle.DECREASE;
        dr.setSeriesFillPaint(0, ChartStyle.tint(c, 0.8));
        dr.setSeriesFillPaint(1, ChartStyle.tint(c, 0.55));
        dr.setSeriesPaint(0, ChartStyle.tint(c, 0.3));
        dr.setSeriesPaint(1, ChartStyle.tint(c, 0.3));
        dr.setSeriesStroke(0, ChartStyle.THIN);
        dr.setSeriesStroke(1, ChartStyle.THIN);
        dr.setAlpha(1f);
        XYPlot plot = new XYPlot(bands, dateAxis(), ChartStyle.numberAxis("Occupied beds at midnight"), dr);
        XYSeriesCollection o = new XYSeriesCollection(obs);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesStroke(0, ChartStyle.THIN);
        plot.setDataset(1, o);
        plot.setRenderer(1, r);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        return ChartStyle.chart(title, subtitle, plot, ChartStyle.legend(List.of(
                ChartStyle.box("simulated P5-P95", ChartStyle.tint(c, 0.8)),
                ChartStyle.box("simulated P25-P75", ChartStyle.tint(c, 0.55)),
                ChartStyle.line("observed", Color.BLACK, ChartStyle.THIN))));
    }

    private static DateAxis dateAxis() {
        DateAxis axis = new DateAxis("Date", TimeZone.getTimeZone("UTC"), Locale.UK);
        return ChartStyle.axis(axis);
    }

    private static double millis(LocalDate first, int day) {
        return first.plusDays(day).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1000d;
    }

}
