package org.bedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.bridge.Bridges;
import org.bedsim.calibrate.Assessment;
import org.bedsim.calibrate.Calibrator;
import org.bedsim.report.BridgeCsv;
import org.bedsim.report.BridgeJson;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.RunManifest;
import org.bedsim.report.chart.ChartWriter;
import org.bedsim.report.html.BridgeReport;
import org.bedsim.report.html.HtmlReport;
import org.bedsim.report.chart.Charts;
import org.bedsim.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bedsim bridge SCENARIO}: validate, compute the scenario's bed bridge, write and print it. */
@Command(name = "bridge",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Computes the bed bridge of a scenario's 'bridge' section.",
            "",
            "Checks the scenario first, as validate does (errors stop the run). Then runs the",
            "base configuration, every subset of the steps (for the Shapley values) and each",
            "year of the trajectory, each for all replications, on the same random streams,",
            "and writes, each file atomically:",
            "  bridge.json    base and final beds, each step's change (sequential, alone on",
            "                 the base, and its Shapley value) with 95 %% intervals, the",
            "                 interaction, the trajectory year by year, and the run manifest",
            "  bridge.csv     every figure of bridge.json as rows: base, each bar, final,",
            "                 interaction and each year of the trajectory",
            "  waterfall.png, waterfall.svg    the bridge as a waterfall chart",
            "  trajectory.png, trajectory.svg  beds year by year",
            "  report.html    a single-file report that opens offline: the bars with",
            "                 Shapley values, both charts, the steps, sources and a",
            "                 STRESS-DES model description",
            "Prints the bridge as a table, with the check that the bars add up.",
            "Results are identical for the same scenario and seed, whatever the thread count.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bedsim bridge scenarios/examples/bridge-example.yaml",
            "  ./bedsim bridge scenarios/examples/bridge-example.yaml \\",
            "      --replications 40 --seed 7 --out out/bridge-40"})
