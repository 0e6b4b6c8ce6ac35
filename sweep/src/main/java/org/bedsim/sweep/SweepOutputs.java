package org.bedsim.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bedsim.report.Numbers;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.html.HtmlReport;
import org.bedsim.model.KpiInterval;

/**
 * A sweep's outputs, each written atomically, then the completion marker listing them (the project's convention:
 * a folder is complete exactly when its marker is there and every file matches it):
 * <ul>
 * <li>{@code sweep.parquet/}: the tidy table, a row per variant, setting and KPI (variant, scenario, one column per
 * parameter, setting, kpi, unit, mean, ci95_low, ci95_high, replications), written by Spark;</li>
 * <li>{@code sweep.csv}: the same table as CSV, for sweeps of at most {@value #CSV_MAX_ROWS} rows;</li>
 * <li>{@code variants.csv} and {@code variants/<id>.json}: each variant's values and its scenario as run (so
 * {@code bedsim run variants/<id>.json} gives its results again, value for value);</li>
 * <li>{@code spread.csv}: for each scenario, setting and KPI, the spread of the variants' means over the sweep;</li>
 * <li>{@code targets.csv}: each target in each variant, met or missed;</li>
 * <li>{@code report.html}: the sweep, the spread and the variants that miss a target.</li>
 * </ul>
 */
final class SweepOutputs {
    /** Most rows of the tidy table also written as CSV. */
    static final int CSV_MAX_ROWS = 500_000;
    static final String HEADER_TAIL = "setting,kpi,unit,mean,ci95_low,ci95_high,replications";

    private SweepOutputs() {
    }

    /** The spread of a KPI's means over the variants of a scenario. */
    record Spread(String scenario, String setting, String kpi, String unit, int variants, double min,
            double median, double max, String lowest, String highest) {
    }

    /** A target in a variant. */
    record TargetCheck(SweepFileSpec.Target target, Variant variant, KpiInterval ci, boolean met,
            boolean metWithConfidence) {
    }

    /** @return a row's interval ends, as settings.csv (or bridge.csv) writes them */
    static double[] ends(SweepRunner.Row r) {
        return new double[] {r.value().low(), r.value().high()};
    }

    /** Writes every output and the marker; @return the files written */
    static List<Path> write(SparkSession spark, OutputDirectory dir, LoadedSweep sweep, SweepRunner.Result result,
            String master) throws IOException {
        List<Path> written = new ArrayList<>();
        List<SweepRunner.Row> rows = result.rows();
        List<String> params = sweep.parameterPaths();
        if (rows.size() <= CSV_MAX_ROWS) {
            written.add(dir.write("sweep.csv", w -> tidy(w, rows, params)));
        }
        written.addAll(parquet(spark, dir.path(), rows, params));
        written.add(dir.write("variants.csv", w -> variants(w, sweep)));
        Path variants = dir.path().resolve("variants");
        OutputDirectory vd = OutputDirectory.create(variants);
        for (Variant v : sweep.variants()) {
            written.add(vd.write(v.fileName(), w -> w.write(SweepLoader.text(v.json()))));
        }
        List<Spread> spread = spread(rows);
        written.add(dir.write("spread.csv", w -> spread(w, spread)));
        List<TargetCheck> checks = targets(sweep, rows);
        if (!sweep.spec().targets().isEmpty()) {
            written.add(dir.write("targets.csv", w -> targets(w, checks)));
        }
        HtmlReport report = report(sweep, result, spread, checks, master);
        written.add(dir.write("report.html", report::write));
        dir.complete(written);
        return written;
    }

    private static void tidy(Writer w, List<SweepRunner.Row> rows, List<String> params) throws IOException {
        w.write("variant,scenario");
        for (String p : params) {
            w.write(',');
            w.write(Numbers.quoted(p));
        }
        w.write("," + HEADER_TAIL + "\n");
        for (SweepRunner.Row r : rows) {
            w.write(Numbers.quoted(r.variant().id()) + "," + Numbers.quoted(r.variant().scenarioFile()));
            for (double v : r.variant().values()) {
                w.write("," + Numbers.csv(v));
            }
            double[] ends = ends(r);
            w.write("," + Numbers.quoted(r.setting()) + "," + r.kpi() + "," + Numbers.quoted(r.unit())
                    + "," + Numbers.csv(r.value().mean()) + "," + Numbers.csv(ends[0]) + "," + Numbers.csv(ends[1])
                    + "," + r.value().replications() + "\n");
        }
    }

