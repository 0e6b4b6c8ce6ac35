package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bedsim.report.CompareCsv;
import org.bedsim.report.html.OfflinePage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code bedsim compare} end to end on a small pooling example ({@code src/test/resources/compare/pooling.yaml}):
 * the base against itself, an independent extra ward, and two wards pooled into one; exit codes and messages.
 */
class CompareCommandTest {
    static final String POOLING = "src/test/resources/compare/pooling.yaml";
    static final String BAD = "src/test/resources/bad-options/unknown-key-in-overrides.yaml";

    @TempDir
    static Path shared;
    static Path out;
    static Cli result;
    static JsonNode json;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runOnce() throws IOException {
        out = shared.resolve("pooling");
        result = Cli.run("compare", POOLING, "--out", out.toString(), "--replications", "4", "--quiet");
        json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
    }

    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<JsonNode> rows(String option, String setting) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : json.get("kpis")) {
            if (r.get("option").asText().equals(option) && (setting == null || r.get("setting").asText()
                    .equals(setting))) {
                out.add(r);
            }
        }
        return out;
    }

    static JsonNode row(String option, String setting, String kpi) {
        return rows(option, setting).stream().filter(r -> r.get("kpi").asText().equals(kpi)).findFirst()
                .orElseThrow(() -> new AssertionError(option + " " + setting + " " + kpi));
    }

    @Test
    void compare_writesTheFourOutputs_andPrintsTheKeyResults() throws IOException {
        assertEquals(0, result.code(), result.err());
        assertEquals("", result.err(), "quiet");
        assertEquals(List.of("bedsim-complete.json", "charts", "compare.csv", "compare.json", "report.html",
                "searches.csv", "targets.csv"), listing(out));
        assertTrue(result.out().startsWith("Comparison (mean [95 % CI] over 4 replications on common random numbers;"
                + "\ndifference from the base 'two-pools', paired)."), result.out());
        assertTrue(result.out().contains(" paired patients.\nAcute settings\n  beds required (demand, unlimited beds), "
                + "mean method\n    two-pools ") || result.out().contains("patients.\nAcute settings\n  beds required "
                + "(demand, unlimited beds), mean method\n    two-pools "), result.out());
        assertTrue(result.out().contains("\nTargets (met: by the mean; met with confidence: by the whole interval)\n"
                + "  Ward a full on at most 5 % of days\n"), result.out());
        assertTrue(result.out().replace("\n", " ").endsWith(" charts (PNG and SVG) in " + out.resolve("charts") + " "),
                result.out());
        assertEquals(1, json.get("format_version").asInt());
        assertEquals("two-pools", json.get("base").asText());
        assertEquals(4, json.get("manifest").get("replications").asInt());
        assertEquals(11, json.get("manifest").get("seed").asInt(), "the base scenario's seed");
        assertTrue(json.get("manifest").get("base_scenario_file").asText().endsWith("compare/two-pools.yaml"));
        assertEquals(64, json.get("manifest").get("base_scenario_sha256").asText().length());
        assertEquals("[\"settings.a.beds: 20 -> 40\",\"settings.a.source: test-figures -> pooled\",\"settings.b: "
                + "removed\",\"cohorts.y.entry: b -> a\",\"cohorts.y.los.b: removed\",\"cohorts.y.los.a: added "
                + "{\\\"family\\\":\\\"exponential\\\",\\\"mean\\\":4,\\\"source\\\":\\\"pooled\\\"}\"]",
                json.get("options").get(3).get("changes").toString());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<li>setting a: beds 20 -&gt; 40</li>") && report.contains("<li>cohort y: stay in a "
                + "added: exponential, mean 4</li>") && !report.contains("{&quot;family"),
                () -> "the report says what each option changes in words, not JSON patches: "
                        + report.substring(Math.max(0, report.indexOf("{&quot;family") - 600)));
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertEquals(CompareCsv.HEADER, csv.get(0));
        assertEquals(json.get("kpis").size() + 1, csv.size());
        assertTrue(csv.contains("same,a,admissions,patients," + row("same", "a", "admissions").get("value")
                .get("mean").asText() + "," + row("same", "a", "admissions").get("value").get("ci95").get(0).asText()
                + "," + row("same", "a", "admissions").get("value").get("ci95").get(1).asText() + ",0,0,0,4"),
                "the base against itself in the CSV");
    }

    @Test
    void targetsAndSearchesCsv_holdEveryTargetResultAndSearchOfTheJson() throws IOException {
        List<String> targets = Files.readAllLines(out.resolve("targets.csv"));
        assertEquals(org.bedsim.report.CompareTablesCsv.TARGETS_HEADER, targets.get(0));
        int results = 0;
        for (JsonNode t : json.get("targets")) {
            for (JsonNode r : t.get("results")) {
                results++;
                String expected = r.get("option").asText() + "," + r.get("value").get("mean").asText() + ","
                        + r.get("value").get("ci95").get(0).asText() + "," + r.get("value").get("ci95").get(1).asText()
                        + "," + r.get("met").asText() + "," + r.get("met_with_confidence").asText();
                assertTrue(targets.stream().anyMatch(l -> l.startsWith(t.get("label").asText().contains(",")
                        ? "\"" : t.get("label").asText()) && l.endsWith(expected)), expected + " in " + targets);
            }
        }
        assertTrue(results > 0);
        assertEquals(results + 1, targets.size());
        List<String> searches = Files.readAllLines(out.resolve("searches.csv"));
        assertEquals(org.bedsim.report.CompareTablesCsv.SEARCHES_HEADER, searches.get(0));
        assertEquals(json.get("optimise").size() + 1, searches.size());
    }

    @Test
    void baseAgainstItself_everyDifferenceIsExactlyZero() {
        List<JsonNode> same = rows("same", null);
        assertTrue(same.size() > 40, "settings, kinds and system: " + same.size());
        for (JsonNode r : same) {
            JsonNode d = r.get("difference_from_base");
            assertEquals(0.0, d.get("mean").asDouble(), r.toString());
            assertEquals("[0,0]", d.get("ci95").toString(), r.toString());
        }
        for (JsonNode t : json.get("targets")) {
            JsonNode base = t.get("results").get(0);
            JsonNode again = t.get("results").get(1);
            assertEquals("same", again.get("option").asText());
            assertEquals(base.get("value"), again.get("value"));
            assertEquals(base.get("met"), again.get("met"));
        }
    }

    @Test
    void anIndependentExtraWard_changesNothingInTheOthers_intervalsCoverZero() {
        for (String setting : List.of("a", "b")) {
            for (JsonNode r : rows("extra-ward", setting)) {
                JsonNode ci = r.get("difference_from_base").get("ci95");
                assertTrue(ci.get(0).asDouble() <= 0 && ci.get(1).asDouble() >= 0, r.toString());
            }
        }
        assertTrue(row("extra-ward", "c", "admissions").get("difference_from_base").isNull(), "c is not in the base");
        JsonNode arrivals = row("extra-ward", "kind:acute", "admissions").get("difference_from_base");
        assertTrue(arrivals.get("ci95").get(0).asDouble() > 0, "the extra ward's own patients: " + arrivals);
    }

    @Test
    void pooling_oneWardOfTwiceTheBeds_isFullLessOften_andNeedsFewerBedsForTheSameRisk() {
        double twoPoolsFull = row("two-pools", "kind:acute", "share_of_days_full").get("value").get("mean")
                .asDouble();
        double onePoolFull = row("one-pool", "a", "share_of_days_full").get("value").get("mean").asDouble();
        assertTrue(onePoolFull < twoPoolsFull * 0.75, onePoolFull + " vs " + twoPoolsFull);
        JsonNode beds = row("one-pool", "kind:acute", "beds_required_percentile").get("difference_from_base");
        assertTrue(beds.get("ci95").get(1).asDouble() < 0, "fewer beds for the same risk: " + beds);
        JsonNode wait = row("one-pool", "system", "mean_wait_days").get("difference_from_base");
        assertTrue(wait.get("ci95").get(1).asDouble() < 0, "shorter waits: " + wait);
        JsonNode target = json.get("targets").get(1);
        assertEquals("beds_required_percentile", target.get("kpi").asText());
        assertEquals(40, target.get("at_most").asInt());
        assertTrue(target.get("results").get(3).get("value").get("mean").asDouble()
                < target.get("results").get(0).get("value").get("mean").asDouble());
    }

    @Test
    void waits_meanWaitOfAllAndMeanQueue_standBesideTheWaitOfThoseWhoWaited_inEveryOutput() throws IOException {
        for (String setting : List.of("system", "kind:acute")) {
            double all = row("two-pools", setting, "mean_wait_all_days").get("value").get("mean").asDouble();
            double waited = row("two-pools", setting, "mean_wait_days").get("value").get("mean").asDouble();
            assertTrue(all > 0 && all < waited, setting + ": of all " + all + " against of those who waited "
                    + waited);
            JsonNode queue = row("one-pool", setting, "mean_queue_length").get("difference_from_base");
            assertTrue(queue.get("ci95").get(1).asDouble() < 0, "pooling shortens the queue: " + queue);
        }
        String csv = Files.readString(out.resolve("compare.csv"));
        assertTrue(csv.contains("\ntwo-pools,system,mean_wait_all_days,days,")
                && csv.contains("\ntwo-pools,system,mean_queue_length,patients,"), csv);
        assertTrue(result.out().contains("  mean wait of all admitted (zero waits included), days\n")
                && result.out().contains("  mean wait of those who waited, days\n")
                && result.out().contains("  mean number waiting (time-weighted)\n"), result.out());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("mean wait of all admitted (zero waits included), days")
                && report.contains("mean number waiting (time-weighted)"));
    }

    @Test
    void pooling_twoAnswers_areExplainedInTheReport_withTheRunsOwnFigures() throws IOException {
        Path dir = tmp.resolve("pooling-searches");
        Cli r = Cli.run("compare", "src/test/resources/compare/pooling-searches.yaml", "--out", dir.toString(),
                "--replications", "4", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(dir.resolve("compare.json").toFile());
        java.util.Map<String, Integer> total = new java.util.HashMap<>();
        java.util.Map<String, List<String>> parts = new java.util.HashMap<>();
        for (JsonNode s : j.get("optimise")) {
            String o = s.get("option").asText();
            total.merge(o, s.get("beds").asInt(), Integer::sum);
            parts.computeIfAbsent(o, x -> new ArrayList<>()).add(s.get("setting").asText() + " " + s.get("beds"));
        }
        double[] demand = new double[2];
        double[] asRun = new double[2];
        for (JsonNode k : j.get("kpis")) {
            int i = k.get("option").asText().equals("two-pools") ? 0 : 1;
            if (k.get("setting").asText().equals("kind:acute")) {
                double mean = k.get("value").get("mean").asDouble();
                switch (k.get("kpi").asText()) {
                    case "demand_beds_required_percentile" -> demand[i] = mean;
                    case "beds_required_percentile" -> asRun[i] = mean;
                    default -> { }
                }
            }
        }
        String html = Files.readString(dir.resolve("report.html"));
        String text = OfflinePage.parse(html).getDocumentElement().getTextContent().replaceAll("\\s+", " ");
        int at = text.indexOf("Pooling, two answers reconciled.");
        assertTrue(at >= 0, "the report explains the two answers");
        String note = text.substring(at, text.indexOf(".", text.indexOf("not how many are needed")) + 1);
        int saved = total.get("two-pools") - total.get("one-pool");
        for (String expected : List.of(
                String.join(" + ", parts.get("two-pools")) + " = " + total.get("two-pools"),
                total.get("two-pools") + " beds for two-pools, 2 sites (",
                total.get("one-pool") + " beds for one-pool, 1 (",
                "fewer, larger pools " + (saved >= 0 ? "save " : "need ") + Math.abs(saved) + " beds",
                "percentiles do not add",
                String.format(java.util.Locale.ROOT, "%.1f for two-pools and %.1f for one-pool", demand[0], demand[1]),
                String.format(java.util.Locale.ROOT, "they are %.1f and %.1f", asRun[0], asRun[1]))) {
            assertTrue(note.contains(expected), expected + " in: " + note);
        }
        assertTrue(saved > 0, "one ward of the same risk needs fewer beds than two: " + total);
        assertTrue(r.out().replace("\n", " ").contains("Pooling, two answers reconciled."), r.out());
        assertFalse(Files.readString(out.resolve("report.html")).contains("Pooling, two answers"),
                "no searches, nothing to reconcile");
    }

    @Test
    void charts_areValidPngAndSvg_oneOfEachPerKeyChart() throws IOException {
        List<String> files = listing(out.resolve("charts"));
        List<String> png = files.stream().filter(f -> f.endsWith(".png")).toList();
        List<String> svg = files.stream().filter(f -> f.endsWith(".svg")).toList();
        assertEquals(png.size(), svg.size());
        assertEquals(files.size(), png.size() + svg.size());
        assertTrue(png.contains("compare-acute-beds-required-percentile.png"), png.toString());
        assertTrue(png.contains("compare-acute-share-of-days-full.png"), png.toString());
        assertTrue(png.contains("compare-system-composite-stay-days.png"), png.toString());
        assertFalse(png.contains("compare-system-refused.png"), "nobody is refused: no chart of zeros");
        for (String p : png) {
            BufferedImage image = ImageIO.read(out.resolve("charts").resolve(p).toFile());
            assertNotNull(image, p);
            assertEquals(1000, image.getWidth());
            assertEquals(600, image.getHeight());
        }
        for (String s : svg) {
            String text = Files.readString(out.resolve("charts").resolve(s));
            Document doc = OfflinePage.parse(text);
            assertEquals("svg", doc.getDocumentElement().getLocalName(), s);
        }
        String chart = Files.readString(out.resolve("charts").resolve("compare-acute-beds-required-percentile.svg"));
        for (String label : List.of("same", "extra-ward", "one-pool", "Acute settings: beds required",
                "difference from two-pools", "No difference from two-pools")) {
            assertTrue(chart.contains(label), label);
        }
        String values = Files.readString(out.resolve("charts").resolve(
                "compare-acute-beds-required-percentile-values.svg"));
        for (String label : List.of("two-pools", "same", "one-pool", "Base option: two-pools")) {
            assertTrue(values.contains(label), label);
        }
    }

    @Test
    void report_isSelfContained_withTheComparisonAndTheStandardSections() throws IOException {
        String html = Files.readString(out.resolve("report.html"));
        Document doc = OfflinePage.assertSelfContained(html);
        String text = doc.getDocumentElement().getTextContent();
        for (String heading : List.of("Options compared", "Targets", "Key results", "Charts", "Every KPI",
                "Assumptions and sources: base scenario", "Assumptions and sources: options", "Validation warnings",
                "Model description (STRESS-DES)", "Run manifest", "1 Objectives", "2 Logic", "3 Data",
                "4 Experimentation", "5 Implementation", "6 Code access")) {
            assertTrue(text.contains(heading), heading);
        }
        assertTrue(text.contains("one-pool (from two-pools): setting a: beds 20 -> 40"), "scenario logic");
        assertTrue(text.contains("one-pool: settings.a"), "where the option's sources are cited");
        assertEquals(json.get("manifest").size() > 0, true);
        int svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength();
        assertEquals(listing(out.resolve("charts")).stream().filter(f -> f.endsWith(".svg")
                && !f.endsWith("-values.svg")).count(), svgs, "every key chart's difference view inlined");
    }

    @Test
    void sameSeed_anyThreadCount_identicalComparison() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        assertEquals(0, Cli.run("compare", POOLING, "--out", one.toString(), "--replications", "3", "--threads",
                "1", "--quiet").code());
        assertEquals(0, Cli.run("compare", POOLING, "--out", two.toString(), "--replications", "3", "--threads",
                "3", "--quiet").code());
        assertEquals(-1L, Files.mismatch(one.resolve("compare.csv"), two.resolve("compare.csv")));
        assertEquals(-1L, Files.mismatch(one.resolve("charts/compare-acute-mean-occupancy.svg"),
                two.resolve("charts/compare-acute-mean-occupancy.svg")));
    }

    @Test
    void badOptionsFile_exit2_everyProblemWithFileLineAndColumn_nothingWritten() {
        Path never = tmp.resolve("never");
        Cli r = Cli.run("compare", BAD, "--out", never.toString());
        assertEquals(2, r.code());
        assertEquals(BAD + ":10:21: error: options[0].overrides.settings[0].bedz: found an unknown key 'bedz', "
                + "expected one of the keys of a setting: name, kind, description, beds, capacity_changes, when_full, "
                + "escalation_beds, divert_to, priority, owner, pathway, delayed_while_here, source (did you mean 'beds'?)\nbedsim: " + BAD + ": 1 error, "
                + "0 warnings; nothing was run\n", r.err());
        assertFalse(Files.exists(never));
        Cli base = Cli.run("compare", "src/test/resources/bad-options/removed-still-referenced.yaml");
        assertEquals(2, base.code());
        assertTrue(base.err().startsWith("src/test/resources/bad-options/base/two-wards.yaml:36:12: error: in option "
                + "'close-b': cohorts[1].entry: found 'b', which is not a setting"), base.err());
    }

    @Test
    void badCommandLines_exit2_withoutStackTrace() throws IOException {
        Cli missing = Cli.run("compare", "no/such/options.yaml");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("no/such/options.yaml: error: found no such file, expected an existing "
                + "options file\n"), missing.err());
        Cli one = Cli.run("compare", POOLING, "--replications", "1");
        assertEquals(2, one.code());
        assertEquals("bedsim: --replications must be at least 2 for a comparison (differences need intervals), was "
                + "1\n", one.err());
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Cli notDir = Cli.run("compare", POOLING, "--out", file.toString(), "--quiet");
        assertEquals(2, notDir.code());
        assertTrue(notDir.err().contains("cannot write to the output directory " + file), notDir.err());
        Cli scenario = Cli.run("compare", "src/test/resources/good/minimal.yaml", "--quiet");
        assertEquals(2, scenario.code());
        assertTrue(scenario.err().contains("is a scenario file, not an options file: run it with 'bedsim run "),
                scenario.err());
        for (Cli r : List.of(missing, one, notDir, scenario)) {
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void help_andValidate_knowOptionsFiles() {
        Cli help = Cli.run("compare", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: bedsim compare") && help.out().contains("Examples:")
                && help.out().contains("--replications=N"), help.out());
        assertTrue(Cli.run("--help").out().contains("compare"));
        Cli ok = Cli.run("validate", POOLING);
        assertEquals(0, ok.code(), ok.err());
        assertEquals(POOLING + ": OK (0 errors, 0 warnings): 4 options (two-pools, same, extra-ward, one-pool), 2 "
                + "targets, 0 bed searches, 6 replications each, about 180k events\n", ok.out());
        Cli bad = Cli.run("validate", BAD);
        assertEquals(2, bad.code());
        assertTrue(bad.err().endsWith("bedsim: " + BAD + ": 1 error, 0 warnings; the options cannot run\n"),
                bad.err());
        Cli schema = Cli.run("schema", "--options");
        assertEquals(0, schema.code());
        assertTrue(schema.out().contains("\"title\" : \"bedsim options\""), schema.out());
    }
}
