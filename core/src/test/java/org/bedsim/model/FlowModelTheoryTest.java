package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.cohort;
import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.settings;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.LogNormal;
import org.bedsim.stats.ConfidenceInterval;
import org.bedsim.stats.Erlang;
import org.junit.jupiter.api.Test;

/**
 * The flow model against theory. Tolerances are replication confidence intervals at 99.9 % (seeded, so CI is
 * deterministic), each also required to be narrow enough that a wrong model would fall outside.
 */
class FlowModelTheoryTest {
    private static final double LEVEL = 0.999;

    private static ConfidenceInterval covers(String what, double[] values, double theory, double maxRelative) {
        ConfidenceInterval ci = ConfidenceInterval.of(values, LEVEL);
        assertTrue(ci.contains(theory), () -> what + ": theory " + theory + " outside [" + ci.low() + ", "
                + ci.high() + "]");
        assertTrue(ci.halfWidth() <= maxRelative * Math.abs(theory),
                () -> what + ": interval half-width " + ci.halfWidth() + " too wide to test " + theory);
        return ci;
    }

    private static void assertConservation(FlowSummary s) {
        for (FlowResult r : s.replications()) {
            assertEquals(0, r.flowImbalance(), () -> "flow balance, replication " + r.replication() + ": " + r);
        }
    }

    @Test
    void singleUnlimitedWard_occupancyAndBedsRequired_matchInfiniteServerTheory() {
        // 40 admissions a day, lognormal stay mean 5 sd 6: offered load 200 beds, occupancy Poisson(200)
        FlowSettings s = settings(List.of(ward("acute", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT)),
                List.of(cohort("all", 40 * 365.25, "acute", los("acute", LogNormal.ofMeanSd(5, 6)), Map.of())),
                100, 1000);
        FlowSummary sum = FlowExperiment.run(s, 11, 20, 2);
        assertConservation(sum);
        covers("mean occupancy", sum.values("acute", SettingKpi.MEAN_OCCUPANCY), 200, 0.01);
        covers("mean census", sum.values("acute", SettingKpi.CENSUS_MEAN), 200, 0.01);
        // beds required, percentile method: the smallest c with P(N > c) <= 5 % for N ~ Poisson(200)
        covers("beds required (percentile)", sum.values("acute", SettingKpi.BEDS_REQUIRED_PERCENTILE),
                Erlang.infiniteServerQuantile(200, 0.95), 0.01);
        covers("beds required (mean / 85 %)", sum.values("acute", SettingKpi.BEDS_REQUIRED_MEAN), 200 / 0.85, 0.01);
        for (FlowResult r : sum.replications()) {
            SettingResult a = r.setting("acute");
            assertEquals(0, a.waitCount());
            assertEquals(0.0, a.delayedDays());
            assertEquals(0, a.refused());
        }
    }

    @Test
    void lossWard_blockingMatchesErlangB() {
        // 10 a day, exponential stay mean 3: A = 30 on 35 beds, turned away when full
        FlowSettings s = settings(List.of(ward("acute", 35, AdmissionPolicy.LOSE)),
                List.of(cohort("all", 10 * 365.25, "acute", los("acute", Exponential.ofMean(3)), Map.of())),
                100, 5000);
        FlowSummary sum = FlowExperiment.run(s, 12, 30, 2);
        assertConservation(sum);
        double b = Erlang.lossProbability(30, 35);
        double[] blocking = sum.replications().stream()
                .mapToDouble(r -> (double) r.refused() / r.arrivals()).toArray();
        ConfidenceInterval ci = covers("blocking", blocking, b, 0.05);
        assertFalse(ci.contains(Erlang.lossProbability(30, 34)));
        assertFalse(ci.contains(Erlang.lossProbability(30, 36)));
    }

    @Test
    void tandemWithUnlimitedDownstream_upstreamIsAnErlangLossSystem_andNothingIsDelayed() {
        // acute (35 beds, lose) -> community (unlimited) -> home: acute behaves as M/G/35/35
        FlowSettings s = settings(List.of(ward("acute", 35, AdmissionPolicy.LOSE),
                        ward("community", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT)),
                List.of(cohort("all", 10 * 365.25, "acute",
                        los("acute", LogNormal.ofMeanSd(3, 2), "community", Exponential.ofMean(10)),
                        Map.of("acute", List.of(new Route("community", 1.0))))),
                100, 5000);
        FlowSummary sum = FlowExperiment.run(s, 13, 30, 2);
        assertConservation(sum);
        double b = Erlang.lossProbability(30, 35);
        covers("acute blocking", sum.replications().stream()
                .mapToDouble(r -> (double) r.refused() / r.arrivals()).toArray(), b, 0.05);
        // community: M/G/inf fed by the admitted stream, rate 10 (1 - B)
        covers("community occupancy", sum.values("community", SettingKpi.MEAN_OCCUPANCY), 100 * (1 - b), 0.01);
        for (FlowResult r : sum.replications()) {
            assertEquals(0.0, r.setting("acute").delayedDays(), "no delay into an unlimited setting");
            assertEquals(r.setting("acute").discharges(), r.setting("acute").dischargesTo().get("community"),
                    "routing probability 1 sends every patient to community");
        }
    }

