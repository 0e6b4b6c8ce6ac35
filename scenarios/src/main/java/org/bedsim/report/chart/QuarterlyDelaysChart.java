package org.bedsim.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.bedsim.metrics.QuarterlyDefinition;
import org.bedsim.metrics.QuarterlyKpi;
import org.bedsim.metrics.QuarterlyMetrics;
import org.bedsim.stats.ConfidenceInterval;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * A quarterly KPI by financial quarter: the model's mean with 95 % interval whiskers, and the scenario's published
 * actuals (points joined by a line) and plan (a dashed line). A quarter the run covers only in part is labelled with
 * an asterisk.
 */
final class QuarterlyDelaysChart {
    static final String MODEL = "Model (mean)";
    static final String ACTUAL = "Published actual";
    static final String PLAN = "Published plan";
    private static final Color ACTUAL_COLOUR = new Color(0x009E73);
    private static final Color PLAN_COLOUR = new Color(0xD55E00);

    private QuarterlyDelaysChart() {
    }

    static JFreeChart create(QuarterlyMetrics.Summary q, QuarterlyKpi kpi, String title) {
        DefaultStatisticalCategoryDataset model = new DefaultStatisticalCategoryDataset();
        DefaultCategoryDataset published = new DefaultCategoryDataset();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean anyActual = false;
        boolean anyPlan = false;
        int quarters = 0;
        for (QuarterlyMetrics.Period p : q.periods()) {
            if (!p.label().contains("Q")) {
                continue;
            }
            quarters++;
            String category = p.complete() ? p.label() : p.label() + "*";
            ConfidenceInterval ci = q.get(p.label(), kpi);
            double half = ci.halfWidth();
            boolean whisker = Double.isFinite(half);
            if (Double.isFinite(ci.mean())) {
                model.add(Double.valueOf(ci.mean()), whisker ? Double.valueOf(half) : null, MODEL, category);
                min = Math.min(min, whisker ? ci.mean() - half : ci.mean());
                max = Math.max(max, whisker ? ci.mean() + half : ci.mean());
            } else {
                model.add(null, null, MODEL, category);
            }
            Double actual = null;
            Double plan = null;
            for (QuarterlyDefinition.Published f : q.definition().published()) {
                if (f.period().equals(p.label()) && f.kpi().equals(kpi.key())) {
                    if (f.status().equals("actual")) {
                        actual = f.value();
                    } else {
                        plan = f.value();
                    }
                }
            }
            published.addValue(actual, ACTUAL, category);
            published.addValue(plan, PLAN, category);
            for (Double v : new Double[] {actual, plan}) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            anyActual |= actual != null;
            anyPlan |= plan != null;
        }
        if (quarters == 0) {
            throw new IllegalArgumentException("no quarter to chart");
        }
        if (!Double.isFinite(min)) {
            min = 0;
            max = 1;
        }
        CategoryPlot plot = new CategoryPlot();
        CategoryAxis xAxis = ChartStyle.categoryAxis("Financial quarter (Q1 = April-June)");
        NumberAxis yAxis = ChartStyle.numberAxis(kpi.label() + " (" + kpi.unit() + ")");
        ChartStyle.fitRange(yAxis, Math.min(0, min), max);
        StatisticalLineAndShapeRenderer modelRenderer = new StatisticalLineAndShapeRenderer(true, true);
        modelRenderer.setSeriesPaint(0, ChartStyle.DECREASE);
        modelRenderer.setSeriesStroke(0, ChartStyle.LINE);
        modelRenderer.setSeriesShape(0, ChartStyle.dotShape());
        modelRenderer.setErrorIndicatorPaint(ChartStyle.WHISKER);
        modelRenderer.setErrorIndicatorStroke(ChartStyle.THIN);
        LineAndShapeRenderer publishedRenderer = new LineAndShapeRenderer(true, true);
        publishedRenderer.setSeriesPaint(0, ACTUAL_COLOUR);
        publishedRenderer.setSeriesStroke(0, ChartStyle.THIN);
        publishedRenderer.setSeriesShape(0, ChartStyle.dotShape());
        publishedRenderer.setSeriesPaint(1, PLAN_COLOUR);
        publishedRenderer.setSeriesStroke(1, ChartStyle.DASHED);
        publishedRenderer.setSeriesShapesVisible(1, false);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setDataset(0, model);
        plot.setRenderer(0, modelRenderer);
        plot.setDataset(1, published);
        plot.setRenderer(1, publishedRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        List<LegendItem> legend = new ArrayList<>();
        legend.add(ChartStyle.line(MODEL, ChartStyle.DECREASE, ChartStyle.LINE));
        legend.add(ChartStyle.line("95 % interval", ChartStyle.WHISKER, ChartStyle.THIN));
        if (anyActual) {
            legend.add(ChartStyle.line(ACTUAL, ACTUAL_COLOUR, ChartStyle.THIN));
        }
        if (anyPlan) {
            legend.add(ChartStyle.line(PLAN, PLAN_COLOUR, ChartStyle.DASHED));
        }
        String subtitle = "Model: mean over " + q.values().values().iterator().next().get(kpi.key()).n()
                + " replications, whiskers 95 % interval; * a quarter the run covers in part";
        return ChartStyle.chart(title, subtitle, plot, ChartStyle.legend(legend));
    }
}
