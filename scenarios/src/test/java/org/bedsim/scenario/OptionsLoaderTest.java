package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bedsim.dist.LogNormal;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.FlowSettings;
import org.junit.jupiter.api.Test;

/** How options merge into their base, and what a loaded options file holds. */
class OptionsLoaderTest {
    static final Path EXAMPLE = Path.of("examples/single-hospital-options.yaml");
    /** A name beside the corpus's base scenarios, so that {@code base/two-wards.yaml} resolves. */
    static final String INLINE = "src/test/resources/bad-options/inline.yaml";

    static LoadedOptions load(String yaml) {
        String head = "name: inline\nbase: {scenario: base/two-wards.yaml, name: today}\n";
        return OptionsLoader.load(INLINE, (head + yaml).getBytes(StandardCharsets.UTF_8), null, null);
    }

    static List<String> problems(LoadedOptions o) {
        return o.problems().stream().map(LoadedOptions.FileProblem::render).toList();
    }

    @Test
    void example_loadsWithoutProblems_everyOptionMergedAndCompiled() {
        LoadedOptions o = OptionsLoader.load(EXAMPLE, null, null);
        assertEquals(List.of(), problems(o));
        assertEquals(List.of("today", "community-plus-21", "virtual-plus-20", "both"),
                o.options().stream().map(LoadedOptions.Option::name).toList());
        assertEquals(10, o.replications(), "the options file's run");
        assertEquals(2016, o.seed());
        assertEquals(List.of("settings.community.beds: 38 -> 59",
                "settings.community.capacity_changes: [{\"from\":\"2017-10-01\",\"beds\":42,\"source\":"
                        + "\"community-ward-growth\"}] -> []",
                "settings.community.source: community-ward-growth -> extra-ward"),
                o.option("community-plus-21").changes());
        FlowSettings both = o.option("both").settings();
        assertEquals(CapacityTimeline.constant(59), both.setting("community").capacity(), "from community-plus-21");
        assertEquals(71, both.setting("virtual-ward").capacity().initial());
        assertEquals("community-plus-21", o.option("both").basedOn());
        assertEquals(2, o.targets().size());
        assertEquals(1, o.searches().size());
        assertEquals("today", o.searches().get(0).option());
        assertEquals(5, OptionsLoader.load(EXAMPLE, 5, 7L).replications(), "the command line wins");
        assertEquals(7, OptionsLoader.load(EXAMPLE, 5, 7L).seed());
    }

    @Test
    void emptyOverrides_giveTheBaseExactly() {
        LoadedOptions o = load("options:\n  - {name: same, overrides: {}}\n");
        assertEquals(List.of(), problems(o));
        assertEquals(o.option("today").scenario().spec(), o.option("same").scenario().spec());
        assertEquals(List.of(), o.option("same").changes());
        assertEquals(3, o.replications(), "the base scenario's run");
        assertEquals(5, o.seed());
    }

    @Test
    void namedItems_mergeByName_removeAndAddKeepOrder() {
        LoadedOptions o = load("""
                options:
                  - name: reshape
                    overrides:
                      settings:
                        - {name: rehab, beds: 20}
                        - {name: a, beds: 60}
                        - {name: extra, kind: community, beds: 5, source: test-figures}
                        - {name: b, remove: true}
                      cohorts:
                        - {name: pb, entry: a, los: {b: null, a: {family: exponential, mean: 5, source: test-figures}}}
                        - {name: pa, los: {a: {mean: 4.5}}}
                """);
        assertEquals(List.of(), problems(o));
        FlowSettings s = o.option("reshape").settings();
        assertEquals(List.of("a", "rehab", "home", "extra"), s.settings().stream().map(c -> c.name()).toList());
        assertEquals(20, s.setting("rehab").capacity().initial());
        assertEquals("a", s.cohort("pb").entry());
        assertEquals(5.0, s.cohort("pb").lengthOfStay().get("a").mean(), 1e-12);
        assertEquals(4.5, s.cohort("pa").lengthOfStay().get("a").mean(), 1e-12, "mean merged, family kept");
        assertEquals(List.of("settings.a.beds: 30 -> 60", "settings.b: removed", "settings.rehab.beds: 12 -> 20",
                "settings.extra: added {\"name\":\"extra\",\"kind\":\"community\",\"beds\":5,\"source\":"
                        + "\"test-figures\"}",
                "cohorts.pa.los.a.mean: 4 -> 4.5", "cohorts.pb.entry: b -> a", "cohorts.pb.los.b: removed",
                "cohorts.pb.los.a: added {\"family\":\"exponential\",\"mean\":5,\"source\":\"test-figures\"}"),
                o.option("reshape").changes());
    }

