package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bedsim bridge}: exit codes, the files written and what they must hold (bars and Shapley values that add up
 * to the total, a no-op step of exactly zero), and determinism across thread counts.
 */
class BridgeCommandTest {
    static final String BRIDGE = "src/test/resources/good/bridge.yaml";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static Path oneThread;
    static Path twoThreads;
    static Cli first;

    @BeforeAll
    static void runTwice() {
        oneThread = shared.resolve("t1");
        twoThreads = shared.resolve("t2");
        first = Cli.run("bridge", BRIDGE, "--out", oneThread.toString(), "--threads", "1", "--quiet");
        Cli second = Cli.run("bridge", BRIDGE, "--out", twoThreads.toString(), "--threads", "2", "--quiet");
        assertEquals(0, first.code(), first.err());
        assertEquals(0, second.code(), second.err());
    }

    private static JsonNode bridgeJson(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("bridge.json").toFile());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void bridge_writesEveryOutput_andNothingElse() throws IOException {
        assertEquals(List.of("bedsim-complete.json", "bridge.csv", "bridge.json", "report.html", "trajectory.png", "trajectory.svg",
                "waterfall.png", "waterfall.svg"), listing(oneThread));
        for (String png : List.of("waterfall.png", "trajectory.png")) {
            assertEquals(1000, ImageIO.read(oneThread.resolve(png).toFile()).getWidth(), png);
        }
        for (String svg : List.of("waterfall.svg", "trajectory.svg")) {
            String text = Files.readString(oneThread.resolve(svg));
            assertTrue(text.startsWith("<?xml") && text.contains("<svg") && text.trim().endsWith("</svg>"), svg);
        }
        assertTrue(Files.readString(oneThread.resolve("waterfall.svg")).contains("Admissions"), "step labels");
        assertEquals("", first.err(), "--quiet prints nothing on stderr for a valid scenario");
    }

    @Test
    void bridgeReport_isOneOfflinePage_withTheBarsWaterfallSourcesAndModelDescription() throws IOException {
        String html = Files.readString(oneThread.resolve("report.html"));
        org.bedsim.report.html.OfflinePage.assertSelfContained(html);
        for (String expected : List.of("The bridge", "Shapley value", "Admissions", "<svg", "Assumptions and sources",
                "STRESS-DES", "Run manifest", "Steps and what they change")) {
            assertTrue(html.contains(expected), expected);
        }
    }

    @Test
    void bridgeJson_barsAndShapleyValues_sumToFinalMinusBase_noOpStepIsExactlyZero() throws IOException {
        JsonNode j = bridgeJson(oneThread);
        double base = j.get("base_beds").get("mean").asDouble();
        double fin = j.get("final_beds").get("mean").asDouble();
        assertEquals(2, j.get("base_beds").get("ci95").size());
        double deltas = 0;
        double shapley = 0;
        double standalone = 0;
        for (JsonNode step : j.get("steps")) {
            for (String key : List.of("id", "label", "sources", "delta_beds", "delta_beds_ci95",
                    "standalone_delta_beds", "shapley_delta_beds", "shapley_delta_beds_ci95", "cumulative_beds")) {
                assertTrue(step.has(key), key + " in " + step);
            }
            deltas += step.get("delta_beds").asDouble();
            shapley += step.get("shapley_delta_beds").asDouble();
            standalone += step.get("standalone_delta_beds").asDouble();
        }
        assertEquals(fin - base, deltas, 1e-9);
        assertEquals(fin - base, shapley, 1e-9);
        assertEquals(fin - base, standalone + j.get("interaction_beds").asDouble(), 1e-9);
        assertEquals(fin - base, j.get("total_change_beds").asDouble(), 1e-9);
        assertEquals(4, j.get("steps").size());
        JsonNode noOp = j.get("steps").get(1);
        assertEquals("no-op", noOp.get("id").asText());
        assertEquals(0.0, noOp.get("delta_beds").asDouble());
        assertEquals("[0,0]", noOp.get("delta_beds_ci95").toString());
        assertEquals(0.0, noOp.get("standalone_delta_beds").asDouble());
        assertEquals(0.0, noOp.get("shapley_delta_beds").asDouble(), 1e-12);
        assertTrue(j.get("shapley_exact").asBoolean());
        JsonNode counting = j.get("counting");
        assertEquals("mean_occupancy", counting.get("method").asText());
        assertEquals("[\"annex\",\"ward\"]", counting.get("settings").toString());
        assertEquals(0.9, counting.get("occupancy_target").asDouble());
        assertEquals(0.05, counting.get("risk_share_of_days").asDouble());
        assertTrue(counting.get("unconstrained").asBoolean());
        assertEquals(11, j.get("manifest").get("seed").asLong());
        assertEquals(4, j.get("manifest").get("replications").asInt());
        assertEquals(1, j.get("manifest").get("threads").asInt());
    }

