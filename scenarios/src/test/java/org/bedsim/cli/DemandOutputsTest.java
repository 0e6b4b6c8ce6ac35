package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demand beside the beds required as run: a 31-bed ward that turns patients away reports, beside its own figures,
 * what the same patients need with unlimited beds, and those demand figures are exactly those of the same ward with
 * beds enough never to be full (same seed).
 */
class DemandOutputsTest {
    static final Path WARD = Path.of("src/test/resources/outputs/loss-ward-31.yaml");

    @TempDir
    Path tmp;

    /** @return settings.csv as kpi -> row, for the setting {@code ward} */
    private static Map<String, String[]> kpis(Path csv) throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",");
            if (f[0].equals("ward")) {
                out.put(f[1], f);
            }
        }
        return out;
    }

    @Test
    void lossWard_reportsDemandBesideAsRun_equalToTheWardWithUnlimitedBeds() throws IOException {
        Path unlimited = tmp.resolve("unlimited.yaml");
        Files.writeString(unlimited, Files.readString(WARD).replace("beds: 31,", "beds: 1000,"));
        Cli a = Cli.run("run", WARD.toString(), "--out", tmp.resolve("a").toString(), "--quiet");
        Cli b = Cli.run("run", unlimited.toString(), "--out", tmp.resolve("b").toString(), "--quiet");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        Map<String, String[]> ka = kpis(tmp.resolve("a/settings.csv"));
        Map<String, String[]> kb = kpis(tmp.resolve("b/settings.csv"));
        for (String k : List.of("demand_mean", "demand_beds_required_mean", "demand_beds_required_percentile")) {
            assertTrue(ka.containsKey(k), k + " in " + ka.keySet());
            assertEquals(String.join(",", kb.get(k)), String.join(",", ka.get(k)), k);
        }
        // with beds enough, demand is what the run itself measures
        assertEquals(kb.get("beds_required_percentile")[3], kb.get("demand_beds_required_percentile")[3]);
        assertEquals(Double.parseDouble(kb.get("beds_required_mean")[3]),
                Double.parseDouble(kb.get("demand_beds_required_mean")[3]), 1e-9);
        // the loss ward as run never counts more than its 31 beds; demand does (Poisson(30): 39 at 95 %)
        double asRun = Double.parseDouble(ka.get("beds_required_percentile")[3]);
        double demand = Double.parseDouble(ka.get("demand_beds_required_percentile")[3]);
        assertTrue(asRun <= 31 && demand >= 37 && demand <= 41, asRun + " as run, demand " + demand);

        JsonNode ward = new ObjectMapper().readTree(tmp.resolve("a/summary.json").toFile()).get("settings").get(0);
        assertTrue(ward.get("beds_required").get("basis").asText().startsWith("as run"));
        assertTrue(ward.get("beds_required_demand").get("basis").asText().contains("unlimited beds"));
        assertEquals(demand, ward.get("beds_required_demand").get("percentile_method").get("mean").asDouble(), 0);

        assertTrue(a.out().contains("demand 5 % risk") && a.out().contains("as run 5 % risk"), a.out());
        String report = Files.readString(tmp.resolve("a/report.html"));
        assertTrue(report.contains("how many beds do we need") && report.contains("demand, percentile method"),
                "the report says which figure answers the question");
    }
}
