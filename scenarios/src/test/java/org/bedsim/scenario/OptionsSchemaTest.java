package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bedsim.model.SettingKpi;
import org.junit.jupiter.api.Test;

/**
 * The options files' JSON Schema kept in the repository is the one the code generates (update it with
 * {@code ./bedsim schema --options > scenarios/schema/options.schema.json} or this test with
 * {@code -Dbedsim.updateSchema=true}), and shipped options files point at it.
 */
class OptionsSchemaTest {
    static final Path SCHEMA = Path.of("schema/options.schema.json");

    @Test
    void optionsSchemaFile_matchesTheCode() throws IOException {
        String generated = OptionsSchema.text();
        if (Boolean.getBoolean("bedsim.updateSchema")) {
            Files.writeString(SCHEMA, generated);
        }
        assertEquals(generated, Files.readString(SCHEMA), "scenarios/schema/options.schema.json has drifted from the "
                + "records: run ./bedsim schema --options > scenarios/schema/options.schema.json (or this test with "
                + "-Dbedsim.updateSchema=true) and commit the result");
    }

    @Test
    void optionsSchema_closedObjects_documentedKeys_overridesArePartialScenarios() {
        JsonNode s = OptionsSchema.schema();
        assertEquals("[\"name\",\"base\",\"options\"]", s.get("required").toString());
        JsonNode defs = s.get("definitions");
        List<JsonNode> objects = new ArrayList<>(List.of(s));
        defs.forEach(objects::add);
        for (JsonNode o : objects) {
            assertEquals(false, o.get("additionalProperties").asBoolean(true), o.toString());
            o.get("properties").fields().forEachRemaining(p -> assertFalse(
                    p.getValue().path("description").asText().isBlank(), p.getKey()));
        }
        assertEquals("#/definitions/ScenarioOverrides",
                defs.get("OptionSpec").get("properties").get("overrides").get("allOf").get(0).get("$ref").asText());
        JsonNode overrides = defs.get("ScenarioOverrides");
        assertFalse(overrides.has("required"));
        for (String fixed : List.of("name", "calendar", "run", "$schema")) {
            assertFalse(overrides.get("properties").has(fixed), fixed);
        }
        JsonNode setting = defs.get("SettingSpecOverride");
        assertEquals("[\"name\"]", setting.get("required").toString());
        assertEquals("[true]", setting.get("properties").get("remove").get("enum").toString());
        JsonNode beds = setting.get("properties").get("beds");
        assertEquals("null", beds.get("anyOf").get(1).get("type").asText(), "null removes a key");
        assertEquals("#/definitions/CapacityChangeSpecOverride", setting.get("properties").get("capacity_changes")
                .get("anyOf").get(0).get("items").get("$ref").asText());
        assertFalse(defs.get("DistributionSpecOverride").has("required"));
        assertTrue(defs.has("SourceSpec") && defs.has("SourceSpecOverride"));
    }

    @Test
    void targetKpis_areExactlyTheModelsKpis() {
        List<String> model = java.util.Arrays.stream(SettingKpi.values()).map(Enum::name).toList();
        List<String> spec = java.util.Arrays.stream(TargetSpec.Kpi.values()).map(Enum::name).toList();
        assertEquals(model, spec);
        for (TargetSpec.Kpi k : TargetSpec.Kpi.values()) {
            assertEquals(k.kpi().key(), k.key());
        }
        JsonNode kpi = OptionsSchema.schema().get("definitions").get("TargetSpec").get("properties").get("kpi");
        assertEquals(SettingKpi.values().length, kpi.get("enum").size());
    }

    @Test
    void shippedOptionsFiles_pointAtTheOptionsSchema() throws IOException {
        List<Path> options = ShippedScenariosTest.shippedOptionsFiles();
        assertTrue(options.size() >= 3, options.toString());
        for (Path yaml : options) {
            String first = Files.readAllLines(yaml).get(0);
            assertTrue(first.startsWith("# yaml-language-server: $schema="), yaml + " starts with: " + first);
            Path target = yaml.getParent().resolve(first.substring(first.indexOf('=') + 1).trim()).normalize();
            assertEquals(SCHEMA.toAbsolutePath().normalize(), target.toAbsolutePath(), yaml.toString());
        }
    }
}
