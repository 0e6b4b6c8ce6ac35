package org.bedsim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app's key figures of a run are read from the run's own settings.csv and include demand (the same patients
 * with unlimited beds, which answers how many beds are needed) beside the beds required as run, each labelled so.
 */
class FiguresTest {
    @TempDir
    Path tmp;

    @Test
    void keyFiguresOfARun_includeDemandBesideAsRun_andEveryKeyIsAFigureTheRunWrites() throws Exception {
        Path scenario = tmp.resolve("minimal.yaml");
        Files.write(scenario, Shipped.minimal());
        Path dir = tmp.resolve("job");
        StringWriter err = new StringWriter();
        int code = org.bedsim.cli.Main.execute(new String[] {"run", scenario.toString(), "--replications", "2",
            "--out", dir.resolve("out").toString(), "--quiet"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(0, code, err.toString());
        Job job = new Job("r1", "run", "minimal.yaml", Instant.now(), dir, Job.Status.SUCCEEDED, 2);
        List<Figures.Figure> figures = Figures.of(job);
        Set<String> keys = figures.stream().filter(Figures.Figure::isKey)
                .map(f -> f.key().substring(f.key().lastIndexOf(" / ") + 3)).collect(Collectors.toSet());
        for (String demand : List.of("demand_beds_required_mean", "demand_beds_required_percentile")) {
            assertTrue(Figures.KEY_KPIS.contains(demand), demand);
            assertTrue(keys.contains(demand), demand + " among the key figures " + keys);
            assertTrue(Figures.KEY_LABELS.get(demand).contains("demand"), Figures.KEY_LABELS.get(demand));
        }
        assertTrue(Figures.KEY_LABELS.get("beds_required_percentile").contains("as run"));
        // every key KPI has a label, and every label is a key KPI that the run writes
        assertEquals(Figures.KEY_KPIS, Figures.KEY_LABELS.keySet());
        for (String k : Figures.KEY_KPIS) {
            assertTrue(figures.stream().anyMatch(f -> f.key().endsWith(" / " + k)), k + " is in settings.csv");
        }
    }
}
