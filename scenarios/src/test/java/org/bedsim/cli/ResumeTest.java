package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.ResultJournal;
import org.bedsim.report.ResumeJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bridge killed part way (SIGKILL of a separate bedsim process) is resumed with {@code --resume}: the finished runs
 * come from the output folder, and the result is identical, byte for byte, to a bridge computed in one go; the killed
 * folder was clearly incomplete (no completion marker) until then.
 */
class ResumeTest {
    private static final String BRIDGE = "examples/bridge-example.yaml";
    private static final String COMPARE = "src/test/resources/compare";

    @TempDir
    Path dir;

    private static long journalLines(Path out) throws IOException {
        Path folder = out.resolve(ResumeJournal.FOLDER);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long n = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                try {
                    n += Files.readAllLines(f).size();
                } catch (IOException e) {
                    // being written
                }
            }
        }
        return n;
    }

    @Test
    void killedBridge_resumed_identicalToOneGo() throws Exception {
        Path once = dir.resolve("once");
        Cli full = Cli.run("bridge", BRIDGE, "--out", once.toString(), "--quiet");
        assertEquals(0, full.code(), full.err());

        Path resumed = dir.resolve("resumed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "bridge", BRIDGE, "--out",
                resumed.toString(), "--quiet", "--threads", "1").redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && journalLines(resumed) < 20 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        boolean killedMidway = p.isAlive();
        p.destroyForcibly().waitFor();
        assertTrue(killedMidway, "the bridge finished before it could be killed part way");
        long done = journalLines(resumed);
        assertTrue(done >= 20 && done < 190, done + " runs in the journal");
        assertFalse(Files.exists(resumed.resolve(OutputDirectory.MARKER)), "a killed run is clearly incomplete");

        Cli again = Cli.run("bridge", BRIDGE, "--out", resumed.toString(), "--resume");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("bedsim: resuming: "), again.err());
        long reported = Long.parseLong(again.err().replaceAll("(?s).*resuming: (\\d+) of 190 runs.*", "$1"));
        assertTrue(reported >= 20 && reported <= done, reported + " of " + done);
        for (String f : List.of("bridge.csv", "waterfall.svg", "trajectory.svg")) {
            assertArrayEquals(Files.readAllBytes(once.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f);
        }
        assertEquals(strip(once.resolve("bridge.json")), strip(resumed.resolve("bridge.json")));
        assertEquals(List.of(), OutputDirectory.verify(resumed));
        assertFalse(Files.exists(resumed.resolve(ResumeJournal.FOLDER)), "the journal goes once complete");
    }

    /** The pooling comparison with a longer horizon and two searches (a bed search and an inverse one). */
    private Path longComparison() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("two-pools.yaml"), Files.readString(Path.of(COMPARE, "two-pools.yaml"))
                .replace("horizon_years: 1", "horizon_years: 3"));
        Path f = in.resolve("pooling.yaml");
        Files.writeString(f, Files.readString(Path.of(COMPARE, "pooling.yaml")) + "optimise:\n"
                + "  - {option: one-pool, setting: a, target: a-full, low: 20, high: 60}\n"
                + "  - {option: same, target: a-full, arrivals: {low: 500, high: 2500, step: 250}}\n");
        return f;
    }

    @Test
    void killedComparison_resumed_identicalToOneGo() throws Exception {
        Path options = longComparison();
        Path once = dir.resolve("once");
        Cli full = Cli.run("compare", options.toString(), "--out", once.toString(), "--quiet", "--threads", "1",
                "--replications", "4");
        assertEquals(0, full.code(), full.err());
        assertFalse(Files.exists(once.resolve(ResumeJournal.FOLDER)), "the journal goes once complete");

        Path resumed = dir.resolve("resumed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "compare", options.toString(), "--out",
                resumed.toString(), "--quiet", "--threads", "1", "--replications", "4").redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && ResultJournal.entries(resumed) < 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        boolean killedMidway = p.isAlive();
        p.destroyForcibly().waitFor();
        assertTrue(killedMidway, "the comparison finished before it could be killed part way");
        assertFalse(Files.exists(resumed.resolve(OutputDirectory.MARKER)), "a killed run is clearly incomplete");
        int done = ResultJournal.entries(resumed);
        assertTrue(done >= 10, done + " replications in the journal");
        // the kill cut the last entry short: it is dropped (and run again), the others are taken
        Path journal;
        try (Stream<Path> files = Files.list(resumed.resolve(ResumeJournal.FOLDER))) {
            journal = files.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(journal);
        Files.write(journal, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertEquals(done - 1, ResultJournal.entries(resumed));

        Cli again = Cli.run("compare", options.toString(), "--out", resumed.toString(), "--resume", "--threads",
                "1", "--replications", "4");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("bedsim: resuming: " + (done - 1) + " of at most "), again.err());
        List<String> files = files(once);
        assertEquals(files, files(resumed));
        assertTrue(files.size() > 10, files.toString());
        for (String f : files) {
            if (f.equals("compare.json") || f.equals(RunCommand.REPORT)) {
                assertEquals(instants(once.resolve(f)), instants(resumed.resolve(f)), f);
            } else {
                assertArrayEquals(Files.readAllBytes(once.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f);
            }
        }
        assertEquals(List.of(), OutputDirectory.verify(resumed));
        assertFalse(Files.exists(resumed.resolve(ResumeJournal.FOLDER)), "the journal goes once complete");
    }

    /** @return the files of an output folder, relative, sorted, the completion marker aside (it holds the times) */
    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString())
                    .filter(f -> !f.equals(OutputDirectory.MARKER)).sorted().toList();
        }
    }

    /** @return a file's text with its times (the run's start and end) taken out, which differ by design */
    private static String instants(Path file) throws IOException {
        return Files.readString(file).replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "(a time)");
    }

    /** @return bridge.json without the manifest's times and thread count, which differ by design */
    private static String strip(Path json) throws IOException {
        return Files.readString(json).replaceAll("\"(started_at|finished_at|threads)\" : [^,\\n]*", "");
    }

    @Test
    void resumeWithoutJournal_runsEverything() throws IOException {
        Path out = dir.resolve("fresh");
        Cli r = Cli.run("bridge", "src/test/resources/good/bridge.yaml", "--out", out.toString(), "--resume");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("bedsim: resuming: 0 of "), r.err());
    }
}
