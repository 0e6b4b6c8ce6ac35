package org.bedsim.report.chart;

import static org.bedsim.report.chart.ChartFixtures.START;
import static org.bedsim.report.chart.ChartFixtures.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingKpi;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class OccupancyChartsTest {

    private static double millis(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void occupancyOverTime_eachDay_medianAndP5P95AcrossReplications() {
        FlowSummary s = summary();
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) Charts.occupancyOverTime(s, "acute")
                .getXYPlot().getDataset(0);
        int days = s.replications().get(0).census().days();
        assertEquals(120, days);
        assertEquals(days, data.getItemCount(0));
        boolean anySpread = false;
        for (int d : new int[] {0, 17, 64, 119}) {
            double[] v = s.replications().stream().mapToDouble(r -> r.census().occupied(d, 0)).sorted().toArray();
            assertEquals(4, v.length);
            assertEquals((v[1] + v[2]) / 2, data.getYValue(0, d), 1e-12, "median of 4 on day " + d);
            assertEquals(v[0] + 0.15 * (v[1] - v[0]), data.getStartYValue(0, d), 1e-12, "P5 on day " + d);
            assertEquals(v[2] + 0.85 * (v[3] - v[2]), data.getEndYValue(0, d), 1e-12, "P95 on day " + d);
            anySpread |= v[3] > v[0];
        }
        assertTrue(anySpread, "replications differ, so the band has width");
    }

    @Test
    void occupancyOverTime_censusDay_plottedAtTheMidnightEndingIt() {
        XYDataset data = Charts.occupancyOverTime(summary(), "acute").getXYPlot().getDataset(0);
        assertEquals(millis(START.plusDays(1)), data.getXValue(0, 0));
        assertEquals(millis(START.plusDays(120)), data.getXValue(0, 119));
    }

    @Test
    void occupancyOverTime_capacity_stepsWithTheTimeline() {
        XYDataset capacity = Charts.occupancyOverTime(summary(), "acute").getXYPlot().getDataset(1);
        assertEquals(3, capacity.getItemCount(0));
        assertEquals(millis(START), capacity.getXValue(0, 0));
        assertEquals(30, capacity.getYValue(0, 0));
        assertEquals(millis(START.plusDays(60)), capacity.getXValue(0, 1));
        assertEquals(24, capacity.getYValue(0, 1));
        assertEquals(millis(START.plusDays(120)), capacity.getXValue(0, 2));
        assertEquals(24, capacity.getYValue(0, 2));
    }

    @Test
    void occupancyOverTime_unconstrainedRun_drawsNoCapacity() {
        FlowSummary s = summary();
        FlowSummary unconstrained = new FlowSummary(s.settings().withUnconstrained(true), s.seed(),
                s.replications(), s.level());
        XYPlot plot = Charts.occupancyOverTime(unconstrained, "acute").getXYPlot();
        assertNull(plot.getDataset(1));
        assertEquals(2, plot.getFixedLegendItems().getItemCount(), "median and band only");
    }

    @Test
    void occupancyOverTime_svg_namesSettingInTitleAndLegendWithAxisLabels() throws Exception {
        List<String> texts = ChartFixtures.texts(ChartFixtures.svg(Charts.occupancyOverTime(summary(),
                "community")));
        for (String expected : List.of("Occupancy over time: community", "community: median across replications",
                "community: 5th to 95th percentile across replications", "community: capacity (beds)",
                "Occupied beds at midnight", "Date (midnight census)")) {
            assertTrue(texts.contains(expected), "missing " + expected + " in " + texts);
        }
    }

    @Test
    void occupancyOverTime_unknownSetting_rejectedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.occupancyOverTime(summary(), "icu"));
        assertTrue(e.getMessage().contains("icu") && e.getMessage().contains("community"), e.getMessage());
    }

    @Test
    void occupancyDistribution_shares_areCountsOfPooledMidnightCensus() {
        FlowSummary s = summary();
        XYDataset data = Charts.occupancyDistribution(s, "acute").getXYPlot().getDataset();
        long[] counts = new long[100];
        long total = 0;
        for (FlowResult r : s.replications()) {
            for (int d = 0; d < r.census().days(); d++) {
                counts[r.census().occupied(d, 0)]++;
                total++;
            }
        }
        double sum = 0;
        int bars = 0;
        for (int i = 0; i < data.getItemCount(0); i++) {
            int beds = (int) data.getXValue(0, i);
            assertEquals((double) counts[beds] / total, data.getYValue(0, i), 1e-12, "share at " + beds);
            sum += data.getYValue(0, i);
            bars++;
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(Arrays.stream(counts).filter(c -> c > 0).count(), bars, "one bar per value seen");
    }

    @Test
    void occupancyDistribution_lines_atCapacitiesMeanAndBedsRequired() {
        FlowSummary s = summary();
        XYPlot plot = Charts.occupancyDistribution(s, "acute").getXYPlot();
        Collection<?> all = plot.getDomainMarkers(Layer.FOREGROUND);
        List<ValueMarker> markers = all.stream().map(m -> (ValueMarker) m).toList();
        List<String> labels = markers.stream().map(ValueMarker::getLabel).toList();
        assertEquals(5, markers.size(), labels.toString());
        assertEquals(24, markers.get(0).getValue());
        assertEquals("Capacity 24", labels.get(0));
        assertEquals(30, markers.get(1).getValue());
        double meanCensus = s.interval("acute", SettingKpi.CENSUS_MEAN).mean();
        assertEquals(meanCensus, markers.get(2).getValue(), 1e-9, "pooled mean = mean of equal-length means");
        assertEquals(s.interval("acute", SettingKpi.BEDS_REQUIRED_MEAN).mean(), markers.get(3).getValue(), 1e-12);
        assertTrue(labels.get(3).startsWith("Mean method "));
        assertEquals(s.interval("acute", SettingKpi.BEDS_REQUIRED_PERCENTILE).mean(), markers.get(4).getValue(),
                1e-12);
        assertTrue(labels.get(4).startsWith("Percentile method "));
        for (ValueMarker m : markers) {
            assertTrue(plot.getDomainAxis().getRange().contains(m.getValue()), m.getLabel() + " inside the axis");
        }
    }

    @Test
    void occupancyDistribution_svg_containsLegendAxisAndLineLabels() throws Exception {
        JFreeChart chart = Charts.occupancyDistribution(summary(), "acute");
        List<String> texts = ChartFixtures.texts(ChartFixtures.svg(chart));
        for (String expected : List.of("Occupancy distribution: acute", "acute: share of days at each occupancy",
                "Capacity 30", "Capacity 24", "Occupied beds at midnight", "Share of days",
                "Beds required, mean method (mean demand / 85 % target)",
                "Beds required, percentile method (exceeded on 5 % of days)")) {
            assertTrue(texts.contains(expected), "missing " + expected + " in " + texts);
        }
    }
}
