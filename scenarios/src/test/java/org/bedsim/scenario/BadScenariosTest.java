package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad scenario files ({@code src/test/resources/bad/}): one file per class of invalid input, each
 * holding the exact problems it must produce, with their line, column, path, what was found and what was expected.
 * YAML files list them at the end as {@code # expect: ...} comments (comments change no location); JSON files, which
 * have no comments, in a {@code .expected} file beside them. Every problem is compared, warnings included, in order.
 */
class BadScenariosTest {
    static final Path BAD = Path.of("src/test/resources/bad");

    static Stream<Path> badFiles() throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            return files.filter(p -> !p.toString().endsWith(".expected")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFile_reportsExactlyTheExpectedProblems(Path file) throws IOException {
        List<String> expected = expectations(file);
        assertFalse(expected.isEmpty(), file + " states no expected problem");
        LoadedScenario s = ScenarioLoader.load(file, null, null);
        List<String> actual = s.problems().stream().map(Problem::located).toList();
        assertEquals(String.join("\n", expected), String.join("\n", actual), file.toString());
    }

    @Test
    void corpus_coversEveryClassOfInvalidInput() throws IOException {
        List<String> names = badFiles().map(p -> p.getFileName().toString()).toList();
        for (String needed : List.of("unknown-key.yaml", "text-for-number.yaml", "fraction-for-integer.yaml",
                "float-for-integer.yaml", "null-value.yaml", "missing-required.yaml", "trailing-document.yaml",
                "trailing-tokens.json", "duplicate-key.yaml", "yaml-alias-bomb.yaml", "deep-nesting.yaml",
                "huge-number.yaml", "unknown-setting.yaml", "routing-sum.yaml", "cycle-without-exit.yaml",
                "capacity-change-outside-horizon.yaml", "capacity-changes-unordered.yaml", "warmup-too-long.yaml",
                "too-large-run.yaml", "overloaded.yaml")) {
            assertTrue(names.contains(needed), "missing from the corpus: " + needed);
        }
        assertTrue(names.size() >= 50, "corpus of " + names.size());
    }

    @Test
    void corpus_filesWithErrorsCannotRun_filesWithWarningsOnlyCan() throws IOException {
        for (Path file : badFiles().toList()) {
            boolean expectsError = expectations(file).stream().anyMatch(l -> l.contains(" error: ")
                    || l.startsWith("error: "));
            assertEquals(expectsError, ScenarioLoader.load(file, null, null).hasErrors(), file.toString());
        }
    }

    static List<String> expectations(Path file) throws IOException {
        if (file.toString().endsWith(".json")) {
            return Files.readAllLines(Path.of(file + ".expected")).stream().filter(l -> !l.isBlank()).toList();
        }
        return Files.readAllLines(file).stream().filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length())).toList();
    }
}
