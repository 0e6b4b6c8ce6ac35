package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    @Test
    void yamlAndJson_ofTheSameScenario_bindToEqualSpecs() {
        LoadedScenario yaml = ScenarioLoader.load(Fixtures.MINIMAL, null, null);
        LoadedScenario json = ScenarioLoader.load(Fixtures.MINIMAL_JSON, null, null);
        assertEquals(List.of(), yaml.problems());
        assertEquals(List.of(), json.problems());
        ScenarioSpec y = yaml.spec();
        ScenarioSpec j = json.spec();
        assertEquals(y.settings(), j.settings());
        assertEquals(y.cohorts(), j.cohorts());
        assertEquals(y.calendar(), j.calendar());
        assertEquals(y.targets(), j.targets());
        assertEquals(y.sources(), j.sources());
        assertEquals("../../../../schema/scenario.schema.json", j.schema());
    }

    @Test
    void bind_valuesAndOrder_asWritten() {
        ScenarioSpec s = ScenarioLoader.load(Fixtures.MINIMAL, null, null).spec();
        assertEquals(LocalDate.of(2016, 4, 1), s.calendar().start());
        assertEquals(List.of("ward", "rehab", "home"), s.settings().stream().map(SettingSpec::name).toList());
        assertEquals(SettingSpec.Kind.COMMUNITY, s.settings().get(1).kind());
        assertEquals(List.of("ward", "rehab"), List.copyOf(s.cohorts().get(0).los().keySet()));
        DistributionSpec ward = s.cohorts().get(0).los().get("ward");
        assertEquals(DistributionSpec.Family.EXPONENTIAL, ward.family());
        assertEquals(4.0, ward.mean());
        assertNull(ward.sd());
        assertEquals(0.1, s.cohorts().get(0).routing().get("ward").get(1).probability());
    }

    @Test
    void sourceMap_locatesEveryPath_oneBased() {
        LoadedScenario s = ScenarioLoader.load(Fixtures.MINIMAL, null, null);
        assertEquals(new Location(35, 15), s.sources().at("cohorts[0].los.ward.mean"));
        assertEquals(new Location(35, 9), s.sources().keyAt("cohorts[0].los.ward.mean"));
        assertEquals(new Location(15, 5), s.sources().at("settings[0]"));
        assertEquals("4", s.sources().text("cohorts[0].los.ward.mean"));
        // a path not in the file is located at its nearest parent
        assertEquals(new Location(34, 9), s.sources().at("cohorts[0].los.ward.sd"));
    }

    @Test
    void defaults_whenLeftOut_areTheDocumentedOnes() {
        String yaml = Fixtures.edit(Fixtures.text(Fixtures.MINIMAL), "  warmup_days: 30\n", "");
        LoadedScenario s = Fixtures.load(yaml);
        assertNull(s.spec().run());
        assertEquals(RunSpec.DEFAULT_REPLICATIONS, s.replications());
        assertEquals(RunSpec.DEFAULT_SEED, s.seed());
        assertEquals(180, s.spec().calendar().effectiveWarmupDays());
        assertEquals(180.0, s.settings().warmupDays());
        assertEquals(SettingSpec.WhenFull.WAIT, s.spec().settings().get(0).effectiveWhenFull());
        assertEquals("20", Shape.of(RunSpec.class).prop("replications").key().defaultValue());
        assertEquals("180", Shape.of(CalendarSpec.class).prop("warmup_days").key().defaultValue());
    }

    @Test
    void commandLine_overridesTheFile() {
        String yaml = Fixtures.edit(Fixtures.text(Fixtures.MINIMAL), "targets:\n",
                "run:\n  replications: 7\n  seed: 99\ntargets:\n");
        LoadedScenario fromFile = Fixtures.load(yaml);
        assertEquals(7, fromFile.replications());
        assertEquals(99, fromFile.seed());
        LoadedScenario overridden = ScenarioLoader.load("t.yaml", yaml.getBytes(), 3, 5L);
        assertEquals(3, overridden.replications());
        assertEquals(5, overridden.seed());
    }

    @Test
    void specs_areImmutable() {
        ScenarioSpec s = ScenarioLoader.load(Fixtures.MINIMAL, null, null).spec();
        assertThrows(UnsupportedOperationException.class, () -> s.settings().add(null));
        assertThrows(UnsupportedOperationException.class, () -> s.cohorts().get(0).los().clear());
        assertThrows(UnsupportedOperationException.class, () -> s.cohorts().get(0).routing().get("ward").clear());
    }

    @Test
    void strictMapper_theBackstop_refusesWhatLenientJacksonAccepts() {
        JsonMapper m = ScenarioReader.strictMapper();
        String[] bad = {
            "{\"from\": \"2016-05-01\", \"beds\": 2.5}",        // fraction into an integer
            "{\"from\": \"2016-05-01\", \"beds\": 2.0}",        // even a whole float
            "{\"from\": \"2016-05-01\", \"beds\": \"2\"}",      // text into an integer
            "{\"from\": \"2016-05-01\", \"beds\": 2, \"x\": 1}", // unknown key
            "{\"from\": \"2016-05-01\", \"beds\": 2} {}",       // trailing tokens
        };
        for (String json : bad) {
            assertThrows(JsonProcessingException.class, () -> m.readValue(json, CapacityChangeSpec.class), json);
        }
        assertThrows(JsonProcessingException.class, () -> m.readValue("{\"to\": 3, \"probability\": 1}",
                RouteSpec.class), "number into text");
        assertThrows(JsonProcessingException.class, () -> m.readValue("{\"family\": \"LOGNORMAL\"}",
                DistributionSpec.class), "enum in the wrong case");
        assertNotNull(assertDoesNotThrow(() -> m.readValue("{\"from\": \"2016-05-01\", \"beds\": 2}",
                CapacityChangeSpec.class)));
    }

    private static <T> T assertDoesNotThrow(java.util.concurrent.Callable<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyProblemAtOnce_structureAndCrossFieldTogether() {
        String yaml = Fixtures.text(Fixtures.MINIMAL);
        yaml = Fixtures.edit(yaml, "    beds: 30\n", "    beds: 30.5\n");           // structure
        yaml = Fixtures.edit(yaml, "          probability: 0.9\n", "          probability: 0.8\n"); // cross-field
        yaml = Fixtures.edit(yaml, "    entry: ward\n", "    entry: wards\n");       // reference
        List<String> p = Fixtures.load(yaml).problems().stream().map(Problem::located).toList();
        assertEquals(List.of(
                "17:11: error: settings[0].beds: found 30.5, expected an integer from 0 to 1000000",
                "28:12: error: cohorts[0].entry: found 'wards', which is not a setting, expected a setting that is "
                        + "not of kind home: ward, rehab",
                "43:9: error: cohorts[0].routing.ward: found probabilities summing to 0.9, expected probabilities "
                        + "summing to 1"), p);
    }

    @Test
    void refusedValue_causesNoSecondProblem() {
        // the bad name of a setting is one problem: references to it are not reported again
        String yaml = Fixtures.edit(Fixtures.text(Fixtures.MINIMAL), "  - name: ward\n", "  - name: Ward\n");
        List<Problem> p = Fixtures.load(yaml).problems();
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().startsWith("settings[0].name: found the text 'Ward'"));
    }
}
