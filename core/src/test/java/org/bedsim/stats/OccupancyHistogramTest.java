package org.bedsim.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class OccupancyHistogramTest {

    /**
     * Level 1 on [0,1), 2 on [1,3), 7 for zero time at 3, 4 on [3,4]: P(1) = 1/4, P(2) = 1/2, P(4) = 1/4; levels
     * 0, 3, 5, 6 and 7 have no time. All times are dyadic, so every result below is exact.
     */
    private static OccupancyHistogram handMade() {
        OccupancyHistogram h = new OccupancyHistogram(0.0, 1, 8);
        h.update(1.0, 2);
        h.update(3.0, 7);
        h.update(3.0, 4);
        h.close(4.0);
        return h;
    }

    @Test
    void emptyHistogram_noTimeElapsed_honestEmptyResults() {
        OccupancyHistogram h = new OccupancyHistogram(2.0, 3, 10);
        h.close(2.0);
        assertEquals(0.0, h.totalTime());
        assertEquals(-1, h.maxLevel());
        assertEquals(0, h.toFractions().length);
        assertEquals(0.0, h.timeAt(3));
        assertTrue(Double.isNaN(h.fractionAt(3)));
        assertTrue(Double.isNaN(h.mean()));
        assertTrue(Double.isNaN(h.variance()));
        assertTrue(Double.isNaN(h.probabilityAbove(0)));
        assertThrows(IllegalStateException.class, () -> h.quantile(0.5));
        assertEquals(3, h.current());
    }

    @Test
    void accessors_handMadeDistribution_exactTimesFractionsAndMoments() {
        OccupancyHistogram h = handMade();
        assertEquals(4.0, h.totalTime());
        assertEquals(4, h.maxLevel());
        assertArrayEquals(new double[] {0.0, 0.25, 0.5, 0.0, 0.25}, h.toFractions());
        assertEquals(0.0, h.timeAt(0));
        assertEquals(1.0, h.timeAt(1));
        assertEquals(2.0, h.timeAt(2));
        assertEquals(0.0, h.timeAt(3));
        assertEquals(0.0, h.timeAt(7)); // visited for zero time
        assertEquals(0.0, h.timeAt(-1));
        assertEquals(0.0, h.timeAt(1_000_000));
        assertEquals(0.5, h.fractionAt(2));
        assertEquals(0.0, h.fractionAt(99));
        assertEquals(2.25, h.mean()); // (1 + 4 + 4) / 4
        assertEquals(1.1875, h.variance()); // (1 + 8 + 16) / 4 - 2.25^2
        assertEquals(4.0, h.lastTime());
        assertEquals(0.0, h.startTime());
    }

    @Test
    void quantile_handMadeDistribution_exactIncludingBoundaries() {
        OccupancyHistogram h = handMade();
        assertEquals(0, h.quantile(0.0)); // levels are 0, 1, 2, ...: P(X <= 0) = 0 >= 0
        assertEquals(1, h.quantile(Double.MIN_VALUE));
        assertEquals(1, h.quantile(0.25)); // P(X <= 1) = 0.25 exactly
        assertEquals(2, h.quantile(Math.nextUp(0.25)));
        assertEquals(2, h.quantile(0.75)); // P(X <= 2) = 0.75 exactly
        assertEquals(4, h.quantile(Math.nextUp(0.75))); // level 3 never visited
        assertEquals(4, h.quantile(Math.nextDown(1.0)));
        assertEquals(4, h.quantile(1.0));
        assertThrows(IllegalArgumentException.class, () -> h.quantile(-0.01));
        assertThrows(IllegalArgumentException.class, () -> h.quantile(1.01));
        assertThrows(IllegalArgumentException.class, () -> h.quantile(Double.NaN));
    }

    @Test
    void probabilityAbove_handMadeDistribution_exactIncludingBoundaries() {
        OccupancyHistogram h = handMade();
        assertEquals(1.0, h.probabilityAbove(Integer.MIN_VALUE));
        assertEquals(1.0, h.probabilityAbove(-1));
        assertEquals(1.0, h.probabilityAbove(0));
        assertEquals(0.75, h.probabilityAbove(1));
        assertEquals(0.25, h.probabilityAbove(2));
        assertEquals(0.25, h.probabilityAbove(3));
        assertEquals(0.0, h.probabilityAbove(4));
        assertEquals(0.0, h.probabilityAbove(8));
        assertEquals(0.0, h.probabilityAbove(1000));
        assertEquals(0.0, h.probabilityAbove(Integer.MAX_VALUE));
    }

    @Test
    void close_calledTwiceWithSameTime_idempotentAndUpdatesMayFollow() {
        OccupancyHistogram h = handMade();
        h.close(4.0);
        h.close(4.0);
        assertEquals(4.0, h.totalTime());
        assertEquals(1.0, h.timeAt(4));
        h.update(6.0, 0);
        h.close(8.0);
        assertEquals(3.0, h.timeAt(4));
        assertEquals(2.0, h.timeAt(0));
        assertEquals(8.0, h.totalTime());
    }

    @Test
    void accessors_beforeClose_describeUpToLastUpdateOnly() {
        OccupancyHistogram h = new OccupancyHistogram(0.0, 5, 10);
        h.update(2.0, 6);
        assertEquals(2.0, h.totalTime()); // the level 6 held since day 2 is not yet counted
        assertEquals(0.0, h.timeAt(6));
        h.close(3.0);
        assertEquals(1.0, h.timeAt(6));
    }

    @Test
    void reset_warmUp_discardsTimeBeforeAndCarriesCurrentLevel() {
        OccupancyHistogram h = new OccupancyHistogram(0.0, 3, 10);
        h.update(2.0, 5);
        h.update(4.0, 6);
        h.reset(10.0); // level 6 in force at the end of the warm-up
        assertEquals(0.0, h.totalTime());
        assertEquals(-1, h.maxLevel());
        assertEquals(6, h.current());
        assertEquals(10.0, h.startTime());
        h.update(11.0, 2);
        h.close(14.0);
        assertEquals(4.0, h.totalTime());
        assertEquals(1.0, h.timeAt(6)); // day 10 to 11 only
        assertEquals(3.0, h.timeAt(2));
        assertEquals(0.0, h.timeAt(3));
        assertEquals(0.0, h.timeAt(5));
        assertThrows(IllegalArgumentException.class, () -> h.reset(13.0));
    }

    @Test
    void update_invalidTimeOrLevel_throwsAndKeepsState() {
        OccupancyHistogram h = new OccupancyHistogram(0.0, 1, 4);
        h.update(1.0, 2);
        assertThrows(IllegalArgumentException.class, () -> h.update(0.5, 3));
        assertThrows(IllegalArgumentException.class, () -> h.update(Double.NaN, 3));
        assertThrows(IllegalArgumentException.class, () -> h.update(2.0, -1));
        assertThrows(IllegalArgumentException.class, () -> h.close(0.5));
        assertEquals(2, h.current());
        assertEquals(1.0, h.totalTime());
        assertThrows(IllegalArgumentException.class, () -> new OccupancyHistogram(0.0, -1, 4));
        assertThrows(IllegalArgumentException.class, () -> new OccupancyHistogram(0.0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new OccupancyHistogram(Double.NaN, 0, 4));
    }

    @Test
    void update_levelBeyondExpectedMax_growsAndKeepsEarlierBins() {
        OccupancyHistogram h = new OccupancyHistogram(0.0, 1, 0);
        h.update(1.0, 100);
        h.update(3.0, 2);
        h.close(4.0);
        assertEquals(1.0, h.timeAt(1));
        assertEquals(2.0, h.timeAt(100));
        assertEquals(1.0, h.timeAt(2));
        assertEquals(100, h.maxLevel());
        assertEquals(101, h.toFractions().length);
    }

    @Test
    void fractions_randomPath_sumToOne() {
        OccupancyHistogram h = randomPath(new OccupancyHistogram(0.0, 20, 64), null, null, 20_000, 1L);
        double sum = 0.0;
        for (double f : h.toFractions()) {
            sum += f;
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(1.0, h.probabilityAbove(-1));
        assertEquals(0.0, h.probabilityAbove(h.maxLevel()));
        assertEquals(h.maxLevel(), h.quantile(1.0));
    }

    @Test
    void meanAndVariance_randomPath_consistentWithTimeWeighted() {
        TimeWeighted level = new TimeWeighted(0.0, 20);
        TimeWeighted squared = new TimeWeighted(0.0, 400);
        OccupancyHistogram h = randomPath(new OccupancyHistogram(0.0, 20, 16), level, squared, 50_000, 42L);
        double end = h.lastTime();
        double mean = level.mean(end);
        double variance = squared.mean(end) - mean * mean;

        assertEquals(end, h.totalTime(), 1e-9 * end);
        assertEquals(mean, h.mean(), 1e-12 * mean);
        assertEquals(variance, h.variance(), 1e-9 * variance);
        assertEquals(level.max(), h.maxLevel()); // every level on this path is held for positive time
    }

    @Test
    void countBased_midnightCensus_fractionsOfDays() {
        OccupancyHistogram census = OccupancyHistogram.forCounts(4);
        int[] midnightLevels = {3, 3, 5, 2, 3, 5, 9, 3};
        for (int level : midnightLevels) {
            census.add(level, 1.0);
        }
        assertEquals(8.0, census.totalTime());
        assertEquals(4.0, census.timeAt(3));
        assertEquals(0.5, census.fractionAt(3));
        assertEquals(9, census.maxLevel());
        assertEquals(3, census.quantile(0.5)); // P(X <= 3) = 5/8
        assertEquals(5, census.quantile(0.75)); // P(X <= 5) = 7/8
        assertEquals(0.125, census.probabilityAbove(5));
        assertEquals(33.0 / 8.0, census.mean());
        assertFalse(census.isTimeWeighted());
        assertThrows(IllegalStateException.class, () -> census.update(1.0, 3));
        assertThrows(IllegalStateException.class, () -> census.close(1.0));
        census.reset(0.0);
        assertEquals(0.0, census.totalTime());
    }

    @Test
    void add_invalidWeightOrLevel_throws() {
        OccupancyHistogram h = OccupancyHistogram.forCounts(4);
        assertThrows(IllegalArgumentException.class, () -> h.add(1, -1.0));
        assertThrows(IllegalArgumentException.class, () -> h.add(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> h.add(1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> h.add(-1, 1.0));
        h.add(1, 0.0);
        assertEquals(0.0, h.totalTime());
    }

    @Test
    void merge_twoReplications_equalsPooledBins() {
        OccupancyHistogram a = new OccupancyHistogram(0.0, 1, 2);
        a.update(1.0, 2);
        a.close(2.0);
        OccupancyHistogram b = new OccupancyHistogram(0.0, 2, 2);
        b.update(0.5, 6);
        b.close(4.0);
        a.merge(b);
        assertEquals(1.0, a.timeAt(1));
        assertEquals(1.5, a.timeAt(2));
        assertEquals(3.5, a.timeAt(6));
        assertEquals(6.0, a.totalTime());
        assertEquals(2, a.current()); // this histogram's own path is untouched
        assertEquals(2.0, a.lastTime());
        assertEquals(0.5, b.timeAt(2)); // other unchanged
        assertEquals(3.5, b.timeAt(6));

        OccupancyHistogram counts = OccupancyHistogram.forCounts(2);
        assertThrows(IllegalArgumentException.class, () -> a.merge(counts));
    }

    @Test
    void merge_randomReplications_equalsBinsAddedOneByOne() {
        OccupancyHistogram a = randomPath(new OccupancyHistogram(0.0, 20, 8), null, null, 5_000, 3L);
        OccupancyHistogram b = randomPath(new OccupancyHistogram(0.0, 20, 8), null, null, 5_000, 4L);
        OccupancyHistogram pooled = OccupancyHistogram.forCounts(8);
        for (OccupancyHistogram h : new OccupancyHistogram[] {a, b}) {
            for (int level = 0; level <= h.maxLevel(); level++) {
                pooled.add(level, h.timeAt(level));
            }
        }
        a.merge(b);
        assertEquals(pooled.maxLevel(), a.maxLevel());
        for (int level = 0; level <= pooled.maxLevel(); level++) {
            assertEquals(pooled.timeAt(level), a.timeAt(level), "level " + level);
        }
        assertEquals(pooled.quantile(0.95), a.quantile(0.95));
    }

    /** A birth-death walk with exponential gaps, also fed to the given TimeWeighted collectors (may be null). */
    private static OccupancyHistogram randomPath(OccupancyHistogram h, TimeWeighted level, TimeWeighted squared,
            int events, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double t = h.lastTime();
        int x = h.current();
        for (int i = 0; i < events; i++) {
            t += -Math.log(1.0 - rng.nextDouble()) / 10.0;
            x = Math.max(0, x + (rng.nextDouble() < 0.5 ? 1 : -1));
            h.update(t, x);
            if (level != null) {
                level.update(t, x);
                squared.update(t, (double) x * x);
            }
        }
        t += 0.5;
        h.close(t);
        return h;
    }
}