final class BridgeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "The scenario file (.yaml, .yml or .json), with a bridge section.")
    private Path scenario;

    @Mixin
    private RunOptions options;

    @picocli.CommandLine.Option(names = "--resume", description = "Resume a bridge that was interrupted (killed, "
            + "or the machine stopped) with the same scenario, replications and seed into the same --out: the runs "
            + "it finished are taken from the output folder, the rest are run; the result is identical.")
    private boolean resume;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BridgeSetup setup = BridgeSetup.load(scenario, "bridge", options, err);
        LoadedScenario s = setup.scenario;
        // before anything is simulated (calibration included): an unwritable --out is found at once
        Path outDir = options.outFor(s.spec().name());
        OutputDirectory dir;
        try {
            dir = OutputDirectory.create(outDir);
        } catch (IOException e) {
            throw new UserError("cannot write to the output directory " + outDir + " (" + OutputDirectory.reason(e)
                    + "); nothing was run");
        }
        int solveThreads = options.threadsFor(Integer.MAX_VALUE);
        BridgeSetup.Solution solution = setup.solve(false, solveThreads, options, err, outDir, null);
        Calibrator.Result reconstruction = solution.result();
        BridgeDefinition def = setup.guarded(() -> setup.bridge.bridge(reconstruction, false));
        int configurations = Bridges.configurations(def);
        int runs = configurations * def.replications();
        int threads = options.threadsFor(runs);
        if (!options.quiet) {
            err.println(String.format(Locale.ROOT, "bedsim: bridging %s: %d step%s, %d configurations x %d "
                    + "replications = %d runs of %.0f days after a %.0f-day warm-up, seed %d, on %d thread%s "
                    + "(about %s events)", s.spec().name(), def.steps().size(), def.steps().size() == 1 ? "" : "s",
                    configurations, def.replications(), runs, s.settings().horizonDays(), s.settings().warmupDays(),
                    def.seed(), threads, threads == 1 ? "" : "s",
                    ProgressBar.human(s.preFlight().eventsPerReplication() * runs)));
        }
        Instant startedAt = Instant.now();
        BridgeResult result;
        org.bedsim.report.ResumeJournal journal;
        try {
            journal = org.bedsim.report.ResumeJournal.open(dir, String.join("\n", "bridge", Version.bedsim(),
                    s.sha256(), Integer.toString(def.replications()), Long.toString(def.seed())), resume);
        } catch (IOException e) {
            throw new UserError("cannot keep the bridge's progress in " + dir.path() + " ("
                    + OutputDirectory.reason(e) + ")");
        }
        if (resume && !options.quiet) {
            err.println("bedsim: resuming: " + journal.resumed() + " of " + runs + " runs were done already");
        }
        try (ProgressBar bar = ProgressBar.start(err, runs, s.preFlight().eventsPerReplication(),
                !options.quiet && Terminal.stderrIsTerminal(), "runs")) {
            result = Bridges.compute(def, threads, r -> bar.replicationDone(), journal, setup.bridge.cache());
        } catch (IllegalArgumentException e) {
            throw new UserError(s.file() + ": a bridge the model refuses: " + e.getMessage());
        }
        try {
            journal.delete();
        } catch (IOException e) {
            throw new UserError("cannot remove " + dir.path().resolve(org.bedsim.report.ResumeJournal.FOLDER)
                    + " (" + OutputDirectory.reason(e) + ")");
        }
        boolean assess = !setup.calibrations().isEmpty();
        if (assess && !options.quiet) {
            err.println("bedsim: the prediction (only the base year calibrated) and its sensitivity");
            err.flush();
        }
        BridgeSetup.Solution base = assess ? setup.solve(true, solveThreads, options, err, outDir, reconstruction)
                : null;
        Assessment assessment = setup.guarded(() -> setup.bridge.assess(reconstruction,
                base == null ? null : base.result(), solveThreads)).withCalibrationSource(
                        BridgeSetup.source(solution, base));
        Instant finishedAt = Instant.now();
        RunManifest manifest = new RunManifest(Version.bedsim(), s.spec().name(), s.file(), s.sha256(), s.seed(),
                def.replications(), threads, System.getProperty("java.version"), startedAt, finishedAt);
        List<Path> written = new ArrayList<>();
        try {
            written.add(dir.write(BridgeJson.FILE_NAME, w -> BridgeJson.write(def, result, assessment, manifest, w)));
            written.add(dir.write(BridgeCsv.FILE_NAME, w -> BridgeCsv.write(def, result, assessment, w)));
            String title = title(def);
            ChartWriter charts = new ChartWriter();
            written.addAll(charts.write(Charts.waterfall(result, title, assessment), dir.path(), "waterfall"));
            written.addAll(charts.write(Charts.trajectory(result, title + ", year by year"), dir.path(),
                    "trajectory"));
            HtmlReport report = BridgeReport.build(def, result, assessment, title, manifest,
                    ReportFacts.of(s));
            written.add(dir.write(RunCommand.REPORT, report::write));
        } catch (IOException e) {
            throw new UserError("cannot write the outputs into " + dir.path() + ": " + e.getMessage());
        }
        CompareCommand.complete(dir, written);
        BridgeTable.print(out, def, result, assessment);
        TextTable.paragraph(out, "Wrote " + String.join(", ", written.stream()
                .map(p -> outDir.resolve(p.getFileName()).toString()).toList()));
        out.flush();
        return Main.OK;
    }

    /** @return e.g. "Beds in city + town, 2016/17 to 2020/21 (percentile method)" */
    static String title(BridgeDefinition def) {
        return "Beds in " + String.join(" + ", new java.util.TreeSet<>(def.counted())) + ", "
                + BridgeJson.financialYear(def.baseYear()) + " to " + BridgeJson.financialYear(def.targetYear())
                + " (" + BridgeJson.methodKey(def.method()).replace('_', ' ') + " method)";
    }
}
