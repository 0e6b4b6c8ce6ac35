package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bedsim.report.CalibrationCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration cache: a second {@code calibrate} (or {@code bridge}) on the same inputs takes the solved values
 * from the output folder's cache, exactly, and says so; a changed input, seed or replication count solves again;
 * a change of layout only (a comment) does not; a damaged cache file is solved again.
 */
class CalibrationCacheTest {
    private static final Path FILE = Path.of(CalibrateCommandTest.FILE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Cli calibrate(Path scenario, Path out, String... more) {
        String[] args = Stream.concat(Stream.of("calibrate", scenario.toString(), "--out", out.toString()),
                Stream.of(more)).toArray(String[]::new);
        Cli c = Cli.run(args);
        assertEquals(0, c.code(), c.err());
        return c;
    }

    private JsonNode solved(Path out) throws IOException {
        JsonNode json = JSON.readTree(out.resolve("calibration.json").toFile());
        return JSON.createArrayNode().add(json.get("reconstruction")).add(json.get("prediction_base_year"));
    }

    private static long cacheFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve(CalibrationCache.FOLDER))) {
            return files.count();
        }
    }

    /** @return what the command printed, its line breaks and indents as single spaces (paragraphs wrap) */
    private static String flat(Cli c) {
        return c.out().replaceAll("\\s+", " ");
    }

    @Test
    void repeatedRun_takesTheSolutionFromTheCache_exactly_andAChangedInputSolvesAgain() throws IOException {
        Path out = dir.resolve("out");
        Cli first = calibrate(FILE, out);
        assertTrue(first.err().contains("the calibrations solved now") || flat(first).contains("solved now"),
                first.out() + first.err());
        assertFalse(flat(first).contains("from cache"), first.out());
        assertEquals(2, cacheFiles(out), "the reconstruction's and the prediction's solutions");
        JsonNode fresh = solved(out);

        Cli second = calibrate(FILE, out);
        assertTrue(flat(second).contains("the calibrations from cache (hash "), second.out());
        assertTrue(flat(second).contains("the prediction's base-year calibrations from cache"), second.out());
        assertEquals(fresh, solved(out), "the same solved values, to the last bit of their decimal form");

        // layout only: a comment and blank lines change the file's bytes, not what it says
        Path commented = dir.resolve("commented.yaml");
        Files.writeString(commented, "# a comment\n\n" + Files.readString(FILE));
        assertTrue(flat(calibrate(commented, out)).contains("the calibrations from cache"));

        // a changed input: the adult patients' stay (an input of every calibration)
        Path changed = dir.resolve("changed.yaml");
        String text = Files.readString(FILE);
        assertTrue(text.contains("ward: {family: exponential, mean: 3, source: test-figures}"));
        Files.writeString(changed, text.replace("ward: {family: exponential, mean: 3, source: test-figures}",
                "ward: {family: exponential, mean: 3.5, source: test-figures}"));
        Cli again = calibrate(changed, out);
        assertTrue(flat(again).contains("the calibrations solved now"), again.out());
        assertNotEquals(fresh, solved(out), "a longer stay needs other volumes");
        assertEquals(4, cacheFiles(out));

        // another seed, or other replications, solve again too
        assertTrue(flat(calibrate(FILE, out, "--seed", "99")).contains("the calibrations solved now"));
        assertTrue(flat(calibrate(FILE, out, "--replications", "3")).contains("the calibrations solved now"));
    }

    @Test
    void bridge_saysWhereItsCalibrationsComeFrom_andGivesTheSameBridgeFromTheCache() throws IOException {
        Path out = dir.resolve("bridge");
        Cli first = Cli.run("bridge", FILE.toString(), "--out", out.toString());
        assertEquals(0, first.code(), first.err());
        JsonNode a = JSON.readTree(out.resolve("bridge.json").toFile());
        String source = a.get("assessment") != null ? a.get("assessment").get("calibration_source").asText()
                : a.findValue("calibration_source").asText();
        assertTrue(source.startsWith("the calibrations solved now (kept as hash "), source);
        assertTrue(flat(first).contains("the calibrations solved now"), first.out());
        Cli second = Cli.run("bridge", FILE.toString(), "--out", out.toString());
        assertEquals(0, second.code(), second.err());
        JsonNode b = JSON.readTree(out.resolve("bridge.json").toFile());
        assertTrue(b.findValue("calibration_source").asText().startsWith("the calibrations from cache (hash "),
                b.findValue("calibration_source").asText());
        assertTrue(Files.readString(out.resolve("report.html")).contains("from cache (hash "));
        for (JsonNode n : new JsonNode[] {a, b}) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("manifest");
            ((com.fasterxml.jackson.databind.node.ObjectNode) n.findParent("calibration_source"))
                    .remove("calibration_source");
        }
        assertEquals(a, b, "the same bridge, bar by bar");
    }

    @Test
    void warmAndColdPredictions_areKeptApart() throws IOException {
        // calibrate starts the prediction from the reconstruction's values, sensitivity from the file's: the two
        // solutions may differ within the tolerances, so neither is taken for the other
        Path out = dir.resolve("out");
        calibrate(FILE, out);
        assertEquals(2, cacheFiles(out));
        Cli s = Cli.run("sensitivity", FILE.toString(), "--out", out.toString());
        assertEquals(0, s.code(), s.err());
        assertFalse(s.err().contains("the prediction's base-year calibrations from cache"), s.err());
        assertEquals(3, cacheFiles(out), "the cold prediction kept beside the warm one");
        Cli again = Cli.run("sensitivity", FILE.toString(), "--out", out.toString());
        assertTrue(again.err().contains("the prediction's base-year calibrations from cache"), again.err());
        assertEquals(3, cacheFiles(out));
    }

    @Test
    void damagedCacheFile_isSolvedAgain_andRewritten() throws IOException {
        Path out = dir.resolve("out");
        calibrate(FILE, out);
        JsonNode fresh = solved(out);
        try (Stream<Path> files = Files.list(out.resolve(CalibrationCache.FOLDER))) {
            for (Path f : files.toList()) {
                byte[] b = Files.readAllBytes(f);
                Files.write(f, java.util.Arrays.copyOf(b, b.length - 3));
            }
        }
        Cli c = calibrate(FILE, out);
        assertTrue(flat(c).contains("the calibrations solved now"), c.out());
        assertEquals(fresh, solved(out));
        assertTrue(flat(calibrate(FILE, out)).contains("the calibrations from cache"));
    }
}
