package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.scenario.LoadedOptions;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.OptionsLoader;
import org.bedsim.scenario.QuarterlyCalibration;
import org.bedsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bedsim compare} on options whose base declares a calibration ({@code quarterly/calibrated-wait.yaml}: the
 * mean wait for assessment, solved against published delayed days): the base is solved once and every option starts
 * from the calibrated base, so compare's base is {@code bedsim run} of the base (which solves the same calibration
 * on the same seed and replications), an option changing an unrelated input keeps the calibrated value, and an
 * option setting the calibrated input keeps its own.
 */
class CompareCalibrationTest {
    private static final String OPTIONS = "src/test/resources/quarterly/calibrated-wait-options.yaml";
    private static final String BASE = "src/test/resources/quarterly/calibrated-wait.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return csv rows keyed by the first {@code keys} columns, to the mean in column {@code mean} */
    private static Map<String, String> means(Path csv, String option, int from, int keys, int mean)
            throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            if (option != null && !f[0].equals(option)) {
                continue;
            }
            m.put(String.join("|", List.of(f).subList(from, from + keys)), f[mean]);
        }
        return m;
    }

    @Test
    void compareBase_isRunOfTheCalibratedBase_andOptionsKeepTheCalibratedValue(@TempDir Path tmp)
            throws IOException {
        Path cmp = tmp.resolve("compare");
        Cli c = Cli.run("compare", OPTIONS, "--replications", "2", "--seed", "7", "--out", cmp.toString(),
                "--quiet");
        assertEquals(0, c.code(), c.err());
        Path run = tmp.resolve("run");
        Cli r = Cli.run("run", BASE, "--replications", "2", "--seed", "7", "--out", run.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());

        // the same solved value, the same base
        double solved = JSON.readTree(run.resolve("calibration.json").toFile()).get("calibrations").get(0)
                .get("value").asDouble();
        assertEquals(solved, JSON.readTree(cmp.resolve("calibration.json").toFile()).get("calibrations").get(0)
                .get("value").asDouble(), 0.0);
        assertTrue(Math.abs(solved - 2) > 0.05, "the solved wait differs from the file's starting two days: "
                + solved);
        Map<String, String> compared = means(cmp.resolve("compare.csv"), "today", 1, 2, 4);
        Map<String, String> ran = means(run.resolve("settings.csv"), null, 0, 2, 3);
        assertFalse(ran.isEmpty());
        ran.forEach((k, v) -> assertEquals(v, compared.get(k), k));
        Map<String, String> quartersCompared = means(cmp.resolve("quarters.csv"), "today", 1, 2, 4);
        List<String> quarters = Files.readAllLines(run.resolve("quarters.csv"));
        for (String line : quarters.subList(1, quarters.size())) {
            String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            assertEquals(f[7], quartersCompared.get(f[0] + "|" + f[5]), line);
        }

        // the calibrated input reported beside the options, labelled with the figure it meets
        assertTrue(c.out().contains("Calibrated inputs of the base"), c.out());
        assertTrue(c.out().replaceAll("\\s+", " ").contains("calibrated to delayed_days of 2016/17 Q1 + 2016/17 Q2 "
                + "= 820 published"), c.out());
        assertTrue(Files.readString(cmp.resolve("report.html")).contains("Calibrated inputs of the base"));

        // an option changing an unrelated input keeps the calibrated wait; one setting the wait keeps its own
        LoadedScenario base = ScenarioLoader.load(Path.of(BASE), 2, 7L);
        QuarterlyCalibration cal = QuarterlyCalibration.of(base, Files.readAllBytes(Path.of(BASE)));
        double[] values = {solved};
        LoadedOptions o = OptionsLoader.load(Path.of(OPTIONS), 2, 7L,
                new OptionsLoader.CalibratedBase(cal.withValues(values), values, cal));
        assertFalse(o.hasErrors(), o.problems().toString());
        for (LoadedOptions.Option x : o.options()) {
            double wait = x.scenario().spec().cohorts().get(0).los().get("awaiting-assessment").mean();
            assertEquals(x.name().equals("one-day-assessment") ? 1 : solved, wait, 0.0, x.name());
        }
        JsonNode changes = JSON.readTree(cmp.resolve("compare.json").toFile()).get("options");
        for (JsonNode x : changes) {
            String all = x.get("changes").toString();
            assertEquals(x.get("name").asText().equals("one-day-assessment"), all.contains("awaiting-assessment"),
                    all);
        }
    }

    @Test
    void compareAgain_takesTheCalibrationFromTheOutputFoldersCache_withIdenticalResults(@TempDir Path tmp)
            throws IOException {
        Path out = tmp.resolve("compare");
        Cli first = Cli.run("compare", OPTIONS, "--replications", "2", "--seed", "7", "--out", out.toString());
        assertEquals(0, first.code(), first.err());
        assertFalse(first.err().contains("from cache"), first.err());
        String csv = Files.readString(out.resolve("compare.csv"));
        String quarters = Files.readString(out.resolve("quarters.csv"));
        Cli again = Cli.run("compare", OPTIONS, "--replications", "2", "--seed", "7", "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("the calibrations from cache"), again.err());
        assertEquals(csv, Files.readString(out.resolve("compare.csv")));
        assertEquals(quarters, Files.readString(out.resolve("quarters.csv")));
        // another seed is another solution
        Cli other = Cli.run("compare", OPTIONS, "--replications", "2", "--seed", "8", "--out", out.toString());
        assertEquals(0, other.code(), other.err());
        assertFalse(other.err().contains("from cache"), other.err());
    }
}
