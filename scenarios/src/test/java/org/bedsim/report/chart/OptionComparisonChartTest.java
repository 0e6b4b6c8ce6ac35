package org.bedsim.report.chart;

import static org.bedsim.report.chart.ChartFixtures.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.statistics.StatisticalCategoryDataset;
import org.junit.jupiter.api.Test;

class OptionComparisonChartTest {
    private static final List<OptionInterval> SITES = List.of(
            new OptionInterval("Three sites", true, ci(1940, 20)),
            new OptionInterval("Two sites", false, ci(1890, 25)),
            new OptionInterval("Transition year", false, ci(1965, 30)));

    @Test
    void optionComparison_dataset_oneIntervalPerOptionInOrder() {
        StatisticalCategoryDataset data = (StatisticalCategoryDataset) Charts.optionComparison("Acute beds", "beds",
                SITES).getCategoryPlot().getDataset();
        assertEquals(List.of("Three sites", "Two sites", "Transition year"), data.getColumnKeys());
        assertEquals(1890, data.getMeanValue(0, 1).doubleValue());
        assertEquals(25, data.getStdDevValue(0, 1).doubleValue());
    }

    @Test
    void optionComparison_base_markedByColourAndDashedLineAtItsMean() {
        CategoryPlot plot = Charts.optionComparison("Acute beds", "beds", SITES).getCategoryPlot();
        assertEquals(ChartStyle.TOTAL, plot.getRenderer().getItemPaint(0, 0));
        assertEquals(ChartStyle.DECREASE, plot.getRenderer().getItemPaint(0, 1));
        assertEquals(ChartStyle.DECREASE, plot.getRenderer().getItemPaint(0, 2));
        var markers = plot.getRangeMarkers(Layer.BACKGROUND);
        assertEquals(1, markers.size());
        ValueMarker base = (ValueMarker) markers.iterator().next();
        assertEquals(1940, base.getValue());
        assertEquals(ChartStyle.DASHED, base.getStroke());
        for (int i = 0; i < SITES.size(); i++) {
            assertTrue(plot.getRangeAxis().getRange().contains(SITES.get(i).value().low()));
            assertTrue(plot.getRangeAxis().getRange().contains(SITES.get(i).value().high()));
        }
    }

    @Test
    void optionComparison_svg_containsOptionsKpiWithUnitAndIntervals() throws Exception {
        List<String> texts = ChartFixtures.texts(ChartFixtures.svg(Charts.optionComparison(
                "Acute beds required (mean method)", "beds", SITES)));
        for (String expected : List.of("Acute beds required (mean method) by option", "Three sites", "Two sites",
                "Transition year", "Acute beds required (mean method) (beds), zoomed: the axis does not start at zero", "1,890  [1,865, 1,915]",
                "Base: 1,940", "Base option: Three sites")) {
            assertTrue(texts.contains(expected), "missing " + expected + " in " + texts);
        }
    }

    @Test
    void optionComparison_shareUnit_shownAsPercent() throws Exception {
        JFreeChart chart = Charts.optionComparison("Share of days full", "share", List.of(
                new OptionInterval("Base", true, ci(0.08, 0.01)), new OptionInterval("Pooled", false,
                        ci(0.03, 0.005))));
        List<String> texts = ChartFixtures.texts(ChartFixtures.svg(chart));
        assertTrue(texts.contains("Share of days full (%)"), texts.toString());
        assertTrue(texts.contains("3 %  [2.5 %, 3.5 %]"), texts.toString());
    }

    @Test
    void optionComparison_noBase_noReferenceLine() {
        CategoryPlot plot = Charts.optionComparison("k", "days", List.of(new OptionInterval("A", false, ci(1, 0.1)),
                new OptionInterval("B", false, ci(2, 0.1)))).getCategoryPlot();
        assertEquals(null, plot.getRangeMarkers(Layer.BACKGROUND));
    }

