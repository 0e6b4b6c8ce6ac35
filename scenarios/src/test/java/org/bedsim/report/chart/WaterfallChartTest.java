package org.bedsim.report.chart;

import static org.bedsim.report.chart.ChartFixtures.bridge;
import static org.bedsim.report.chart.ChartFixtures.llrBridge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.stats.ConfidenceInterval;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.IntervalCategoryDataset;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.junit.jupiter.api.Test;

class WaterfallChartTest {

    private static IntervalCategoryDataset bars(JFreeChart chart) {
        return (IntervalCategoryDataset) chart.getCategoryPlot().getDataset(0);
    }

    @Test
    void waterfall_steps_floatFromPreviousCumulativeToNext() {
        BridgeResult result = llrBridge();
        IntervalCategoryDataset data = bars(Charts.waterfall(result, "Acute beds"));
        assertEquals(result.bars().size() + 2, data.getColumnCount());
        double previous = result.base().mean();
        for (int i = 0; i < result.bars().size(); i++) {
            double next = result.bars().get(i).cumulative().mean();
            assertEquals(previous, data.getStartValue(0, i + 1).doubleValue(), 1e-9, "start of step " + i);
            assertEquals(next, data.getEndValue(0, i + 1).doubleValue(), 1e-9, "end of step " + i);
            assertEquals(result.bars().get(i).delta().mean(),
                    data.getEndValue(0, i + 1).doubleValue() - data.getStartValue(0, i + 1).doubleValue(), 1e-9);
            previous = next;
        }
    }

    @Test
    void waterfall_endBars_areTotalsFromZero() {
        BridgeResult result = llrBridge();
        IntervalCategoryDataset data = bars(Charts.waterfall(result, "Acute beds"));
        int last = data.getColumnCount() - 1;
        assertEquals(0, data.getStartValue(0, 0).doubleValue());
        assertEquals(1940, data.getEndValue(0, 0).doubleValue(), 1e-9);
        assertEquals(0, data.getStartValue(0, last).doubleValue());
        assertEquals(result.finalBeds().mean(), data.getEndValue(0, last).doubleValue(), 1e-9);
        assertEquals(1697, data.getEndValue(0, last).doubleValue(), 1e-9);
        // the last step ends where the final bar does
        assertEquals(data.getEndValue(0, last).doubleValue(), data.getEndValue(0, last - 1).doubleValue(), 1e-9);
    }

    @Test
    void waterfall_colours_byDirection() {
        JFreeChart chart = Charts.waterfall(llrBridge(), "Acute beds");
        var renderer = chart.getCategoryPlot().getRenderer(0);
        assertEquals(ChartStyle.TOTAL, renderer.getItemPaint(0, 0));
        assertEquals(ChartStyle.INCREASE, renderer.getItemPaint(0, 1), "growth adds beds");
        assertEquals(ChartStyle.DECREASE, renderer.getItemPaint(0, 2), "integrated teams remove beds");
        assertEquals(ChartStyle.TOTAL, renderer.getItemPaint(0, 6));
    }

    @Test
    void waterfall_whiskers_spanEachStepsDeltaIntervalAtItsEnd() {
        BridgeResult result = llrBridge();
        StatisticalCategoryDataset w = (StatisticalCategoryDataset) Charts.waterfall(result, "t").getCategoryPlot()
                .getDataset(1);
        assertEquals(1940, w.getMeanValue(0, 0).doubleValue(), 1e-9);
        assertEquals(result.base().halfWidth(), w.getStdDevValue(0, 0).doubleValue(), 1e-9);
        for (int i = 0; i < result.bars().size(); i++) {
            BridgeResult.Bar bar = result.bars().get(i);
            assertEquals(bar.cumulative().mean(), w.getMeanValue(0, i + 1).doubleValue(), 1e-9);
            assertEquals(bar.delta().halfWidth(), w.getStdDevValue(0, i + 1).doubleValue(), 1e-9);
        }
        assertEquals(result.finalBeds().halfWidth(), w.getStdDevValue(0, 6).doubleValue(), 1e-9);
    }

    @Test
    void waterfall_singleReplication_drawsNoWhiskers() throws Exception {
        BridgeResult.Bar bar = new BridgeResult.Bar("a", "A", List.of(), single(2), single(2), single(2), single(12));
        BridgeResult one = new BridgeResult(single(10), single(12), List.of(bar), single(0), true, List.of(), 1, 2);
        JFreeChart chart = Charts.waterfall(one, "t");
        StatisticalCategoryDataset w = (StatisticalCategoryDataset) chart.getCategoryPlot().getDataset(1);
        for (int c = 0; c < 3; c++) {
            assertNull(w.getStdDevValue(0, c));
        }
        String svg = ChartFixtures.svg(chart);
        assertTrue(ChartFixtures.texts(svg).contains("+2"));
        assertFalse(svg.contains("NaN"));
    }

