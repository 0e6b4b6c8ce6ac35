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
import org.bedsim.dist.Gamma;
import org.bedsim.dist.LogNormal;
import org.bedsim.stats.ConfidenceInterval;
import org.bedsim.stats.Erlang;
import org.junit.jupiter.api.Test;

/**
 * Discharge pathways out of an acute site: a home-based caseload (pathway 1) and step-down beds (pathway 2), and the
 * delays they cause when full, against queueing theory and on common random numbers.
 */
class DischargePathwayTest {

    private static CareSetting caseload(String name, int slots) {
        return new CareSetting(name, SettingKind.CASELOAD, CapacityTimeline.constant(slots), AdmissionPolicy.WAIT,
                CareSetting.QueuePriority.FIFO);
    }

    private static CareSetting beds(String name, int beds) {
        return new CareSetting(name, SettingKind.INTERIM, CapacityTimeline.constant(beds), AdmissionPolicy.WAIT,
                CareSetting.QueuePriority.FIFO);
    }

    /** Acute (unlimited), then reablement (a share), step-down beds (a share) or home. */
    private static FlowSettings pathways(int slots, int stepDownBeds, double warmup, double horizon) {
        return settings(List.of(ward("acute", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT),
                caseload("reablement", slots), beds("step-down", stepDownBeds)),
                List.of(cohort("older", 20 * 365.25, "acute", los("acute", LogNormal.ofMeanSd(6, 5),
                        "reablement", Gamma.ofMeanSd(14, 8), "step-down", LogNormal.ofMeanSd(21, 10)),
                        Map.of("acute", List.of(new Route("home", 0.6), new Route("reablement", 0.25),
                                new Route("step-down", 0.15))))), warmup, horizon);
    }

    @Test
    void caseloadAtCapacity_delaysUpstreamAsErlangC() {
        // Departures of an unlimited acute site are Poisson (M/G/infinity), so the caseload is M/M/c: 6 a day for an
        // exponential half day on 5 slots (load 3); the patients delayed in acute are its queue, Erlang C's Lq.
        FlowSettings s = settings(List.of(ward("acute", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT),
                caseload("reablement", 5)),
                List.of(cohort("all", 6 * 365.25, "acute", los("acute", Exponential.ofMean(1),
                        "reablement", Exponential.ofMean(0.5)), Map.of("acute", List.of(new Route("reablement", 1))))),
                50, 3000);
        FlowSummary sum = FlowExperiment.run(s, 5, 20, 2);
        double lq = Erlang.meanQueueLength(3, 5);
        ConfidenceInterval ci = sum.interval("acute", SettingKpi.MEAN_DELAYED_BEDS);
        ConfidenceInterval wide = ConfidenceInterval.of(sum.values("acute", SettingKpi.MEAN_DELAYED_BEDS), 0.999);
        assertTrue(wide.contains(lq), () -> "Erlang C Lq " + lq + " outside " + wide);
        assertTrue(wide.halfWidth() < 0.1 * lq, () -> "interval too wide to test: " + wide);
        assertFalse(wide.contains(Erlang.meanQueueLength(3, 4)), "one slot fewer must be distinguishable");
        assertFalse(wide.contains(Erlang.meanQueueLength(3, 6)), "one slot more must be distinguishable");
        assertTrue(ci.mean() > 0);
        // the caseload itself never holds a delayed patient, and the delays await it
        for (FlowResult r : sum.replications()) {
            assertEquals(0.0, r.setting("reablement").delayedDays());
            assertEquals(r.setting("acute").delayedDays(),
                    r.setting("acute").delayedDaysByDestination().getOrDefault("reablement", 0.0), 1e-6);
        }
    }

    @Test
    void amplePathwayCapacity_givesNoDelay() {
        FlowSummary sum = FlowExperiment.run(pathways(400, 400, 60, 365), 3, 4, 2);
        for (FlowResult r : sum.replications()) {
            for (SettingResult x : r.settings()) {
                assertEquals(0.0, x.delayedDays(), x.setting());
            }
            for (int v : r.daily().awaited()) {
                assertEquals(0, v);
            }
        }
    }

    @Test
    void delaysByAwaitedSetting_sumToTheTotal_dayByDayAndOverall() {
        FlowSummary sum = FlowExperiment.run(pathways(60, 55, 60, 365), 4, 3, 2);
        for (FlowResult r : sum.replications()) {
            CensusSeries c = r.census();
            DailyFlows f = r.daily();
            assertEquals(c.days(), f.days());
            long total = 0;
            for (int d = 0; d < c.days(); d++) {
                int held = 0;
                int awaited = 0;
                for (int s = 0; s < c.settings().size(); s++) {
                    held += c.delayed(d, s);
                    awaited += f.awaited(d, s);
                }
                assertEquals(held, awaited, "day " + d);
                total += awaited;
            }
            assertTrue(total > 0, "the scenario must produce delays to test their split");
            SettingResult acute = r.setting("acute");
            double byDestination = acute.delayedDaysByDestination().values().stream().mapToDouble(x -> x).sum();
            assertEquals(acute.delayedDays(), byDestination, 1e-6 * Math.max(1, acute.delayedDays()));
        }
    }

    @Test
    void moreStepDownBeds_neverIncreaseDelays_onCommonRandomNumbers() {
        double previous = Double.POSITIVE_INFINITY;
        for (int beds : new int[] {40, 45, 50, 55, 60, 70}) {
            FlowSummary sum = FlowExperiment.run(pathways(60, beds, 60, 365), 9, 3, 2);
            double delayed = 0;
            for (FlowResult r : sum.replications()) {
                for (int v : r.daily().awaited()) {
                    delayed += v;
                }
            }
            final int b = beds;
            final double prev = previous;
            final double now = delayed;
            assertTrue(now <= prev, () -> b + " step-down beds: " + now + " delayed days, more than " + prev
                    + " with fewer beds");
            previous = delayed;
        }
    }

    @Test
    void dailyFlows_countAcuteAdmissionsAndSinksOfTheMeasuredDays() {
        FlowSummary sum = FlowExperiment.run(pathways(400, 400, 60, 365), 6, 2, 1);
        for (FlowResult r : sum.replications()) {
            DailyFlows f = r.daily();
            long admitted = 0;
            for (int v : f.acuteAdmissions()) {
                admitted += v;
            }
            assertEquals(r.setting("acute").externalAdmissions(), admitted);
            long home = 0;
            int k = f.sinks().indexOf("home");
            for (int d = 0; d < f.days(); d++) {
                home += f.toSink(d, 0, k);
            }
            assertEquals(r.toSinks().get("home"), home);
        }
    }
}
