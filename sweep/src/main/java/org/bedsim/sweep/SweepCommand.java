package org.bedsim.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.bedsim.cli.Main;
import org.bedsim.cli.UserError;
import org.bedsim.report.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bedsim sweep SWEEP}: many scenario variants and replications on Apache Spark. */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        description = {"Runs a sweep: scenario files varied over a grid of values and sampled ranges, each",
            "variant's replications in units of work on Apache Spark, embedded in this process",
            "(local mode, every core) unless --master names a cluster; or under spark-submit.",
            "",
            "Checks the sweep file, every scenario and every variant first (errors stop it).",
            "Each variant gives the results bedsim run gives on its scenario, value for value,",
            "whatever the partitioning, executors, retried tasks or resumes. Writes, atomically:",
            "  sweep.parquet/, sweep.csv  a row per variant, setting and KPI: mean, 95 %% CI,",
            "                             replications (the CSV for small sweeps)",
            "  variants.csv, variants/    each variant's values and its scenario as run",
            "  spread.csv                 each KPI's spread over the sweep",
            "  targets.csv                each target in each variant",
            "  report.html                the sweep, the spread, the variants missing a target",
            "  units/                     each unit's results as it completes (for --resume)",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  ./bedsim sweep sweeps/single-hospital.yaml",
            "  ./bedsim sweep sweeps/single-hospital.yaml --master local[2] --out out/s2",
            "  ./bedsim sweep my-sweep.yaml --resume      (skips the units already complete)",
            "  spark-submit --class org.bedsim.sweep.SweepMain sweep/target/bedsim-sweep.jar \\",
            "      sweep my-sweep.yaml      (see the README for the options)"})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[*] (default: every core of "
            + "this machine), local[N], spark://HOST:PORT, ... Under spark-submit, leave it out: spark-submit's "
            + "--master applies.")
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the outputs (created if needed). "
            + "Default: out/<sweep name>/")
    Path out;

    @Option(names = "--resume", description = "Keep the units an earlier run of the same sweep completed in the "
            + "output directory, and run only the others.")
    boolean resume;

    @Option(names = "--partitions", paramLabel = "N", description = "Spark partitions per wave of units (default: "
            + "one unit per task). Results do not depend on it.")
    int partitions;

    @Option(names = {"-q", "--quiet"}, description = "No messages besides errors and results.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (partitions < 0 || partitions > 1_000_000) {
            throw new UserError("--partitions must be from 1 to 1000000, was " + partitions);
        }
        LoadedSweep sweep = SweepLoader.load(file);
        for (String p : sweep.problems()) {
            err.println(p);
        }
        err.flush();
        if (sweep.hasErrors()) {
            throw new UserError(sweep.file() + ": " + sweep.errors() + " error" + (sweep.errors() == 1 ? "" : "s")
                    + "; nothing was run");
        }
        Path outDir = this.out != null ? this.out : Path.of("out", sweep.spec().name());
        if (outDir.toString().matches(".*[\\[\\]{}*?].*")) {
            throw new UserError("--out " + outDir + " holds one of [ ] { } * ?, which Spark's Parquet writer takes "
                    + "for a pattern of file names: choose a folder without them; nothing was run");
        }
        OutputDirectory dir;
        try {
            dir = OutputDirectory.create(outDir);
        } catch (IOException e) {
            throw new UserError("cannot write to the output directory " + outDir + " (" + OutputDirectory.reason(e)
                    + "); nothing was run");
        }
        List<Unit> units = SweepRunner.units(sweep);
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = Spark.session(master, "bedsim sweep " + sweep.spec().name());
        String runsOn = spark.sparkContext().master();
        try {
            if (!quiet) {
                err.println(String.format(Locale.ROOT, "bedsim: sweeping %s: %d variant%s, %d replications in %d "
                        + "units of up to %d, on Spark %s (%s, %d task slots)%s", sweep.spec().name(),
                        sweep.variants().size(), sweep.variants().size() == 1 ? "" : "s", sweep.replications(),
                        units.size(), sweep.block(), spark.version(), runsOn,
                        spark.sparkContext().defaultParallelism(), resume ? ", resuming" : ""));
                err.flush();
            }
            SweepRunner.Result result;
            try {
                result = SweepRunner.run(spark, sweep, dir.path(), new SweepRunner.Options(resume, partitions,
                        java.util.Set.of()), done -> { });
            } catch (IOException | RuntimeException e) {
                throw refusedOr(e, dir);
            } catch (Exception e) { // Spark's job failure (SparkException) reaches here undeclared
                throw refusedOr(e, dir);
            }
            List<Path> written = SweepOutputs.write(spark, dir, sweep, result, runsOn);
            report(out, sweep, result);
            out.println("Wrote " + written.size() + " files to " + outDir + " (start with "
                    + outDir.resolve("report.html") + ")");
            out.flush();
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
        return Main.OK;
    }

    /** @return a user error if a unit was refused as bad input, else the failure as it is (a bug: exit 1) */
    private static RuntimeException refusedOr(Exception e, OutputDirectory dir) throws IOException {
        String refused = UnitRefused.in(e);
        if (refused != null) {
            return new UserError(refused + "; the units completed are kept in " + dir.path().resolve(
                    UnitStore.FOLDER) + " (--resume takes them)");
        }
        if (e instanceof IOException io) {
            throw io;
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException("the sweep failed on Spark", e);
    }

    private static void report(PrintWriter out, LoadedSweep sweep, SweepRunner.Result result) {
        out.println(String.format(Locale.ROOT, "Sweep %s: %d variants, %d units (%d resumed, %d run in %.1f s, "
                + "%.0f variant-replications a minute)", sweep.spec().name(), sweep.variants().size(),
                result.units(), result.resumed(), result.ran(), result.seconds(),
                result.seconds() > 0 ? 60 * ranReplications(sweep, result) / result.seconds() : 0.0));
        List<SweepOutputs.Spread> spread = SweepOutputs.spread(result.rows());
        List<SweepOutputs.TargetCheck> checks = SweepOutputs.targets(sweep, result.rows());
        for (SweepFileSpec.Target t : sweep.spec().targets()) {
            List<String> missed = checks.stream().filter(c -> c.target() == t && !c.met())
                    .map(c -> c.variant().id()).toList();
            long checked = checks.stream().filter(c -> c.target() == t).count();
            out.println("  target " + t.name() + " (" + t.setting() + " " + t.kpi().key() + " "
                    + (t.atMost() != null ? "at most " + SweepLoader.plain(t.atMost()) : "at least "
                            + SweepLoader.plain(t.atLeast())) + "): missed by " + missed.size() + " of " + checked
                    + " variants" + (missed.isEmpty() ? "" : ": " + String.join(", ", missed.subList(0,
                            Math.min(10, missed.size()))) + (missed.size() > 10 ? ", ..." : "")));
        }
        if (spread.size() <= 24) {
            for (SweepOutputs.Spread s : spread) {
                out.println(String.format(Locale.ROOT, "  %-28s %-12s %-26s min %10.3f  median %10.3f  max %10.3f",
                        s.scenario(), s.setting(), s.kpi(), s.min(), s.median(), s.max()));
            }
        }
    }

    private static double ranReplications(LoadedSweep sweep, SweepRunner.Result result) {
        return result.units() == 0 ? 0 : (double) sweep.replications() * result.ran() / result.units();
    }
}