    @Test
    void optionComparison_invalidInput_rejected() {
        assertThrows(IllegalArgumentException.class, () -> Charts.optionComparison("k", "beds", List.of()));
        assertThrows(IllegalArgumentException.class, () -> Charts.optionComparison("k", "beds", List.of(
                new OptionInterval("A", true, ci(1, 1)), new OptionInterval("B", true, ci(1, 1)))));
        assertThrows(IllegalArgumentException.class, () -> Charts.optionComparison("k", "beds", List.of(
                new OptionInterval("A", true, ci(1, 1)), new OptionInterval("A", false, ci(1, 1)))));
        assertThrows(IllegalArgumentException.class, () -> new OptionInterval(" ", false, ci(1, 1)));
    }

    private static final List<OptionDifference> DIFFERENCES = List.of(
            new OptionDifference("Two sites", ci(6.4, 4.8)),
            new OptionDifference("Transition year", ci(-1, 3)));

    @Test
    void optionDifference_dataset_pairedDifferencesAgainstAZeroLine() {
        CategoryPlot plot = Charts.optionDifference("Acute beds", "beds", "Three sites", DIFFERENCES)
                .getCategoryPlot();
        StatisticalCategoryDataset data = (StatisticalCategoryDataset) plot.getDataset();
        assertEquals(List.of("Two sites", "Transition year"), data.getColumnKeys());
        assertEquals(6.4, data.getMeanValue(0, 0).doubleValue());
        assertEquals(4.8, data.getStdDevValue(0, 0).doubleValue());
        ValueMarker zero = (ValueMarker) plot.getRangeMarkers(Layer.BACKGROUND).iterator().next();
        assertEquals(0, zero.getValue());
        assertTrue(plot.getRangeAxis().getRange().contains(0));
        // an interval clear of zero is coloured; one that includes zero is grey
        assertEquals(ChartStyle.INCREASE, plot.getRenderer().getItemPaint(0, 0));
        assertEquals(ChartStyle.TOTAL, plot.getRenderer().getItemPaint(0, 1));
    }

    @Test
    void optionDifference_axisHoldsZero_evenWhenEveryDifferenceIsFarFromIt() {
        CategoryPlot plot = Charts.optionDifference("k", "beds", "base", List.of(
                new OptionDifference("A", ci(100, 1)), new OptionDifference("B", ci(105, 1)))).getCategoryPlot();
        assertTrue(plot.getRangeAxis().getLowerBound() <= 0, "axis from " + plot.getRangeAxis().getLowerBound());
    }

    @Test
    void optionDifference_svg_labelsDifferencesAndPercentagePoints() throws Exception {
        List<String> texts = ChartFixtures.texts(ChartFixtures.svg(Charts.optionDifference("Acute beds", "beds",
                "Three sites", DIFFERENCES)));
        for (String expected : List.of("Acute beds: difference from Three sites", "+6.40  [+1.60, +11.2]",
                "No difference from Three sites", "Difference from Three sites (beds)")) {
            assertTrue(texts.contains(expected), "missing " + expected + " in " + texts);
        }
        List<String> shares = ChartFixtures.texts(ChartFixtures.svg(Charts.optionDifference("Full", "share", "Base",
                List.of(new OptionDifference("Pooled", ci(-0.05, 0.01))))));
        assertTrue(shares.contains("-5 pp  [-6 pp, -4 pp]"), shares.toString());
        assertTrue(shares.contains("Difference from Base (percentage points)"), shares.toString());
    }

    @Test
    void optionComparison_zoomedAxis_isMarkedAsSuch() throws Exception {
        CategoryPlot plot = Charts.optionComparison("Acute beds", "beds", SITES).getCategoryPlot();
        assertTrue(plot.getRangeAxis().getLowerBound() > 0);
        assertTrue(plot.getRangeAxis().getLabel().contains("zoomed"), plot.getRangeAxis().getLabel());
        CategoryPlot fromZero = Charts.optionComparison("k", "beds", List.of(new OptionInterval("A", true,
                ci(3, 1)), new OptionInterval("B", false, ci(5, 1)))).getCategoryPlot();
        assertEquals(0, fromZero.getRangeAxis().getLowerBound());
        assertTrue(!fromZero.getRangeAxis().getLabel().contains("zoomed"));
    }
}
