package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.SettingKind;
import org.junit.jupiter.api.Test;

/**
 * The LLR files describe one health economy, so they agree with each other: the acute system (the base of the
 * options) and the acute bridge's base year have one site split and one set of cohorts, volumes and stays; the
 * General's stroke rehabilitation is one cohort, with one calibration, that leaves the acute bridge in the year the
 * community bridge receives it, for the ward that counts it there. The published figures are those of the Leicester,
 * Leicestershire &amp; Rutland STP, draft of 21 November 2016 (in the Rutland County Council Health and Wellbeing Board
 * agenda pack, 31 January 2017): 1940 acute beds (text line 335), a 15-bed stroke ward for the services transferring
 * from the General (line 1601), in 2020-21 (line 1747).
 */
class LlrFilesAgreeTest {
    private static final String STP = "Leicester, Leicestershire & Rutland STP, draft of 21 November 2016, in Rutland "
            + "County Council Health and Wellbeing Board agenda pack, 31 January 2017, text line ";

    private static LoadedScenario load(String file) {
        LoadedScenario s = ScenarioLoader.load(Path.of("llr-2016", file), null, null);
        assertEquals(List.of(), s.errors().stream().map(Problem::located).toList(), file);
        return s;
    }

    /** @return the acute settings: name to beds, in order */
    private static Map<String, Integer> acuteBeds(FlowSettings s) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (CareSetting c : s.settings()) {
            if (c.kind() == SettingKind.ACUTE) {
                out.put(c.name(), c.capacity().initial());
            }
        }
        return out;
    }

    /** @return the cohort without its age band (the system file has no growth, so no age bands) */
    private static Cohort unbanded(Cohort c) {
        return new Cohort(c.name(), c.type(), null, c.entry(), c.arrivals(), c.whenFull(), c.lengthOfStay(),
                c.routing(), c.readmission(), c.avoidance(), c.patience());
    }

    @Test
    void acuteSystemAndAcuteBridge_oneSiteSplit_oneSetOfBaseVolumesAndStays() {
        LoadedScenario system = load("acute-system.yaml");
        LoadedScenario bridge = load("acute-bridge.yaml");
        Map<String, Integer> split = acuteBeds(system.settings());
        assertEquals(split, acuteBeds(bridge.settings()), "one site split");
        assertEquals(Map.of("lri", 900, "glenfield", 560, "general", 465, "general-stroke", 15), split);
        assertEquals(1940, split.values().stream().mapToInt(Integer::intValue).sum(), STP + "335");
        List<Cohort> a = system.settings().cohorts().stream().map(LlrFilesAgreeTest::unbanded).toList();
        List<Cohort> b = bridge.settings().cohorts().stream().map(LlrFilesAgreeTest::unbanded).toList();
        assertEquals(b, a, "the same cohorts, volumes, stays and routing (the bridge's assumed values before its "
                + "calibrations)");
        // the base volumes the bridge calibrates are these: its base-volumes scale names only the system's cohorts
        CalibrateSpec scale = bridge.spec().calibrate().stream().filter(c -> c.id().equals("base-volumes"))
                .findFirst().orElseThrow();
        assertTrue(scale.isScale());
        assertTrue(scale.paths().stream().noneMatch(q -> q.contains("risk-")), "the published risk cohort is not "
                + "scaled: " + STP + "670");
    }

    @Test
    void stroke_leavesTheAcuteBridgeInTheYearAndForTheWardTheCommunityBridgeReceivesItIn() {
        LoadedScenario acute = load("acute-bridge.yaml");
        LoadedScenario community = load("community-bridge.yaml");
        String cohort = "stroke-rehab-general";
        assertEquals(acute.settings().cohort(cohort), community.settings().cohort(cohort),
                "one cohort: volume, stays, age band, entry");
        assertEquals(15, acute.settings().setting("general-stroke").capacity().initial());
        assertEquals(15, community.settings().setting("general-stroke").capacity().initial());
        assertEquals(SettingKind.COMMUNITY, acute.settings().setting("community-stroke").kind());

        // the same change in both, in the same year: the General's stroke ward closes into the community stroke ward
        BridgeStepSpec out = stepClosing(acute.spec());
        BridgeStepSpec in = stepClosing(community.spec());
        assertEquals(out.phasing(), in.phasing());
        assertEquals(acute.spec().bridge().baseYear(), community.spec().bridge().baseYear());
        assertEquals(acute.spec().bridge().targetYear(), community.spec().bridge().targetYear());
        assertEquals(2020, acute.spec().bridge().baseYear() + out.phasing().fromYear(), "2020-21: " + STP + "1747");
        assertTrue(acute.spec().bridge().count().settings().contains("general-stroke"), "the acute count loses it");
        assertFalse(acute.spec().bridge().count().settings().contains("community-stroke"));
        assertTrue(community.spec().bridge().count().settings().contains("community-stroke"),
                "the community count gains it");
        assertFalse(community.spec().bridge().count().settings().contains("general-stroke"));

        // one calibration of its volume, declared alike: the 15-bed ward at the occupancy target
        CalibrateSpec a = calibration(acute.spec(), "general-stroke-volume");
        CalibrateSpec c = calibration(community.spec(), "general-stroke-volume");
        assertEquals(a.label(), c.label());
        assertEquals(a.paths(), c.paths());
        assertEquals(List.of("cohorts[" + cohort + "].arrivals.per_year"), a.paths());
        assertEquals(a.bounds(), c.bounds());
        assertEquals(a.target().output(), c.target().output());
        assertEquals(a.target().settings(), c.target().settings());
        assertEquals(BridgeCountSpec.Method.MEAN_OCCUPANCY, a.target().method());
        assertEquals(a.target().method(), c.target().method());
        assertEquals(15, a.target().beds());
        assertEquals(a.target().beds(), c.target().beds());
        assertEquals(acute.settings().occupancyTarget(), community.settings().occupancyTarget());
        String cite = acute.spec().sources().get(a.target().source()).cite();
        assertEquals(STP + "1601", cite);
        assertEquals(cite, community.spec().sources().get(c.target().source()).cite());
    }

    private static BridgeStepSpec stepClosing(ScenarioSpec spec) {
        List<BridgeStepSpec> steps = spec.bridge().steps().stream().filter(s -> s.changes().stream().anyMatch(
                c -> c.closeSetting() != null && c.closeSetting().setting().equals("general-stroke")
                        && c.closeSetting().into().equals("community-stroke"))).toList();
        assertEquals(1, steps.size(), spec.name());
        return steps.get(0);
    }

    private static CalibrateSpec calibration(ScenarioSpec spec, String id) {
        return spec.calibrate().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
