package org.bedsim.report.chart;

import java.util.ArrayList;
import java.util.List;
import org.bedsim.bridge.BridgeResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Beds year by year as a line with error bars: one point per financial year at the mean, whiskers for the 95 %
 * interval (the renderer's "deviation" is the interval's half-width), the mean in beds written above each point.
 * The value axis starts at zero unless that would flatten the line; then the axis carries a visible break and the
 * axis label and subtitle say it does not start at zero. Published base and final beds, when the scenario gives
 * them, are diamond markers on the first and last years.
 */
final class TrajectoryChart {
    static final String SERIES = "Beds required (mean)";
    static final String PUBLISHED = WaterfallChart.PUBLISHED;

    private TrajectoryChart() {
    }

    static JFreeChart create(BridgeResult result, String title, WaterfallMarks marks) {
        List<BridgeResult.YearBeds> years = result.trajectory();
        if (years.isEmpty()) {
            throw new IllegalArgumentException("the bridge has no trajectory (its steps are not phased by year)");
        }
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        CategoryPlot plot = new CategoryPlot();
        for (BridgeResult.YearBeds y : years) {
            String year = Labels.financialYear(y.year());
            double mean = y.beds().mean();
            double half = y.beds().halfWidth();
            boolean hasWhisker = Double.isFinite(half);
            dataset.add(Double.valueOf(mean), hasWhisker ? Double.valueOf(half) : null, SERIES, year);
            min = Math.min(min, hasWhisker ? mean - half : mean);
            max = Math.max(max, hasWhisker ? mean + half : mean);
        }
        DefaultCategoryDataset published = new DefaultCategoryDataset();
        for (int i = 0; i < years.size(); i++) {
            Double p = i == 0 ? marks.publishedBase() : i == years.size() - 1 ? marks.publishedFinal() : null;
            published.addValue(p, PUBLISHED, Labels.financialYear(years.get(i).year()));
            if (p != null) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
        }
        CategoryAxis xAxis = ChartStyle.categoryAxis("Financial year");
        NumberAxis yAxis = ChartStyle.numberAxis("Beds");
        yAxis.setNumberFormatOverride(Labels.axisFormat("beds"));
        boolean fromZero = ChartStyle.fitRange(yAxis, min, max);
        if (!fromZero) {
            yAxis.setLabel("Beds (axis from " + Labels.beds(yAxis.getLowerBound()) + ", not zero)");
            plot.addAnnotation(new AxisBreak(Labels.financialYear(years.get(0).year()), false, true));
        }
        double gap = (yAxis.getUpperBound() - yAxis.getLowerBound()) * 0.015;
        for (BridgeResult.YearBeds y : years) {
            double half = y.beds().halfWidth();
            double top = y.beds().mean() + (Double.isFinite(half) ? half : 0);
            CategoryTextAnnotation label = new CategoryTextAnnotation(Labels.beds(y.beds().mean()),
                    Labels.financialYear(y.year()), top + gap);
            label.setFont(ChartStyle.VALUE_LABEL);
            label.setPaint(ChartStyle.TEXT);
            label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(label);
        }
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, ChartStyle.DECREASE);
        renderer.setSeriesStroke(0, ChartStyle.LINE);
        renderer.setSeriesShape(0, ChartStyle.dotShape());
        renderer.setErrorIndicatorPaint(ChartStyle.WHISKER);
        renderer.setErrorIndicatorStroke(ChartStyle.THIN);
        plot.setDataset(dataset);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setRenderer(renderer);
        List<LegendItem> legend = new ArrayList<>(List.of(
                ChartStyle.line(SERIES, ChartStyle.DECREASE, ChartStyle.LINE),
                ChartStyle.line("95 % interval", ChartStyle.WHISKER, ChartStyle.THIN)));
        if (marks.publishedBase() != null || marks.publishedFinal() != null) {
            LineAndShapeRenderer marker = new LineAndShapeRenderer(false, true);
            marker.setSeriesShape(0, ChartStyle.diamondShape());
            marker.setSeriesPaint(0, ChartStyle.PUBLISHED);
            plot.setDataset(1, published);
            plot.setRenderer(1, marker);
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
            legend.add(ChartStyle.diamond(PUBLISHED, ChartStyle.PUBLISHED));
        }
        String subtitle = "Mean over " + result.replications() + " replications; whiskers: 95 % interval. "
                + WaterfallChart.totalChange(result)
                + (fromZero ? "" : " The axis does not start at zero (marked by a break).");
        return ChartStyle.chart(title, subtitle, plot, ChartStyle.legend(legend));
    }
}
