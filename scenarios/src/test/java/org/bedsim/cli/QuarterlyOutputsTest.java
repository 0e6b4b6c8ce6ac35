package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.metrics.QuarterlyKpi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bedsim run} on a scenario with a quarterly section: quarters.csv, summary.json, chart and report agree. */
class QuarterlyOutputsTest {
    private static final String SCENARIO = "src/test/resources/quarterly/small-bcf.yaml";

    @Test
    void run_writesQuartersConsistentWithTheCensus(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", SCENARIO, "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("quarters.csv", "delayed-days-by-quarter.png", "delayed-days-by-quarter.svg")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        List<String> rows = Files.readAllLines(out.resolve("quarters.csv"));
        // four quarters and one financial year, every KPI each
        assertEquals(1 + 5 * QuarterlyKpi.all().size(), rows.size());

        // delayed days of a quarter = the census's delayed patients summed over its midnights, mean of replications
        Map<String, Double> fromCensus = new HashMap<>();
        List<String> census = Files.readAllLines(out.resolve("census.csv"));
        for (String line : census.subList(1, census.size())) {
            String[] f = line.split(",");
            LocalDate d = LocalDate.parse(f[1]);
            int m = d.getMonthValue();
            String q = "2016/17 Q" + (m >= 4 ? (m - 4) / 3 + 1 : 4);
            fromCensus.merge(q, Integer.parseInt(f[4]) / 2.0, Double::sum);
        }
        double total = 0;
        for (String line : rows) {
            String[] f = line.split(",");
            if (f[5].equals("delayed_days") && f[0].contains("Q")) {
                assertEquals(fromCensus.get(f[0]), Double.parseDouble(f[7]), 1e-9, f[0]);
                total += Double.parseDouble(f[7]);
            }
            if (f[5].equals("delayed_days") && f[0].equals("2016/17")) {
                assertEquals(total, Double.parseDouble(f[7]), 1e-9);
            }
            if (f[5].equals("delayed_days") && f[0].equals("2016/17 Q1")) {
                assertEquals("300", f[11]);
                assertEquals("actual", f[12]);
            }
        }
        assertTrue(total > 0, "the small scenario must delay patients");

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode q1 = summary.get("quarters").get(0);
        assertEquals("2016/17 Q1", q1.get("period").asText());
        double days = q1.get("kpis").get("delayed_days").get("mean").asDouble();
        double perDay = q1.get("kpis").get("delayed_per_day_per_100k_adults").get("mean").asDouble();
        assertEquals(days / 91 / 100_000 * 100_000, perDay, 1e-9);
        assertEquals(days, q1.get("kpis").get("delayed_days_social_care").get("mean").asDouble(), 1e-9);
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("Better Care Fund metrics by quarter"));
        assertTrue(report.contains("Delayed days by quarter"));
    }
}
