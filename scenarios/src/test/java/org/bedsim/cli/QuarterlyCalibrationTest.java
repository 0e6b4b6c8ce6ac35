package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared calibrations against published quarterly figures, end to end on a small scenario
 * ({@code quarterly/calibrated-wait.yaml}): the solver meets its target within tolerance, at a value near Little's
 * law; every other quarter is labelled a prediction; {@code bedsim run} solves the calibration before running; a
 * target out of reach is bad input (exit 2) naming the bounds and the values reached.
 */
class QuarterlyCalibrationTest {
    private static final String FILE = "src/test/resources/quarterly/calibrated-wait.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void calibrate_meetsTheQuarterlyTargetWithinTolerance_andLabelsTheOtherQuartersPredictions(@TempDir Path tmp)
            throws IOException {
        Cli c = Cli.run("calibrate", FILE, "--out", tmp.toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        JsonNode json = JSON.readTree(tmp.resolve("calibration.json").toFile());
        JsonNode s = json.get("calibrations").get(0);
        double published = s.get("target").get("published").asDouble();
        assertEquals(400 + 420, published, 0.0, "the sum of the published actuals of the target's periods");
        assertTrue(s.get("met").asBoolean());
        assertTrue(Math.abs(s.get("reached").get("mean").asDouble() - published) <= s.get("tolerance").asDouble(),
                s.toString());
        // Little's law on the waiting setting (unlimited beds): delayed days of Q1 + Q2 = 2 a day x 183 days x wait
        double wait = s.get("value").asDouble();
        double theory = published / (2 * 183);
        double low = s.get("ci95").get(0).asDouble();
        double high = s.get("ci95").get(1).asDouble();
        assertTrue(low < wait && wait < high, s.toString());
        assertTrue(Math.abs(wait - theory) <= 2 * (high - low), "solved " + wait + " against Little's law " + theory
                + ", interval [" + low + ", " + high + "]");
        JsonNode quarters = json.get("quarters");
        assertEquals(4, quarters.size());
        assertEquals("calibrated", quarters.get(0).get("basis").asText());
        assertEquals("calibrated", quarters.get(1).get("basis").asText());
        assertEquals("predicted", quarters.get(2).get("basis").asText());
        assertEquals("plan", quarters.get(2).get("published_status").asText());
        for (JsonNode q : quarters) {
            assertTrue(q.get("prediction95").get(0).asDouble() <= q.get("ci95").get(0).asDouble()
                    && q.get("ci95").get(1).asDouble() <= q.get("prediction95").get(1).asDouble(), q.toString());
        }
        assertTrue(c.out().contains("prediction, out of sample"), c.out());
    }

    @Test
    void run_solvesTheCalibrationBeforeRunning_andSaysSo(@TempDir Path tmp) throws IOException {
        Cli r = Cli.run("run", FILE, "--out", tmp.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode s = JSON.readTree(tmp.resolve("calibration.json").toFile()).get("calibrations").get(0);
        assertTrue(s.get("met").asBoolean());
        assertTrue(r.out().contains("Calibrated inputs"), r.out());
        // the run itself used the solved value: its Q1 + Q2 delayed days are the calibration's (same streams)
        double q12 = 0;
        for (String line : Files.readAllLines(tmp.resolve("quarters.csv"))) {
            String[] f = line.split(",");
            if (f[5].equals("delayed_days") && (f[0].equals("2016/17 Q1") || f[0].equals("2016/17 Q2"))) {
                q12 += Double.parseDouble(f[7]);
            }
        }
        assertEquals(s.get("reached").get("mean").asDouble(), q12, 1e-6);
        assertTrue(Files.readString(tmp.resolve("report.html")).contains("Calibrated inputs"));
    }

    @Test
    void calibrate_targetOutOfReach_exits2_namingTheBoundsAndTheValuesReached(@TempDir Path tmp)
            throws IOException {
        Path file = tmp.resolve("narrow.yaml");
        Files.writeString(file, Files.readString(Path.of(FILE)).replace("bounds: [0.5, 6]", "bounds: [0.5, 1]"));
        Cli c = Cli.run("calibrate", file.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(2, c.code(), c.out() + c.err());
        assertTrue(c.err().contains("'assessment-wait'") && c.err().contains("out of reach")
                && c.err().contains("[0.5, 1]") && c.err().contains(" at 0.5 and ") && c.err().contains(" at 1"),
                c.err());
        assertFalse(c.err().contains("Exception"), c.err());
    }
}
