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
import org.bedsim.dist.Fixed;
import org.bedsim.stats.ConfidenceInterval;
import org.bedsim.stats.Erlang;
import org.bedsim.stats.ErlangA;
import org.junit.jupiter.api.Test;

/**
 * Waits for a bed in the NHS's measures against queueing theory: an M/M/c ward against Erlang C's wait tail, and an
 * M/M/c+M ward (exponential patience) against Erlang-A. Tolerances are replication confidence intervals at 99.9 %
 * (seeded), each also required to be narrow enough that a wrong model falls outside.
 */
class FlowModelWaitsTest {
    private static final double LEVEL = 0.999;
    private static final double STANDARD = 4.0 / 24;
    private static final double LONG = 12.0 / 24;

    private static ConfidenceInterval covers(String what, double[] values, double theory, double maxRelative) {
        ConfidenceInterval ci = ConfidenceInterval.of(values, LEVEL);
        assertTrue(ci.contains(theory), () -> what + ": theory " + theory + " outside [" + ci.low() + ", "
                + ci.high() + "]");
        assertTrue(ci.halfWidth() <= maxRelative * Math.abs(theory),
                () -> what + ": interval half-width " + ci.halfWidth() + " too wide to test " + theory);
        return ci;
    }

    /** 8.5 arrivals a day, exponential stays of mean 1 day, 10 beds: A = 8.5, rho = 0.85. */
    private static FlowSettings mmc(Patience patience) {
        Cohort c = cohort("all", 8.5 * 365.25, "acute", los("acute", Exponential.ofMean(1)), Map.of());
        return settings(List.of(ward("acute", 10, AdmissionPolicy.WAIT)), List.of(c.withPatience(patience)), 50,
                1500);
    }

    @Test
    void mmcWard_sharesOfWaitsOverFourAndTwelveHours_matchErlangCsTail() {
        FlowSummary sum = FlowExperiment.run(mmc(null), 16, 20, 2);
        double over4 = Erlang.waitExceedance(8.5, 10, 1, STANDARD);
        double over12 = Erlang.waitExceedance(8.5, 10, 1, LONG);
        ConfidenceInterval ci4 = covers("share over 4 h", sum.values("acute", SettingKpi.SHARE_WAITS_OVER_STANDARD),
                over4, 0.1);
        ConfidenceInterval ci12 = covers("share over 12 h", sum.values("acute", SettingKpi.SHARE_WAITS_OVER_LONG),
                over12, 0.15);
        // the test can tell a neighbouring queue: one bed more or fewer is outside the intervals
        assertFalse(ci12.contains(Erlang.waitExceedance(8.5, 11, 1, LONG)));
        assertFalse(ci12.contains(Erlang.waitExceedance(8.5, 9, 1, LONG)));
        assertFalse(ci4.contains(Erlang.waitExceedance(8.5, 11, 1, STANDARD)));
        for (FlowResult r : sum.replications()) {
            WaitMeasures w = r.setting("acute").waits();
            assertEquals(0, w.reneged());
            assertEquals(r.setting("acute").externalAdmissions(), w.admitted());
            // the daily series adds up to the totals
            WaitSeries ws = r.waits();
            long admitted = 0;
            long over = 0;
            long days = 0;
            for (int d = 0; d < ws.days(); d++) {
                admitted += ws.admitted(d, 0);
                over += ws.overLong(d, 0);
                days += ws.longWaitDay(d, 0) ? 1 : 0;
                assertTrue(ws.peakWaiting(d, 0) >= r.census().waiting(d, 0), "the peak includes midnight");
                assertTrue(ws.overLong(d, 0) == 0 || ws.longWaitDay(d, 0), "a 12-hour wait admitted marks its day");
            }
            assertEquals(w.admitted(), admitted);
            assertEquals(w.overLong(), over);
            assertEquals(w.daysWithLongWait(), days);
            long bands = 0;
            for (long b : w.bandCounts()) {
                bands += b;
            }
            assertEquals(w.admitted(), bands);
            assertEquals(0, r.flowImbalance());
        }
    }

    @Test
    void mmcWard_meanWaitOfAllAndMeanQueue_matchErlangCsWqAndLq() {
        FlowSummary sum = FlowExperiment.run(mmc(null), 18, 20, 2);
        // Wq: the mean wait of every arrival, zero waits included; Lq: the time-weighted mean number waiting
        ConfidenceInterval wq = covers("mean wait of all", sum.values("acute", SettingKpi.MEAN_WAIT_ALL_DAYS),
                Erlang.meanWait(8.5, 10, 1), 0.25);
        ConfidenceInterval lq = covers("mean queue", sum.values("acute", SettingKpi.MEAN_QUEUE_LENGTH),
                Erlang.meanQueueLength(8.5, 10), 0.25);
        // the test can tell a neighbouring queue: one bed more or fewer is outside the intervals
        assertFalse(wq.contains(Erlang.meanWait(8.5, 11, 1)));
        assertFalse(wq.contains(Erlang.meanWait(8.5, 9, 1)));
        assertFalse(lq.contains(Erlang.meanQueueLength(8.5, 11)));
        assertFalse(lq.contains(Erlang.meanQueueLength(8.5, 9)));
        // the mean of those who waited is the mean of all divided by the share who waited, replication by replication
        ConfidenceInterval waited = ConfidenceInterval.of(sum.values("acute", SettingKpi.MEAN_WAIT_DAYS), LEVEL);
        assertFalse(waited.contains(Erlang.meanWait(8.5, 10, 1)), "the mean of those who waited is another measure");
        for (FlowResult r : sum.replications()) {
            SettingResult a = r.setting("acute");
            WaitMeasures w = a.waits();
            assertEquals(a.meanWaitDays() * a.waitCount(), w.meanWaitOfAllDays() * w.admitted(),
                    1e-9 * w.totalWaitDays());
            assertTrue(w.meanWaitOfAllDays() < a.meanWaitDays());
        }
    }

