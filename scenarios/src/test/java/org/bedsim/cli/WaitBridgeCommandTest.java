package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bedsim bridge} counted by a waiting measure: the shipped example, and a clear error with unlimited beds. */
class WaitBridgeCommandTest {
    static final String EXAMPLE = "examples/winter-waits-bridge.yaml";

    @TempDir
    Path tmp;

    @Test
    void winterExample_bridgesTheTwelveHourShare_inItsUnit() throws IOException {
        Cli r = Cli.run("bridge", EXAMPLE, "--out", tmp.toString(), "--quiet", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode b = new ObjectMapper().readTree(tmp.resolve("bridge.json").toFile());
        assertEquals("share_waits_over_long", b.get("counting").get("method").asText());
        assertEquals("share", b.get("counting").get("unit").asText());
        double base = b.get("base_beds").get("mean").asDouble();
        assertTrue(base > 0 && base < 1, "a share: " + base);
        double sum = 0;
        for (JsonNode step : b.get("steps")) {
            sum += step.get("delta_beds").asDouble();
            String id = step.get("id").asText();
            double hi = step.get("delta_beds_ci95").get(1).asDouble();
            double lo = step.get("delta_beds_ci95").get(0).asDouble();
            double mean = step.get("delta_beds").asDouble();
            switch (id) {
                case "growth" -> assertTrue(mean > 0 && hi > 0, "growth raises 12-hour waits: " + step);
                case "shorter-stays" -> assertTrue(mean < 0 && lo < 0, "shorter stays lower them: " + step);
                default -> assertTrue(mean < 0 && step.get("standalone_delta_beds").asDouble() < 0,
                        "20 more beds lower them, after the other steps and alone on the base: " + step);
            }
        }
        assertEquals(b.get("final_beds").get("mean").asDouble() - base, sum, 1e-9);
        assertTrue(r.out().replace("\n", " ").contains("Bridge of share_waits_over_long 2025/26 to 2027/28, in acute "
                + "with their beds (per cent; steps in percentage points)"), r.out());
        // the table's unit is the share's, not beds; a level of a share is never printed below 0 or above 100
        assertTrue(r.out().contains("% (steps: points)") && r.out().contains("Shapley, points"), r.out());
        for (String line : r.out().split("\n")) {
            if ((line.startsWith("  2025/26 ") || line.startsWith("  2027/28 ")) && line.contains("[")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(-?[0-9.]+), (-?[0-9.]+)\\]")
                        .matcher(line);
                assertTrue(m.find(), line);
                assertTrue(Double.parseDouble(m.group(1)) >= 0 && Double.parseDouble(m.group(2)) <= 100, line);
            }
        }
    }

    @Test
    void waitingMeasure_withUnlimitedBeds_refused() throws IOException {
        Path file = tmp.resolve("open.yaml");
        Files.writeString(file, Files.readString(Path.of(EXAMPLE)).replace("unconstrained: false",
                "unconstrained: true"));
        Cli r = Cli.run("validate", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: bridge.count.method: found a measure of waiting "
                + "('share_waits_over_long') with unlimited beds"), r.err());
    }
}