    /** Writes the tidy table as Parquet with Spark, into a temporary folder then renamed into place. */
    private static List<Path> parquet(SparkSession spark, Path out, List<SweepRunner.Row> rows, List<String> params)
            throws IOException {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("variant", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("scenario", DataTypes.StringType, false));
        for (String p : params) {
            fields.add(DataTypes.createStructField(p, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("setting", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("kpi", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("unit", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("mean", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("ci95_low", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("ci95_high", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("replications", DataTypes.LongType, false));
        StructType schema = DataTypes.createStructType(fields);
        List<org.apache.spark.sql.Row> data = new ArrayList<>(rows.size());
        for (SweepRunner.Row r : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(r.variant().id());
            cells.add(r.variant().scenarioFile());
            cells.addAll(r.variant().values());
            double[] ends = ends(r);
            cells.add(r.setting());
            cells.add(r.kpi());
            cells.add(r.unit());
            cells.add(finite(r.value().mean()));
            cells.add(finite(ends[0]));
            cells.add(finite(ends[1]));
            cells.add((long) r.value().replications());
            data.add(RowFactory.create(cells.toArray()));
        }
        Path target = out.resolve("sweep.parquet");
        Path temp = out.resolve(".sweep.parquet." + ProcessHandle.current().pid() + ".tmp");
        deleteTree(temp);
        Dataset<org.apache.spark.sql.Row> frame = spark.createDataFrame(data, schema);
        frame.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(temp.toUri().toString());
        try (Stream<Path> files = Files.list(temp)) {
            for (Path f : files.toList()) { // Hadoop's checksum files: not outputs
                if (f.getFileName().toString().endsWith(".crc")) {
                    Files.delete(f);
                }
            }
        }
        deleteTree(target);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static void variants(Writer w, LoadedSweep sweep) throws IOException {
        w.write("variant,scenario");
        for (String p : sweep.parameterPaths()) {
            w.write("," + Numbers.quoted(p));
        }
        w.write(",replications,seed,units,file,sha256\n");
        for (Variant v : sweep.variants()) {
            w.write(Numbers.quoted(v.id()) + "," + Numbers.quoted(v.scenarioFile()));
            for (double x : v.values()) {
                w.write("," + Numbers.csv(x));
            }
            int units = (v.replications() + sweep.block() - 1) / sweep.block();
            w.write("," + v.replications() + "," + v.seed() + "," + units + ",variants/" + v.fileName() + ","
                    + v.sha256() + "\n");
        }
    }

    /** @return the spread of each KPI's means over each scenario's variants */
    static List<Spread> spread(List<SweepRunner.Row> rows) {
        Map<String, List<SweepRunner.Row>> groups = new LinkedHashMap<>();
        for (SweepRunner.Row r : rows) {
            groups.computeIfAbsent(r.variant().scenarioFile() + "\t" + r.setting() + "\t" + r.kpi(),
                    k -> new ArrayList<>()).add(r);
        }
        List<Spread> out = new ArrayList<>();
        for (List<SweepRunner.Row> g : groups.values()) {
            List<SweepRunner.Row> sorted = new ArrayList<>(g);
            sorted.sort(Comparator.comparingDouble((SweepRunner.Row r) -> r.value().mean()));
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2).value().mean()
                    : (sorted.get(n / 2 - 1).value().mean() + sorted.get(n / 2).value().mean()) / 2;
            SweepRunner.Row first = g.get(0);
            out.add(new Spread(first.variant().scenarioFile(), first.setting(), first.kpi(), first.unit(), n,
                    sorted.get(0).value().mean(), median, sorted.get(n - 1).value().mean(),
                    sorted.get(0).variant().id(),
                    sorted.get(n - 1).variant().id()));
        }
        return out;
    }

    private static void spread(Writer w, List<Spread> spread) throws IOException {
        w.write("scenario,setting,kpi,unit,variants,min,median,max,lowest_variant,highest_variant\n");
        for (Spread s : spread) {
            w.write(Numbers.quoted(s.scenario()) + "," + Numbers.quoted(s.setting()) + "," + s.kpi() + ","
                    + Numbers.quoted(s.unit()) + "," + s.variants() + "," + Numbers.csv(s.min()) + ","
                    + Numbers.csv(s.median()) + "," + Numbers.csv(s.max()) + "," + Numbers.quoted(s.lowest()) + ","
                    + Numbers.quoted(s.highest()) + "\n");
        }
    }

    /** @return each target in each variant that has its setting and keeps its KPI */
    static List<TargetCheck> targets(LoadedSweep sweep, List<SweepRunner.Row> rows) {
        List<TargetCheck> out = new ArrayList<>();
        for (SweepFileSpec.Target t : sweep.spec().targets()) {
            for (SweepRunner.Row r : rows) {
                if (r.setting().equals(t.setting()) && r.settingKpi() == t.kpi().kpi()) {
                    double[] ends = ends(r);
                    boolean atMost = t.atMost() != null;
                    double limit = atMost ? t.atMost() : t.atLeast();
                    boolean met = atMost ? r.value().mean() <= limit : r.value().mean() >= limit;
                    boolean sure = atMost ? ends[1] <= limit : ends[0] >= limit;
                    out.add(new TargetCheck(t, r.variant(), r.value(), met, met && sure));
                }
            }
        }
        return out;
    }

    private static void targets(Writer w, List<TargetCheck> checks) throws IOException {
        w.write("target,setting,kpi,direction,threshold,variant,mean,ci95_low,ci95_high,met,met_with_confidence\n");
        for (TargetCheck c : checks) {
            SweepFileSpec.Target t = c.target();
            double[] ends = {c.ci().low(), c.ci().high()};
            w.write(t.name() + "," + Numbers.quoted(t.setting()) + "," + t.kpi().key() + ","
                    + (t.atMost() != null ? "at_most," + Numbers.csv(t.atMost()) : "at_least,"
                            + Numbers.csv(t.atLeast())) + "," + Numbers.quoted(c.variant().id()) + ","
                    + Numbers.csv(c.ci().mean()) + "," + Numbers.csv(ends[0]) + "," + Numbers.csv(ends[1]) + ","
                    + c.met() + "," + c.metWithConfidence() + "\n");
        }
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 1 ? "%.2f" : "%.3f", v);
    }

    static HtmlReport report(LoadedSweep sweep, SweepRunner.Result result, List<Spread> spread,
            List<TargetCheck> checks, String master) {
        SweepFileSpec spec = sweep.spec();
        HtmlReport r = new HtmlReport("Sweep " + spec.name());
        if (spec.description() != null) {
            r.subtitle(spec.description());
        }
        r.subtitle(String.format(Locale.ROOT, "%d variants, %d replications in %d units on Spark (%s)",
                sweep.variants().size(), sweep.replications(), result.units(), master));
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Sweep file", sweep.file() + " (SHA-256 " + sweep.sha256() + ")"});
        facts.add(new String[] {"Scenarios", String.join(", ", spec.scenarios())});
        for (SweepFileSpec.Parameter p : spec.parameters()) {
            facts.add(new String[] {p.path(), p.values() != null ? "values " + p.values().stream()
                    .map(SweepLoader::plain).toList() : "range " + SweepLoader.plain(p.low()) + " to "
                    + SweepLoader.plain(p.high()) + (Boolean.TRUE.equals(p.whole()) ? ", whole numbers" : "")});
        }
        if (spec.sample() != null) {
            facts.add(new String[] {"Sample", spec.sample().draws() + " draws, "
                    + (spec.sample().method() == null ? "latin-hypercube" : spec.sample().method().key())
                    + ", stream " + (spec.sample().stream() == null ? "sweep-sample" : spec.sample().stream())
                    + ", seed " + (spec.sample().seed() == null ? 1 : spec.sample().seed())});
        }
        facts.add(new String[] {"Units", result.units() + " of up to " + sweep.block() + " replications; "
                + result.resumed() + " taken complete from an earlier run, " + result.ran() + " run now"});
        r.section("The sweep").paragraph("Each variant is a scenario with the sweep's values written into it "
                + "(variants/<id>.json); its replications run on the variant's seed exactly as bedsim run runs "
                + "them, so each result equals that of bedsim run on the variant's file, value for value, whatever "
                + "the partitioning, executors, retries or resumes.").definitions(facts);
        List<List<String>> missed = new ArrayList<>();
        for (TargetCheck c : checks) {
            if (!c.met()) {
                missed.add(List.of(c.target().name(), c.variant().id(), num(c.ci().mean()),
                        "[" + num(c.ci().low()) + ", " + num(c.ci().high()) + "]",
                        (c.target().atMost() != null ? "at most " + num(c.target().atMost()) : "at least "
                                + num(c.target().atLeast()))));
            }
        }
        HtmlReport.Section t = r.section("Variants that miss a target");
        if (spec.targets().isEmpty()) {
            t.paragraph("The sweep file sets no targets.");
        } else {
            long variantsChecked = checks.stream().map(c -> c.variant().id()).distinct().count();
            t.paragraph(missed.size() + " target check" + (missed.size() == 1 ? "" : "s") + " missed (by the mean) "
                    + "over " + variantsChecked + " variants; every check is in targets.csv.");
            if (!missed.isEmpty()) {
                t.table("Missed targets", List.of("target", "variant", "mean", "95 % interval", "target is"),
                        missed.subList(0, Math.min(missed.size(), 500)));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Spread s : spread) {
            rows.add(List.of(s.scenario(), s.setting(), s.kpi(), Integer.toString(s.variants()), num(s.min()),
                    num(s.median()), num(s.max()), s.lowest(), s.highest()));
        }
        r.section("Spread of each KPI over the sweep").paragraph("For each scenario, setting and KPI: the lowest, "
                + "median and highest of the variants' means, and which variants give the ends (spread.csv has "
                + "every figure exact; sweep.csv and sweep.parquet have every variant's mean and interval).")
                .table(null, List.of("scenario", "setting", "kpi", "variants", "min", "median", "max",
                        "lowest", "highest"), rows.subList(0, Math.min(rows.size(), 2000)));
        return r;
    }
}
