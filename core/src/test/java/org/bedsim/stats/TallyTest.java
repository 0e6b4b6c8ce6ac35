package org.bedsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void emptyTally_noValues_meanVarianceNaNAndExtremesInfinite() {
        Tally t = new Tally();
        assertEquals(0, t.count());
        assertTrue(Double.isNaN(t.mean()));
        assertTrue(Double.isNaN(t.variance()));
        assertTrue(Double.isNaN(t.sd()));
        assertEquals(0.0, t.sum());
        assertEquals(Double.POSITIVE_INFINITY, t.min());
        assertEquals(Double.NEGATIVE_INFINITY, t.max());
    }

    @Test
    void singleValue_oneAdd_meanIsValueAndVarianceNaN() {
        Tally t = new Tally();
        t.add(-3.5);
        assertEquals(1, t.count());
        assertEquals(-3.5, t.mean());
        assertTrue(Double.isNaN(t.variance()));
        assertEquals(-3.5, t.min());
        assertEquals(-3.5, t.max());
        assertEquals(-3.5, t.sum());
    }

    @Test
    void add_handComputedSet_exactMomentsAndExtremes() {
        Tally t = new Tally();
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            t.add(x);
        }
        assertEquals(8, t.count());
        assertEquals(5.0, t.mean(), 1e-15);
        assertEquals(32.0 / 7.0, t.variance(), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7.0), t.sd(), 1e-15);
        assertEquals(40.0, t.sum());
        assertEquals(2.0, t.min());
        assertEquals(9.0, t.max());
    }

    @Test
    void add_equalValues_varianceExactlyZero() {
        Tally t = new Tally();
        for (int i = 0; i < 1000; i++) {
            t.add(0.1);
        }
        assertEquals(0.1, t.mean());
        assertEquals(0.0, t.variance());
    }

    @Test
    void variance_valuesAround1e9WithSmallSpread_agreesWithTwoPassTo1e9Relative() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        int n = 100_000;
        double[] x = new double[n];
        Tally t = new Tally();
        for (int i = 0; i < n; i++) {
            x[i] = 1e9 + rng.nextDouble();
            t.add(x[i]);
        }
        double mean = 0.0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double squares = 0.0;
        double residual = 0.0;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
            residual += v - mean;
        }
        double twoPassVariance = (squares - residual * residual / n) / (n - 1);

        assertEquals(mean, t.mean(), 1e-9 * Math.abs(mean));
        assertEquals(twoPassVariance, t.variance(), 1e-9 * twoPassVariance);
        assertEquals(1.0 / 12.0, t.variance(), 0.01); // and it is the variance of U(0, 1), not noise
    }

    @Test
    void merge_splitsOfOneSequence_equalSequential() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        double[] x = new double[1001];
        for (int i = 0; i < x.length; i++) {
            x[i] = 50.0 + 10.0 * rng.nextDouble() * rng.nextDouble();
        }
        Tally sequential = new Tally();
        for (double v : x) {
            sequential.add(v);
        }
        for (int split : new int[] {0, 1, 2, 500, 1000, 1001}) {
            Tally a = new Tally();
            Tally b = new Tally();
            for (int i = 0; i < x.length; i++) {
                (i < split ? a : b).add(x[i]);
            }
            a.merge(b);
            assertEquals(sequential.count(), a.count(), "split " + split);
            assertEquals(sequential.mean(), a.mean(), 1e-13 * sequential.mean(), "split " + split);
            assertEquals(sequential.variance(), a.variance(), 1e-11 * sequential.variance(), "split " + split);
            assertEquals(sequential.sum(), a.sum(), 1e-12 * sequential.sum(), "split " + split);
            assertEquals(sequential.min(), a.min(), "split " + split);
            assertEquals(sequential.max(), a.max(), "split " + split);
        }
    }

    @Test
    void merge_tallyWithItself_countsEveryValueTwice() {
        Tally t = new Tally();
        Tally twice = new Tally();
        for (double x : new double[] {1, 2, 6}) {
            t.add(x);
            twice.add(x);
            twice.add(x);
        }
        t.merge(t);
        assertEquals(6, t.count());
        assertEquals(twice.mean(), t.mean(), 1e-15);
        assertEquals(twice.variance(), t.variance(), 1e-14);
    }

    @Test
    void merge_emptyTallies_changeNothing() {
        Tally empty = new Tally();
        Tally t = new Tally();
        t.add(4.0);
        t.add(6.0);
        t.merge(empty);
        assertEquals(2, t.count());
        assertEquals(5.0, t.mean());
        assertEquals(2.0, t.variance());

        empty.merge(new Tally());
        assertEquals(0, empty.count());
        assertTrue(Double.isNaN(empty.mean()));
        assertEquals(Double.POSITIVE_INFINITY, empty.min());

        empty.merge(t);
        assertEquals(5.0, empty.mean());
        assertEquals(2.0, empty.variance());
        assertEquals(4.0, empty.min());
    }

    @Test
    void reset_afterValues_emptyAgainAndReusable() {
        Tally t = new Tally();
        t.add(1e9);
        t.add(2e9);
        t.reset();
        assertEquals(0, t.count());
        assertTrue(Double.isNaN(t.mean()));
        assertEquals(0.0, t.sum());
        assertEquals(Double.POSITIVE_INFINITY, t.min());
        assertEquals(Double.NEGATIVE_INFINITY, t.max());
        t.add(1.0);
        t.add(3.0);
        assertEquals(2.0, t.mean());
        assertEquals(2.0, t.variance());
    }

    @Test
    void add_nanValue_poisonsMeanAndVariance() {
        Tally t = new Tally();
        t.add(1.0);
        t.add(Double.NaN);
        t.add(2.0);
        assertTrue(Double.isNaN(t.mean()));
        assertTrue(Double.isNaN(t.variance()));
    }
}
