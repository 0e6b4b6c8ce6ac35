package org.bedsim.report.chart;

import java.awt.Color;
import java.awt.Paint;
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

/**
 * One KPI across options: a dot at each option's mean with whiskers for its 95 % interval, one row per option (in
 * the order given), the base option in grey with a dashed line at its mean across the whole plot, the others in
 * blue. Each row is labelled with the mean and interval. Horizontal, so long option names stay readable.
 */
final class OptionComparisonChart {
    static final String SERIES = "Mean and 95 % interval";

    private OptionComparisonChart() {
    }

    static JFreeChart create(String kpiLabel, String unit, List<OptionInterval> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no options to compare");
        }
        Set<String> names = new HashSet<>();
        OptionInterval base = null;
        for (OptionInterval o : options) {
            if (!names.add(o.option())) {
                throw new IllegalArgumentException("option '" + o.option() + "' is listed twice");
            }
            if (o.base()) {
                if (base != null) {
                    throw new IllegalArgumentException("two base options: '" + base.option() + "' and '"
                            + o.option() + "'");
                }
                base = o;
            }
        }
        DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        Paint[] paints = new Paint[options.size()];
        CategoryPlot plot = new CategoryPlot();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < options.size(); i++) {
            OptionInterval o = options.get(i);
            double mean = o.value().mean();
            double half = o.value().halfWidth();
            boolean hasWhisker = Double.isFinite(half);
            dataset.add(Double.valueOf(mean), hasWhisker ? Double.valueOf(half) : null, SERIES, o.option());
            paints[i] = o.base() ? ChartStyle.TOTAL : ChartStyle.DECREASE;
            if (Double.isFinite(mean)) {
                min = Math.min(min, hasWhisker ? mean - half : mean);
                max = Math.max(max, hasWhisker ? mean + half : mean);
            }
            String text = Labels.value(mean, unit) + (hasWhisker ? "  [" + Labels.value(o.value().low(), unit)
                    + ", " + Labels.value(o.value().high(), unit) + "]" : "");
            CategoryTextAnnotation label = new CategoryTextAnnotation(text, o.option(), mean);
            label.setCategoryAnchor(CategoryAnchor.START);
            label.setFont(ChartStyle.VALUE_LABEL);
            label.setPaint(ChartStyle.TEXT);
            label.setTextAnchor(TextAnchor.TOP_CENTER);
            plot.addAnnotation(label);
        }
        if (!Double.isFinite(min)) {
            min = 0;
            max = 1;
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
        String axisLabel = unit == null || unit.isBlank() ? kpiLabel : kpiLabel + " (" + unitLabel(unit) + ")";
        NumberAxis yAxis = ChartStyle.numberAxis(axisLabel);
        yAxis.setNumberFormatOverride(Labels.axisFormat(unit));
        double pad = Math.max(max - min, Math.abs(max) * 0.02 + 1e-9) * 0.15;
        double low = min - pad;
        double high = max + pad;
        if (min >= 0 && low < high / 3) {
            low = 0; // close enough to zero: show it, so the values are drawn to scale
        }
        boolean zoomed = low > 0 || high < 0;
        if (zoomed) {
            yAxis.setLabel(axisLabel + ", zoomed: the axis does not start at zero");
        }
        yAxis.setRange(low, high);
        plot.setDataset(dataset);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setRenderer(renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);

        List<LegendItem> legend = new ArrayList<>();
        if (base != null) {
            ValueMarker line = new ValueMarker(base.value().mean(), ChartStyle.TOTAL, ChartStyle.DASHED);
            line.setLabel("Base: " + Labels.value(base.value().mean(), unit));
            line.setLabelFont(ChartStyle.TICK_LABEL);
            line.setLabelPaint(ChartStyle.TOTAL);
            line.setLabelBackgroundColor(Color.WHITE);
            line.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            line.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            line.setLabelOffset(new RectangleInsets(0, 4, 4, 0));
            plot.addRangeMarker(line, Layer.BACKGROUND);
            legend.add(ChartStyle.dot("Base option: " + base.option(), ChartStyle.TOTAL));
            legend.add(ChartStyle.line("Base mean", ChartStyle.TOTAL, ChartStyle.DASHED));
        }
        if (options.stream().anyMatch(o -> !o.base())) {
            legend.add(ChartStyle.dot("Option", ChartStyle.DECREASE));
        }
        legend.add(ChartStyle.line("95 % interval", ChartStyle.DECREASE, ChartStyle.LINE));
        String subtitle = "Each option's own value: mean over replications, whiskers its 95 % interval. Whether two "
                + "options differ is read from the paired differences, not from overlapping whiskers."
                + (zoomed ? " Axis zoomed (not from zero)." : "");
        return ChartStyle.chart(kpiLabel + " by option", subtitle, plot, ChartStyle.legend(legend));
    }

    private static String unitLabel(String unit) {
        return "share".equals(unit) ? "%" : unit;
    }
}
