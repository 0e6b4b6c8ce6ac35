package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.cohort;
import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.settings;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.junit.jupiter.api.Test;

/** Replications until a KPI's interval is narrow enough: reaches it, stops at the cap, reproducible. */
class PrecisionRunTest {
    /** 10 a day, stays of mean 3 days, on 35 beds that wait when full: a quick, noisy ward. */
    private static final FlowSettings WARD = settings(List.of(ward("ward", 35, AdmissionPolicy.WAIT)),
            List.of(cohort("all", 10 * 365.25, "ward", los("ward", Exponential.ofMean(3)), Map.of())), 30, 120);

    private static PrecisionRun.Outcome run(double halfWidth, int cap, int threads) {
        return PrecisionRun.run(WARD, 9, 5, cap, threads,
                new PrecisionRun.Target(SettingKpi.MEAN_OCCUPANCY, null, halfWidth), r -> { }, null);
    }

    @Test
    void reachesThePrecision_andStopsAtTheFirstBatchThatDoes() {
        PrecisionRun.Outcome o = run(0.3, 400, 2);
        assertTrue(o.met(), o::toString);
        assertNull(o.warning());
        FlowSummary s = o.summary();
        int n = s.replications().size();
        assertEquals(PrecisionRun.MIN_FIRST, o.batches().get(0), "the first batch is raised to the minimum");
        assertTrue(o.batches().size() >= 2, "one batch of 10 is not enough here: " + o.batches());
        assertEquals(n, o.batches().stream().mapToInt(Integer::intValue).sum());
        double h = s.kpi("ward", SettingKpi.MEAN_OCCUPANCY).halfWidth();
        assertEquals(h, o.achieved());
        assertTrue(h <= 0.3, "half-width " + h);
        // without the last batch it was not reached
        FlowSummary before = new FlowSummary(WARD, 9, s.replications().subList(0, n - o.batches().get(
                o.batches().size() - 1)), 0.95);
        assertTrue(before.kpi("ward", SettingKpi.MEAN_OCCUPANCY).halfWidth() > 0.3);
        // replications are numbered as in a plain run of as many: the same results
        FlowSummary plain = FlowExperiment.run(WARD, 9, n, 2);
        assertArrayEquals(plain.values("ward", SettingKpi.MEAN_OCCUPANCY), s.values("ward",
                SettingKpi.MEAN_OCCUPANCY));
    }

    @Test
    void stopsAtTheCap_withAWarning() {
        PrecisionRun.Outcome o = run(0.001, 25, 2);
        assertFalse(o.met());
        assertEquals(25, o.summary().replications().size());
        assertTrue(o.achieved() > 0.001);
        assertTrue(o.warning().contains("after 25 replications, the cap"), o.warning());
    }

    @Test
    void sameSeed_sameBatchesAndResults_whateverTheThreads() {
        PrecisionRun.Outcome one = run(0.3, 400, 1);
        PrecisionRun.Outcome three = run(0.3, 400, 3);
        assertEquals(one.batches(), three.batches());
        assertEquals(one.achieved(), three.achieved());
        for (int r = 0; r < one.summary().replications().size(); r++) {
            assertEquals(one.summary().replications().get(r).census(), three.summary().replications().get(r)
                    .census());
            assertEquals(one.summary().replications().get(r).settings(), three.summary().replications().get(r)
                    .settings());
        }
    }

    @Test
    void badTargets_refused() {
        assertThrows(IllegalArgumentException.class, () -> new PrecisionRun.Target(SettingKpi.MEAN_OCCUPANCY, null,
                0));
        assertThrows(IllegalArgumentException.class, () -> PrecisionRun.run(WARD, 1, 5, 10, 1,
                new PrecisionRun.Target(SettingKpi.MEAN_OCCUPANCY, "nowhere", 1), r -> { }, null));
    }
}
