package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.Comparisons;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.Route;
import org.bedsim.model.SettingKind;
import org.bedsim.model.SettingResult;
import org.bedsim.model.SettingKpi;
import org.bedsim.stats.ConfidenceInterval;
import org.junit.jupiter.api.Test;

/**
 * The shipped LLR options run (with fewer replications than they ship with, to stay quick) and point the way the
 * published plan and queueing theory say they should.
 */
class ShippedOptionsTest {
    static final int REPLICATIONS = 4;

    static Comparison run(LoadedOptions o) {
        Map<String, FlowSettings> configurations = new LinkedHashMap<>();
        o.options().forEach(x -> configurations.put(x.name(), x.settings()));
        return Comparisons.run(configurations, o.targets(), o.seed(), o.replications(), 2);
    }

    static LoadedOptions load(String file) {
        LoadedOptions o = OptionsLoader.load(Path.of(file), REPLICATIONS, null);
        assertEquals(List.of(), o.problems().stream().map(LoadedOptions.FileProblem::render).toList());
        return o;
    }

    static int beds(FlowSettings s, SettingKind kind) {
        return s.settings().stream().filter(c -> c.kind() == kind).mapToInt(c -> c.capacity().initial()).sum();
    }

    static double[] perReplication(Comparison c, String option, java.util.function.ToDoubleFunction<FlowResult> f) {
        return c.options().stream().filter(o -> o.name().equals(option)).findFirst().orElseThrow().summary()
                .replications().stream().mapToDouble(f).toArray();
    }

    static double delayedDays(FlowResult r) {
        return r.settings().stream().mapToDouble(SettingResult::delayedDays).sum();
    }

    /** @return bed-days of patients fit to move on, waiting for an ICS place */
    static double awaitingIcs(FlowResult r) {
        return r.settings().stream().mapToDouble(x -> x.delayedDaysByDestination().getOrDefault("ics", 0.0)).sum();
    }

    static ConfidenceInterval paired(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return ConfidenceInterval.of(d, 0.95);
    }

    @Test
    void acuteSites_twoSitesNeedFewerBedsForTheSameRisk_andTheTransitionYearIsHarder() {
        LoadedOptions o = load("llr-2016/acute-sites.yaml");
        FlowSettings three = o.option("three-sites").settings();
        FlowSettings two = o.option("two-sites").settings();
        assertEquals(1940, beds(three, SettingKind.ACUTE), "LLR STP 2016, text line 335");
        assertEquals(1940, beds(two, SettingKind.ACUTE), "the same beds on two sites");
        assertEquals(List.of("lri", "glenfield", "general-stroke"), two.settings().stream().filter(c -> !c.isSink())
                .map(CareSetting::name).toList(), "the General's stroke ward moves in the bridges, not here");
        assertEquals("lri", two.cohort("older-general").entry());
        assertEquals("lri", two.cohort("risk-general").entry());
        assertEquals("glenfield", two.cohort("elective-general").entry());
        assertEquals(new CapacityTimeline(List.of(new CapacityTimeline.Step(0, 1285),
                new CapacityTimeline.Step(183, 1305))), o.option("transition-year").settings().setting("lri")
                .capacity(), "the last 20 beds open on 1 October");

        Comparison c = run(o);
        double fullTwo = c.row("two-sites", "lri", "share_of_days_full").value().mean();
        double fullTransition = c.row("transition-year", "lri", "share_of_days_full").value().mean();
        assertTrue(fullTransition > fullTwo, "the LRI is full more often while its last wards are not open: "
                + fullTransition + " vs " + fullTwo);
        assertTrue(c.row("transition-year", "lri", "wait_count").value().mean()
                > c.row("two-sites", "lri", "wait_count").value().mean(), "more patients wait for a bed");

        // the pooling effect: the fewest beds for each site to be full on at most 5 % of days, on the same streams
        int threeSites = 0;
        int twoSites = 0;
        for (LoadedOptions.Search s : o.searches()) {
            Comparisons.Optimum best = Comparisons.fewestBeds(o.option(s.option()).settings(), s.setting(),
                    s.target(), s.low(), s.high(), o.seed(), o.replications(), 2);
            assertNotNull(best, s.toString());
            assertTrue(best.beds() > s.low() && best.beds() <= s.high(), best.toString());
            if (s.option().equals("three-sites")) {
                threeSites += best.beds();
            } else {
                twoSites += best.beds();
            }
        }
        assertTrue(twoSites < threeSites, "two larger sites need fewer beds for the same risk of being full: "
                + twoSites + " vs " + threeSites);
    }

