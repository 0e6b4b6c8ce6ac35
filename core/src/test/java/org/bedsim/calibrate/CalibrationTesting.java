package org.bedsim.calibrate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.bridge.BedCount;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeStep;
import org.bedsim.bridge.Change;
import org.bedsim.bridge.Parameter;
import org.bedsim.dist.Exponential;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.SettingKind;

/**
 * A bridge whose answers are known: one site with unlimited beds, one cohort arriving as a Poisson stream of
 * {@code perDay} patients with exponential stays of mean {@code meanStay}, beds counted by the mean method at 85 %
 * occupancy. Mean occupancy of an M/G/infinity system is arrivals a day times mean stay, so the base needs
 * perDay * meanStay / 0.85 beds; a step avoiding a share a of admissions removes a times that; a step growing volumes
 * by g a year for one year multiplies it by 1 + g.
 */
final class CalibrationTesting {
    static final double TARGET_OCCUPANCY = 0.85;

    private CalibrationTesting() {
    }

    static FlowSettings site(double perDay, double meanStay) {
        CareSetting ward = new CareSetting("ward", SettingKind.ACUTE, CapacityTimeline.unlimited(),
                AdmissionPolicy.WAIT, CareSetting.QueuePriority.FIFO);
        Cohort c = new Cohort("patients", Cohort.AdmissionType.NON_ELECTIVE, "adults", "ward",
                ArrivalPattern.flat(perDay * 365.25), null, Map.of("ward", Exponential.ofMean(meanStay)), Map.of(),
                null, null);
        return new FlowSettings(List.of(ward, CareSetting.sink("home")), List.of(c), LocalDate.of(2016, 4, 1), 30,
                365, TARGET_OCCUPANCY, 0.05, false);
    }

    /** A bridge of two steps: growth (a rate a year over one year) and admissions avoided (a share). */
    static BridgeDefinition bridge(double perDay, double meanStay, Parameter growth, Parameter avoided, int reps) {
        List<BridgeStep> steps = List.of(
                new BridgeStep("growth", "Growth", List.of(), List.of(new Change.VolumeGrowth(growth, 1, null)), 1,
                        1),
                new BridgeStep("avoided", "Admissions avoided", List.of(),
                        List.of(new Change.AdmissionAvoidance("patients", avoided, null)), 1, 1));
        return new BridgeDefinition(site(perDay, meanStay), Set.of("ward"), BedCount.MEAN_OCCUPANCY, steps, 2016,
                2017, reps, 7, 10, 200);
    }
}
