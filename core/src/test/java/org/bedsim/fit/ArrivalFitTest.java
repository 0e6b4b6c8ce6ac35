package org.bedsim.fit;

import static org.bedsim.fit.StayFitTest.assertInside;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ArrivalFitTest {
    private static final LocalDate START = LocalDate.of(2016, 4, 1);
    private static final double[] WEEK = {1.12, 1.04, 1.00, 0.99, 1.01, 0.91, 0.93};
    private static final double[] MONTH = {1.08, 1.02, 1.02, 0.97, 0.98, 0.95, 0.97, 0.95, 0.97, 1.01, 1.03, 1.05};

    private static long[] counts(double perYear, double growth, double[] week, double[] month, int days, long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        double wm = mean(week);
        double mm = mean(month);
        long[] c = new long[days];
        for (int d = 0; d < days; d++) {
            LocalDate date = START.plusDays(d);
            double rate = perYear / 365.25 * week[date.getDayOfWeek().getValue() - 1] / wm
                    * month[date.getMonthValue() - 1] / mm * Math.pow(1 + growth, (d + 0.5) / 365.25);
            c[d] = rate == 0 ? 0 : PoissonSampler.of(rng, rate).sample();
        }
        return c;
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    @Test
    void twoYears_recoverVolumeTrendAndProfiles_insideTheirIntervals() {
        ArrivalFit.Result r = ArrivalFit.fit(START, counts(20_000, 0.03, WEEK, MONTH, 730, 1), false);
        assertInside(20_000, r.perYearLow(), r.perYearHigh(), "per year");
        assertInside(0.03, r.trendLow(), r.trendHigh(), "trend");
        int missed = 0;
        for (int w = 0; w < 7; w++) {
            missed += WEEK[w] / mean(WEEK) < r.weekdayLow()[w] || WEEK[w] / mean(WEEK) > r.weekdayHigh()[w] ? 1 : 0;
        }
        for (int m = 0; m < 12; m++) {
            missed += MONTH[m] / mean(MONTH) < r.monthLow()[m] || MONTH[m] / mean(MONTH) > r.monthHigh()[m] ? 1 : 0;
        }
        assertTrue(missed <= 2, "19 factors with 95 % intervals: expect about one outside, found " + missed);
        assertTrue(r.weekdayVaries() && r.monthVaries());
        assertEquals(1, r.dispersion(), 0.15);
        assertFalse(r.overDispersed());
    }

    @Test
    void flatPoisson_isFoundFlat() {
        double[] flat7 = {1, 1, 1, 1, 1, 1, 1};
        double[] flat12 = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        ArrivalFit.Result r = ArrivalFit.fit(START, counts(5000, 0, flat7, flat12, 730, 2), false);
        assertTrue(r.weekdayP() > 0.01 && r.monthP() > 0.01, r.weekdayP() + " " + r.monthP());
        assertInside(0, r.trendLow(), r.trendHigh(), "no trend");
    }

    @Test
    void overDispersedCounts_areFlagged_andIntervalsWiden() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(3);
        long[] c = new long[730];
        for (int d = 0; d < c.length; d++) {
            double rate = 30 * Math.exp(0.3 * (rng.nextDouble() - 0.5) * 3.46);
            c[d] = PoissonSampler.of(rng, rate).sample();
        }
        ArrivalFit.Result r = ArrivalFit.fit(START, c, false);
        assertTrue(r.overDispersed(), "dispersion " + r.dispersion());
    }

    @Test
    void halfYear_fitsNoMonths() {
        ArrivalFit.Result r = ArrivalFit.fit(START, counts(20_000, 0, WEEK, MONTH, 180, 4), false);
        assertTrue(Double.isNaN(r.monthP()));
        assertEquals(1, r.month()[5]);
    }

    @Test
    void electives_weekdaysOnly() {
        long[] c = counts(5000, 0, new double[] {1, 1, 1, 1, 1, 0, 0}, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1}, 730, 5);
        ArrivalFit.Result r = ArrivalFit.fit(START, c, true);
        assertEquals(0, r.weekday()[5]);
        assertEquals(0, r.weekday()[6]);
        assertInside(5000, r.perYearLow(), r.perYearHigh(), "elective volume a year");
    }

    @Test
    void mser5_findsTheTransient() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(7);
        double[] s = new double[400];
        for (int i = 0; i < s.length; i++) {
            s[i] = 100 * (1 - Math.exp(-i / 10.0)) + 3 * (rng.nextDouble() - 0.5);
        }
        Mser5.Result r = Mser5.of(s);
        assertTrue(r.found());
        assertTrue(r.truncate() >= 25 && r.truncate() <= 80, "truncate " + r.truncate());
        double[] stationary = new double[400];
        for (int i = 0; i < stationary.length; i++) {
            stationary[i] = 50 + 3 * (rng.nextDouble() - 0.5);
        }
        assertTrue(Mser5.of(stationary).truncate() < 100);
    }

    @Test
    void share_wilson() {
        Share s = Share.of(0, 20);
        assertEquals(0, s.low());
        assertTrue(s.high() > 0.1 && s.high() < 0.2);
        Share h = Share.of(720, 1000);
        assertInside(0.72, h.low(), h.high(), "share");
        assertEquals(0.028, h.high() - h.low(), 0.03);
    }
}
