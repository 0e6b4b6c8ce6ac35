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
 * {@code bedsim run} with {@code quarterly.reablement}: the share of people aged 65+ still at home 91 days after
 * discharge into reablement, by quarter, against what the scenario's routing implies. In
 * {@code reablement-outcome.yaml} half the older patients discharged into reablement or rehabilitation go to each;
 * every one reaches a sink within 60 days (no queue: room for all), so the share at home at 91 days is
 * 0.5 x 0.8 + 0.5 x (0.5 + 0.3 x 0.8) = 0.77. Counting the younger cohort (20 % home) would bring it near 0.5;
 * counting rehabilitation as if it were reablement, to 0.8.
 */
class ReablementOutcomeTest {
    private static final String SCENARIO = "src/test/resources/quarterly/reablement-outcome.yaml";
    private static final double THEORY = 0.5 * 0.8 + 0.5 * (0.5 + 0.3 * 0.8);
    private static final String KPI = "at_home_91_days_after_reablement";

    /** The at-home rows of quarters.csv by period: {mean, low, high, replications} (NaN for NA). */
    private static Map<String, double[]> rows(Path out) throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve("quarters.csv"))) {
            String[] f = line.split(",");
            if (f[5].equals(KPI)) {
                m.put(f[0], new double[] {num(f[7]), num(f[8]), num(f[9]), num(f[10])});
            }
        }
        return m;
    }

    private static double num(String s) {
        return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
    }

    @Test
    void shareAtHome_isWhatTheRoutingAfterReablementImplies_inEveryOutput(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Cli r = Cli.run("run", SCENARIO, "--out", out.toString(), "--replications", "10", "--quiet");
        assertEquals(0, r.code(), r.err());
        Map<String, double[]> rows = rows(out);
        assertEquals(List.of("2016/17 Q1", "2016/17 Q2", "2016/17 Q3", "2016/17 Q4", "2016/17"),
                List.copyOf(rows.keySet()));
        double[] year = rows.get("2016/17");
        assertTrue(year[1] <= THEORY && THEORY <= year[2], "year " + year[1] + "-" + year[2]);
        assertTrue(year[2] - year[1] < 0.03, "narrow enough to tell 0.77 from 0.8: " + year[1] + "-" + year[2]);
        for (String q : List.of("2016/17 Q1", "2016/17 Q2", "2016/17 Q3")) {
            assertTrue(rows.get(q)[1] <= THEORY && THEORY <= rows.get(q)[2], q);
        }
        // January-March discharges cannot be followed for 91 days inside the run: none counted
        assertTrue(Double.isNaN(rows.get("2016/17 Q4")[0]));

        JsonNode quarters = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("quarters");
        long trials = 0;
        for (JsonNode p : quarters) {
            JsonNode k = p.get("kpis").get(KPI);
            if (p.get("period").asText().contains("Q")) {
                trials += k.get("trials").asLong();
            } else {
                assertEquals(trials, k.get("trials").asLong(), "the quarters add up to the year");
                assertEquals(year[0], k.get("mean").asDouble(), 1e-12);
                assertEquals((double) k.get("events").asLong() / k.get("trials").asLong(), year[0], 1e-12);
            }
        }
        // 10 a day x 0.3 discharged into reablement or rehabilitation, followed when discharged by day 365 - 91
        assertEquals(3 * (365 - 91) * 10, trials, 0.1 * 3 * (365 - 91) * 10);

        // the published figure beside the model's Q3, in the csv, on the terminal and in the report
        String q3 = Files.readAllLines(out.resolve("quarters.csv")).stream()
                .filter(l -> l.startsWith("2016/17 Q3") && l.contains(KPI)).findFirst().orElseThrow();
        assertTrue(q3.endsWith(",0.875,actual,test-figures"), q3);
        assertTrue(r.out().contains("Still at home 91 days after discharge"), r.out());
        assertTrue(r.out().contains("87.5 actual"), r.out());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("Still at home 91 days after discharge into reablement"));
        assertTrue(report.contains("87.5 % actual"));
    }

    @Test
    void withPrecision_theShareCoversEveryReplicationRun_asAFixedRunOfThatMany(@TempDir Path tmp)
            throws IOException {
        Path precise = tmp.resolve("precise");
        Cli p = Cli.run("run", SCENARIO, "--out", precise.toString(), "--precision", "ward.mean_occupancy=0.6",
                "--quiet");
        assertEquals(0, p.code(), p.err());
        int n = new ObjectMapper().readTree(precise.resolve("summary.json").toFile()).get("manifest")
                .get("replications").asInt();
        assertTrue(n > 10, "more than the first batch: " + n);
        Path fixed = tmp.resolve("fixed");
        Cli f = Cli.run("run", SCENARIO, "--out", fixed.toString(), "--replications", Integer.toString(n),
                "--quiet");
        assertEquals(0, f.code(), f.err());
        Map<String, double[]> a = rows(precise);
        Map<String, double[]> b = rows(fixed);
        assertEquals(b.keySet(), a.keySet());
        for (String period : a.keySet()) {
            assertEquals(n, a.get(period)[3]);
            for (int i = 0; i < 3; i++) {
                assertEquals(b.get(period)[i], a.get(period)[i], 0.0, period);
            }
        }
        double[] year = a.get("2016/17");
        assertTrue(year[1] <= THEORY && THEORY <= year[2], "year " + year[1] + "-" + year[2]);
    }
}
