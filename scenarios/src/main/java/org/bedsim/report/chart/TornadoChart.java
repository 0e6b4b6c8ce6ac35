package org.bedsim.report.chart;

import java.awt.Color;
import org.bedsim.calibrate.Sensitivity;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A tornado of final beds: one horizontal bar per input, widest swing at the top, from the change in final beds with
 * the input at the low end of its range to the change at the high end (others central); a line at zero marks the
 * all-central value.
 */
final class TornadoChart {
    static final String LOW = "input at its low end";
    static final String HIGH = "input at its high end";
    private static final int MAX_LABEL = 48;

    private TornadoChart() {
    }

    static JFreeChart create(Sensitivity.Tornado t, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Sensitivity.TornadoRow row : t.rows()) {
            String label = row.input().label();
            label = label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 3) + "...";
            label = label + " (" + row.input().basis().key() + ")";
            data.addValue(row.changeAtLow().mean(), LOW, label);
            data.addValue(row.changeAtHigh().mean(), HIGH, label);
        }
        CategoryAxis y = ChartStyle.categoryAxis(null);
        NumberAxis x = ChartStyle.numberAxis(String.format(java.util.Locale.ROOT,
                "Change in final beds from %.0f (all inputs central)", t.central().mean()));
        StackedBarRenderer r = new StackedBarRenderer();
        r.setSeriesPaint(0, ChartStyle.DECREASE);
        r.setSeriesPaint(1, ChartStyle.INCREASE);
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        CategoryPlot plot = new CategoryPlot(data, y, x, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        ValueMarker zero = new ValueMarker(0, ChartStyle.TEXT, ChartStyle.THIN);
        plot.addRangeMarker(zero);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(ChartStyle.LEGEND);
        return chart;
    }
}