    @Test
    void bridgeJson_trajectory_runsYearByYearFromBaseToTarget() throws IOException {
        JsonNode j = bridgeJson(oneThread);
        JsonNode t = j.get("trajectory");
        assertEquals(4, t.size());
        assertEquals(List.of("2016/17", "2017/18", "2018/19", "2019/20"),
                List.of(t.get(0).get("year").asText(), t.get(1).get("year").asText(), t.get(2).get("year").asText(),
                        t.get(3).get("year").asText()));
        assertEquals(j.get("base_beds").get("mean").asDouble(), t.get(0).get("beds").asDouble());
        assertEquals(j.get("final_beds").get("mean").asDouble(), t.get(3).get("beds").asDouble());
        assertEquals(2, t.get(1).get("ci95").size());
        assertEquals("2016/17", j.get("bridge").get("base_year").asText());
        assertEquals(18, j.get("bridge").get("configurations").asInt(), "16 subsets and 2 intermediate years");
    }

    @Test
    void bridgeCsv_everyFigureOfTheJson_barsThenInteractionAndTrajectory() throws IOException {
        List<String> lines = Files.readAllLines(oneThread.resolve("bridge.csv"));
        assertEquals(org.bedsim.report.BridgeCsv.HEADER, lines.get(0));
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(7 + 1 + 4, lines.size(), "base, 4 steps, final, interaction, 4 years");
        assertTrue(lines.get(1).startsWith("base,2016/17,Beds 2016/17,NA,NA,NA,NA,NA,NA,NA,NA,NA,"), lines.get(1));
        assertTrue(lines.get(3).startsWith("step,no-op,A step that changes nothing,0,0,0,0,0,0,0,0,0,"),
                lines.get(3));
        assertTrue(lines.get(6).startsWith("final,2019/20,Beds 2019/20,"), lines.get(6));
        assertTrue(lines.get(7).startsWith("interaction,interaction,"), lines.get(7));
        JsonNode j = bridgeJson(oneThread);
        String[] last = lines.get(6).split(",");
        assertEquals(j.get("final_beds").get("mean").asDouble(),
                Double.parseDouble(last[header.indexOf("cumulative_beds")]));
        // the total change with its paired interval, as in the JSON
        assertEquals(j.get("total_change_beds_ci95").get(0).asDouble(),
                Double.parseDouble(last[header.indexOf("delta_ci95_low")]), 1e-9);
        // every step's Shapley and standalone intervals
        String[] first = lines.get(2).split(",");
        JsonNode step = j.get("steps").get(0);
        assertEquals(step.get("shapley_delta_beds_ci95").get(1).asDouble(),
                Double.parseDouble(first[header.indexOf("shapley_ci95_high")]), 1e-9);
        assertEquals(step.get("standalone_delta_beds").asDouble(),
                Double.parseDouble(first[header.indexOf("standalone_delta_beds")]), 1e-9);
        String[] interaction = lines.get(7).split(",");
        assertEquals(j.get("interaction_beds_ci95").get(0).asDouble(),
                Double.parseDouble(interaction[header.indexOf("delta_ci95_low")]), 1e-9);
        // the trajectory, year by year
        JsonNode t = j.get("trajectory");
        for (int i = 0; i < t.size(); i++) {
            String[] year = lines.get(8 + i).split(",");
            assertEquals("year", year[0]);
            assertEquals(t.get(i).get("year").asText(), year[1]);
            assertEquals(t.get(i).get("beds").asDouble(), Double.parseDouble(year[header.indexOf("cumulative_beds")]),
                    1e-9);
        }
        for (String line : lines) {
            assertEquals(17, line.split(",", -1).length, line);
        }
    }

