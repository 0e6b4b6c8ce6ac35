package org.bedsim.model;

import static org.bedsim.model.FlowFixtures.cohort;
import static org.bedsim.model.FlowFixtures.los;
import static org.bedsim.model.FlowFixtures.settings;
import static org.bedsim.model.FlowFixtures.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bedsim.dist.Exponential;
import org.bedsim.stats.Erlang;
import org.junit.jupiter.api.Test;

/**
 * A run's checks of itself: warm-up detection against an empty start whose approach to steady state theory gives,
 * shares' intervals against Erlang B, and the warning when a KPI rests on too few events.
 */
class RunChecksTest {

    /** M/M/inf, 20 arrivals a day, stays of mean 5 days: from empty, E N(t) = 100 (1 - exp(-t / 5)). */
    private static FlowSettings emptyStart(double warmup) {
        return settings(List.of(ward("ward", CapacityTimeline.UNLIMITED, AdmissionPolicy.WAIT)),
                List.of(cohort("all", 20 * 365.25, "ward", los("ward", Exponential.ofMean(5)), Map.of())),
                warmup, 200);
    }

    @Test
    void emptyStartWithoutWarmup_transientDetected_sizedAsTheoryGives_andWarned() {
        FlowSummary sum = FlowExperiment.run(emptyStart(0), 5, 12, 2);
        WarmupCheck w = RunChecks.of(sum).warmup().get(0);
        // by 2 mean stays the deficit is 13.5 beds, far beyond day-to-day noise (sd 10 / sqrt(6) a day); by 8 it is
        // 0.03 beds, far within it: the truncation lies between
        assertTrue(w.truncateDays() >= 10 && w.truncateDays() <= 40, () -> "truncation " + w);
        assertTrue(w.tooShort() && w.found(), w::toString);
        assertEquals(w.truncateDays(), w.detectedWarmupDays());
        // the excess of the first d days over the rest: theory from E N(d + 1) (day d's census is at its end)
        int t = w.truncateDays();
        double head = 0;
        double tail = 0;
        for (int d = 0; d < 200; d++) {
            double deficit = -100 * Math.exp(-(d + 1) / 5.0);
            if (d < t) {
                head += deficit;
            } else {
                tail += deficit;
            }
        }
        double theory = head / t - tail / (200 - t);
        assertTrue(w.excess().contains(theory), () -> "excess " + w.excess() + " against theory " + theory);
        assertNotNull(w.warning());
        assertTrue(w.warning().contains("warm-up of 0 days looks shorter than the " + t + " days detected"),
                w.warning());
        assertTrue(RunChecks.of(sum).warnings().contains(w.warning()));
    }

    @Test
    void longEnoughWarmup_noTransientBeyondNoise_noWarning() {
        // 60 days = 12 mean stays: the deficit is 100 exp(-12) = 0.0006 beds
        for (long seed = 1; seed <= 3; seed++) {
            FlowSummary sum = FlowExperiment.run(emptyStart(60), seed, 12, 2);
            WarmupCheck w = RunChecks.of(sum).warmup().get(0);
            assertFalse(w.tooShort(), w::toString);
            assertEquals(60, w.scenarioWarmupDays());
            assertTrue(RunChecks.of(sum).warnings().isEmpty(), RunChecks.of(sum).warnings()::toString);
        }
    }

    @Test
    void tooFewReplications_notTested() {
        WarmupCheck w = RunChecks.of(FlowExperiment.run(emptyStart(0), 5, 3, 1)).warmup().get(0);
        assertFalse(w.tested());
        assertFalse(w.tooShort());
    }

    @Test
    void lossWard_shareTurnedAway_wilsonIntervalCoversErlangB_insideItsRange() {
        // 10 a day, stays of mean 3 days: A = 30 on 35 beds, turned away when full
        FlowSettings s = settings(List.of(ward("acute", 35, AdmissionPolicy.LOSE)),
                List.of(cohort("all", 10 * 365.25, "acute", los("acute", Exponential.ofMean(3)), Map.of())),
                100, 2000);
        FlowSummary sum = FlowExperiment.run(s, 12, 20, 2);
        KpiInterval k = sum.kpi("acute", SettingKpi.SHARE_TURNED_AWAY);
        double b = Erlang.lossProbability(30, 35);
        assertTrue(k.low() <= b && b <= k.high(), () -> k + " against Erlang B " + b);
        assertFalse(k.low() <= Erlang.lossProbability(30, 34) && Erlang.lossProbability(30, 34) <= k.high());
        assertTrue(k.low() > 0 && k.high() < 1 && k.low() < k.mean() && k.mean() < k.high());
        assertTrue(k.events() > 1000 && !k.fewEvents(), k::toString);
        long refused = sum.replications().stream().mapToLong(r -> r.setting("acute").refused()).sum();
        assertEquals(refused, k.events());
        assertTrue(RunChecks.of(sum).fewEvents().isEmpty());
    }

    @Test
    void rareLosses_fewEventsWarned_intervalStillInsideItsRange() {
        // A = 5 on 12 beds: Erlang B 0.0034, about 10 losses in 6 x 100 days of 5 arrivals
        FlowSettings s = settings(List.of(ward("acute", 12, AdmissionPolicy.LOSE)),
                List.of(cohort("all", 5 * 365.25, "acute", los("acute", Exponential.ofMean(1)), Map.of())),
                30, 100);
        FlowSummary sum = FlowExperiment.run(s, 3, 6, 1);
        KpiInterval k = sum.kpi("acute", SettingKpi.SHARE_TURNED_AWAY);
        assertTrue(k.fewEvents(), k::toString);
        assertTrue(k.low() >= 0 && k.high() <= 1 && k.high() > k.mean());
        RunChecks checks = RunChecks.of(sum);
        RunChecks.FewEvents few = checks.fewEvents().get(0);
        assertEquals("acute", few.setting());
        assertTrue(few.kpis().contains(SettingKpi.SHARE_TURNED_AWAY));
        assertTrue(checks.warnings().stream().anyMatch(m -> m.startsWith("acute: ") && m.contains(
                "share_turned_away (" + k.events() + ")") && m.contains("too few to trust")),
                checks.warnings()::toString);
        // none is not "few": a share with no event reads 0 with an honest upper end above it
        KpiInterval none = sum.kpi("acute", SettingKpi.SHARE_WAITS_OVER_LONG);
        assertFalse(none.fewEvents());
    }
}
