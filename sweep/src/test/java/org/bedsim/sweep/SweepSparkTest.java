package org.bedsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.bedsim.cli.Main;
import org.bedsim.report.OutputDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small sweep (3 scenarios x 4 values of a parameter x 3 replications in blocks of 2: 24 units) on the tests' one
 * embedded Spark session ({@link TestSpark}: two task slots, a failed task tried up to 3 times): its results
 * equal, value for value, those of {@code bedsim run} on each variant's file; and a task made to fail once, another
 * partitioning and a resume after lost or cut unit files all give the same bytes.
 */
class SweepSparkTest {
    @TempDir
    static Path dir;

    static SparkSession spark;
    static Path sweepFile;
    static LoadedSweep sweep;
    static List<SweepRunner.Row> baseline;

    @BeforeAll
    static void start() throws IOException {
        spark = TestSpark.session();
        String base = Files.readString(Path.of("../scenarios/examples/single-hospital.yaml"));
        int[] beds = {380, 388, 396};
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < 3; i++) {
            String text = base.replace("name: single-hospital", "name: sh-" + names[i])
                    .replace("horizon_years: 2", "horizon_years: 1").replace("2017-10-01", "2016-10-01").replace("beds: 388", "beds: " + beds[i]);
            assertNotEquals(base, text);
            Files.writeString(dir.resolve("sh-" + names[i] + ".yaml"), text);
        }
        sweepFile = dir.resolve("sweep.yaml");
        Files.writeString(sweepFile, """
                name: test-sweep
                scenarios: [sh-a.yaml, sh-b.yaml, sh-c.yaml]
                parameters:
                  - path: settings[community].beds
                    values: [34, 38, 42, 46]
                replications: 3
                block: 2
                targets:
                  - {name: acute-occupancy, setting: acute, kpi: mean_occupancy, at_most: 360}
                """);
        sweep = SweepLoader.load(sweepFile);
        assertEquals(List.of(), sweep.problems());
        assertEquals(12, sweep.variants().size());
        assertEquals(24, SweepRunner.units(sweep).size());
    }

    /** The sweep through the command line (sweep.csv, the marker), once for the class. */
    static synchronized List<SweepRunner.Row> baseline() throws IOException {
        if (baseline == null) {
            Path out = dir.resolve("cli-out");
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code = Main.execute(new String[] {"sweep", sweepFile.toString(), "--out", out.toString(), "--quiet"},
                    new PrintWriter(o, true), new PrintWriter(e, true), new SweepCommand());
            assertEquals(0, code, e.toString());
            assertEquals(List.of(), OutputDirectory.verify(out), "the outputs are complete");
            baseline = SweepRunner.run(spark, sweep, dir.resolve("baseline-units"), SweepRunner.Options.defaults(),
                    d -> { }).rows();
            assertEquals(12 * 3 * (org.bedsim.model.SettingKpi.values().length
                    + org.bedsim.model.DemandKpi.values().length), baseline.size(),
                    "every KPI of the 3 settings of 12 variants, and their demand with unlimited beds");
        }
        return baseline;
    }

    @Test
    void sweep_equalsBedsimRunOnEachVariant_valueForValue() throws IOException {
        baseline();
        Path out = dir.resolve("cli-out");
        Map<String, String> swept = new HashMap<>(); // variant + setting + kpi -> the settings.csv part of the row
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals("variant,scenario,settings[community].beds," + SweepOutputs.HEADER_TAIL, lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 4);
            String rest = f[3];
            swept.put(f[0] + "," + rest.substring(0, rest.indexOf(',', rest.indexOf(',') + 1)), rest);
        }
        int compared = 0;
        for (Variant v : sweep.variants()) {
            Path run = dir.resolve("run-" + v.id());
            StringWriter e = new StringWriter();
            int code = Main.execute(new String[] {"run", out.resolve("variants").resolve(v.fileName()).toString(),
                "--out", run.toString(), "--quiet", "--threads", "1"}, new PrintWriter(new StringWriter(), true),
                    new PrintWriter(e, true));
            assertEquals(0, code, e.toString());
            List<String> settings = Files.readAllLines(run.resolve("settings.csv"));
            assertEquals("setting,kpi,unit,mean,ci95_low,ci95_high,replications", settings.get(0));
            for (String row : settings.subList(1, settings.size())) {
                String[] f = row.split(",", 3);
                assertEquals(row, swept.get(v.id() + "," + f[0] + "," + f[1]), v.id() + " " + f[0] + " " + f[1]);
                compared++;
            }
        }
        assertEquals(lines.size() - 1, compared, "every row of sweep.csv was compared with bedsim run");
        // and the variant's values are in its scenario
        assertTrue(Files.readString(out.resolve("variants/sh-b-2.json")).contains("\"beds\" : 42"));
    }

    @Test
    void aTaskThatFailsOnce_isRetried_andGivesTheSameResult() throws Exception {
        List<SweepRunner.Row> expected = baseline();
        AtomicInteger failed = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                    failed.incrementAndGet();
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            List<Unit> units = SweepRunner.units(sweep);
            SweepRunner.Result r = SweepRunner.run(spark, sweep, dir.resolve("retried"),
                    new SweepRunner.Options(false, 0, Set.of(units.get(0).id(), units.get(13).id())), d -> { });
            spark.sparkContext().listenerBus().waitUntilEmpty();
            assertEquals(2, failed.get(), "two tasks failed once each, and were tried again");
            assertEquals(expected, r.rows());
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
    }

    @Test
    void resultsDoNotDependOnThePartitioning() throws IOException {
        List<SweepRunner.Row> expected = baseline();
        for (int partitions : new int[] {1, 5}) {
            SweepRunner.Result r = SweepRunner.run(spark, sweep, dir.resolve("p" + partitions),
                    new SweepRunner.Options(false, partitions, Set.of()), d -> { });
            assertEquals(expected, r.rows(), partitions + " partitions");
        }
    }

    @Test
    void resume_skipsCompleteUnits_andRunsLostOrCutOnes() throws IOException {
        List<SweepRunner.Row> expected = baseline();
        Path out = dir.resolve("resumed");
        SweepRunner.run(spark, sweep, out, SweepRunner.Options.defaults(), d -> { });
        Path units = out.resolve(UnitStore.FOLDER);
        List<Unit> all = SweepRunner.units(sweep);
        Files.delete(units.resolve(all.get(1).id() + ".tsv"));
        Files.delete(units.resolve(all.get(10).id() + ".tsv"));
        Path cut = units.resolve(all.get(20).id() + ".tsv");
        String text = Files.readString(cut);
        Files.writeString(cut, text.substring(0, text.length() / 2)); // a unit cut short (as if written in place)
        Path kept = units.resolve(all.get(5).id() + ".tsv");
        long keptModified = Files.getLastModifiedTime(kept).toMillis();
        byte[] keptBytes = Files.readAllBytes(kept);
        SweepRunner.Result r = SweepRunner.run(spark, sweep, out, new SweepRunner.Options(true, 0, Set.of()),
                d -> { });
        assertEquals(24, r.units());
        assertEquals(21, r.resumed());
        assertEquals(3, r.ran());
        assertEquals(expected, r.rows());
        assertEquals(keptModified, Files.getLastModifiedTime(kept).toMillis(), "a complete unit is not run again");
        assertTrue(java.util.Arrays.equals(keptBytes, Files.readAllBytes(kept)));
        assertEquals(text, Files.readString(cut), "the cut unit was run again, to the same bytes");
        // without --resume everything runs again
        SweepRunner.Result fresh = SweepRunner.run(spark, sweep, out, SweepRunner.Options.defaults(), d -> { });
        assertEquals(0, fresh.resumed());
        assertEquals(expected, fresh.rows());
    }

    @Test
    void aUnitFile_ofOtherInputs_isNotTaken() throws IOException {
        Path out = dir.resolve("other-inputs");
        UnitStore store = UnitStore.open(out, false, sweep.kpis(), sweep.settings(), true);
        Unit u = SweepRunner.units(sweep).get(0);
        UnitResult r = UnitTask.run(u, sweep.kpis(), sweep.settings(), true);
        store.write(u, r);
        assertEquals(r.columns(), store.read(u).columns());
        UnitStore fewerKpis = UnitStore.open(out, true, sweep.kpis().subList(0, 3), sweep.settings(),
                true);
        assertNull(fewerKpis.read(u), "a unit kept for other KPIs is run again");
        List<String> ids = new ArrayList<>();
        SweepRunner.units(sweep).forEach(x -> ids.add(x.id()));
        assertEquals(ids.size(), Set.copyOf(ids).size(), "unit ids are unique");
    }
}
