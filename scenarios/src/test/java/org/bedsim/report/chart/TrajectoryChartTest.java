package org.bedsim.report.chart;

import static org.bedsim.report.chart.ChartFixtures.bridge;
import static org.bedsim.report.chart.ChartFixtures.llrBridge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.junit.jupiter.api.Test;

class TrajectoryChartTest {

    @Test
    void trajectory_years_labelledAsFinancialYearsWithMeanAndHalfWidth() {
        StatisticalCategoryDataset data = (StatisticalCategoryDataset) Charts.trajectory(llrBridge(), "t")
                .getCategoryPlot().getDataset();
        assertEquals(List.of("2016/17", "2017/18", "2018/19", "2019/20", "2020/21"), data.getColumnKeys());
        assertEquals(1940, data.getMeanValue(0, 0).doubleValue());
        assertEquals(1697, data.getMeanValue(0, 4).doubleValue());
        assertEquals(25, data.getStdDevValue(0, 4).doubleValue(), "whisker half-width is the interval's");
    }

    @Test
    void trajectory_svg_containsTitleYearsBedsAndAxisLabels() throws Exception {
        List<String> texts = ChartFixtures.texts(ChartFixtures.svg(Charts.trajectory(llrBridge(),
                "Acute beds year by year")));
        for (String expected : List.of("Acute beds year by year", "2016/17", "2020/21", "1,940", "1,697",
                "Financial year", "95 % interval")) {
            assertTrue(texts.contains(expected), "missing " + expected + " in " + texts);
        }
    }

    @Test
    void trajectory_unphasedBridge_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.trajectory(bridge(new String[] {"A"}, new double[] {1}, 1), "t"));
        assertTrue(e.getMessage().contains("trajectory"));
    }

    @Test
    void trajectory_zoomedAxis_markedWithABreak_andPublishedEndsDrawn() {
        org.jfree.chart.JFreeChart chart = Charts.trajectory(ChartFixtures.llrBridge(), "t",
                new WaterfallMarks(null, 1697.0, java.util.Map.of(), java.util.Set.of()));
        var plot = chart.getCategoryPlot();
        assertTrue(plot.getRangeAxis().getLowerBound() > 0);
        assertTrue(plot.getRangeAxis().getLabel().contains("not zero"), plot.getRangeAxis().getLabel());
        assertTrue(plot.getAnnotations().stream().anyMatch(a -> a instanceof AxisBreak));
        String sub = ((org.jfree.chart.title.TextTitle) chart.getSubtitle(1)).getText();
        assertTrue(sub.contains("does not start at zero"), sub);
        var published = plot.getDataset(1);
        assertEquals(null, published.getValue(0, 0));
        assertEquals(1697.0, published.getValue(0, 4).doubleValue());
    }
}
