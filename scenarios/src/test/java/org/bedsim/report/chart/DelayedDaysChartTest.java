package org.bedsim.report.chart;

import static org.bedsim.report.chart.ChartFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

class DelayedDaysChartTest {

    @Test
    void delayedDays_stacks_areMeanDelayedDaysByAwaitedSetting() {
        FlowSummary s = summary();
        CategoryDataset data = Charts.delayedDays(s).getCategoryPlot().getDataset();
        assertEquals(List.of("acute", "community"), data.getColumnKeys(), "one bar per setting, in order");
        assertEquals(List.of("Awaiting community"), data.getRowKeys());
        double mean = s.replications().stream()
                .mapToDouble(r -> r.setting("acute").delayedDaysByDestination().getOrDefault("community", 0d))
                .average().orElseThrow();
        assertTrue(mean > 0, "the fixture's community ward is often full");
        assertEquals(mean, data.getValue("Awaiting community", "acute").doubleValue(), 1e-9);
        assertEquals(0, data.getValue("Awaiting community", "community").doubleValue());
    }

    @Test
    void delayedDays_barTotals_equalMeanDelayedDays() {
        FlowSummary s = summary();
        CategoryPlot plot = Charts.delayedDays(s).getCategoryPlot();
        double acute = s.replications().stream().mapToDouble(r -> r.setting("acute").delayedDays()).average()
                .orElseThrow();
        CategoryTextAnnotation label = (CategoryTextAnnotation) plot.getAnnotations().get(0);
        assertEquals("acute", label.getCategory());
        assertEquals(acute, label.getValue(), 1e-9, "stacks add up to the setting's delayed days");
        assertEquals(Labels.value(acute, "bed-days"), label.getText());
    }

    @Test
    void delayedDays_stackColour_isTheAwaitedSettingsColourInEveryChart() {
        FlowSummary s = summary();
        SettingPalette palette = SettingPalette.of(s.settings());
        JFreeChart delayed = Charts.delayedDays(s);
        JFreeChart occupancy = Charts.occupancyOverTime(s, "community");
        assertEquals(palette.colour("community"), delayed.getCategoryPlot().getRenderer().getSeriesPaint(0));
        assertEquals(palette.colour("community"), occupancy.getXYPlot().getRenderer(0).getSeriesPaint(0));
        assertEquals(palette.colour("acute"), Charts.occupancyDistribution(s, "acute").getXYPlot().getRenderer()
                .getSeriesPaint(0));
    }

    @Test
    void delayedDays_svg_containsSettingNamesAndLegend() throws Exception {
        List<String> texts = ChartFixtures.texts(ChartFixtures.svg(Charts.delayedDays(summary())));
        for (String expected : List.of("Delayed days by awaited destination", "acute", "community",
                "Awaiting community", "Delayed bed-days in the measured period")) {
            assertTrue(texts.contains(expected), "missing " + expected + " in " + texts);
        }
    }

    @Test
    void delayedDays_noDelays_emptyChartWithoutLegend() throws Exception {
        FlowSummary s = summary();
        FlowSummary free = FlowExperiment.run(s.settings().withUnconstrained(true), 7, 2, 1);
        for (var r : free.replications()) {
            for (SettingResult sr : r.settings()) {
                assertEquals(0, sr.delayedDays());
            }
        }
        JFreeChart chart = Charts.delayedDays(free);
        assertEquals(0, chart.getCategoryPlot().getDataset().getRowCount());
        assertNull(chart.getLegend());
        assertTrue(ChartFixtures.texts(ChartFixtures.svg(chart)).contains("No delayed days"));
    }
}