    @Test
    void mmcPlusMWard_abandonmentAndServedWaits_matchErlangA() {
        // patience exponential, mean 12 hours (theta = 2 a day); 9.5 arrivals a day on 10 beds
        Cohort c = cohort("all", 9.5 * 365.25, "acute", los("acute", Exponential.ofMean(1)), Map.of())
                .withPatience(new Patience(Exponential.ofMean(0.5), "home"));
        FlowSettings s = settings(List.of(ward("acute", 10, AdmissionPolicy.WAIT)), List.of(c), 50, 1500);
        FlowSummary sum = FlowExperiment.run(s, 17, 20, 2);
        ErlangA q = new ErlangA(9.5, 1, 2, 10);
        ConfidenceInterval ab = covers("share reneged", sum.values("acute", SettingKpi.SHARE_RENEGED),
                q.probabilityOfAbandonment(), 0.05);
        covers("share of admitted over 4 h", sum.values("acute", SettingKpi.SHARE_WAITS_OVER_STANDARD),
                q.shareOfServedWaitingOver(STANDARD), 0.1);
        covers("share of admitted over 12 h", sum.values("acute", SettingKpi.SHARE_WAITS_OVER_LONG),
                q.shareOfServedWaitingOver(LONG), 0.2);
        assertFalse(ab.contains(new ErlangA(9.5, 1, 1.5, 10).probabilityOfAbandonment()),
                "a patience of 16 hours instead of 12 is told apart");
        for (FlowResult r : sum.replications()) {
            assertEquals(0, r.flowImbalance());
            WaitMeasures w = r.setting("acute").waits();
            assertEquals(Map.of("home", w.reneged()), w.renegedTo());
        }
    }

    @Test
    void patience_isAPureFunctionOfThePatientsNumber_soEnoughBedsRemoveReneging() {
        Patience p = new Patience(Exponential.ofMean(0.3), "home");
        FlowSettings ten = mmc(p);
        FlowSettings forty = ten.withSettings(List.of(ward("acute", 40, AdmissionPolicy.WAIT),
                CareSetting.sink("home"), CareSetting.sink("died")));
        FlowSummary a = FlowExperiment.run(ten, 3, 2, 1);
        FlowSummary b = FlowExperiment.run(forty, 3, 2, 1);
        assertTrue(a.replications().get(0).setting("acute").waits().reneged() > 100);
        assertEquals(0, b.replications().get(0).setting("acute").waits().reneged());
        // the same arrivals in both (common random numbers): arrivals are equal
        assertEquals(a.replications().get(0).arrivals(), b.replications().get(0).arrivals());
    }

    @Test
    void renegingToAnotherSite_admitsThemThere_withoutASecondPatience() {
        Cohort c = cohort("all", 9.5 * 365.25, "a", los("a", Exponential.ofMean(1), "b", Exponential.ofMean(1)),
                Map.of()).withPatience(new Patience(Fixed.of(0.25), "b"));
        FlowSettings s = settings(List.of(ward("a", 8, AdmissionPolicy.WAIT), ward("b", 4, AdmissionPolicy.WAIT)),
                List.of(c), 20, 400);
        FlowResult r = FlowExperiment.run(s, 5, 2, 1).replications().get(0);
        WaitMeasures a = r.setting("a").waits();
        WaitMeasures b = r.setting("b").waits();
        assertTrue(a.reneged() > 100);
        assertEquals(Map.of("b", a.reneged()), a.renegedTo());
        assertEquals(0, a.overLong(), "nobody waits more than 6 hours at a");
        assertEquals(0, a.renegedOverLong());
        assertEquals(0, b.reneged(), "patience is used once");
        assertTrue(b.overLong() > 0, "b's queue is long: they wait there");
        assertEquals(0, r.flowImbalance());
    }

    @Test
    void unlimitedBeds_noWaits() {
        FlowSettings s = mmc(null).withUnconstrained(true);
        FlowResult r = FlowExperiment.run(s, 1, 2, 1).replications().get(0);
        WaitMeasures w = r.setting("acute").waits();
        assertTrue(w.admitted() > 1000);
        assertEquals(0, w.overStandard());
        assertEquals(0, w.daysWithLongWait());
        assertEquals(0, w.maxDailyPeakWaiting());
        assertEquals(w.admitted(), w.bandCounts()[0]);
    }

    @Test
    void thresholds_areConfigurable() {
        FlowSettings six = mmc(null).withWaits(new WaitThresholds(1, 6));
        FlowSummary sum = FlowExperiment.run(six, 16, 20, 2);
        covers("share over 1 h", sum.values("acute", SettingKpi.SHARE_WAITS_OVER_STANDARD),
                Erlang.waitExceedance(8.5, 10, 1, 1.0 / 24), 0.1);
        covers("share over 6 h", sum.values("acute", SettingKpi.SHARE_WAITS_OVER_LONG),
                Erlang.waitExceedance(8.5, 10, 1, 0.25), 0.1);
    }
}
