package org.bedsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingKind;
import org.bedsim.model.SettingKpi;
import org.bedsim.report.WaitTables;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wait charts and tables: their numbers add up to the run's, and the charts draw what they say. */
class WaitChartsTest {
    @TempDir
    Path tmp;

    /** A 12-bed ward at 90 % load for a year and a half: waits of every band, several months. */
    private static FlowSummary summary() {
        Cohort c = new Cohort("all", Cohort.AdmissionType.NON_ELECTIVE, "all", "ward", ArrivalPattern.flat(
                10.8 * 365.25), null, Map.of("ward", Exponential.ofMean(1)), Map.of(), null, null);
        FlowSettings s = new FlowSettings(List.of(new CareSetting("ward", SettingKind.ACUTE,
                CapacityTimeline.constant(12), AdmissionPolicy.WAIT, CareSetting.QueuePriority.FIFO),
                CareSetting.sink("home")), List.of(c), LocalDate.of(2016, 4, 1), 30, 200, 0.9, 0.05, false);
        return FlowExperiment.run(s, 3, 4, 2);
    }

    @Test
    void tables_monthsAndBandsAddUpToTheWholePeriod() {
        FlowSummary s = summary();
        List<WaitTables.Month> months = WaitTables.monthly(s, "ward");
        assertEquals(7, months.size(), "April to mid-October 2016");
        assertEquals(200, months.stream().mapToInt(WaitTables.Month::days).sum());
        double admitted = months.stream().mapToDouble(m -> m.admitted().mean()).sum();
        assertEquals(s.interval("ward", SettingKpi.WAITS_ADMITTED).mean(), admitted, 1e-9);
        double overLong = months.stream().mapToDouble(m -> m.overLong().mean()).sum();
        assertEquals(s.interval("ward", SettingKpi.WAITS_OVER_LONG).mean(), overLong, 1e-9);
        List<WaitTables.Band> bands = WaitTables.bands(s, "ward");
        assertEquals(1, bands.stream().mapToDouble(b -> b.share().mean()).sum(), 1e-9);
        assertEquals("no wait", bands.get(0).label());
        assertEquals("over 48 h", bands.get(bands.size() - 1).label());
        assertTrue(WaitTables.anyoneWaited(s, "ward"));
    }

    @Test
    void charts_drawTheBandsAndTheDailyPeaksAgainstCapacity() throws Exception {
        FlowSummary s = summary();
        SettingPalette palette = SettingPalette.of(s.settings());
        JFreeChart bands = Charts.waitBands(s, "ward", palette);
        CategoryPlot bp = (CategoryPlot) bands.getPlot();
        assertEquals(9, bp.getDataset().getColumnCount());
        double sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += bp.getDataset().getValue(0, i).doubleValue();
        }
        assertEquals(1, sum, 1e-9);
        JFreeChart peaks = Charts.peakWaiting(s, "ward", palette);
        XYPlot pp = (XYPlot) peaks.getPlot();
        assertEquals(200, pp.getDataset(0).getItemCount(0), "one peak a day");
        assertEquals(12, pp.getDataset(2).getYValue(0, 0), "capacity on the right axis");
        assertEquals(pp.getRangeAxis(1), pp.getRangeAxisForDataset(2));
        List<Path> files = new ChartWriter().write(peaks, tmp, "peaks");
        assertTrue(files.stream().allMatch(Files::exists));
        assertTrue(ChartFixtures.texts(ChartFixtures.svg(bands)).stream().anyMatch(t -> t.contains("Waits for a bed")));
    }
}
