package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.cohort;
import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.settings;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.stats.ConfidenceInterval;
import org.bedsim.stats.Erlang;
import org.junit.jupiter.api.Test;

/**
 * Demand beside a constrained run: the same patients with unlimited beds. A 31-bed ward that turns patients away
 * counts at most 31 beds as run; its demand is the unlimited ward's, exactly, on the same seed.
 */
class UnconstrainedDemandTest {

    private static FlowSettings ward31(int beds) {
        // 10 a day, exponential stays of mean 3 days: offered load 30 beds, occupancy Poisson(30) without limit
        return settings(List.of(ward("acute", beds, AdmissionPolicy.LOSE)),
                List.of(cohort("all", 10 * 365.25, "acute", los("acute", Exponential.ofMean(3)), Map.of())),
                100, 1000);
    }

    @Test
    void lossWardOf31Beds_demandEqualsTheSameWardWithUnlimitedBeds_exactly() {
        FlowSummary constrained = FlowExperiment.run(ward31(31), 31, 12, 2);
        FlowSummary unlimited = FlowExperiment.run(ward31(CapacityTimeline.UNLIMITED), 31, 12, 2);
        assertNull(constrained.demand(), "no demand unless asked for");
        FlowSummary c = UnconstrainedDemand.attach(constrained, 2);
        FlowSummary u = UnconstrainedDemand.attach(unlimited, 1);
        for (DemandKpi k : DemandKpi.values()) {
            assertArrayEquals(u.demand().values("acute", k), c.demand().values("acute", k), 0.0, k.key());
        }
        // the unlimited ward's demand is what it reports as run (the fast path sums bed-days in another order)
        assertArrayEquals(u.values("acute", SettingKpi.BEDS_REQUIRED_PERCENTILE),
                u.demand().values("acute", DemandKpi.BEDS_REQUIRED_PERCENTILE), 0.0);
        assertArrayEquals(u.values("acute", SettingKpi.BEDS_REQUIRED_MEAN),
                u.demand().values("acute", DemandKpi.BEDS_REQUIRED_MEAN), 1e-9);
        // as run, the loss ward never counts more than its beds; demand is the Poisson(30) 95th percentile
        ConfidenceInterval asRun = c.interval("acute", SettingKpi.BEDS_REQUIRED_PERCENTILE);
        assertTrue(asRun.high() <= 31.0, "as run: " + asRun);
        ConfidenceInterval demand = c.demand().interval("acute", DemandKpi.BEDS_REQUIRED_PERCENTILE);
        double theory = Erlang.infiniteServerQuantile(30, 0.95);
        assertTrue(demand.contains(theory) || Math.abs(demand.mean() - theory) <= 1,
                "demand " + demand + " against Poisson's " + theory);
        ConfidenceInterval mean = ConfidenceInterval.of(c.demand().values("acute", DemandKpi.MEAN_DEMAND), 0.999);
        assertTrue(mean.contains(30), "mean demand " + mean + " against the offered load 30");
    }

    @Test
    void readmittingCohorts_fallBackToTheEventDrivenModel_withUnlimitedBeds() {
        Cohort plain = ward31(31).cohorts().get(0);
        Cohort readmitting = new Cohort(plain.name(), plain.type(), plain.ageBand(), plain.entry(),
                plain.arrivals(), plain.whenFull(), plain.lengthOfStay(), plain.routing(),
                new Readmission(0.1, 20, plain.name()), plain.avoidance(), plain.patience());
        FlowSettings s = ward31(31).withCohorts(List.of(readmitting));
        DemandSummary d = UnconstrainedDemand.of(s, 5, 3, 1, 0.95);
        FlowSummary unlimited = FlowExperiment.run(s.withUnconstrained(true), 5, 3, 1);
        assertArrayEquals(unlimited.values("acute", SettingKpi.BEDS_REQUIRED_PERCENTILE),
                d.values("acute", DemandKpi.BEDS_REQUIRED_PERCENTILE), 0.0);
        assertArrayEquals(unlimited.values("acute", SettingKpi.MEAN_DEMAND),
                d.values("acute", DemandKpi.MEAN_DEMAND), 0.0);
        assertEquals(List.of("acute"), d.settings());
    }
}