    @Test
    void distributionNamingItsFamily_replacesTheBaseWhole_nullRemovesAKey() {
        LoadedOptions o = load("""
                options:
                  - name: longer
                    overrides:
                      cohorts:
                        - name: pa
                          los:
                            rehab: {family: lognormal, mean: 14, sd: 9, source: test-figures}
                          routing: {a: null}
                """);
        assertEquals(List.of("src/test/resources/bad-options/inline.yaml:9:20: warning: options[0].overrides.cohorts[0]"
                + ".los.rehab: found a length of stay in 'rehab', which the cohort never reaches, expected lengths of "
                + "stay only for settings on the cohort's pathways",
                "src/test/resources/bad-options/base/two-wards.yaml:7:3: warning: in option 'longer': calendar."
                + "warmup_days: found a warm-up of 40 days, expected at least 3 times the longest mean stay (14 days, "
                + "pa in rehab), so that beds are filled before measuring"), problems(o),
                "the replaced distribution is the option's; the warm-up the base's, too short for the option");
        FlowSettings s = o.option("longer").settings();
        assertEquals(LogNormal.ofMeanSd(14, 9).mean(), s.cohort("pa").lengthOfStay().get("rehab").mean(), 1e-12);
        assertTrue(s.cohort("pa").routing().isEmpty(), "routing from a removed: patients go home");
    }

    @Test
    void problemInTheBaseBroughtOutByAnOption_namesTheOption_andStopsTheComparison() {
        LoadedOptions o = load("options:\n  - name: close-b\n    overrides:\n      settings:\n"
                + "        - {name: b, remove: true}\n");
        assertTrue(o.hasErrors());
        assertEquals(List.of(), o.options());
        LoadedOptions.FileProblem p = o.errors().get(0);
        assertEquals("close-b", p.option());
        assertEquals("src/test/resources/bad-options/base/two-wards.yaml", p.file());
        assertEquals("cohorts[1].entry", p.problem().path());
    }

    @Test
    void optionsFiles_areToldApartFromScenarios() {
        assertTrue(OptionsLoader.isOptionsFile(EXAMPLE));
        assertFalse(OptionsLoader.isOptionsFile(Path.of("examples/single-hospital.yaml")));
        assertFalse(OptionsLoader.isOptionsFile(Path.of("no/such.yaml")));
        assertNull(OptionsLoader.load(Path.of("no/such.yaml"), null, null).spec());
    }

    @Test
    void optionsFileTold_withoutParsing_whenTheKeysCannotBeThere_butEscapedKeysStillCount() throws Exception {
        byte[] plain = "name: x\nsettings: []\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(OptionsLoader.cannotName(plain, "options"));
        assertFalse(OptionsLoader.cannotName("a: {base: 1}".getBytes(StandardCharsets.UTF_8), "base"));
        // JSON may spell a key with escapes: then the file is parsed, and an escaped 'base' is still 'base'
        Path dir = java.nio.file.Files.createTempDirectory("kinds");
        Path json = dir.resolve("escaped.json");
        java.nio.file.Files.writeString(json, "{\"\\u0062ase\": {\"scenario\": \"s.yaml\"}, \"options\": []}");
        assertFalse(OptionsLoader.cannotName(java.nio.file.Files.readAllBytes(json), "base"));
        assertTrue(OptionsLoader.isOptionsFile(json));
        java.nio.file.Files.writeString(json, "{\"name\": \"x\", \"options\": []}");
        assertFalse(OptionsLoader.isOptionsFile(json));
    }
}
