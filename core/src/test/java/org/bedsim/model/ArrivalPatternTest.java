package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.START;
import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.settings;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Fixed;
import org.junit.jupiter.api.Test;

/** Month profiles are normalised over days, so any profile keeps the annual volume. */
class ArrivalPatternTest {
    private static final double[] ALL_ON_FEBRUARY = {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    /** The expected arrivals over the days of a calendar span: sum of annualVolume / 365.25 x month weight. */
    private static double expectedArrivals(ArrivalPattern p, LocalDate from, LocalDate toExclusive) {
        double[] m = p.month();
        double sum = 0;
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
            sum += p.annualVolume() / 365.25 * m[d.getMonthValue() - 1];
        }
        return sum;
    }

    @Test
    void monthWeights_overFourYearsOfDays_keepTheAnnualVolume() {
        double[][] profiles = {ALL_ON_FEBRUARY, {1.3, 1.2, 1.1, 1, 1, 0.9, 0.8, 0.8, 0.9, 1, 1.1, 1.2},
            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}};
        for (double[] profile : profiles) {
            ArrivalPattern p = new ArrivalPattern(36_525, null, profile, 0);
            // four years hold one leap day: exactly four average years of 365.25 days
            double fourYears = expectedArrivals(p, LocalDate.of(2016, 4, 1), LocalDate.of(2020, 4, 1));
            assertEquals(4 * 36_525, fourYears, 1e-6);
        }
    }

    @Test
    void allWeightOnFebruary_givesFebruaryDaysTheWholeYear() {
        ArrivalPattern p = new ArrivalPattern(36_525, null, ALL_ON_FEBRUARY, 0);
        // 365.25 / 28.25: February's 28.25 average days carry the year's 36,525 arrivals
        assertEquals(365.25 / 28.25, p.month()[1], 1e-12);
        // a non-leap year's February gets 28 / 28.25 of the year; the old mean-over-months rule gave 12 x 28 / 365.25
        assertEquals(36_525 * 28 / 28.25, expectedArrivals(p, LocalDate.of(2017, 2, 1), LocalDate.of(2017, 3, 1)),
                1e-6);
    }

    @Test
    void flatMonths_areUnchanged() {
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, ArrivalPattern.flat(100).month(), 1e-15);
    }

    @Test
    void simulatedArrivals_allOnFebruary_matchTheAnnualVolume() {
        ArrivalPattern p = new ArrivalPattern(3_652.5, null, ALL_ON_FEBRUARY, 0);
        Cohort c = new Cohort("all", Cohort.AdmissionType.NON_ELECTIVE, "all", "ward", p, null,
                los("ward", Fixed.of(1.0)), Map.of(), null, null);
        FlowSettings s = settings(List.of(ward("ward", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT)), List.of(c),
                7, LocalDate.of(2020, 4, 1).toEpochDay() - START.toEpochDay());
        long arrivals = 0;
        int replications = 5;
        for (int r = 0; r < replications; r++) {
            arrivals += FlowExperiment.runOne(s, 17, r).arrivals();
        }
        double expected = replications * 4 * 3_652.5; // 73,050; Poisson sd 270
        assertTrue(Math.abs(arrivals - expected) < 4 * Math.sqrt(expected),
                () -> "four years of arrivals: expected about 73,050, Poisson sd 270");
    }
}
