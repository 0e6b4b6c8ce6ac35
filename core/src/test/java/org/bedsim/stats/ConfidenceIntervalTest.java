package org.bedsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {
    /*
     * Student t quantiles to 17 digits, from the regularized incomplete beta function at 40 digits (mpmath),
     * agreeing with scipy.stats.t.ppf: t(0.975, 9) = 2.262157162798205542..., t(0.95, 9) = 1.833112932656237...,
     * t(0.975, 1) = tan(0.475 pi) = 12.706204736174704646...
     * The often-quoted 2.2621571627409915 for t(0.975, 9) is wrong from the eleventh digit on.
     */
    private static final double T_975_9 = 2.2621571627982055;
    private static final double T_95_9 = 1.8331129326562372;
    private static final double T_975_1 = 12.706204736174705;

    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final double SD_ONE_TO_TEN = Math.sqrt(55.0 / 6.0);

    @Test
    void of_oneToTenAt95Percent_matchesHandComputedTInterval() {
        ConfidenceInterval ci = ConfidenceInterval.of(ONE_TO_TEN, 0.95);
        double halfWidth = T_975_9 * SD_ONE_TO_TEN / Math.sqrt(10);
        assertEquals(5.5, ci.mean());
        assertEquals(halfWidth, ci.halfWidth(), 1e-12 * halfWidth);
        assertEquals(5.5 - halfWidth, ci.low(), 1e-12);
        assertEquals(5.5 + halfWidth, ci.high(), 1e-12);
        assertEquals(0.95, ci.level());
        assertEquals(10, ci.n());
        assertTrue(ci.contains(3.5));
        assertFalse(ci.contains(3.3));
    }

    @Test
    void of_oneToTenAt90Percent_matchesHandComputedTInterval() {
        ConfidenceInterval ci = ConfidenceInterval.of(ONE_TO_TEN, 0.90);
        double halfWidth = T_95_9 * SD_ONE_TO_TEN / Math.sqrt(10);
        assertEquals(halfWidth, ci.halfWidth(), 1e-12 * halfWidth);
    }

    @Test
    void of_twoValues_halfWidthIsCauchyQuantile() {
        // mean 1, sd sqrt(2), n 2: half-width = t(0.975, 1) * sqrt(2) / sqrt(2)
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {0.0, 2.0}, 0.95);
        assertEquals(1.0, ci.mean());
        assertEquals(T_975_1, ci.halfWidth(), 1e-12 * T_975_1);
    }

    @Test
    void of_noValues_meanAndHalfWidthNaN() {
        ConfidenceInterval ci = ConfidenceInterval.of(new double[0], 0.95);
        assertEquals(0, ci.n());
        assertTrue(Double.isNaN(ci.mean()));
        assertTrue(Double.isNaN(ci.halfWidth()));
        assertFalse(ci.contains(0.0));
    }

    @Test
    void of_singleValue_meanIsValueAndHalfWidthNaN() {
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {4.2}, 0.95);
        assertEquals(1, ci.n());
        assertEquals(4.2, ci.mean());
        assertTrue(Double.isNaN(ci.halfWidth()));
        assertTrue(Double.isNaN(ci.low()));
        assertTrue(Double.isNaN(ci.high()));
        assertFalse(ci.contains(4.2));
    }

    @Test
    void of_equalValues_halfWidthZeroAndContainsThePoint() {
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {0.3, 0.3, 0.3, 0.3}, 0.99);
        assertEquals(0.3, ci.mean());
        assertEquals(0.0, ci.halfWidth());
        assertEquals(0.3, ci.low());
        assertEquals(0.3, ci.high());
        assertTrue(ci.contains(0.3));
        assertFalse(ci.contains(Math.nextUp(0.3)));
    }

    @Test
    void of_tally_sameAsArray() {
        Tally t = new Tally();
        for (double v : ONE_TO_TEN) {
            t.add(v);
        }
        assertEquals(ConfidenceInterval.of(ONE_TO_TEN, 0.95), ConfidenceInterval.of(t, 0.95));
    }

    @Test
    void of_levelOutsideOpenUnitInterval_throws() {
        for (double level : new double[] {0.0, 1.0, -0.5, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(ONE_TO_TEN, level));
            assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(new Tally(), level));
        }
        assertThrows(IllegalArgumentException.class, () -> new ConfidenceInterval(1.0, -1.0, 0.95, 3));
        assertThrows(IllegalArgumentException.class, () -> new ConfidenceInterval(1.0, 1.0, 0.95, -1));
    }

    @Test
    void coverage_2000SeededNormalExperimentsOfTen_between93point5And96point5Percent() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double trueMean = 12.0;
        double trueSd = 3.0;
        int experiments = 2000;
        int covered = 0;
        double[] sample = new double[10];
        for (int e = 0; e < experiments; e++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = trueMean + trueSd * gaussian.sample();
            }
            if (ConfidenceInterval.of(sample, 0.95).contains(trueMean)) {
                covered++;
            }
        }
        double coverage = (double) covered / experiments;
        assertTrue(coverage >= 0.935 && coverage <= 0.965, "coverage " + coverage);
    }
}
