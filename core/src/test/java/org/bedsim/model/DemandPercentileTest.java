package org.bedsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.bedsim.random.RandomStreams;
import org.bedsim.stats.OccupancyHistogram;
import org.junit.jupiter.api.Test;

/**
 * The demand fast path's percentile count (read off the sorted census) against the histogram quantile the
 * event-driven model uses, on random censuses: the same beds for every share of days, ties and edges included.
 */
class DemandPercentileTest {
    @Test
    void bedsRequiredPercentile_equalsTheHistogramQuantile() {
        UniformRandomProvider random = new RandomStreams(42).stream("test/censuses", 0);
        double[] shares = {0, 1e-9, 0.01, 0.05, 0.1, 0.25, 0.5, 0.9, 1};
        for (int trial = 0; trial < 2000; trial++) {
            int days = 1 + random.nextInt(trial < 100 ? 5 : 400);
            int spread = 1 + random.nextInt(trial % 3 == 0 ? 3 : 80);
            int[] occupied = new int[days * 2];
            for (int i = 0; i < occupied.length; i++) {
                occupied[i] = random.nextInt(spread) + (i % 2 == 0 ? 0 : 500);
            }
            DemandResult result = new DemandResult(LocalDate.of(2020, 1, 1), List.of("a", "b"), occupied,
                    new double[2], days);
            for (int s = 0; s < 2; s++) {
                OccupancyHistogram h = OccupancyHistogram.forCounts(8);
                for (int d = 0; d < days; d++) {
                    h.add(occupied[d * 2 + s], 1);
                }
                for (double share : shares) {
                    assertEquals(h.quantile(1 - share), result.bedsRequiredPercentile(s == 0 ? "a" : "b", share),
                            "trial " + trial + ", " + days + " days, share " + share);
                }
            }
        }
    }
}