    @Test
    void tandemWithSmallDownstream_blocksUpstream_andDelayedDaysBalance() {
        // acute unlimited -> community 20 beds (offered 25): patients are blocked in acute awaiting community
        FlowSettings s = settings(List.of(ward("acute", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT),
                        ward("community", 20, AdmissionPolicy.WAIT)),
                List.of(cohort("all", 5 * 365.25, "acute",
                        los("acute", Exponential.ofMean(4), "community", Exponential.ofMean(5)),
                        Map.of("acute", List.of(new Route("community", 0.5), new Route("home", 0.5)))),
                        cohort("direct", 3 * 365.25, "community", los("community", Exponential.ofMean(5)),
                                Map.of())),
                200, 2000);
        FlowSummary sum = FlowExperiment.run(s, 14, 10, 2);
        assertConservation(sum);
        for (FlowResult r : sum.replications()) {
            SettingResult acute = r.setting("acute");
            SettingResult community = r.setting("community");
            assertTrue(acute.delayedDays() > 0, "blocked patients accrue delayed days in acute");
            assertEquals(acute.delayedDays(), acute.delayedDaysByDestination().get("community"), 1e-6);
            assertEquals(acute.delayedDays(), acute.meanDelayedBeds() * 2000, 1e-6);
            // community never exceeds its capacity
            assertTrue(community.occupancyP95() <= 20);
            for (int d = 0; d < r.census().days(); d++) {
                assertTrue(r.census().occupied(d, 1) <= 20);
                assertTrue(r.census().delayed(d, 0) <= r.census().occupied(d, 0));
                if (r.census().delayed(d, 0) > 0) {
                    assertEquals(20, r.census().occupied(d, 1), "delays appear only while community is full");
                }
            }
        }
        // Little's law in community: L = lambda W (admissions a day x mean stay)
        double[] residual = sum.replications().stream().mapToDouble(r -> {
            SettingResult c = r.setting("community");
            return c.meanOccupancy() - c.admissions() / 2000.0 * c.meanStayDays();
        }).toArray();
        ConfidenceInterval ci = ConfidenceInterval.of(residual, LEVEL);
        assertTrue(ci.contains(0) && ci.halfWidth() < 0.2, ci::toString);
    }

    @Test
    void unconstrainedMode_removesEveryLimit_soNothingWaitsIsRefusedOrDelayed() {
        FlowSettings s = settings(List.of(ward("acute", 5, AdmissionPolicy.LOSE), ward("community", 3,
                        AdmissionPolicy.WAIT)),
                List.of(cohort("all", 10 * 365.25, "acute",
                        los("acute", Exponential.ofMean(3), "community", Exponential.ofMean(5)),
                        Map.of("acute", List.of(new Route("community", 0.5), new Route("home", 0.5))))),
                50, 2000).withUnconstrained(true);
        FlowSummary sum = FlowExperiment.run(s, 15, 10, 2);
        for (FlowResult r : sum.replications()) {
            assertEquals(0, r.refused());
            assertEquals(0, r.setting("acute").waitCount());
            assertEquals(0.0, r.setting("acute").delayedDays());
            assertEquals(0.0, r.setting("community").shareOfDaysFull());
            assertEquals(0, r.flowImbalance());
        }
        covers("unconstrained acute demand", sum.values("acute", SettingKpi.MEAN_OCCUPANCY), 30, 0.05);
    }

    @Test
    void zeroArrivals_giveZeroOccupancy() {
        FlowSettings s = settings(List.of(ward("acute", 10, AdmissionPolicy.WAIT)),
                List.of(cohort("all", 0, "acute", los("acute", Exponential.ofMean(3)), Map.of())), 10, 100);
        FlowResult r = FlowExperiment.runOne(s, 1, 0);
        assertEquals(0, r.arrivals());
        assertEquals(0.0, r.setting("acute").meanOccupancy());
        assertEquals(0, r.setting("acute").bedsRequiredPercentile());
        assertEquals(0, r.flowImbalance());
    }
}
