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

    /**
     * Expected errors (the corpus files' {@code # expect:} lines) of a kind JSON Schema expresses: an unknown key, a
     * missing required key, a wrong type, text where a name of a pattern or a number is expected, a fraction where an
     * integer is. A file with one of them must fail the published schema; a file whose errors are all of other kinds
     * (references between keys, sums, dates in order, what a family needs, the run's size) may pass it.
     */
    private static final List<java.util.regex.Pattern> STRUCTURAL = Stream.of(
            "error: .*found an unknown key '",
            // in an option's overrides a key is required only of a new item, which depends on the base
            "error: (?!.*\\.overrides\\.).*\\(the key '[^']+' is missing\\), expected .*\\(required\\)$",
            "error: .*found the text '",
            "error: .*found a (list|mapping), expected a",
            "error: .*found -?[0-9]+\\.[0-9]*[1-9][0-9]*, expected an integer")
            .map(java.util.regex.Pattern::compile).toList();

    private static boolean structural(Path file) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.contains("expect:") && STRUCTURAL.stream().anyMatch(p -> p.matcher(line).find())) {
                return true;
            }
        }
        Path expected = file.resolveSibling(file.getFileName() + ".expected");
        if (Files.exists(expected)) {
            for (String line : Files.readAllLines(expected)) {
                if (STRUCTURAL.stream().anyMatch(p -> p.matcher(line).find())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void badCorpora_everyStructuralFault_failsTheSchema() throws IOException {
        JsonSchema scenario = schema("scenario.schema.json");
        JsonSchema options = schema("options.schema.json");
        List<String> passed = new ArrayList<>();
        int structural = 0;
        for (String corpus : List.of("bad", "bad-options")) {
            for (Path p : files(Path.of("src/test/resources").resolve(corpus))) {
                if (p.getParent().getFileName().toString().equals("base") || !structural(p)) {
                    continue; // bases of the bad options files; faults JSON Schema cannot express
                }
                JsonNode tree;
                try {
                    tree = read(p);
                } catch (IOException | RuntimeException e) {
                    continue; // not readable as a tree: no schema can judge it
                }
                structural++;
                if ((corpus.equals("bad-options") ? options : scenario).validate(tree).isEmpty()) {
                    passed.add(corpus + "/" + p.getFileName());
                }
            }
        }
        assertTrue(structural >= 15, "structural faults judged: " + structural);
        assertEquals(List.of(), passed, "files with a structural fault that the published schema accepts");
    }
}
