package org.bedsim.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.dist.Distribution;
import org.bedsim.dist.Exponential;
import org.bedsim.dist.LogNormal;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.ArrivalPattern;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.Route;
import org.bedsim.model.SettingKind;
import org.bedsim.model.SettingKpi;
import org.bedsim.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

    private static CareSetting ward(String name, int beds, AdmissionPolicy policy) {
        return new CareSetting(name, SettingKind.ACUTE, CapacityTimeline.constant(beds), policy,
                CareSetting.QueuePriority.FIFO);
    }

    private static Cohort cohort(String name, String entry, double perDay, Map<String, Distribution> los,
            Map<String, List<Route>> routing) {
        return new Cohort(name, Cohort.AdmissionType.NON_ELECTIVE, "all", entry,
                ArrivalPattern.flat(perDay * 365.25), null, los, routing, null, null);
    }

    private static FlowSettings system(List<CareSetting> wards, List<Cohort> cohorts) {
        List<CareSetting> all = new ArrayList<>(wards);
        all.add(CareSetting.sink("home"));
        return new FlowSettings(all, cohorts, LocalDate.of(2016, 4, 1), 60, 730, 0.92, 0.05, false);
    }

    private static FlowSettings base() {
        Map<String, Distribution> los = new LinkedHashMap<>();
        los.put("acute", LogNormal.ofMeanSd(4, 4));
        los.put("community", Exponential.ofMean(12));
        return system(List.of(ward("acute", 60, AdmissionPolicy.WAIT), ward("community", 20, AdmissionPolicy.WAIT)),
                List.of(cohort("all", "acute", 12, los,
                        Map.of("acute", List.of(new Route("community", 0.12), new Route("home", 0.88))))));
    }

    @Test
    void compare_baseAgainstItself_differencesAreExactlyZero() {
        Map<String, FlowSettings> options = new LinkedHashMap<>();
        options.put("base", base());
        options.put("same", base());
        Comparison c = Comparisons.run(options, List.of(), 7, 5, 2);
        for (Comparison.Row r : c.rows()) {
            if (r.option().equals("same")) {
                assertEquals(0.0, r.difference().mean(), r.kpi());
                assertEquals(0.0, r.difference().halfWidth(), r.kpi());
            }
        }
    }

    @Test
    void compare_optionChangingNothingRelevant_givesIntervalsCoveringZero_andMoreCommunityBedsCutDelays() {
        // an unused extra setting changes nothing relevant; more community beds cut acute delays, paired
        List<CareSetting> withSpare = new ArrayList<>(base().settings());
        withSpare.add(0, ward("spare", 10, AdmissionPolicy.WAIT));
        Map<String, FlowSettings> options = new LinkedHashMap<>();
        options.put("base", base());
        options.put("spare-ward", base().withSettings(withSpare));
        options.put("more-community", base().withSettings(List.of(ward("acute", 60, AdmissionPolicy.WAIT),
                ward("community", 30, AdmissionPolicy.WAIT), CareSetting.sink("home"))));
        Target delays = new Target("acute delayed beds <= 1", List.of("acute"), SettingKpi.MEAN_DELAYED_BEDS, true,
                1.0);
        Comparison c = Comparisons.run(options, List.of(delays), 8, 8, 2);
        for (SettingKpi kpi : List.of(SettingKpi.MEAN_OCCUPANCY, SettingKpi.DELAYED_DAYS, SettingKpi.ADMISSIONS)) {
            ConfidenceInterval d = c.row("spare-ward", "acute", kpi.key()).difference();
            assertTrue(d.contains(0.0) || d.halfWidth() == 0.0, kpi + ": " + d);
        }
        assertNull(c.row("spare-ward", "spare", "admissions").difference(), "no such setting in the base");
        ConfidenceInterval cut = c.row("more-community", "acute", "delayed_days").difference();
        assertTrue(cut.high() < 0, "more community beds reduce acute delays: " + cut);
        Comparison.TargetCheck baseCheck = c.targets().get(0);
        Comparison.TargetCheck moreCheck = c.targets().get(2);
        assertFalse(baseCheck.met(), baseCheck.toString());
        assertTrue(moreCheck.met(), moreCheck.toString());
    }

    @Test
    void pooling_onePoolOfTwiceTheBeds_isFullLessOftenThanTwoPools_atTheSameLoad() {
        Map<String, Distribution> losA = Map.of("a", Exponential.ofMean(4));
        Map<String, Distribution> losB = Map.of("b", Exponential.ofMean(4));
        FlowSettings two = system(List.of(ward("a", 25, AdmissionPolicy.LOSE), ward("b", 25, AdmissionPolicy.LOSE)),
                List.of(cohort("x", "a", 5, losA, Map.of()), cohort("y", "b", 5, losB, Map.of())));
        Map<String, Distribution> losP = Map.of("pool", Exponential.ofMean(4));
        FlowSettings one = system(List.of(ward("pool", 50, AdmissionPolicy.LOSE)),
                List.of(cohort("x", "pool", 5, losP, Map.of()), cohort("y", "pool", 5, losP, Map.of())));
        Map<String, FlowSettings> options = new LinkedHashMap<>();
        options.put("two-pools", two);
        options.put("one-pool", one);
        Comparison c = Comparisons.run(options, List.of(), 9, 8, 2);
        double fullTwo = (c.row("two-pools", "a", "share_of_days_full").value().mean()
                + c.row("two-pools", "b", "share_of_days_full").value().mean()) / 2;
        double fullOne = c.row("one-pool", "pool", "share_of_days_full").value().mean();
        assertTrue(fullOne < fullTwo / 2, fullOne + " vs " + fullTwo);
        double refusedTwo = c.row("two-pools", Comparison.SYSTEM, "refused").value().mean();
        double refusedOne = c.row("one-pool", Comparison.SYSTEM, "refused").value().mean();
        assertTrue(refusedOne < refusedTwo, refusedOne + " vs " + refusedTwo);
    }

    @Test
    void fewestBeds_findsTheSmallestCapacityMeetingTheTarget() {
        Map<String, Distribution> los = Map.of("ward", Exponential.ofMean(4));
        FlowSettings s = system(List.of(ward("ward", 40, AdmissionPolicy.LOSE)),
                List.of(cohort("x", "ward", 8, los, Map.of())));
        Target full = new Target("full on at most 5 % of days", List.of("ward"), SettingKpi.SHARE_OF_DAYS_FULL, true,
                0.05);
        Comparisons.Optimum o = Comparisons.fewestBeds(s, "ward", full, 20, 60, 3, 6, 2);
        assertNotNull(o);
        assertTrue(full.met(o.value().mean()));
        // one bed fewer misses the target (on the same streams)
        Comparisons.Optimum fewer = Comparisons.fewestBeds(s, "ward", full, 20, o.beds() - 1, 3, 6, 2);
        assertNull(fewer);
        assertTrue(o.beds() > 32 && o.beds() < 50, "offered load 32: " + o.beds());
    }

    @Test
    void groupRows_sumSitesOfAKind_andCompareThreeSitesWithTwo_targetsCountAbsentSettingsAsZero() {
        Map<String, Distribution> losA = Map.of("a", Exponential.ofMean(4));
        Map<String, Distribution> losB = Map.of("b", Exponential.ofMean(4));
        // generous beds, so that demand is not cut off: its 95th percentile pools like sqrt(load)
        FlowSettings two = system(List.of(ward("a", 40, AdmissionPolicy.WAIT), ward("b", 40, AdmissionPolicy.WAIT)),
                List.of(cohort("x", "a", 5, losA, Map.of()), cohort("y", "b", 5, losB, Map.of())));
        Map<String, Distribution> losP = Map.of("a", Exponential.ofMean(4));
        FlowSettings one = system(List.of(ward("a", 80, AdmissionPolicy.WAIT)),
                List.of(cohort("x", "a", 5, losP, Map.of()), cohort("y", "a", 5, losP, Map.of())));
        Map<String, FlowSettings> options = new LinkedHashMap<>();
        options.put("two", two);
        options.put("one", one);
        Target beds = new Target("beds for 5 % risk", List.of("a", "b"), SettingKpi.BEDS_REQUIRED_PERCENTILE, true,
                1000);
        Comparison c = Comparisons.run(options, List.of(beds), 4, 6, 2);
        String acute = Comparisons.kindGroup(org.bedsim.model.SettingKind.ACUTE);
        assertEquals("kind:acute", acute);
        Comparison.Row sum = c.row("two", acute, "beds_required_percentile");
        double a = c.row("two", "a", "beds_required_percentile").value().mean();
        double b = c.row("two", "b", "beds_required_percentile").value().mean();
        assertEquals(a + b, sum.value().mean(), 1e-9);
        assertEquals(0.0, sum.difference().mean());
        Comparison.Row pooled = c.row("one", acute, "beds_required_percentile");
        assertTrue(pooled.difference().high() < 0, "one pool needs fewer beds: " + pooled.difference());
        double share = (c.row("two", "a", "share_of_days_full").value().mean()
                + c.row("two", "b", "share_of_days_full").value().mean()) / 2;
        assertEquals(share, c.row("two", acute, "share_of_days_full").value().mean(), 1e-12);
        assertNull(c.row("two", "kind:community", "beds_required_mean"), "no community settings, no group");
        assertEquals(c.row("one", "a", "beds_required_percentile").value().mean(), c.targets().get(1).value().mean(),
                1e-9, "b is absent from 'one' and counts nothing");
        assertTrue(Comparisons.systemKpis().containsAll(List.of("diverted", "wait_count", "mean_wait_days")));
    }

    @Test
    void searchRuns_boundsTheBisection() {
        assertEquals(1, Comparisons.searchRuns(10, 11));
        assertEquals(2, Comparisons.searchRuns(10, 12));
        assertEquals(11, Comparisons.searchRuns(0, 1024));
        assertEquals(12, Comparisons.searchRuns(0, 1025));
    }
}
