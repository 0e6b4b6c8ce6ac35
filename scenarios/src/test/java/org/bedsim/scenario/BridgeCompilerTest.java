package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bedsim.bridge.BedCount;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeStep;
import org.bedsim.bridge.Change;
import org.bedsim.bridge.Parameter;
import org.bedsim.dist.LogNormal;
import org.junit.jupiter.api.Test;

/** A scenario's bridge section compiles to the bridge definition it describes. */
class BridgeCompilerTest {
    static final Path BRIDGE = Path.of("src/test/resources/good/bridge.yaml");

    private static BridgeDefinition compile(LoadedScenario s) {
        assertEquals(List.of(), s.problems().stream().map(Problem::located).toList());
        return BridgeCompiler.compile(s.spec(), s.settings(), s.replications(), s.seed());
    }

    private static LoadedScenario load(String yaml) {
        return Fixtures.load(yaml);
    }

    @Test
    void bridgeSpec_compilesToTheDefinition_withRangesAsRanges() {
        BridgeDefinition def = compile(ScenarioLoader.load(BRIDGE, null, null));
        assertEquals(2016, def.baseYear());
        assertEquals(2019, def.targetYear());
        assertEquals(3, def.years());
        assertEquals(Set.of("ward", "annex"), def.counted());
        assertEquals(BedCount.MEAN_OCCUPANCY, def.method());
        assertEquals(4, def.replications(), "the scenario's run section");
        assertEquals(11, def.seed());
        assertEquals(10, def.maxExactShapleySteps(), "documented default");
        assertEquals(200, def.sampledOrderings(), "documented default");
        assertTrue(def.base().unconstrained(), "unconstrained by default");
        assertEquals(List.of("growth", "no-op", "avoid", "shorter"), def.steps().stream().map(BridgeStep::id)
                .toList());

        BridgeStep growth = def.steps().get(0);
        assertEquals("Growth", growth.label());
        assertEquals(List.of("test-figures"), growth.sources());
        assertEquals(1, growth.fromYear(), "default phasing: from year 1");
        assertEquals(3, growth.fullYear(), "default phasing: full in the target year");
        assertEquals(List.of(new Change.DemographicGrowth(Map.of("older", new Parameter(0.06, 0.10), "adults",
                Parameter.of(0.02))), new Change.VolumeGrowth(Parameter.of(0.01), 3, null)), growth.changes());

        assertEquals(List.of(new Change.LengthOfStayChange("older-patients", "ward", Parameter.of(0), null, null)),
                def.steps().get(1).changes());

        BridgeStep avoid = def.steps().get(2);
        assertEquals(List.of(new Change.AdmissionAvoidance("older-patients", Parameter.of(0.2), "rehab")),
                avoid.changes());
        assertEquals(2, avoid.fromYear());
        assertEquals(3, avoid.fullYear(), "full_year left out: the target year");

        BridgeStep shorter = def.steps().get(3);
        Parameter range = new Parameter(-0.2, -0.1);
        assertEquals(List.of(new Change.Joint(List.of(
                new Change.LengthOfStayChange("older-patients", "ward", range, null, null),
                new Change.LengthOfStayChange("adult-patients", "ward", range, null, null)))), shorter.changes(),
                "one change per cohort, drawn together");
        assertTrue(range.isRange());
    }

