package org.bedsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class LogHistogramTest {
    private static final double MINUTE = 1.0 / 1440.0;

    /** Exact order statistic of rank max(1, ceil(p n)) from sorted values, the definition the histogram estimates. */
    private static double exactQuantile(double[] sorted, double p) {
        long rank = Math.max(1L, Math.min(sorted.length, (long) Math.ceil(p * sorted.length)));
        return sorted[(int) rank - 1];
    }

    /** Waits in days: lognormal with median half a day and a long right tail. */
    private static double[] lognormalWaits(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.exp(Math.log(0.5) + 1.5 * gaussian.sample());
        }
        return x;
    }

    @Test
    void emptyHistogram_noValues_nanMeanAndQuantileAndInfiniteExtremes() {
        LogHistogram h = new LogHistogram(MINUTE, 3650.0, 3);
        assertEquals(0, h.count());
        assertTrue(Double.isNaN(h.mean()));
        assertTrue(Double.isNaN(h.quantile(0.5)));
        assertEquals(Double.POSITIVE_INFINITY, h.min());
        assertEquals(Double.NEGATIVE_INFINITY, h.max());
    }

    @Test
    void singleValue_oneRecord_everyQuantileIsThatValueExactly() {
        LogHistogram h = new LogHistogram(MINUTE, 3650.0, 2);
        h.record(1.2345);
        assertEquals(1, h.count());
        assertEquals(1.2345, h.mean());
        for (double p : new double[] {0.0, 0.5, 1.0}) {
            assertEquals(1.2345, h.quantile(p));
        }
    }

    @Test
    void relativeError_significantDigits_powerOfTwoWithinTenToMinusDigits() {
        assertEquals(1.0 / 16, new LogHistogram(1.0, 2.0, 1).relativeError());
        assertEquals(1.0 / 128, new LogHistogram(1.0, 2.0, 2).relativeError());
        assertEquals(1.0 / 1024, new LogHistogram(1.0, 2.0, 3).relativeError());
        for (int d = 1; d <= 5; d++) {
            assertTrue(new LogHistogram(1.0, 2.0, d).relativeError() <= Math.pow(10, -d));
        }
    }

    @Test
    void quantile_100000LognormalValues_withinStatedRelativeErrorOfExactQuantile() {
        double[] x = lognormalWaits(100_000, 42L);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        for (int digits = 1; digits <= 3; digits++) {
            LogHistogram h = new LogHistogram(1e-6, 1e4, digits);
            for (double v : x) {
                h.record(v);
            }
            assertEquals(0, h.underflowCount());
            assertEquals(0, h.overflowCount());
            double bound = h.relativeError();
            double worst = 0.0;
            for (int i = 0; i <= 1000; i++) {
                double p = i / 1000.0;
                double exact = exactQuantile(sorted, p);
                double error = Math.abs(h.quantile(p) - exact) / exact;
                worst = Math.max(worst, error);
                assertTrue(error <= bound, "digits " + digits + " p " + p + " error " + error + " > " + bound);
            }
            assertTrue(worst > bound / 20, "bound should not be vacuous: worst " + worst + " at " + digits);
            assertEquals(sorted[0], h.quantile(0.0));
            assertEquals(sorted[sorted.length - 1], h.quantile(1.0));
        }
    }

    @Test
    void meanMaxMin_lognormalValues_exact() {
        double[] x = lognormalWaits(10_000, 5L);
        LogHistogram h = new LogHistogram(0.01, 1.0, 2); // many values out of range on both sides
        double sum = 0.0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : x) {
            h.record(v);
            sum += v;
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertTrue(h.overflowCount() > 0 && h.underflowCount() > 0);
        assertEquals(x.length, h.count());
        assertEquals(sum / x.length, h.mean());
        assertEquals(max, h.max());
        assertEquals(min, h.min());
    }

    @Test
    void quantile_boundaryValues_withinBound() {
        LogHistogram h = new LogHistogram(0.001, 100.0, 2);
        double[] x = {0.001, 0.5, 1.0, Math.nextDown(1.0), 2.0, Math.nextUp(2.0), 4.0, 64.0, 100.0};
        for (double v : x) {
            h.record(v);
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        for (int i = 0; i <= 100; i++) {
            double p = i / 100.0;
            double exact = exactQuantile(sorted, p);
            assertEquals(exact, h.quantile(p), exact * h.relativeError(), "p " + p);
        }
    }

    @Test
    void record_zeroWaitsBelowLowest_countedExactlyAndReportedAsMin() {
        LogHistogram h = new LogHistogram(MINUTE, 365.0, 3);
        for (int i = 0; i < 60; i++) {
            h.record(0.0);
        }
        for (int i = 1; i <= 40; i++) {
            h.record(i);
        }
        assertEquals(60, h.underflowCount());
        assertEquals(100, h.count());
        assertEquals(0.0, h.quantile(0.0));
        assertEquals(0.0, h.quantile(0.6)); // rank 60 is still a zero wait
        assertEquals(1.0, h.quantile(0.61), h.relativeError());
        assertEquals(40.0, h.quantile(1.0));
        assertEquals(820.0 / 100.0, h.mean());
    }

    @Test
    void record_smallPositiveValuesBelowLowest_quantileWithinLowestAbsolutely() {
        LogHistogram h = new LogHistogram(0.01, 10.0, 2);
        double[] x = {0.001, 0.002, 0.003, 0.005, 1.0};
        for (double v : x) {
            h.record(v);
        }
        for (int i = 0; i <= 100; i++) {
            double p = i / 100.0;
            double exact = exactQuantile(x, p);
            assertEquals(exact, h.quantile(p), exact < 0.01 ? 0.01 : exact * h.relativeError(), "p " + p);
        }
    }

    @Test
    void record_valuesAboveHighest_countedAsOverflowAndMaxExact() {
        LogHistogram h = new LogHistogram(MINUTE, 10.0, 2);
        h.record(5.0);
        h.record(50.0);
        h.record(500.0);
        assertEquals(2, h.overflowCount());
        assertEquals(3, h.count());
        assertEquals(500.0, h.max());
        assertEquals(500.0, h.quantile(1.0));
        assertEquals(555.0 / 3, h.mean());
        double middle = h.quantile(0.5); // among the overflow: only known to be above highest, reported near it
        assertTrue(middle >= 10.0 && middle <= 10.0 * (1 + 2 * h.relativeError()), "middle " + middle);
    }

    @Test
    void record_negativeNaNOrInfinite_throwsAndKeepsState() {
        LogHistogram h = new LogHistogram(MINUTE, 10.0, 2);
        h.record(1.0);
        assertThrows(IllegalArgumentException.class, () -> h.record(-1e-9));
        assertThrows(IllegalArgumentException.class, () -> h.record(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> h.record(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> h.quantile(1.5));
        assertEquals(1, h.count());
        assertEquals(1.0, h.mean());
    }

    @Test
    void constructor_invalidArguments_throw() {
        assertThrows(IllegalArgumentException.class, () -> new LogHistogram(0.0, 1.0, 2));
        assertThrows(IllegalArgumentException.class, () -> new LogHistogram(Double.MIN_VALUE, 1.0, 2));
        assertThrows(IllegalArgumentException.class, () -> new LogHistogram(1.0, 1.0, 2));
        assertThrows(IllegalArgumentException.class, () -> new LogHistogram(1.0, Double.POSITIVE_INFINITY, 2));
        assertThrows(IllegalArgumentException.class, () -> new LogHistogram(1.0, 2.0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LogHistogram(1.0, 2.0, 6));
        assertThrows(IllegalArgumentException.class, () -> new LogHistogram(1e-300, 1e300, 5));
    }

    @Test
    void merge_twoHalves_equalsRecordingAllValues() {
        double[] x = lognormalWaits(20_000, 9L);
        LogHistogram all = new LogHistogram(MINUTE, 100.0, 3);
        LogHistogram first = new LogHistogram(MINUTE, 100.0, 3);
        LogHistogram second = new LogHistogram(MINUTE, 100.0, 3);
        for (int i = 0; i < x.length; i++) {
            all.record(x[i]);
            (i < x.length / 2 ? first : second).record(x[i]);
        }
        first.merge(second);
        assertEquals(all.count(), first.count());
        assertEquals(all.underflowCount(), first.underflowCount());
        assertEquals(all.overflowCount(), first.overflowCount());
        assertEquals(all.mean(), first.mean(), 1e-12 * all.mean());
        assertEquals(all.min(), first.min());
        assertEquals(all.max(), first.max());
        for (int i = 0; i <= 100; i++) {
            assertEquals(all.quantile(i / 100.0), first.quantile(i / 100.0));
        }
        assertThrows(IllegalArgumentException.class, () -> first.merge(new LogHistogram(MINUTE, 100.0, 2)));
        assertThrows(IllegalArgumentException.class, () -> first.merge(new LogHistogram(MINUTE, 200.0, 3)));
    }

    @Test
    void reset_afterValues_emptyAgainAndReusable() {
        LogHistogram h = new LogHistogram(MINUTE, 10.0, 2);
        h.record(0.0);
        h.record(3.0);
        h.record(30.0);
        h.reset();
        assertEquals(0, h.count());
        assertEquals(0, h.underflowCount());
        assertEquals(0, h.overflowCount());
        assertTrue(Double.isNaN(h.mean()));
        assertEquals(Double.NEGATIVE_INFINITY, h.max());
        h.record(2.0);
        assertEquals(2.0, h.quantile(0.5));
    }
}
