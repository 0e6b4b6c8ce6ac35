package org.bedsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.cli.Main;
import org.bedsim.model.DemandKpi;
import org.bedsim.model.SettingKpi;
import org.bedsim.report.Numbers;
import org.bedsim.report.OutputDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of an options file (the single-hospital options, its base cut to one year) and a bridge scenario (the
 * bridge example), 2 replications each (in units of 1), through {@code bedsim sweep} on the tests' Spark session:
 * each option is a variant whose KPIs equal, value for value, those {@code bedsim compare} gives the option (but the
 * shares of counted events, which the sweep gives as {@code bedsim run} does and compare as means of replications);
 * the bridge scenario's variant yields its bars, equal value for value to those of {@code bedsim bridge}.
 */
class SweepInputsTest {
    @TempDir
    static Path dir;

    static Path out;
    static LoadedSweep sweep;
    /** sweep.csv: variant, setting, kpi -> the fields from the unit on (unit, mean, low, high, replications) */
    static final Map<String, String[]> SWEPT = new LinkedHashMap<>();

    @BeforeAll
    static void sweep() throws IOException {
        TestSpark.session();
        Path examples = Path.of("../scenarios/examples");
        String base = Files.readString(examples.resolve("single-hospital.yaml"));
        String cut = base.replace("horizon_years: 2", "horizon_years: 1").replace("2017-10-01", "2016-10-01");
        assertNotEquals(base, cut);
        Files.writeString(dir.resolve("single-hospital.yaml"), cut);
        Files.copy(examples.resolve("single-hospital-options.yaml"), dir.resolve("single-hospital-options.yaml"));
        Files.copy(examples.resolve("bridge-example.yaml"), dir.resolve("bridge-example.yaml"));
        Path file = dir.resolve("inputs.yaml");
        Files.writeString(file, """
                name: inputs
                scenarios: [single-hospital-options.yaml, bridge-example.yaml]
                replications: 2
                block: 1
                """);
        sweep = SweepLoader.load(file);
        assertEquals(List.of(), sweep.problems());
        assertEquals(List.of("single-hospital-options-today", "single-hospital-options-community-plus-21",
                "single-hospital-options-virtual-plus-20", "single-hospital-options-both", "bridge-example"),
                sweep.variants().stream().map(Variant::id).toList(), "the base option, each option, the bridge");
        assertEquals(4 * 2 + 2 + 1, SweepRunner.units(sweep).size(), "2 units of runs each, and a bridge unit");
        out = dir.resolve("out");
        StringWriter e = new StringWriter();
        int code = Main.execute(new String[] {"sweep", file.toString(), "--out", out.toString(), "--quiet"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(e, true), new SweepCommand());
        assertEquals(0, code, e.toString());
        assertEquals(List.of(), OutputDirectory.verify(out), "the outputs are complete");
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals("variant,scenario," + SweepOutputs.HEADER_TAIL, lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            SWEPT.put(f.get(0) + "," + f.get(2) + "," + f.get(3), f.subList(4, 9).toArray(String[]::new));
        }
    }

    @Test
    void eachOptionOfAnOptionsFile_equalsBedsimCompare_valueForValue() throws IOException {
        Path compared = dir.resolve("compare");
        StringWriter e = new StringWriter();
        int code = Main.execute(new String[] {"compare", dir.resolve("single-hospital-options.yaml").toString(),
            "--replications", "2", "--out", compared.toString(), "--quiet", "--threads", "1"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(e, true));
        assertEquals(0, code, e.toString());
        List<String> lines = Files.readAllLines(compared.resolve("compare.csv"));
        assertEquals("option,setting,kpi,unit,mean,ci95_low,ci95_high", String.join(",",
                fields(lines.get(0)).subList(0, 7)));
        int matched = 0;
        int shares = 0;
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            SettingKpi kpi = java.util.Arrays.stream(SettingKpi.values()).filter(k -> k.key().equals(f.get(2)))
                    .findFirst().orElse(null);
            boolean demand = java.util.Arrays.stream(DemandKpi.values()).anyMatch(k -> k.key().equals(f.get(2)));
            String[] swept = SWEPT.get("single-hospital-options-" + f.get(0) + "," + f.get(1) + "," + f.get(2));
            if (kpi == null && !demand || swept == null) {
                continue; // a group of settings or the system: compare's own, not a setting's KPI
            }
            if (kpi != null && kpi.isCountedShare()) {
                // compare gives a share as the mean over replications with a t interval (for paired differences);
                // the sweep gives it as bedsim run does (pooled events over trials, Wilson-type interval), which
                // SweepSparkTest holds to bedsim run value for value
                shares++;
                continue;
            }
            String what = f.get(0) + " " + f.get(1) + " " + f.get(2);
            assertEquals(f.get(3), swept[0], what);
            assertEquals(f.get(4), swept[1], what + ": the mean");
            // the sweep writes intervals as settings.csv does, kept inside the KPI's range
            assertEquals(bounded(f.get(5), 0, true), swept[2], what + ": the interval's low end");
            assertEquals(bounded(f.get(6), demand ? Double.POSITIVE_INFINITY : kpi.upperBound(), false), swept[3],
                    what + ": the interval's high end");
            assertEquals(f.get(10), swept[4], what + ": replications");
            matched++;
        }
        long optionRows = SWEPT.keySet().stream().filter(k -> k.startsWith("single-hospital-options-")).count();
        assertEquals(optionRows, matched + shares, "every row of the options' variants was compared with bedsim "
                + "compare, but the shares of counted events");
        assertTrue(matched >= 4 * 3 * 20, "4 options x 3 settings x the KPIs: " + matched);
    }

    @Test
    void aBridgeScenario_yieldsItsBars_equalToBedsimBridge_valueForValue() throws IOException {
        Path bridged = dir.resolve("bridge");
        StringWriter e = new StringWriter();
        int code = Main.execute(new String[] {"bridge", dir.resolve("bridge-example.yaml").toString(),
            "--replications", "2", "--out", bridged.toString(), "--quiet", "--threads", "1"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(e, true));
        assertEquals(0, code, e.toString());
        List<String> lines = Files.readAllLines(bridged.resolve("bridge.csv"));
        List<String> header = fields(lines.get(0));
        int delta = header.indexOf("delta_beds");
        int cumulative = header.indexOf("cumulative_beds");
        List<String> compared = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            switch (f.get(0)) {
                case "base" -> compared.add(check("base_beds", f, cumulative));
                case "step" -> compared.add(check("change_" + f.get(1), f, delta));
                case "final" -> {
                    compared.add(check("total_change", f, delta));
                    compared.add(check("final_beds", f, cumulative));
                }
                default -> { } // the interaction and the trajectory: bridge.csv's own
            }
        }
        List<String> bars = SWEPT.keySet().stream().filter(k -> k.startsWith("bridge-example,bridge,"))
                .map(k -> k.substring("bridge-example,bridge,".length())).toList();
        assertEquals(compared, bars, "the bridge's figures in the sweep, in bridge.csv's order");
        assertTrue(bars.size() >= 5, "base, at least two steps, total and final: " + bars);
        assertNotNull(SWEPT.get("bridge-example,city,mean_occupancy"), "and the variant's KPIs, as bedsim run gives");
    }

    /** @return the sweep's figure, checked against bridge.csv's mean and interval at column {@code at} */
    private static String check(String kpi, List<String> bridgeRow, int at) {
        String[] swept = SWEPT.get("bridge-example,bridge," + kpi);
        assertNotNull(swept, kpi + " is in the sweep");
        assertEquals("beds", swept[0]);
        assertEquals(bridgeRow.subList(at, at + 3), List.of(swept[1], swept[2], swept[3]), kpi);
        assertEquals("2", swept[4], kpi + ": replications");
        return kpi;
    }

    /** @return compare.csv's raw interval end kept inside the KPI's range, as the sweep writes it */
    private static String bounded(String end, double bound, boolean low) {
        if (end.equals("NA")) {
            return end;
        }
        double v = Double.parseDouble(end);
        return Numbers.csv(low ? Math.max(bound, v) : Math.min(bound, v));
    }

    /** @return a CSV line's fields (quotes taken off) */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }
}