    @Test
    void everyKindOfChange_compiles() {
        String yaml = Fixtures.edit(Fixtures.text(BRIDGE), "  steps:\n", """
                  unconstrained: false
                  shapley: {max_exact_steps: 3, sampled_orderings: 50}
                  steps:
                    - id: more
                      label: Everything else
                      sources: [test-figures]
                      phasing: {from_year: 1, full_year: 1}
                      changes:
                        - volume_growth: {per_year: [0.0, 0.02], years: 2, cohort: adult-patients}
                        - length_of_stay: {setting: annex, cap: 14, replace: {family: lognormal, mean: 2.5, sd: 2}}
                        - length_of_stay: {cohorts: [day-surgery], setting: annex, change: -0.1}
                        - merge_settings: {settings: [ward, annex], into: ward, beds: 55}
                        - set_capacity: {setting: rehab, beds: 12}
                        - occupancy_target: [0.85, 0.9]
                        - close_setting: {setting: rehab, into: ward}
                """);
        BridgeDefinition def = compile(load(yaml));
        assertFalse(def.base().unconstrained());
        assertEquals(3, def.maxExactShapleySteps());
        assertEquals(50, def.sampledOrderings());
        BridgeStep more = def.steps().get(0);
        assertEquals(1, more.fullYear());
        List<Change> c = more.changes();
        assertEquals(new Change.VolumeGrowth(new Parameter(0.0, 0.02), 2, "adult-patients"), c.get(0));
        Change.LengthOfStayChange replaced = assertInstanceOf(Change.LengthOfStayChange.class, c.get(1));
        assertNull(replaced.cohort(), "no cohort: every cohort");
        assertNull(replaced.percent());
        assertEquals(14.0, replaced.cap());
        assertEquals(LogNormal.ofMeanSd(2.5, 2).mean(), replaced.replacement().mean(), 1e-12);
        assertEquals(new Change.LengthOfStayChange("day-surgery", "annex", Parameter.of(-0.1), null, null),
                c.get(2), "a list of one cohort is one change");
        assertEquals(new Change.MergeSettings(List.of("ward", "annex"), "ward", 55), c.get(3));
        assertEquals(new Change.CapacityChange("rehab", 12), c.get(4));
        assertEquals(new Change.OccupancyTarget(new Parameter(0.85, 0.9)), c.get(5));
        assertEquals(new Change.CloseSetting("rehab", "ward"), c.get(6));
    }

    @Test
    void bridgeInJson_bindsLikeYaml() throws Exception {
        Object tree = new YAMLMapper().readValue(Fixtures.text(BRIDGE), Object.class);
        byte[] json = new ObjectMapper().writeValueAsBytes(tree);
        LoadedScenario fromJson = ScenarioLoader.load("bridge.json", json, null, null);
        BridgeDefinition a = compile(fromJson);
        BridgeDefinition b = compile(ScenarioLoader.load(BRIDGE, null, null));
        assertEquals(b.steps(), a.steps());
        assertEquals(b.counted(), a.counted());
    }

    @Test
    void commandLineReplicationsAndSeed_overrideTheRunSection() {
        LoadedScenario s = ScenarioLoader.load(BRIDGE, 7, 99L);
        BridgeDefinition def = compile(s);
        assertEquals(7, def.replications());
        assertEquals(99, def.seed());
    }

    @Test
    void scenarioWithoutBridge_isRefusedByTheCompiler() {
        LoadedScenario s = ScenarioLoader.load(Fixtures.MINIMAL, null, null);
        assertNull(s.spec().bridge());
        assertThrows(IllegalArgumentException.class, () -> BridgeCompiler.compile(s.spec(), s.settings(), 4, 1));
    }

    @Test
    void ageBandsNamedOnlyByTheBridge_areKnownToCohorts() {
        LoadedScenario s = ScenarioLoader.load(BRIDGE, null, null);
        assertNull(s.spec().growth(), "no growth section: the bands come from the bridge");
        assertFalse(s.hasErrors());
        LoadedScenario typo = load(Fixtures.edit(Fixtures.text(BRIDGE), "age_band: adults", "age_band: adult"));
        assertEquals(List.of("37:15: error: cohorts[1].age_band: found the age band 'adult', which "
                + "growth.by_age_band does not list, expected an age band of growth.by_age_band (there are none: add "
                + "growth.by_age_band, or leave age_band out) or of the bridge's demographic_growth: older, adults"),
                typo.problems().stream().map(Problem::located).toList());
    }

    @Test
    void parameterRanges_areCheckedAtTheirLocation() {
        String yaml = Fixtures.edit(Fixtures.text(BRIDGE), "share: 0.2", "share: [0.3, 0.2]");
        assertEquals(List.of("72:61: error: bridge.steps[2].changes[0].avoid_admissions.share: found the range "
                + "[0.3, 0.2], expected a range [low, high] with low <= high"),
                load(yaml).problems().stream().map(Problem::located).toList());
    }
}
