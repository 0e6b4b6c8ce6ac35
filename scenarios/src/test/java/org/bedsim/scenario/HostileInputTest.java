package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to exhaust memory or time are refused quickly, with a message instead of a crash. */
class HostileInputTest {
    @TempDir
    Path dir;

    private static List<String> problems(String name, String content) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ScenarioLoader.load(name,
                content.getBytes(StandardCharsets.UTF_8), null, null).problems().stream().map(Problem::located)
                .toList());
    }

    @Test
    void hugeFile_refusedBeforeReading() throws IOException {
        Path big = dir.resolve("big.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(big)) {
            for (long written = 0; written <= TreeReader.MAX_FILE_BYTES; written += line.length) {
                out.write(line);
            }
        }
        List<String> p = ScenarioLoader.load(big, null, null).problems().stream().map(Problem::located).toList();
        assertEquals(List.of("error: found a file of more than 8388608 bytes, expected a scenario file of at "
                + "most 8388608 bytes"), p);
    }

    @Test
    void hugeText_refused() {
        String yaml = "name: x\ndescription: " + "a".repeat(TreeReader.MAX_TEXT + 1) + "\n";
        assertEquals(List.of("2:14: error: description: found a text of 20001 characters (refused), expected texts "
                + "of at most 20000 characters"), problems("s.yaml", yaml));
    }

    @Test
    void deepNesting_thousandsOfLevels_refusedAtTheLimit() {
        String json = "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        List<String> p = problems("s.json", json);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("1:39: error: found nesting deeper than 32 levels (refused)"), p.get(0));
    }

    @Test
    void aliasBomb_withNineLevels_refusedAtTheFirstAnchor() {
        StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 9; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        assertEquals(List.of("1:5: error: a0: found the YAML anchor &a0, expected a plain value (YAML anchors and "
                + "aliases are not supported: write the value out)"), problems("bomb.yaml", y.toString()));
    }

    @Test
    void longNumber_refused() {
        List<String> p = problems("s.json", "{\"name\": 1" + "0".repeat(60) + "}");
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("found a number longer than 40 characters (refused)"), p.get(0));
    }

    @Test
    void nonFiniteJson_refused() {
        assertEquals(List.of("1:13: error: found text that is not valid JSON: Non-standard token 'NaN', expected "
                + "valid JSON"), problems("s.json", "{\"name\": NaN}"));
    }

    @Test
    void wrongExtension_missingFile_directory_reportedNotThrown() throws IOException {
        assertEquals(List.of("error: found a file named notes.txt, expected a scenario file ending in .yaml, .yml "
                + "or .json"), problems("notes.txt", "name: x"));
        assertEquals(List.of("error: found no such file, expected an existing scenario file"),
                ScenarioLoader.load(dir.resolve("nope.yaml"), null, null).problems().stream()
                        .map(Problem::located).toList());
        assertEquals(List.of("error: found a directory, expected a scenario file (.yaml, .yml or .json)"),
                ScenarioLoader.load(dir, null, null).problems().stream().map(Problem::located).toList());
    }
}
