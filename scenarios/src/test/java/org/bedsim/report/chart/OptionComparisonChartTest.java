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
                "Transition year", "Acute beds required (mean method) (beds)", "1,890  [1,865, 1,915]",
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
}
