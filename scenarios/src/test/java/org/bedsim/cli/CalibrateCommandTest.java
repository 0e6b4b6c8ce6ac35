package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared calibrations end to end: {@code bedsim calibrate} meets every target within its tolerance, {@code bedsim
 * bridge} labels each output by what it rests on (a bar whose input is solved is calibrated, the others by their
 * sources), runs the prediction with only the base year solved, and a target out of reach is bad input (exit 2)
 * naming the bounds and the values reached; {@code bedsim sensitivity} writes its table and chart.
 */
class CalibrateCommandTest {
    static final String FILE = "src/test/resources/good/calibrated-bridge.yaml";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Cli bridge;

    @BeforeAll
    static void runBridge() {
        bridge = Cli.run("bridge", FILE, "--out", dir.resolve("bridge").toString(), "--quiet");
        assertEquals(0, bridge.code(), bridge.err());
    }

    @Test
    void calibrate_meetsEveryTargetWithinItsTolerance_andWritesTheSolvedValues() throws IOException {
        Cli c = Cli.run("calibrate", FILE, "--out", dir.resolve("cal").toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        JsonNode json = JSON.readTree(dir.resolve("cal/calibration.json").toFile());
        JsonNode rec = json.get("reconstruction");
        assertEquals(2, rec.size());
        for (JsonNode s : rec) {
            double reached = s.get("reached").get("mean").asDouble();
            double target = s.get("target").get("beds").asDouble();
            assertTrue(Math.abs(reached - target) <= s.get("tolerance_beds").asDouble(), s.toString());
            assertTrue(s.get("met").asBoolean());
            double v = s.get("value").asDouble();
            assertTrue(v >= s.get("bounds").get(0).asDouble() && v <= s.get("bounds").get(1).asDouble());
            assertTrue(s.get("interval95").get(0).asDouble() <= v && v <= s.get("interval95").get(1).asDouble());
        }
        assertEquals("A published plan, page 3", rec.get(0).get("target").get("source").asText());
        // the prediction solves only the base year
        assertEquals(1, json.get("prediction_base_year").size());
        assertEquals("base-volumes", json.get("prediction_base_year").get(0).get("id").asText());
        assertTrue(c.out().contains("Reconstruction (all solved)"), c.out());
        assertEquals(64, json.get("manifest").get("scenario_sha256").asText().length(), json.toString());
    }

    @Test
    void bridge_labelsEachOutputByTheWeakestInputItRestsOn() throws IOException {
        JsonNode json = JSON.readTree(dir.resolve("bridge/bridge.json").toFile());
        assertEquals("calibrated", json.get("base_basis").asText(), "the base volumes are solved");
        assertEquals(40, json.get("base_published_beds").asDouble());
        assertEquals("calibrated", json.get("final_basis").asText());
        JsonNode steps = json.get("steps");
        assertEquals("independent", steps.get(0).get("basis").asText(), "growth cites independent evidence only");
        assertEquals("assumed", steps.get(1).get("basis").asText());
        assertEquals("calibrated", steps.get(3).get("basis").asText(), "the stay cut is solved");
        assertTrue(steps.get(3).get("basis_reason").asText().contains("stay-cut"));
        // the solved base meets its target, within tolerance, in the bridge itself
        assertEquals(40, json.get("base_beds").get("mean").asDouble(), 0.25);
        assertEquals(36, json.get("final_beds").get("mean").asDouble(), 0.25);
        // the CSV and the table carry the labels too
        List<String> csv = Files.readAllLines(dir.resolve("bridge/bridge.csv"));
        assertTrue(csv.get(0).endsWith(",basis,published_beds"), csv.get(0));
        assertTrue(csv.get(1).contains(",calibrated,40"), csv.get(1));
        assertTrue(csv.get(5).endsWith(",calibrated,NA"), csv.get(5));
        assertTrue(bridge.out().contains("rests on") && bridge.out().contains("independent"), bridge.out());
        String html = Files.readString(dir.resolve("bridge/report.html"));
        assertTrue(html.contains("What each bar rests on") && html.contains("Calibrated inputs and the assumptions"),
                "report sections");
    }

    @Test
    void bridge_predictionSolvesOnlyTheBaseYear_andSaysWhereThePublishedEndPointFalls() throws IOException {
        JsonNode p = JSON.readTree(dir.resolve("bridge/bridge.json").toFile()).get("prediction");
        assertEquals(1, p.get("base_calibrations").size());
        assertEquals(40, p.get("base_beds").get("mean").asDouble(), 0.25, "the base year is still calibrated");
        assertEquals("assumed", p.get("steps").get(3).get("basis").asText(), "the stay cut takes the file's range");
        assertEquals(36, p.get("published_final_beds").asDouble());
        double lo = p.get("final_beds_prediction_interval95").get(0).asDouble();
        double hi = p.get("final_beds_prediction_interval95").get(1).asDouble();
        assertTrue(lo < p.get("final_beds").get("mean").asDouble() && p.get("final_beds").get("mean").asDouble() < hi);
        assertEquals(36 >= lo && 36 <= hi, p.get("published_inside_interval").asBoolean());
        JsonNode findings = JSON.readTree(dir.resolve("bridge/bridge.json").toFile()).get("findings");
        assertTrue(findings.toString().contains("the solved value lies outside it")
                || findings.toString().contains("the solved value is within it"), findings.toString());
    }

    @Test
    void calibrate_targetOutOfReach_isBadInputNamingTheBoundsAndTheValuesReached() throws IOException {
        Path bad = dir.resolve("out-of-reach.yaml");
        Files.writeString(bad, Files.readString(Path.of(FILE)).replace("beds: 40, source: published-beds",
                "beds: 4000, source: published-beds"));
        Cli c = Cli.run("calibrate", bad.toString(), "--out", dir.resolve("bad").toString(), "--quiet");
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains("'base-volumes'") && c.err().contains("out of reach")
                && c.err().contains("[0.5, 1.5]") && c.err().contains("at 0.5 and"), c.err());
        assertFalse(c.err().contains("\tat org.bedsim"), "no stack trace for bad input");
    }

    @Test
    void sensitivity_writesTheTornadoOfEveryRangedInput() throws IOException {
        Cli c = Cli.run("sensitivity", FILE, "--out", dir.resolve("sens").toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        List<String> csv = Files.readAllLines(dir.resolve("sens/sensitivity.csv"));
        // growth's older-people range, the stay cut's range and the base-volume scale over its interval
        assertEquals(4, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).contains("bar_shorter_at_low"), csv.get(0));
        assertTrue(Files.size(dir.resolve("sens/tornado.png")) > 1000 && Files.exists(dir.resolve("sens/tornado.svg")));
        assertTrue(c.out().contains("swing"), c.out());
    }
}
