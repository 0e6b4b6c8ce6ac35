package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published schemas ({@code scenarios/schema/*.schema.json}) as an editor reads them, checked by a standard JSON
 * Schema validator (networknt, draft 7) rather than by bedsim's own reader: every shipped scenario and options file
 * passes, and every file of the bad corpora whose fault is one of structure (an unknown key, a wrong type, a missing
 * required key, a value out of an enumeration or range) fails. Faults beyond JSON Schema (references between keys,
 * sums, dates in order, run sizes) are listed with the reason the schema cannot see them.
 */
class PublishedSchemasTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..");

    private static JsonSchema schema(String file) throws IOException {
        JsonNode schema = JSON.readTree(ROOT.resolve("scenarios/schema").resolve(file).toFile());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    }

    private static JsonNode read(Path file) throws IOException {
        return (file.toString().endsWith(".json") ? JSON : YAML).readTree(file.toFile());
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                    .filter(p -> !p.toString().contains("/schema/") && !p.toString().endsWith("-summary.json"))
                    .sorted().toList();
        }
    }

    private static boolean isOptions(JsonNode tree) {
        return tree != null && tree.has("base") && tree.has("options");
    }

    @Test
    void everyShippedScenarioAndOptionsFile_passesThePublishedSchema() throws IOException {
        JsonSchema scenario = schema("scenario.schema.json");
        JsonSchema options = schema("options.schema.json");
        List<Path> shipped = new ArrayList<>();
        for (String dir : List.of("examples", "llr-2016", "bct-2014")) {
            shipped.addAll(files(ROOT.resolve("scenarios").resolve(dir)));
        }
        shipped.addAll(files(Path.of("src/test/resources/good")));
        shipped.addAll(files(Path.of("src/test/resources/compare")));
        shipped.addAll(files(Path.of("src/test/resources/golden")));
        assertTrue(shipped.size() >= 12, shipped.toString());
        int optionsFiles = 0;
        StringBuilder failures = new StringBuilder();
        for (Path p : shipped) {
            JsonNode tree = read(p);
            boolean o = isOptions(tree);
            optionsFiles += o ? 1 : 0;
            Set<ValidationMessage> messages = (o ? options : scenario).validate(tree);
            if (!messages.isEmpty()) {
                failures.append(p).append(": ").append(messages).append('\n');
            }
        }
        assertEquals("", failures.toString());
        assertTrue(optionsFiles >= 3, "the shipped options files are among them");
    }

    /** Bad files the schema cannot judge, and why. */
    private static final TreeMap<String, String> BEYOND_SCHEMA = new TreeMap<>();

    static {
        String refs = "a reference to a name defined elsewhere (a setting, cohort, age band, source, option or step)";
        for (String f : List.of("age-band-unknown.yaml", "bridge-references.yaml", "readmission-unknown-cohort.yaml",
                "unknown-setting.yaml", "missing-sources.yaml", "sources.yaml", "no-home.yaml", "missing-los.yaml",
                "cycle-without-exit.yaml")) {
            BEYOND_SCHEMA.put("bad/" + f, refs);
        }
        String rule = "a rule across keys or values (sums, date order, one form or another, what a family needs)";
        for (String f : List.of("routing-sum.yaml", "capacity-changes-unordered.yaml",
                "capacity-change-outside-horizon.yaml", "warmup-too-long.yaml", "short-warmup.yaml",
                "policy-mismatch.yaml", "profile-mismatch.yaml", "elective-when-full.yaml", "sink-with-beds.yaml",
                "duplicate-names.yaml", "bridge-phasing.yaml", "bridge-redirects.yaml", "bridge-warnings.yaml",
                "bridge-avoid-per-year.yaml", "bridge-structure.yaml", "distribution-invalid.yaml",
                "distribution-parameters.yaml", "growth-forms.yaml")) {
            BEYOND_SCHEMA.put("bad/" + f, rule);
        }
        BEYOND_SCHEMA.put("bad/overloaded.yaml", "a warning from the pre-flight load, not an error");
        BEYOND_SCHEMA.put("bad/too-large-run.yaml", "the run's size, from the pre-flight estimate");
        BEYOND_SCHEMA.put("bad/float-for-integer.yaml", "JSON Schema counts 1.0 as an integer; bedsim does not");
        String reading = "a fault of the text that a parsed tree no longer shows (duplicate keys, trailing content)";
        for (String f : List.of("duplicate-key.yaml", "json-duplicate-key.json", "trailing-document.yaml",
                "trailing-tokens.json")) {
            BEYOND_SCHEMA.put("bad/" + f, reading);
        }
        String base = "depends on the base scenario or on other files";
        for (String f : List.of("base-missing.yaml", "base-not-yaml.yaml", "base-with-errors.yaml", "new-items.yaml",
                "nulls.yaml", "removed-still-referenced.yaml", "routing-in-option.yaml", "overloaded-option.yaml",
                "one-replication.yaml")) {
            BEYOND_SCHEMA.put("bad-options/" + f, base);
        }
        BEYOND_SCHEMA.put("bad-options/option-names.yaml", refs);
        BEYOND_SCHEMA.put("bad-options/optimise.yaml", refs);
        BEYOND_SCHEMA.put("bad-options/sources.yaml", refs);
    }

    @Test
    void badCorpora_structuralFaultsFailTheSchema_theRestAreListedWithTheirReason() throws IOException {
        JsonSchema scenario = schema("scenario.schema.json");
        JsonSchema options = schema("options.schema.json");
        TreeMap<String, String> accepted = new TreeMap<>();
        int judged = 0;
        for (String corpus : List.of("bad", "bad-options")) {
            for (Path p : files(Path.of("src/test/resources").resolve(corpus))) {
                if (p.getParent().getFileName().toString().equals("base")) {
                    continue; // bases of the bad options files
                }
                JsonNode tree;
                try {
                    tree = read(p);
                } catch (IOException | RuntimeException e) {
                    continue; // not readable as a tree (syntax, aliases, tags): no schema can judge it
                }
                if (tree == null || tree.isMissingNode()) {
                    continue;
                }
                judged++;
                boolean o = corpus.equals("bad-options");
                if ((o ? options : scenario).validate(tree).isEmpty()) {
                    accepted.put(corpus + "/" + p.getFileName(), "");
                }
            }
        }
        assertTrue(judged > 60, "judged " + judged);
        assertEquals(new TreeMap<>(BEYOND_SCHEMA).keySet(), accepted.keySet(),
                "files the schema accepts must be exactly those whose fault is beyond JSON Schema");
    }
}