    @Test
    void bridge_oneThreadOrTwo_givesIdenticalFilesApartFromTheManifest() throws IOException {
        ObjectNode a = (ObjectNode) bridgeJson(oneThread);
        ObjectNode b = (ObjectNode) bridgeJson(twoThreads);
        a.remove("manifest");
        b.remove("manifest");
        assertEquals(a, b);
        String textA = Files.readString(oneThread.resolve("bridge.json"));
        String textB = Files.readString(twoThreads.resolve("bridge.json"));
        assertEquals(withoutManifest(textA), withoutManifest(textB), "byte-identical apart from the manifest");
        for (String file : List.of("bridge.csv", "waterfall.png", "waterfall.svg", "trajectory.png",
                "trajectory.svg")) {
            assertArrayEquals(Files.readAllBytes(oneThread.resolve(file)), Files.readAllBytes(twoThreads.resolve(file)),
                    file);
        }
    }

    private static String withoutManifest(String json) {
        int start = json.indexOf("\"manifest\"");
        int end = json.indexOf('}', start);
        assertTrue(start > 0 && end > start, json);
        return json.substring(0, start) + json.substring(end + 1);
    }

    @Test
    void bridge_printsTheTable_withBaseStepsFinalAndTheCheck() {
        String out = first.out();
        assertTrue(out.replace("\n", " ").startsWith("Bed bridge 2016/17 to 2019/20: beds in annex + ward (mean "
                + "demand / 90 % occupancy, with unlimited beds) "), out);
        for (String expected : List.of("\n  2016/17 ", "\n  Growth ", "\n  Shorter stays ", "\n  2019/20 ",
                "\nCheck: the steps sum to ", "(exact), final - base = ", "\nWrote ")) {
            assertTrue(out.contains(expected) || out.replace("\n", " ").contains(expected), expected + " in\n" + out);
        }
        assertTrue(java.util.regex.Pattern.compile("\n  A step that changes nothing +0\\.0 \\[0\\.0, 0\\.0\\] +0\\.0 "
                + "\\[0\\.0, 0\\.0\\]\n").matcher(out).find(), out);
        assertTrue(java.util.regex.Pattern.compile("\n  A step that changes nothing +assumed\n").matcher(out).find(),
                out);
        for (String line : out.split("\n")) {
            assertEquals(line.stripTrailing(), line, "no trailing spaces");
        }
    }

    @Test
    void bridge_scenarioWithoutBridgeSection_exit2_withTheReason(@TempDir Path tmp) throws IOException {
        Cli r = Cli.run("bridge", CliTest.MINIMAL, "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no bridge section, so there is no bridge to compute: add 'bridge:'"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")), "nothing is written");
    }

    @Test
    void bridge_badScenario_exit2_withProblems(@TempDir Path tmp) {
        Cli r = Cli.run("bridge", "src/test/resources/bad/bridge-references.yaml", "--out", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bridge-references.yaml:") && r.err().contains(": error: bridge."), r.err());
        assertTrue(r.err().contains("nothing was run"), r.err());
    }

    @Test
    void bridge_oneReplication_exit2(@TempDir Path tmp) {
        Cli r = Cli.run("bridge", BRIDGE, "--replications", "1", "--out", tmp.toString(), "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: run.replications: found 1 replication, expected at least 2 replications "
                + "for a bridge"), r.err());
    }

    @Test
    void validate_withBridge_printsTheBridgeSize() {
        Cli r = Cli.run("validate", BRIDGE);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\n  bridge: 4 steps, 18 configurations x 4 replications = 72 runs, about "),
                r.out());
    }

    @Test
    void bridge_help_withExamples_exit0() {
        Cli r = Cli.run("bridge", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: bedsim bridge"), r.out());
        assertTrue(r.out().contains("./bedsim bridge scenarios/examples/bridge-example.yaml"), r.out());
        assertTrue(r.out().contains("--replications=N") && r.out().contains("--threads=T"), r.out());
        assertTrue(Cli.run("--help").out().contains("bridge"), "listed by bedsim --help");
    }
}
