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
 * The corpus of bad options files ({@code src/test/resources/bad-options/}, their base scenarios in {@code base/}):
 * one file per class of mistake, each listing at its end, as {@code # expect: ...} comments, the exact problems it
 * must produce: file (relative to the corpus), line, column, severity, the option for a problem in the base scenario,
 * path, what was found and what was expected. Every problem is compared, warnings included, in order. Run with
 * {@code -Dbedsim.printOptionsProblems=true} to print what each file produces.
 */
class BadOptionsTest {
    static final Path BAD = Path.of("src/test/resources/bad-options");

    static Stream<Path> badFiles() throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    static List<String> actual(Path file) {
        LoadedOptions o = OptionsLoader.load(file, null, null);
        String prefix = BAD.toString() + "/";
        return o.problems().stream().map(p -> p.render().startsWith(prefix) ? p.render().substring(prefix.length())
                : p.render()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badOptionsFile_reportsExactlyTheExpectedProblems(Path file) throws IOException {
        List<String> actual = actual(file);
        if (Boolean.getBoolean("bedsim.printOptionsProblems")) {
            System.out.println("== " + file.getFileName());
            actual.forEach(l -> System.out.println("# expect: " + l));
        }
        List<String> expected = Files.readAllLines(file).stream().filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length())).toList();
        assertFalse(expected.isEmpty(), file + " states no expected problem");
        assertEquals(String.join("\n", expected), String.join("\n", actual), file.toString());
    }

    @Test
    void corpus_errorsStopTheComparison_warningsDoNot() throws IOException {
        for (Path file : badFiles().toList()) {
            LoadedOptions o = OptionsLoader.load(file, null, null);
            boolean expectsError = Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("# expect: ")
                    && l.contains(" error: "));
            assertEquals(expectsError, o.hasErrors(), file.toString());
            assertEquals(expectsError, o.options().isEmpty(), file.toString());
        }
    }

    @Test
    void corpus_coversTheClassesOfMistake() throws IOException {
        List<String> names = badFiles().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.size() >= 20, names.toString());
    }
}
