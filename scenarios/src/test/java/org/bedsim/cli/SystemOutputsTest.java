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

/** The system-wide block of a run: avoided admissions that are redirected are reported as such, not as zero. */
class SystemOutputsTest {
    static final Path REDIRECT = Path.of("src/test/resources/outputs/redirect.yaml");

    @TempDir
    Path tmp;

    @Test
    void redirectedAvoidedAdmissions_areReported_asAShareOfArrivals() throws IOException {
        Cli r = Cli.run("run", REDIRECT.toString(), "--out", tmp.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode system = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile()).get("system");
        double arrivals = system.get("arrivals").get("mean").asDouble();
        double redirected = system.get("redirected").get("mean").asDouble();
        assertEquals(0, system.get("avoided").get("mean").asDouble(), 0, "nobody is removed from the system");
        // 5 % of about 7,300 arrivals a year, over 4 replications: binomial sd about 9 per replication
        assertEquals(0.05 * arrivals, redirected, 4 * Math.sqrt(0.05 * 0.95 * arrivals / 4), "redirected");
        String report = Files.readString(tmp.resolve("report.html"));
        assertTrue(report.contains("avoided, redirected to another setting"), "the report names them");
    }
}
