package org.bedsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TimeWeightedTest {

    @Test
    void newCollector_noElapsedTime_meanNaNAndAreaZero() {
        TimeWeighted tw = new TimeWeighted(3.0, 7.0);
        assertTrue(Double.isNaN(tw.mean(3.0)));
        assertEquals(0.0, tw.area(3.0));
        assertEquals(7.0, tw.current());
        assertEquals(7.0, tw.min());
        assertEquals(7.0, tw.max());
        assertEquals(3.0, tw.startTime());
    }

    @Test
    void newCollector_noUpdates_meanIsInitialLevel() {
        TimeWeighted tw = new TimeWeighted(1.0, 7.0);
        assertEquals(7.0, tw.mean(11.0));
        assertEquals(70.0, tw.area(11.0));
    }

    @Test
    void mean_handComputedStepFunction_exact() {
        // level 2 on [0,1), 5 on [1,3), 1 for zero time at 3, 4 on [3,4]: area 2 + 10 + 0 + 4 = 16 over 4 days
        TimeWeighted tw = new TimeWeighted(0.0, 2.0);
        tw.update(1.0, 5.0);
        tw.update(3.0, 1.0);
        tw.update(3.0, 4.0);
        assertEquals(16.0, tw.area(4.0));
        assertEquals(4.0, tw.mean(4.0));
        assertEquals(12.0, tw.area(3.0));
        assertEquals(4.0, tw.mean(3.0));
        assertEquals(4.0, tw.current());
        assertEquals(1.0, tw.min()); // held for zero time, still reached
        assertEquals(5.0, tw.max());
        assertEquals(3.0, tw.lastTime());
    }

    @Test
    void mean_startTimeNotZero_dividesByElapsedTimeOnly() {
        TimeWeighted tw = new TimeWeighted(10.0, 1.0);
        tw.update(12.0, 3.0);
        assertEquals((1.0 * 2 + 3.0 * 2) / 4.0, tw.mean(14.0));
    }

    @Test
    void update_timeGoesBackOrNaN_throwsAndKeepsState() {
        TimeWeighted tw = new TimeWeighted(0.0, 1.0);
        tw.update(2.0, 3.0);
        assertThrows(IllegalArgumentException.class, () -> tw.update(1.999, 5.0));
        assertThrows(IllegalArgumentException.class, () -> tw.update(Double.NaN, 5.0));
        assertThrows(IllegalArgumentException.class, () -> tw.area(1.0));
        assertThrows(IllegalArgumentException.class, () -> tw.mean(1.0));
        assertThrows(IllegalArgumentException.class, () -> tw.reset(1.0));
        assertEquals(3.0, tw.current());
        assertEquals(8.0, tw.area(4.0));
    }

    @Test
    void constructor_nonFiniteStart_throws() {
        assertThrows(IllegalArgumentException.class, () -> new TimeWeighted(Double.NaN, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new TimeWeighted(Double.NEGATIVE_INFINITY, 0.0));
    }

    @Test
    void reset_warmUp_discardsAreaBeforeAndCarriesCurrentLevel() {
        TimeWeighted tw = new TimeWeighted(0.0, 10.0);
        tw.update(2.0, 20.0);
        tw.update(3.0, 30.0);
        tw.reset(5.0); // warm-up ends at day 5 while level 30 is in force

        assertEquals(0.0, tw.area(5.0));
        assertTrue(Double.isNaN(tw.mean(5.0)));
        assertEquals(30.0, tw.current());
        assertEquals(30.0, tw.min());
        assertEquals(30.0, tw.max());
        assertEquals(5.0, tw.startTime());
        assertEquals(30.0, tw.mean(7.0)); // the carried level counts from day 5, nothing before it does

        tw.update(6.0, 0.0);
        assertEquals(30.0 * 1 + 0.0 * 2, tw.area(8.0));
        assertEquals(10.0, tw.mean(8.0));
        assertEquals(0.0, tw.min());
        assertEquals(30.0, tw.max());
    }

    @Test
    void reset_randomPath_sameAsFreshCollectorStartedAtResetTime() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        TimeWeighted warmed = new TimeWeighted(0.0, 0.0);
        double t = 0.0;
        for (int i = 0; i < 500; i++) {
            t += rng.nextDouble();
            warmed.update(t, rng.nextInt(40));
        }
        double warmUpEnd = t + 0.25;
        warmed.reset(warmUpEnd);
        TimeWeighted fresh = new TimeWeighted(warmUpEnd, warmed.current());
        t = warmUpEnd;
        for (int i = 0; i < 500; i++) {
            t += rng.nextDouble();
            int level = rng.nextInt(40);
            warmed.update(t, level);
            fresh.update(t, level);
        }
        assertEquals(fresh.area(t + 1.0), warmed.area(t + 1.0));
        assertEquals(fresh.mean(t + 1.0), warmed.mean(t + 1.0));
        assertEquals(fresh.min(), warmed.min());
        assertEquals(fresh.max(), warmed.max());
    }
}
