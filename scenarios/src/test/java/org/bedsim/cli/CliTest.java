package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bedsim.report.WaitsCsv;
import org.bedsim.scenario.SchemaGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

class CliTest {
    static final String MINIMAL = "src/test/resources/good/minimal.yaml";
    static final String EXAMPLE = "examples/single-hospital.yaml";
    static final String BAD = "src/test/resources/bad/routing-sum.yaml";

    @TempDir
    Path tmp;

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertNoStackTrace(Cli r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    void help_onEveryCommand_withExamples_exit0() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"run", "--help"},
                new String[] {"validate", "--help"}, new String[] {"schema", "--help"}, new String[] {"help", "run"},
                new String[] {"-h"})) {
            Cli r = Cli.run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Examples:") && r.out().contains("./bedsim "), r.out());
            assertTrue(r.out().startsWith("Usage: bedsim"), r.out());
        }
        assertTrue(Cli.run("run", "--help").out().contains("--replications=N"));
    }

    @Test
    void version_printsBedsimAndJava() {
        Cli r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("bedsim " + Version.bedsim() + "\nJava "), r.out());
        assertFalse(Version.bedsim().equals("unknown"), "the version resource is filtered by the build");
        assertEquals(0, Cli.run("run", "--version").code());
    }

    @Test
    void noCommand_unknownCommand_unknownOption_exit2_withoutStackTrace() {
        Cli none = Cli.run();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("a command is required"), none.err());
        Cli unknown = Cli.run("simulate", MINIMAL);
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("bedsim: unknown command 'simulate'; the commands are run, bridge, "),
                unknown.err());
        for (String command : List.of("compare", "validate", "schema")) {
            assertTrue(unknown.err().contains(command), unknown.err());
        }
        assertTrue(unknown.err().strip().endsWith("(see 'bedsim --help')"), unknown.err());
        assertTrue(unknown.err().lines().count() == 1, unknown.err());
        Cli option = Cli.run("run", MINIMAL, "--bogus");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("Unknown option: '--bogus'"), option.err());
        assertNoStackTrace(none);
        assertNoStackTrace(unknown);
        assertNoStackTrace(option);
    }

    @Test
    void unknownCommandWithHelp_saysUnknown_exit2() {
        Cli r = Cli.run("fit2", "--help");
        assertEquals(2, r.code(), "not the top-level help with exit 0");
        assertTrue(r.err().startsWith("bedsim: unknown command 'fit2'"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void badOptionValue_oneLine_pointingAtTheCommandsHelp() {
        for (String[] args : List.of(new String[] {"run", MINIMAL, "--replications", "abc"},
                new String[] {"run", MINIMAL, "--replications", "0"}, new String[] {"bridge", MINIMAL, "--bogus"},
                new String[] {"compare", MINIMAL, "--threads", "many"})) {
            Cli r = Cli.run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().strip().endsWith("(see 'bedsim " + args[0] + " --help')"), r.err());
            assertFalse(r.err().contains("Usage:"), r.err());
        }
    }

    @Test
    void wrongFileKind_oneLine_namingTheRightCommand() {
        String options = "examples/single-hospital-options.yaml";
        for (String command : List.of("run", "bridge")) {
            Cli r = Cli.run(command, options, "--quiet");
            assertEquals(2, r.code());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("is an options file") && r.err().contains("'bedsim compare " + options
                    + "'"), r.err());
        }
        Cli r = Cli.run("compare", EXAMPLE, "--quiet");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("is a scenario file") && r.err().contains("'bedsim run " + EXAMPLE + "'"),
                r.err());
    }

    @Test
    void help_summariesWhole_andExamplesNeverWrapped() {
        String top = Cli.run("--help").out();
        for (String summary : List.of("Runs a scenario and writes its results to the output directory.",
                "Prints the JSON Schema of scenario files, or of options files.",
                "Compares reconfiguration options on the same random streams.")) {
            assertTrue(top.contains(summary), top);
        }
        for (String command : List.of("run", "bridge", "compare", "validate", "schema")) {
            String help = Cli.run(command, "--help").out();
            String examples = help.substring(help.indexOf("Examples:"));
            for (String line : examples.lines().skip(1).toList()) {
                assertTrue(line.isEmpty() || line.startsWith("  ./bedsim ") || line.startsWith("      --"),
                        "an example wrapped inside an argument in '" + command + " --help': " + line);
            }
        }
    }

    @Test
    void bridgeHelp_listsEveryFileItWrites() {
        String help = Cli.run("bridge", "--help").out();
        for (String file : List.of("bridge.json", "bridge.csv", "waterfall.png", "waterfall.svg", "trajectory.png",
                "trajectory.svg", "report.html")) {
            assertTrue(help.contains(file), file);
        }
    }

    @Test
    void badOptionValues_exit2_withTheRule() {
        Cli zero = Cli.run("run", MINIMAL, "--replications", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--replications must be from 1 to 100000, was 0"), zero.err());
        Cli text = Cli.run("run", MINIMAL, "--threads", "many");
        assertEquals(2, text.code());
        assertTrue(text.err().contains("Invalid value for option '--threads'"), text.err());
        Cli seed = Cli.run("run", MINIMAL, "--seed", "-1");
        assertEquals(2, seed.code());
        assertTrue(seed.err().contains("--seed must be an integer >= 0, was -1"), seed.err());
    }

    @Test
    void validate_goodScenario_exit0_withThePreFlightTable() {
        Cli r = Cli.run("validate", MINIMAL);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("Pre-flight, from distribution means"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  ward\\s+5\\.5\\s+21\\.9\\s+30\\s+73 %\\n.*"), r.out());
        assertTrue(r.out().endsWith(MINIMAL + ": OK (0 errors, 0 warnings)\n"), r.out());
    }

    @Test
    void validate_badScenario_exit2_problemsWithFileLineAndColumn() {
        Cli r = Cli.run("validate", BAD);
        assertEquals(2, r.code());
        assertEquals(BAD + ":44:9: error: cohorts[0].routing.ward: found probabilities summing to 0.9, expected "
                + "probabilities summing to 1\nbedsim: " + BAD + ": 1 error, 0 warnings; the scenario cannot run\n",
                r.err());
        assertNoStackTrace(r);
    }

    @Test
    void validate_warningsOnly_exit0() {
        Cli r = Cli.run("validate", "src/test/resources/bad/overloaded.yaml");
        assertEquals(0, r.code());
        assertTrue(r.err().contains(":18:11: warning: settings[0].beds: found an offered load of 43.8 beds"), r.err());
        assertTrue(r.out().contains("OVERLOADED"), r.out());
    }

    @Test
    void run_badScenario_exit2_nothingWritten() throws IOException {
        Path out = tmp.resolve("never");
        Cli r = Cli.run("run", BAD, "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().endsWith("bedsim: " + BAD + ": 1 error, 0 warnings; nothing was run\n"), r.err());
        assertFalse(Files.exists(out));
        assertNoStackTrace(r);
        Cli missing = Cli.run("run", "no/such/file.yaml");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("no/such/file.yaml: error: found no such file"), missing.err());
    }

    @Test
    void run_outputDirectoryIsAFile_exit2() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Cli r = Cli.run("run", MINIMAL, "--out", file.toString(), "--replications", "1", "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bedsim: cannot write to the output directory " + file), r.err());
        assertNoStackTrace(r);
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void internalError_exit1_withStackTraceToReport() {
        Cli r = Cli.runWith("boom", new Boom(), "boom");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("bedsim: internal error, please report it with the command and the scenario "
                + "file: java.lang.IllegalStateException: a bug"), r.err());
        assertTrue(r.err().contains("\tat org.bedsim.cli.CliTest$Boom.call"), r.err());
    }

    @Test
    void run_writesExactlyTheFourFiles_andPrintsResults() throws IOException {
        Path out = tmp.resolve("run");
        Cli r = Cli.run("run", MINIMAL, "--out", out.toString(), "--replications", "3", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "quiet: nothing on stderr");
        assertEquals(List.of("bedsim-complete.json", "census.csv", "report.html", "settings.csv", "summary.json",
                "waits.csv"), listing(out));
        assertTrue(r.out().startsWith("Results (mean +/- 95 % CI half-width over 3 replications):\n"), r.out());
        assertTrue(r.out().contains("\n  ward "), r.out());
        assertTrue(r.out().replace("\n", " ").endsWith("Wrote " + out.resolve("summary.json") + ", "
                + out.resolve("settings.csv") + ", " + out.resolve("census.csv") + ", " + out.resolve("waits.csv") + ", "
                + out.resolve("report.html") + " "), r.out());
        org.w3c.dom.Document report = org.bedsim.report.html.OfflinePage.assertSelfContained(
                Files.readString(out.resolve("report.html")));
        String text = report.getDocumentElement().getTextContent();
        for (String heading : List.of("Results", "Charts", "Assumptions and sources", "Validation warnings",
                "Model description (STRESS-DES)", "1 Objectives", "2 Logic", "3 Data", "4 Experimentation",
                "5 Implementation", "Run manifest")) {
            assertTrue(text.contains(heading), heading);
        }
        assertTrue(text.contains("test-figures") && text.contains("Round figures for tests."), "the sources");
        assertEquals(2 * 2 + 1 + 2, report.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength(),
                "occupancy over time and its distribution for ward and rehab, delayed days, and the wait bands and "
                        + "daily peak waiting of ward, where patients waited");
        assertTrue(text.contains("Waits for a bed"), "the waits section");
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"replications\" : 3"), summary);
        assertTrue(summary.contains("\"seed\" : 1,"), "the documented default seed: " + summary);
        assertEquals(3L * 365 * 2 + 1, Files.readAllLines(out.resolve("census.csv")).size());
        List<String> waits = Files.readAllLines(out.resolve("waits.csv"));
        assertEquals(WaitsCsv.HEADER, waits.get(0));
        assertEquals(3L * 365 * 2 + 1, waits.size(), "both settings let arrivals wait");
    }

    @Test
    void run_notQuiet_saysWhatItRuns_noProgressBarWhenNotATerminal() throws IOException {
        Cli r = Cli.run("run", MINIMAL, "--out", tmp.resolve("o").toString(), "--replications", "2", "--seed", "5",
                "--threads", "1");
        assertEquals(0, r.code());
        // then the run's own warnings (2 replications: KPIs resting on few events), one a line
        assertEquals("bedsim: running minimal: 2 replications of 365 days after a 30-day warm-up, seed 5, on 1 "
                + "thread (about 10k events)", r.err().lines().findFirst().orElse(""));
        assertTrue(r.err().lines().skip(1).allMatch(l -> l.startsWith("warning: ")), r.err());
        assertFalse(r.err().contains("\r"));
    }

    @Test
    void run_sameSeed_anyThreadCount_identicalResults_exceptTheManifest() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, Cli.run("run", EXAMPLE, "--out", one.toString(), "--replications", "3", "--threads", "1",
                "--quiet").code());
        assertEquals(0, Cli.run("run", EXAMPLE, "--out", two.toString(), "--replications", "3", "--threads", "3",
                "--quiet").code());
        for (String f : List.of("settings.csv", "census.csv")) {
            assertEquals(-1L, Files.mismatch(one.resolve(f), two.resolve(f)), f);
        }
        assertEquals(withoutManifest(one), withoutManifest(two));
        assertNotEquals(Files.readString(one.resolve("summary.json")), Files.readString(two.resolve("summary.json")),
                "the manifests differ (threads)");
        Path other = tmp.resolve("other");
        assertEquals(0, Cli.run("run", EXAMPLE, "--out", other.toString(), "--replications", "3", "--seed", "9",
                "--quiet").code());
        assertNotEquals(withoutManifest(one), withoutManifest(other), "another seed gives other results");
    }

    static String withoutManifest(Path dir) throws IOException {
        String s = Files.readString(dir.resolve("summary.json"));
        int start = s.indexOf("  \"manifest\" : {");
        int end = s.indexOf("  },\n", start) + 5;
        assertTrue(start > 0 && end > start, s);
        return s.substring(0, start) + s.substring(end);
    }

    @Test
    void schema_printsTheGeneratedSchema() {
        Cli r = Cli.run("schema");
        assertEquals(0, r.code());
        assertEquals(SchemaGenerator.text(), r.out());
    }

    @Test
    void defaultOutputDirectory_isOutSlashScenarioName() {
        RunOptions o = new RunOptions();
        assertEquals(Path.of("out", "single-hospital"), o.outFor("single-hospital"));
        assertEquals(2, o.threadsFor(2) <= 2 ? 2 : -1, "never more threads than replications");
        assertEquals(1, o.threadsFor(1));
    }
}
