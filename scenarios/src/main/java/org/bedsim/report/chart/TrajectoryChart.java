package org.bedsim.report.chart;

import java.util.List;
import org.bedsim.bridge.BridgeResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * Beds year by year as a line with error bars: one point per financial year at the mean, whiskers for the 95 %
 * interval (the renderer's "deviation" is the interval's half-width), the mean in beds written above each point.
 */
final class TrajectoryChart {
    static final String SERIES = "Beds required (mean)";

    private TrajectoryChart() {
    }

    static JFreeChart create(BridgeResult result, String title) {
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
        CategoryAxis xAxis = ChartStyle.categoryAxis("Financial year");
        NumberAxis yAxis = ChartStyle.numberAxis("Beds");
        yAxis.setNumberFormatOverride(Labels.axisFormat("beds"));
        ChartStyle.fitRange(yAxis, min, max);
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
        String subtitle = "Mean over " + result.replications() + " replications; whiskers: 95 % interval";
        return ChartStyle.chart(title, subtitle, plot, ChartStyle.legend(List.of(
                ChartStyle.line(SERIES, ChartStyle.DECREASE, ChartStyle.LINE),
                ChartStyle.line("95 % interval", ChartStyle.WHISKER, ChartStyle.THIN))));
    }
}
