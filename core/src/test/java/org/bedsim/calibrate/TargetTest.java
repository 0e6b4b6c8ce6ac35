package org.bedsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.bridge.BedCount;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.Bridges;
import org.bedsim.dist.Exponential;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.SettingKind;
import org.junit.jupiter.api.Test;

/** A target counts as the bridge does, or over its own settings, or by its own method. */
class TargetTest {
    private static BridgeDefinition bridge() {
        Cohort c = new Cohort("stroke", Cohort.AdmissionType.NON_ELECTIVE, "older", "ward",
                ArrivalPattern.flat(150), null, Map.of("ward", Exponential.ofMean(30)), Map.of(), null, null);
        FlowSettings s = new FlowSettings(List.of(CareSetting.of("ward", SettingKind.COMMUNITY,
                CapacityTimeline.unlimited()), CareSetting.of("other", SettingKind.ACUTE, CapacityTimeline.unlimited()),
                CareSetting.sink("home")), List.of(c), LocalDate.of(2016, 4, 1), 200, 730, 0.92, 0.05, true);
        return new BridgeDefinition(s, Set.of("ward", "other"), BedCount.PERCENTILE, List.of(), 2016, 2017, 6, 3, 10,
                200);
    }

    @Test
    void counting_byTheTargetsOwnMethodAndSettings() {
        BridgeDefinition def = bridge();
        assertSame(def, new Target(Target.Output.BASE, null, 15).counting(def));
        BridgeDefinition mean = new Target(Target.Output.BASE, null, 15, Set.of("ward"), BedCount.MEAN_OCCUPANCY)
                .counting(def);
        assertEquals(BedCount.MEAN_OCCUPANCY, mean.method());
        assertEquals(Set.of("ward"), mean.counted());
        assertEquals(Set.of("ward", "other"), new Target(Target.Output.BASE, null, 15, null, BedCount.MEAN_OCCUPANCY)
                .counting(def).counted());
        // 150 a year for 30 days: a mean census of 12.3, so 13.4 beds at 92 %; the 95th percentile of a Poisson
        // census with that mean is about 18 beds
        double byMean = avg(Bridges.bedsPerReplication(mean, new double[0], 1));
        double byPercentile = avg(Bridges.bedsPerReplication(new Target(Target.Output.BASE, null, 15,
                Set.of("ward")).counting(def), new double[0], 1));
        assertEquals(150 * 30 / 365.25 / 0.92, byMean, 2.0);
        assertTrue(byPercentile > byMean + 2, byPercentile + " vs " + byMean);
        assertTrue(new Target(Target.Output.BASE, null, 15, Set.of("ward"), BedCount.MEAN_OCCUPANCY).describe()
                .endsWith("(by mean occupancy)"));
    }

    private static double avg(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
