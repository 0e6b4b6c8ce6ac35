package org.bedsim.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Delayed bed-days (patients fit to leave a setting but waiting because the next one is full) as stacked bars: one
 * bar per setting in configuration order, one stack per setting awaited, each the mean over replications of
 * {@link SettingResult#delayedDaysByDestination()}. Stacks take the awaited setting's palette colour; the bar's
 * total is written above it.
 */
final class DelayedDaysChart {
    static final String PREFIX = "Awaiting ";

    private DelayedDaysChart() {
    }

    static JFreeChart create(FlowSummary summary, SettingPalette palette) {
        List<String> settings = summary.settingNames();
        List<FlowResult> reps = summary.replications();
        // awaited settings: those of the configuration first, in its order, then any other in name order
        Set<String> seen = new TreeSet<>();
        for (FlowResult r : reps) {
            for (SettingResult s : r.settings()) {
                seen.addAll(s.delayedDaysByDestination().keySet());
            }
        }
        Set<String> awaited = new LinkedHashSet<>();
        for (String s : settings) {
            if (seen.contains(s)) {
                awaited.add(s);
            }
        }
        awaited.addAll(seen);

        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        StackedBarRenderer renderer = new StackedBarRenderer();
        CategoryPlot plot = new CategoryPlot();
        double max = 0;
        int row = 0;
        double[] totals = new double[settings.size()];
        for (String destination : awaited) {
            for (int c = 0; c < settings.size(); c++) {
                String setting = settings.get(c);
                double sum = 0;
                for (FlowResult r : reps) {
                    sum += r.setting(setting).delayedDaysByDestination().getOrDefault(destination, 0d);
                }
                double mean = sum / reps.size();
                dataset.addValue(mean, PREFIX + destination, setting);
                totals[c] += mean;
            }
            renderer.setSeriesPaint(row++, palette.colour(destination));
        }
        List<LegendItem> legend = new ArrayList<>();
        for (String destination : awaited) {
            legend.add(ChartStyle.box(PREFIX + destination, palette.colour(destination)));
        }
        for (int c = 0; c < settings.size(); c++) {
            max = Math.max(max, totals[c]);
            if (!awaited.isEmpty()) {
                CategoryTextAnnotation label = new CategoryTextAnnotation(Labels.value(totals[c], "bed-days"),
                        settings.get(c), totals[c]);
                label.setFont(ChartStyle.VALUE_LABEL);
                label.setPaint(ChartStyle.TEXT);
                label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                plot.addAnnotation(label);
            }
        }
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(0.12);

        CategoryAxis xAxis = ChartStyle.categoryAxis("Setting where patients are delayed");
        xAxis.setMaximumCategoryLabelLines(3);
        NumberAxis yAxis = ChartStyle.numberAxis("Delayed bed-days in the measured period");
        yAxis.setRange(0, max > 0 ? max * 1.15 : 1);
        yAxis.setNumberFormatOverride(Labels.axisFormat("bed-days"));
        plot.setDataset(dataset);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setRenderer(renderer);
        plot.setNoDataMessage("No delayed days");
        String subtitle = "Bed-days of patients fit to move on but waiting for the setting awaited; mean over "
                + reps.size() + " replications of " + reps.get(0).census().days() + " days";
        return ChartStyle.chart("Delayed days by awaited destination", subtitle, plot,
                legend.isEmpty() ? null : ChartStyle.legend(legend));
    }
}
