package org.bedsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bedsim.cli.Main;
import org.bedsim.scenario.TargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad sweep files ({@code src/test/resources/bad-sweeps/}, the scenarios they name in {@code base/}):
 * one file per class of mistake, each listing at its end, as {@code # expect: ...} comments, the exact problems it
 * must produce, every one at once: file (relative to the corpus), line, column, severity, path, what was found and
 * what was expected ({@code {kpis}} standing for the list of KPI names). Every problem is compared, warnings
 * included, in order. Through the command line, a bad sweep
 * file exits with 2 before Spark starts, with those lines and no stack trace. Run with
 * {@code -Dbedsim.printSweepProblems=true} to print what each file produces. No Spark here.
 */
class BadSweepsTest {
    static final Path BAD = Path.of("src/test/resources/bad-sweeps");

    static Stream<Path> badFiles() throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    /** @return the problems, each with the corpus folder taken out of its file names */
    static List<String> actual(Path file) {
        String prefix = BAD + "/";
        return SweepLoader.load(file).problems().stream().map(p -> p.replace(prefix, "")).toList();
    }

    /**
     * @return the problems the file expects; {@code {kpis}} stands for the list of KPI names (which grows as bedsim
     *     measures more), in the order the message gives them
     */
    static List<String> expected(Path file) throws IOException {
        String kpis = String.join(", ", Arrays.stream(TargetSpec.Kpi.values()).map(TargetSpec.Kpi::key).toList());
        return Files.readAllLines(file).stream().filter(l -> l.startsWith("# expect: "))
                .map(l -> l.substring("# expect: ".length()).replace("{kpis}", kpis)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badSweepFile_reportsExactlyTheExpectedProblems(Path file) throws IOException {
        List<String> actual = actual(file);
        if (Boolean.getBoolean("bedsim.printSweepProblems")) {
            System.out.println("== " + file.getFileName());
            actual.forEach(l -> System.out.println("# expect: " + l));
        }
        List<String> expected = expected(file);
        assertFalse(expected.isEmpty(), file + " states no expected problem");
        assertEquals(String.join("\n", expected), String.join("\n", actual), file.toString());
    }

    @Test
    void corpus_errorsStopTheSweep_throughTheCommandLine_exit2_noStackTrace() throws IOException {
        for (Path file : badFiles().toList()) {
            boolean expectsError = expected(file).stream().anyMatch(l -> l.contains(" error: "));
            LoadedSweep sweep = SweepLoader.load(file);
            assertEquals(expectsError, sweep.hasErrors(), file.toString());
            if (!expectsError) {
                continue;
            }
            assertEquals(List.of(), sweep.variants(), file + ": nothing to run");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new String[] {"sweep", file.toString(), "--out", "target/never-written"},
                    new PrintWriter(out, true), new PrintWriter(err, true), new SweepCommand());
            assertEquals(Main.BAD_INPUT, code, file + "\n" + err);
            String text = err.toString().replace(BAD + "/", "");
            for (String line : actual(file)) {
                assertTrue(text.contains(line), file + ": " + line + "\n" + text);
            }
            assertTrue(text.contains("nothing was run"), text);
            assertFalse(text.contains("Exception") || text.contains("\tat "), file + ": a stack trace\n" + text);
            assertFalse(Files.exists(Path.of("target/never-written")), "no output directory for a bad sweep");
        }
    }

    @Test
    void aUnitRefusedOnAnExecutor_isFoundInSparksFailure_asBadInput() {
        Exception spark = new Exception("Job aborted due to stage failure: Task 3 in stage 1.0 failed 3 times, most "
                + "recent failure: Lost task 3.2 (TID 9): " + UnitRefused.MARK + "variant a-1 (a.yaml): its bridge "
                + "cannot be computed: a target out of reach\n\tat org.bedsim.sweep.UnitTask.bridge(UnitTask.java:1)");
        assertEquals("variant a-1 (a.yaml): its bridge cannot be computed: a target out of reach",
                UnitRefused.in(new RuntimeException("wrapped", spark)));
        assertEquals("x", UnitRefused.in(new UnitRefused("x")));
        assertEquals(null, UnitRefused.in(new IllegalStateException("a bug")), "anything else stays a bug (exit 1)");
    }

    @Test
    void corpus_coversTheClassesOfMistake() throws IOException {
        List<String> names = badFiles().map(p -> p.getFileName().toString()).toList();
        for (String needed : List.of("syntax-error.yaml", "structure.yaml", "parameters.yaml", "sample.yaml",
                "scenarios.yaml", "scenario-with-errors.yaml", "paths.yaml", "variant-values.yaml", "keep.yaml",
                "targets.yaml", "too-many-variants.yaml")) {
            assertTrue(names.contains(needed), "missing from the corpus: " + needed);
        }
        assertTrue(names.size() >= 15, names.toString());
    }
}
