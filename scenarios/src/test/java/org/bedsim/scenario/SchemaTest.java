package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema kept in the repository is the one the code generates (update it with
 * {@code mvn -pl scenarios test -Dtest=SchemaTest -Dbedsim.updateSchema=true} or
 * {@code ./bedsim schema > scenarios/schema/scenario.schema.json}), and it says what the checks enforce.
 */
class SchemaTest {
    static final Path SCHEMA = Path.of("schema/scenario.schema.json");

    @Test
    void schemaFile_matchesTheCode() throws IOException {
        String generated = SchemaGenerator.text();
        if (Boolean.getBoolean("bedsim.updateSchema")) {
            Files.writeString(SCHEMA, generated);
        }
        assertEquals(generated, Files.readString(SCHEMA), "scenarios/schema/scenario.schema.json has drifted from "
                + "the spec records: run ./bedsim schema > scenarios/schema/scenario.schema.json (or this test with "
                + "-Dbedsim.updateSchema=true) and commit the result");
    }

    @Test
    void schema_everyObjectIsClosed_everyKeyDocumented() {
        JsonNode schema = SchemaGenerator.schema();
        assertEquals("http://json-schema.org/draft-07/schema#", schema.get("$schema").asText());
        List<JsonNode> objects = new ArrayList<>();
        objects.add(schema);
        schema.get("definitions").forEach(objects::add);
        assertEquals(36, schema.get("definitions").size(), schema.get("definitions").toString());
        for (JsonNode o : objects) {
            assertEquals(false, o.get("additionalProperties").asBoolean(true), o.toString());
            for (Map.Entry<String, JsonNode> p : iterable(o.get("properties"))) {
                assertFalse(p.getValue().path("description").asText().isBlank(), p.getKey());
            }
        }
    }

    @Test
    void schema_carriesRequiredKeysBoundsEnumsAndDefaults() {
        JsonNode s = SchemaGenerator.schema();
        JsonNode defs = s.get("definitions");
        assertEquals("[\"name\",\"sources\",\"calendar\",\"targets\",\"settings\",\"cohorts\"]",
                s.get("required").toString());
        JsonNode horizon = defs.get("CalendarSpec").get("properties").get("horizon_years");
        assertEquals("integer", horizon.get("type").asText());
        assertEquals(1, horizon.get("minimum").asInt());
        assertEquals(50, horizon.get("maximum").asInt());
        JsonNode occupancy = defs.get("TargetsSpec").get("properties").get("occupancy");
        assertEquals(0, occupancy.get("exclusiveMinimum").asInt());
        assertEquals(1, occupancy.get("maximum").asInt());
        assertEquals("[\"acute\",\"community\",\"virtual_ward\",\"caseload\",\"interim\",\"home\"]",
                defs.get("SettingSpec").get("properties").get("kind").get("enum").toString());
        assertEquals(180, defs.get("CalendarSpec").get("properties").get("warmup_days").get("default").asInt());
        JsonNode week = defs.get("ProfileSpec").get("properties").get("day_of_week");
        assertEquals(7, week.get("minItems").asInt());
        assertEquals(7, week.get("maxItems").asInt());
        assertEquals(0, week.get("items").get("minimum").asInt());
        assertTrue(s.get("properties").has("$schema"));
    }

    @Test
    void schemaCommentOfShippedYaml_pointsAtTheSchemaFile() throws IOException {
        for (Path yaml : ShippedScenariosTest.shippedFiles()) {
            if (!yaml.toString().endsWith(".json")) {
                String first = Files.readAllLines(yaml).get(0);
                assertTrue(first.startsWith("# yaml-language-server: $schema="), yaml + " starts with: " + first);
                Path target = yaml.getParent().resolve(first.substring(first.indexOf('=') + 1).trim()).normalize();
                assertEquals(SCHEMA.toAbsolutePath().normalize(), target.toAbsolutePath(), yaml.toString());
            }
        }
    }

    @Test
    void schemaFile_isValidJson() throws IOException {
        ObjectMapper m = new ObjectMapper();
        assertEquals(m.readTree(SchemaGenerator.text()), m.readTree(SCHEMA.toFile()));
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode o) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        o.fields().forEachRemaining(out::add);
        return out;
    }
}
