package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --precision} and the run's own checks in its outputs: the precision reached or the cap with a warning,
 * identical outputs for the same seed whatever the thread count, clear errors for a bad option, and the warm-up and
 * few-events checks in summary.json, the terminal and the report.
 */
class PrecisionAndChecksTest {
    @TempDir
    Path tmp;

    private static JsonNode summary(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    }

    @Test
    void precision_reached_statedInEveryOutput_sameWhateverTheThreads() throws IOException {
        Cli one = Cli.run("run", CliTest.MINIMAL, "--out", tmp.resolve("a").toString(), "--quiet", "--threads", "1",
                "--precision", "ward.mean_occupancy=0.25", "--max-replications", "80");
        assertEquals(0, one.code(), one.err());
        JsonNode p = summary(tmp.resolve("a")).get("checks").get("precision");
        assertTrue(p.get("met").asBoolean(), p.toString());
        assertTrue(p.get("achieved_half_width").asDouble() <= 0.25);
        assertEquals("ward", p.get("setting").asText());
        int n = p.get("replications").asInt();
        assertEquals(n, summary(tmp.resolve("a")).get("run").get("replications").asInt());
        assertTrue(n > 10 && n <= 80, p.toString());
        JsonNode ward = summary(tmp.resolve("a")).get("settings").get(0).get("kpis").get("mean_occupancy");
        assertTrue((ward.get("ci95").get(1).asDouble() - ward.get("ci95").get(0).asDouble()) / 2 <= 0.25);
        assertTrue(one.out().contains("Precision: 95 % CI half-width of ward.mean_occupancy (beds)"), one.out());
        assertTrue(one.out().contains("reached after " + n + " replications"), one.out());
        assertTrue(Files.readString(tmp.resolve("a/report.html")).contains("the precision was reached"));

        Cli three = Cli.run("run", CliTest.MINIMAL, "--out", tmp.resolve("b").toString(), "--quiet", "--threads",
                "3", "--precision", "ward.mean_occupancy=0.25", "--max-replications", "80");
        assertEquals(0, three.code(), three.err());
        ObjectNode a = (ObjectNode) summary(tmp.resolve("a"));
        ObjectNode b = (ObjectNode) summary(tmp.resolve("b"));
        a.remove("manifest");
        b.remove("manifest");
        assertEquals(a, b);
        assertEquals(Files.readString(tmp.resolve("a/settings.csv")), Files.readString(tmp.resolve("b/settings.csv")));
    }

    @Test
    void precision_notReachedByTheCap_warns() throws IOException {
        Cli r = Cli.run("run", CliTest.MINIMAL, "--out", tmp.toString(), "--quiet", "--threads", "2",
                "--precision", "beds_required_percentile=0.01", "--max-replications", "12");
        assertEquals(0, r.code(), r.err());
        JsonNode p = summary(tmp).get("checks").get("precision");
        assertFalse(p.get("met").asBoolean());
        assertEquals(12, p.get("replications").asInt());
        assertEquals(12, p.get("max_replications").asInt());
        assertTrue(r.err().contains("warning: beds_required_percentile: the 95 % interval's half-width is"), r.err());
        assertTrue(summary(tmp).get("checks").get("warnings").get(0).asText().contains("after 12 replications, the "
                + "cap"));
    }

    @Test
    void precision_badValues_oneClearLine_exit2() {
        Cli kpi = Cli.run("run", CliTest.MINIMAL, "--out", tmp.toString(), "--precision", "beds_needed=2");
        assertEquals(2, kpi.code());
        assertTrue(kpi.err().contains("--precision: no KPI named 'beds_needed'; expected one of admissions, "),
                kpi.err());
        Cli setting = Cli.run("run", CliTest.MINIMAL, "--out", tmp.toString(), "--precision", "icu.mean_occupancy=1");
        assertEquals(2, setting.code());
        assertTrue(setting.err().contains("no setting named 'icu'"), setting.err());
        Cli width = Cli.run("run", CliTest.MINIMAL, "--out", tmp.toString(), "--precision", "mean_occupancy=-1");
        assertEquals(2, width.code());
        assertTrue(width.err().contains("the half-width must be a positive number"), width.err());
        Cli form = Cli.run("run", CliTest.MINIMAL, "--out", tmp.toString(), "--precision", "mean_occupancy");
        assertEquals(2, form.code());
        assertTrue(form.err().contains("--precision expects KPI=HALFWIDTH"), form.err());
        Cli cap = Cli.run("run", CliTest.MINIMAL, "--out", tmp.toString(), "--max-replications", "50");
        assertEquals(2, cap.code());
        assertTrue(cap.err().contains("--max-replications is the cap of --precision"), cap.err());
        for (Cli c : new Cli[] {kpi, setting, width, form, cap}) {
            assertFalse(c.err().contains("Exception"), c.err());
        }
    }

    @Test
    void checks_inSummaryTerminalAndReport() throws IOException {
        Cli r = Cli.run("run", CliTest.MINIMAL, "--out", tmp.toString(), "--replications", "2", "--seed", "5",
                "--threads", "1");
        assertEquals(0, r.code(), r.err());
        JsonNode checks = summary(tmp).get("checks");
        assertEquals("ward", checks.get("warm_up").get(0).get("setting").asText());
        assertFalse(checks.get("warm_up").get(0).get("tested").asBoolean(), "2 replications: not tested");
        // two replications of a small ward: 12-hour waits and days with one are few
        JsonNode few = checks.get("few_events");
        assertTrue(few.size() > 0, checks.toString());
        for (JsonNode f : few) {
            JsonNode kpi = summary(tmp).get("settings").get(f.get("setting").asText().equals("ward") ? 0 : 1)
                    .get("kpis").get(f.get("kpi").asText());
            assertEquals(f.get("events").asLong(), kpi.get("events").asLong());
            assertTrue(kpi.get("few_events").asBoolean());
            assertTrue(kpi.get("events").asLong() > 0 && kpi.get("events").asLong() < 30);
        }
        String warning = checks.get("warnings").get(0).asText();
        assertTrue(r.err().contains("warning: " + warning), r.err());
        String report = Files.readString(tmp.resolve("report.html"));
        assertTrue(report.contains("Checks of the run") && report.contains("too few to trust"));
    }
}