    private static ConfidenceInterval single(double mean) {
        return new ConfidenceInterval(mean, Double.NaN, 0.95, 1);
    }

    @Test
    void waterfall_labels_showBedNumbersAboveBars() {
        CategoryPlot plot = Charts.waterfall(llrBridge(), "t").getCategoryPlot();
        List<?> annotations = plot.getAnnotations().stream().filter(a -> a instanceof CategoryTextAnnotation)
                .toList();
        List<String> texts = annotations.stream().map(a -> ((CategoryTextAnnotation) a).getText()).toList();
        assertEquals(List.of("1,940", "+150", "-128", "-180", "-50", "-35", "1,697"), texts);
        IntervalCategoryDataset data = (IntervalCategoryDataset) plot.getDataset(0);
        for (int i = 0; i < texts.size(); i++) {
            double label = ((CategoryTextAnnotation) plot.getAnnotations().get(i)).getValue();
            double top = Math.max(data.getStartValue(0, i).doubleValue(), data.getEndValue(0, i).doubleValue());
            assertTrue(label > top, "label " + texts.get(i) + " above its bar");
            assertTrue(label < plot.getRangeAxis().getUpperBound(), "label " + texts.get(i) + " inside the plot");
        }
    }

    @Test
    void waterfall_svg_containsTitleStepLabelsBedNumbersAxisAndLegend() throws Exception {
        List<String> texts = ChartFixtures.texts(ChartFixtures.svg(
                Charts.waterfall(llrBridge(), "Acute beds 2016/17 to 2020/21")));
        for (String expected : List.of("Acute beds 2016/17 to 2020/21", "2016/17", "Growth", "Length of stay",
                "2020/21", "-128", "+150", "1,940", "1,697", "Step adds beds", "Step removes beds",
                "95 % interval")) {
            assertTrue(texts.contains(expected), "missing text " + expected + " in " + texts);
        }
    }

    @Test
    void waterfall_withoutTrajectory_labelsEndsBaseAndFinal() {
        IntervalCategoryDataset data = bars(Charts.waterfall(bridge(new String[] {"A"}, new double[] {3}, 1), "t"));
        assertEquals("Base", data.getColumnKey(0));
        assertEquals("Final", data.getColumnKey(2));
        IntervalCategoryDataset named = bars(Charts.waterfall(bridge(new String[] {"A"}, new double[] {3}, 1), "t",
                "Today", "2030"));
        assertEquals(List.of("Today", "A", "2030"), named.getColumnKeys());
    }

    @Test
    void waterfall_repeatedStepLabels_madeUniqueWithStepId() {
        IntervalCategoryDataset data = bars(Charts.waterfall(bridge(new String[] {"Same", "Same", "Base"},
                new double[] {1, 2, 3}, 1), "t"));
        assertEquals(List.of("Base", "Same", "Same (s1)", "Base (s2)", "Final"), data.getColumnKeys());
    }

    @Test
    void waterfall_longOrManyLabels_wrapThenRotate() {
        JFreeChart few = Charts.waterfall(bridge(new String[] {"A very long step label that needs several lines",
            "B"}, new double[] {1, -1}, 1), "t");
        assertTrue(few.getCategoryPlot().getDomainAxis().getMaximumCategoryLabelLines() > 1);
        assertEquals(CategoryLabelPositions.STANDARD, few.getCategoryPlot().getDomainAxis()
                .getCategoryLabelPositions());
        JFreeChart many = Charts.waterfall(bridge(new String[] {"a", "b", "c", "d", "e", "f", "g", "h"},
                new double[] {1, 1, 1, 1, 1, 1, 1, 1}, 1), "t");
        assertEquals(CategoryLabelPositions.UP_45, many.getCategoryPlot().getDomainAxis()
                .getCategoryLabelPositions());
    }