    @Test
    void communitySites_publishedBeds_routesOfClosedSites_ics256CutsDelays_subAcuteRelievesAcuteBeds() {
        LoadedOptions o = load("llr-2016/community-sites.yaml");
        FlowSettings eight = o.option("eight-sites").settings();
        FlowSettings six = o.option("six-sites").settings();
        assertEquals(192 + 41, beds(eight, SettingKind.COMMUNITY), "LLR STP 2016, text lines 336, 926");
        assertEquals(150 + 45, beds(six, SettingKind.COMMUNITY), "LLR STP 2016, text lines 336, 966");
        assertEquals(8, eight.settings().stream().filter(x -> x.kind() == SettingKind.COMMUNITY)
                .map(x -> x.name().replaceAll("-(rehab|stroke)$", "")).distinct().count(), "eight sites today");
        assertEquals(6, six.settings().stream().filter(x -> x.kind() == SettingKind.COMMUNITY)
                .map(x -> x.name().replaceAll("-(rehab|stroke)$", "")).distinct().count(), "six proposed");
        assertEquals(List.of(new Route("melton-rehab", 0.8), new Route("ics", 0.2)),
                six.cohort("rehab-oakham").routing().get("uhl"));
        assertEquals(List.of(new Route("market-harborough-rehab", 0.8), new Route("ics", 0.2)),
                six.cohort("rehab-lutterworth").routing().get("uhl"));
        assertEquals(256, six.setting("ics").capacity().initial());
        assertEquals(126, o.option("six-sites-ics-126").settings().setting("ics").capacity().initial());

        Comparison c = run(o);
        double[] at126 = perReplication(c, "six-sites-ics-126", ShippedOptionsTest::delayedDays);
        double[] at256 = perReplication(c, "six-sites", ShippedOptionsTest::delayedDays);
        assertTrue(paired(at126, at256).mean() > 0, "fewer delayed days with ICS at 256 than at 126: "
                + paired(at126, at256));
        double[] waitingForIcs126 = perReplication(c, "six-sites-ics-126", ShippedOptionsTest::awaitingIcs);
        double[] waitingForIcs256 = perReplication(c, "six-sites", ShippedOptionsTest::awaitingIcs);
        for (int r = 0; r < REPLICATIONS; r++) {
            assertTrue(waitingForIcs126[r] > waitingForIcs256[r], "replication " + r + ": days waiting for ICS, "
                    + waitingForIcs126[r] + " at 126 places vs " + waitingForIcs256[r] + " at 256");
        }
        ConfidenceInterval acute = paired(perReplication(c, "six-sites-sub-acute",
                r -> SettingKpi.MEAN_OCCUPANCY.of(r.setting("uhl"))), perReplication(c, "six-sites",
                r -> SettingKpi.MEAN_OCCUPANCY.of(r.setting("uhl"))));
        assertTrue(acute.high() < 0, "sub-acute patients in spare community beds free acute beds: " + acute);
        assertTrue(c.row("six-sites-sub-acute", "kind:community", "mean_occupancy").value().mean()
                > c.row("six-sites", "kind:community", "mean_occupancy").value().mean(), "and fill community beds");
        assertTrue(c.row("six-sites", "kind:community", "mean_occupancy").difference().high() < 0,
                "Home First: fewer community beds occupied on six sites");

        LoadedOptions.Search search = o.searches().get(0);
        Comparisons.Optimum fewest = Comparisons.fewestBeds(six, "ics", search.target(), search.low(),
                search.high(), o.seed(), o.replications(), 2);
        assertNotNull(fewest);
        assertTrue(fewest.beds() > 126 && fewest.beds() < 256, "more than 126 ICS places, fewer than 256: "
                + fewest.beds());
    }
}
