package org.bedsim.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.junit.jupiter.api.Test;

/**
 * A bridge counted by a waiting measure (the share of admissions waiting over 12 hours): beds added lower it, a step
 * that changes nothing gives exactly zero, the bars sum to the total, and the base is what a plain run of the same
 * seed measures (the event-driven model; the demand fast path has no queue).
 */
class WaitBridgeTest {
    /** 10 arrivals a day, stays of mean 3 days, on 32 beds that queue when full (offered load 30). */
    private static FlowSettings ward() {
        CareSetting ward = new CareSetting("ward", SettingKind.ACUTE, CapacityTimeline.constant(32),
                AdmissionPolicy.WAIT, CareSetting.QueuePriority.FIFO);
        Cohort all = new Cohort("all", Cohort.AdmissionType.NON_ELECTIVE, "all", "ward",
                ArrivalPattern.flat(10 * 365.25), null, Map.of("ward", Exponential.ofMean(3)), Map.of(), null, null);
        return new FlowSettings(List.of(ward, CareSetting.sink("home")), List.of(all), LocalDate.of(2016, 4, 1), 30,
                300, 0.85, 0.05, false);
    }

    private static BridgeStep step(String id, Change change) {
        return BridgeStep.linear(id, id, List.of("assumed: test"), List.of(change), 2);
    }

    @Test
    void moreBeds_lowerTheTwelveHourShare_noOpIsZero_barsSumToTheTotal() {
        BridgeDefinition def = new BridgeDefinition(ward(), Set.of("ward"), BedCount.SHARE_WAITS_OVER_LONG,
                List.of(step("no-op", new Change.LengthOfStayChange("all", "ward", Parameter.of(0), null, null)),
                        step("beds", new Change.CapacityChange("ward", 36))), 2016, 2018, 6, 3, 10, 100);
        BridgeResult r = Bridges.compute(def, 2);
        assertEquals("share", def.method().unit());
        BridgeResult.Bar noOp = r.bars().get(0);
        BridgeResult.Bar beds = r.bars().get(1);
        assertEquals(0.0, noOp.delta().mean());
        assertEquals(0.0, noOp.delta().halfWidth());
        assertTrue(r.base().mean() > 0.01, "the base queues: " + r.base());
        assertTrue(beds.delta().high() < 0, "4 more beds lower the 12-hour share: " + beds.delta());
        assertEquals(r.finalBeds().mean() - r.base().mean(), noOp.delta().mean() + beds.delta().mean(), 1e-12);
        assertEquals(r.totalChange(), r.bars().stream().mapToDouble(b -> b.shapley().mean()).sum(), 1e-12);
        // the base is the pooled share of a plain run of the same seed, replication by replication
        FlowSummary plain = FlowExperiment.run(ward(), 3, 6, 2);
        double pooled = 0;
        for (var rep : plain.replications()) {
            var w = rep.setting("ward").waits();
            pooled += (double) w.overLong() / w.admitted() / 6;
        }
        assertEquals(pooled, r.base().mean(), 1e-12);
        assertEquals(plain.interval("ward", SettingKpi.SHARE_WAITS_OVER_LONG).mean(), r.base().mean(), 1e-12);
    }

    @Test
    void unlimitedBase_waitingMeasure_skipsTheDemandFastPath_andReadsNoWait() {
        FlowSettings open = ward().withUnconstrained(true);
        BridgeDefinition def = new BridgeDefinition(open, Set.of("ward"), BedCount.SHARE_OF_DAYS_WITH_QUEUE,
                List.of(step("beds", new Change.CapacityChange("ward", 36))), 2016, 2018, 3, 3, 10, 100);
        BridgeResult r = Bridges.compute(def, 2);
        assertEquals(0.0, r.base().mean());
        assertEquals(0.0, r.finalBeds().mean());
    }
}