    @Test
    void waterfall_smallChangesOnLargeTotals_axisFitsBarsAndWhiskersWithoutZero() {
        JFreeChart chart = Charts.waterfall(llrBridge(), "t");
        var axis = chart.getCategoryPlot().getRangeAxis();
        assertTrue(axis.getLowerBound() > 1000, "axis zoomed in on the changes: " + axis.getRange());
        assertTrue(axis.getLowerBound() < 1697 - 25, "final whisker visible: " + axis.getRange());
        assertTrue(axis.getUpperBound() > 2090, "top of growth bar visible: " + axis.getRange());
        // a bridge whose changes are large relative to its totals starts at zero
        JFreeChart big = Charts.waterfall(bridge(new String[] {"A"}, new double[] {-90}, 1), "t");
        assertEquals(0, big.getCategoryPlot().getRangeAxis().getLowerBound());
    }

    @Test
    void waterfall_png_showsTheThreeBarColours() {
        BufferedImage image = ChartFixtures.decode(new ChartWriter().png(
                Charts.waterfall(llrBridge(), "t")));
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        for (Color c : List.of(ChartStyle.TOTAL, ChartStyle.INCREASE, ChartStyle.DECREASE)) {
            assertTrue(seen.contains(c.getRGB() & 0xFFFFFF), "colour " + c + " drawn");
        }
    }

    private static BridgeResult withChange(BridgeResult r, ConfidenceInterval change) {
        return new BridgeResult(r.base(), r.finalBeds(), r.bars(), r.interaction(), r.shapleyExact(), r.trajectory(),
                r.replications(), r.configurations(), change);
    }

    private static String subtitle(JFreeChart chart) {
        return ((org.jfree.chart.title.TextTitle) chart.getSubtitle(1)).getText();
    }

    @Test
    void waterfall_zoomedAxis_breaksTheTotalBarsAndSaysSo() {
        JFreeChart chart = Charts.waterfall(llrBridge(), "t");
        CategoryPlot plot = chart.getCategoryPlot();
        List<Object> broken = new java.util.ArrayList<>();
        for (Object a : plot.getAnnotations()) {
            if (a instanceof AxisBreak b && b.onBar()) {
                broken.add(b.category());
            }
        }
        assertEquals(List.of("2016/17", "2020/21"), broken, "a break on each total bar");
        assertTrue(subtitle(chart).contains("The axis does not start at zero: the total bars are cut, marked by a "
                + "break."), subtitle(chart));
        assertTrue(plot.getRangeAxis().getLabel().contains("not zero"), plot.getRangeAxis().getLabel());
        // from zero: no break, no warning
        JFreeChart big = Charts.waterfall(bridge(new String[] {"A"}, new double[] {-90}, 1), "t");
        assertTrue(big.getCategoryPlot().getAnnotations().stream().noneMatch(a -> a instanceof AxisBreak));
        assertFalse(subtitle(big).contains("zero"), subtitle(big));
    }

    @Test
    void waterfall_totalChange_withItsPairedInterval() throws Exception {
        JFreeChart chart = Charts.waterfall(withChange(llrBridge(), ChartFixtures.ci(-243, 12)), "t");
        assertTrue(subtitle(chart).contains("Total change -243 beds [-255, -231]."), subtitle(chart));
    }

    @Test
    void waterfall_publishedFiguresAndCalibratedSteps_drawnFromTheMarks() throws Exception {
        BridgeResult r = llrBridge();
        String growth = r.bars().get(0).id();
        String los = r.bars().get(r.bars().size() - 1).id();
        WaterfallMarks marks = new WaterfallMarks(1940.0, 1697.0, java.util.Map.of(growth, 120.0),
                java.util.Set.of(los));
        JFreeChart chart = Charts.waterfall(r, "t", marks);
        CategoryPlot plot = chart.getCategoryPlot();
        org.jfree.data.category.CategoryDataset published = plot.getDataset(2);
        assertEquals(1940.0, published.getValue(0, 0).doubleValue());
        assertEquals(1940.0 + 120, published.getValue(0, 1).doubleValue(), "a step's published change from its start");
        assertNull(published.getValue(0, 2));
        assertEquals(1697.0, published.getValue(0, published.getColumnCount() - 1).doubleValue());
        WaterfallChart.HatchingBarPainter painter = (WaterfallChart.HatchingBarPainter)
                ((org.jfree.chart.renderer.category.BarRenderer) plot.getRenderer(0)).getBarPainter();
        assertFalse(painter.hatched(1));
        assertTrue(painter.hatched(r.bars().size()), "the calibrated step is hatched");
        List<String> texts = ChartFixtures.texts(ChartFixtures.svg(chart));
        assertTrue(texts.contains("Published figure"), texts.toString());
        assertTrue(texts.contains("Hatched: step rests on a calibrated input"), texts.toString());
        // without marks, no marker dataset and no hatching
        assertNull(Charts.waterfall(r, "t").getCategoryPlot().getDataset(2));
    }
}
