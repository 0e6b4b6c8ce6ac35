package org.bedsim.report.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAnchor;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import java.awt.Color;
import java.awt.Paint;

/**
 * What an option comparison rests on: each option's paired difference from the base (option minus base, replication
 * by replication on common random numbers) with its 95 % interval, against a solid line at zero. An interval that
 * does not cross the line is a difference the replications can tell from noise, even where the options' own
 * intervals overlap. The value axis always holds zero, so a difference is never drawn larger than it is; a
 * difference of shares is in percentage points.
 *
 * <p><b>Implementation notes.</b> A horizontal category plot, one row per option in the order given; dataset 0 is
 * a statistical dataset (mean, and the interval's half-width as the "deviation") drawn by a line-and-shape renderer
 * with lines off; an interval that excludes zero is drawn in the increase or decrease colour, one that includes it
 * in grey. Each row is labelled with its difference and interval.
 */
final class OptionDifferenceChart {
    static final String SERIES = "Difference from the base and 95 % interval";

    private OptionDifferenceChart() {
    }

    static JFreeChart create(String kpiLabel, String unit, String baseName, List<OptionDifference> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no options to compare with the base");
        }
        Set<String> names = new HashSet<>();
        for (OptionDifference o : options) {
            if (!names.add(o.option())) {
                throw new IllegalArgumentException("option '" + o.option() + "' is listed twice");
            }
        }
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        Paint[] paints = new Paint[options.size()];
        CategoryPlot plot = new CategoryPlot();
        double min = 0;
        double max = 0;
        boolean anyUp = false;
        boolean anyDown = false;
        boolean anyUnclear = false;
        for (int i = 0; i < options.size(); i++) {
            OptionDifference o = options.get(i);
            double mean = o.difference().mean();
            double half = o.difference().halfWidth();
            boolean hasWhisker = Double.isFinite(half);
            dataset.add(Double.valueOf(mean), hasWhisker ? Double.valueOf(half) : null, SERIES, o.option());
            double low = hasWhisker ? mean - half : mean;
            double high = hasWhisker ? mean + half : mean;
            if (Double.isFinite(mean)) {
                min = Math.min(min, low);
                max = Math.max(max, high);
            }
            if (low > 0) {
                paints[i] = ChartStyle.INCREASE;
                anyUp = true;
            } else if (high < 0) {
                paints[i] = ChartStyle.DECREASE;
                anyDown = true;
            } else {
                paints[i] = ChartStyle.TOTAL;
                anyUnclear = true;
            }
            String text = Labels.difference(mean, unit) + (hasWhisker ? "  [" + Labels.difference(low, unit) + ", "
                    + Labels.difference(high, unit) + "]" : "");
            CategoryTextAnnotation label = new CategoryTextAnnotation(text, o.option(), mean);
            label.setCategoryAnchor(CategoryAnchor.START);
            label.setFont(ChartStyle.VALUE_LABEL);
            label.setPaint(ChartStyle.TEXT);
            label.setTextAnchor(TextAnchor.TOP_CENTER);
            plot.addAnnotation(label);
        }
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true) {
            @Override
            public Paint getItemPaint(int row, int column) {
                return paints[column];
            }
        };
        renderer.setSeriesShape(0, ChartStyle.dotShape());
        renderer.setErrorIndicatorStroke(ChartStyle.LINE);

        CategoryAxis xAxis = ChartStyle.categoryAxis("Option");
        xAxis.setMaximumCategoryLabelLines(2);
        xAxis.setMaximumCategoryLabelWidthRatio(0.3f);
        NumberAxis yAxis = ChartStyle.numberAxis("Difference from " + baseName + " (" + Labels.differenceUnit(unit)
                + ")");
        yAxis.setNumberFormatOverride(Labels.differenceAxisFormat(unit));
        double span = Math.max(max - min, Math.max(Math.abs(max), Math.abs(min)) * 0.02 + 1e-9);
        yAxis.setRange(min - 0.15 * span, max + 0.15 * span);
        plot.setDataset(dataset);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setRenderer(renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);

        ValueMarker zero = new ValueMarker(0, ChartStyle.TEXT, ChartStyle.LINE);
        zero.setLabel("No difference from " + baseName);
        zero.setLabelFont(ChartStyle.TICK_LABEL);
        zero.setLabelPaint(ChartStyle.TEXT);
        zero.setLabelBackgroundColor(Color.WHITE);
        zero.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        zero.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        zero.setLabelOffset(new RectangleInsets(0, 4, 4, 0));
        plot.addRangeMarker(zero, Layer.BACKGROUND);

        List<LegendItem> legend = new ArrayList<>();
        if (anyUp) {
            legend.add(ChartStyle.dot("Higher than " + baseName, ChartStyle.INCREASE));
        }
        if (anyDown) {
            legend.add(ChartStyle.dot("Lower than " + baseName, ChartStyle.DECREASE));
        }
        if (anyUnclear) {
            legend.add(ChartStyle.dot("Interval includes no difference", ChartStyle.TOTAL));
        }
        legend.add(ChartStyle.line("Zero: no difference", ChartStyle.TEXT, ChartStyle.LINE));
        String subtitle = "Option minus " + baseName + ", paired replication by replication on common random "
                + "numbers; whiskers: 95 % interval of the difference";
        return ChartStyle.chart(kpiLabel + ": difference from " + baseName, subtitle, plot,
                ChartStyle.legend(legend));
    }
}
