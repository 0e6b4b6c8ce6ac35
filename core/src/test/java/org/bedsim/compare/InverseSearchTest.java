package org.bedsim.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.LogNormal;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.SettingKind;
import org.bedsim.model.SettingKpi;
import org.bedsim.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/** Inverse questions: monotone measures, answers that meet their target where the next step does not. */
class InverseSearchTest {
    private static final long SEED = 44;
    private static final int REPS = 6;

    /** One acute ward of 60 beds: older patients (5 a day, mean stay 6) and adults (7 a day, mean stay 3). */
    private static FlowSettings base() {
        List<CareSetting> all = new ArrayList<>();
        all.add(new CareSetting("acute", SettingKind.ACUTE, CapacityTimeline.constant(60), AdmissionPolicy.WAIT,
                CareSetting.QueuePriority.FIFO));
        all.add(CareSetting.sink("home"));
        Cohort older = new Cohort("older", Cohort.AdmissionType.NON_ELECTIVE, "older", "acute",
                ArrivalPattern.flat(5 * 365.25), null, Map.of("acute", LogNormal.ofMeanSd(6, 6)), Map.of(), null,
                null);
        Cohort adults = new Cohort("adults", Cohort.AdmissionType.NON_ELECTIVE, "adults", "acute",
                ArrivalPattern.flat(7 * 365.25), null, Map.of("acute", LogNormal.ofMeanSd(3, 3)), Map.of(), null,
                null);
        return new FlowSettings(all, List.of(older, adults), LocalDate.of(2016, 4, 1), 60, 365, 0.92, 0.05, false);
    }

    private static double measure(FlowSettings s, Target t) {
        return ConfidenceInterval.of(Comparisons.targetValues(FlowExperiment.run(s, SEED, REPS, 2), t), 0.95)
                .mean();
    }

    @Test
    void stayCut_smallestCutMeetsTheTarget_andTheNextSmallerDoesNot_andTheMeasureFallsWithTheCut() {
        Target longWaits = new Target("12-hour waits under 2 % of admissions", List.of("acute"),
                SettingKpi.SHARE_WAITS_OVER_LONG, true, 0.02);
        InverseSearch.Lever lever = new InverseSearch.Lever(InverseSearch.Kind.STAY_CUT, "acute", List.of("older"));
        FlowSettings base = base();
        assertFalse(longWaits.met(measure(base, longWaits)), "the base misses the target");
        InverseSearch.Result r = InverseSearch.solve(base, lever, longWaits, 0, 0.5, 0.02, SEED, REPS, 2, x -> { });
        assertTrue(r.found() && !r.atBound(), r.toString());
        assertEquals(r.value() - 0.02, r.nextStep(), 1e-12);
        // recomputed from scratch: the answer meets the target, the next step towards no cut misses it
        assertTrue(longWaits.met(measure(lever.apply(base, r.value()), longWaits)));
        assertFalse(longWaits.met(measure(lever.apply(base, r.nextStep()), longWaits)));
        assertTrue(r.atValue().mean() <= 0.02 && r.atNextStep().mean() > 0.02);
        assertTrue(!Double.isFinite(r.confidentValue()) || r.confidentValue() >= r.value());
        // monotone in the cut on common random numbers
        double previous = Double.POSITIVE_INFINITY;
        for (double cut = 0; cut <= 0.3001; cut += 0.05) {
            double m = measure(lever.apply(base, cut), longWaits);
            assertTrue(m <= previous, "share of 12-hour waits at a cut of " + cut + ": " + m + " after " + previous);
            previous = m;
        }
        assertTrue(r.runs() <= InverseSearch.maxRuns(0, 0.5, 0.02));
    }

    @Test
    void arrivals_mostArrivalsMeetTheTarget_andOneStepMoreDoesNot_andTheMeasureRisesWithArrivals() {
        Target queueDays = new Target("a queue on at most 10 % of days", List.of("acute"),
                SettingKpi.SHARE_OF_DAYS_WITH_QUEUE, true, 0.10);
        InverseSearch.Lever lever = new InverseSearch.Lever(InverseSearch.Kind.ARRIVALS, null, List.of());
        FlowSettings base = base();
        assertEquals(12 * 365.25, lever.baseArrivals(base), 1e-9);
        InverseSearch.Result r = InverseSearch.solve(base, lever, queueDays, 2000, 5000, 100, SEED, REPS, 2,
                x -> { });
        assertTrue(r.found() && !r.atBound(), r.toString());
        assertEquals(r.value() + 100, r.nextStep(), 1e-9);
        assertTrue(queueDays.met(measure(lever.apply(base, r.value()), queueDays)));
        assertFalse(queueDays.met(measure(lever.apply(base, r.nextStep()), queueDays)));
        double previous = -1;
        for (double a = 3000; a <= 5000; a += 500) {
            double m = measure(lever.apply(base, a), queueDays);
            assertTrue(m >= previous, "share of days with a queue at " + a + " arrivals: " + m);
            previous = m;
        }
    }

    @Test
    void beds_agreeWithTheFewestBedsSearch() {
        Target noLongWaits = new Target("no 12-hour wait on 95 % of days", List.of("acute"),
                SettingKpi.SHARE_OF_DAYS_WITH_LONG_WAIT, true, 0.05);
        InverseSearch.Result r = InverseSearch.solve(base(), new InverseSearch.Lever(InverseSearch.Kind.BEDS,
                "acute", List.of()), noLongWaits, 50, 90, 1, SEED, REPS, 2, x -> { });
        Comparisons.Optimum o = Comparisons.fewestBeds(base(), "acute", noLongWaits, 50, 90, SEED, REPS, 2);
        assertEquals(o.beds(), (int) r.value());
        assertEquals(o.value().mean(), r.atValue().mean(), 0);
        assertTrue(r.atNextStep().mean() > 0.05);
    }

    @Test
    void unreachableTarget_isNotFound() {
        Target impossible = new Target("no waits at all", List.of("acute"), SettingKpi.WAITS_OVER_STANDARD, true,
                -1);
        InverseSearch.Result r = InverseSearch.solve(base(), new InverseSearch.Lever(InverseSearch.Kind.STAY_CUT,
                "acute", List.of()), impossible, 0, 0.2, 0.05, SEED, 2, 1, x -> { });
        assertFalse(r.found());
        assertEquals(1, r.runs());
    }
}
