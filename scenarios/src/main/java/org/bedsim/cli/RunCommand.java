package org.bedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bedsim.metrics.AtHomeAfterReablement;
import org.bedsim.metrics.QuarterlyKpi;
import org.bedsim.metrics.QuarterlyMetrics;
import org.bedsim.model.FlowExperiment;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.PrecisionRun;
import org.bedsim.model.UnconstrainedDemand;
import org.bedsim.report.CalibrationJson;
import org.bedsim.report.CensusCsv;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.QuartersCsv;
import org.bedsim.report.chart.ChartWriter;
import org.bedsim.report.chart.Charts;
import org.bedsim.report.ResultsWriter;
import org.bedsim.report.RunManifest;
import org.bedsim.report.SettingsCsv;
import org.bedsim.report.SummaryJson;
import org.bedsim.report.WaitsCsv;
import org.bedsim.report.html.HtmlReport;
import org.bedsim.report.html.RunReport;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioCompiler;
import org.bedsim.scenario.ScenarioLoader;
import org.bedsim.spells.SpellLogWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bedsim run SCENARIO}: validate, pre-flight, run the replications, write the outputs. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Runs a scenario and writes its results to the output directory.",
            "",
            "Checks the scenario first, as validate does (errors stop the run), then runs its",
            "replications in parallel and writes, each file atomically:",
            "  summary.json  every KPI per setting with mean and 95 %% CI, beds required by",
            "                both methods as run and as demand (the same patients with",
            "                unlimited beds: how many beds are needed), and the run manifest",
            "  settings.csv  one row per setting and KPI",
            "  census.csv    the midnight census: replication, date, setting, occupied,",
            "                delayed, waiting",
            "  quarters.csv  with a quarterly section: Better Care Fund metrics by financial",
            "                quarter and year (delayed days, per 100,000 adults, by owner;",
            "                non-elective and care-home admissions), beside published figures",
            "  delayed-days-by-quarter.png/.svg  with a quarterly section: the chart",
            "  spells.csv    with --spells-out: every simulated stay, in the layout bedsim",
            "                fit reads",
            "  report.html   a single-file report that opens offline: results, charts,",
            "                assumptions and sources, warnings, a STRESS-DES model",
            "                description and the manifest",
            "Results are identical for the same scenario and seed, whatever the thread count.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bedsim run scenarios/examples/single-hospital.yaml",
            "  ./bedsim run scenarios/examples/single-hospital.yaml \\",
            "      --replications 50 --seed 7 --out out/try-7",
            "  ./bedsim run scenarios/examples/single-hospital.yaml --threads 1 --quiet"})
final class RunCommand implements Callable<Integer> {
    /** The report's file name, the same for every command. */
    static final String REPORT = "report.html";
    /** The chart of delayed days by quarter, written when the scenario has a quarterly section. */
    static final String QUARTERLY_CHART = "delayed-days-by-quarter";
    /** The spell log's file name ({@code --spells-out}). */
    static final String SPELLS = "spells.csv";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (.yaml, .yml or .json).")
    private Path scenario;

    @Mixin
    private RunOptions options;

    @picocli.CommandLine.Option(names = "--spells-out", description = "Also write spells.csv: every simulated stay "
            + "admitted in the measured period, one row per stay with its replication, in the layout bedsim fit reads.")
    private boolean spellsOut;

    @picocli.CommandLine.Option(names = "--precision", paramLabel = "KPI=HALFWIDTH", description = "Run replications "
            + "until the 95 %% interval of a KPI is at most this half-width in every setting (or in one: "
            + "SETTING.KPI=HALFWIDTH), in the KPI's unit (a share as a fraction: 0.01 is one percentage point), "
            + "e.g. beds_required_percentile=2. Batches are added in a fixed way, so the same seed gives the same "
            + "replications whatever the thread count; at most --max-replications.")
    private String precision;

    @picocli.CommandLine.Option(names = "--max-replications", paramLabel = "N", description = "The cap for "
            + "--precision (default " + DEFAULT_CAP + "): a run that has not reached the precision by then stops "
            + "with a warning.")
    private Integer maxReplications;

    /** The cap of --precision without --max-replications. */
    static final int DEFAULT_CAP = 200;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FileKinds.requireScenario(scenario, "run");
        if (maxReplications != null && precision == null) {
            throw new UserError("--max-replications is the cap of --precision: give --precision KPI=HALFWIDTH too, "
                    + "or --replications N alone");
        }
        int cap = maxReplications == null ? DEFAULT_CAP : maxReplications;
        if (cap < 2 || cap > RunOptions.MAX_REPLICATIONS) {
            throw new UserError("--max-replications must be from 2 to " + RunOptions.MAX_REPLICATIONS + ", was "
                    + cap);
        }
        LoadedScenario s = ScenarioLoader.load(scenario, options.replications(), options.seed());
        Terminal.problems(err, s.file(), options.quiet ? s.errors() : s.problems());
        if (s.hasErrors()) {
            throw new UserError(s.file() + ": " + Terminal.counts(s) + "; nothing was run");
        }
        PrecisionRun.Target target = precision == null ? null : PrecisionOption.parse(precision, s.settings());
        if (target != null) {
            // the run is bounded before it starts: the pre-flight checks the cap's replications
            LoadedScenario bounded = ScenarioLoader.load(scenario, cap, options.seed());
            if (bounded.hasErrors()) {
                Terminal.problems(err, bounded.file(), bounded.errors());
                throw new UserError(s.file() + ": too large for --max-replications " + cap + "; nothing was run");
            }
        }
        Path outDir = options.outFor(s.spec().name());
        OutputDirectory dir;
        try {
            dir = OutputDirectory.create(outDir);
        } catch (IOException e) {
            throw new UserError("cannot write to the output directory " + outDir + " (" + OutputDirectory.reason(e)
                    + "); nothing was run");
        }
        int replications = target == null ? s.replications()
                : Math.min(cap, Math.max(PrecisionRun.MIN_FIRST, s.replications()));
        int threads = options.threadsFor(target == null ? replications : cap);
        org.bedsim.scenario.QuarterlyCalibration calibration = null;
        org.bedsim.calibrate.OutputCalibrator.Result calibrated = null;
        List<String> calibrationLines = List.of();
        if (org.bedsim.scenario.QuarterlyCalibration.declares(s.spec())) {
            // declared calibrations are solved by bedsim every run, then the scenario runs with the solved values
            calibration = QuarterlySetup.of(s, scenario);
            calibrated = QuarterlySetup.solve(calibration, s, threads, options.quiet, err, dir.path());
            calibrationLines = QuarterlySetup.lines(calibration, calibrated);
            s = calibration.withValues(calibrated.values());
        }
        if (!options.quiet && target != null) {
            err.println(String.format(Locale.ROOT, "bedsim: until the 95 %% interval of %s is at most +/- %s: "
                    + "replications in batches from %d, at most %d", PrecisionOption.describe(target),
                    PrecisionOption.number(target.halfWidth()), replications, cap));
        }
        if (!options.quiet) {
            err.println(String.format(Locale.ROOT, "bedsim: running %s: %d replication%s of %.0f days after a "
                    + "%.0f-day warm-up, seed %d, on %d thread%s (about %s events)", s.spec().name(), replications,
                    replications == 1 ? "" : "s", s.settings().horizonDays(), s.settings().warmupDays(), s.seed(),
                    threads, threads == 1 ? "" : "s", ProgressBar.human(s.preFlight().events())));
        }
        Instant startedAt = Instant.now();
        FlowSummary summary;
        PrecisionRun.Outcome reached = null;
        SpellLogWriter spells = null;
        List<SpellLogWriter.Part> spellParts = null;
        // the reablement outcome follows patients through each replication: one listener per replication, kept by
        // its number (with --precision the number of replications is known only at the end)
        java.util.function.Supplier<AtHomeAfterReablement> outcome = ScenarioCompiler.reablementOutcome(s.spec());
        java.util.Map<Integer, AtHomeAfterReablement> followed = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.function.IntFunction<org.bedsim.model.StayListener> reablementStays = outcome == null ? null
                : r -> {
                    AtHomeAfterReablement a = outcome.get();
                    followed.put(r, a);
                    return a;
                };
        try (ProgressBar bar = ProgressBar.start(err, target == null ? replications : cap,
                s.preFlight().eventsPerReplication(),
                !options.quiet && Terminal.stderrIsTerminal())) {
            if (spellsOut) {
                spells = new SpellLogWriter(s.settings(), dir.path());
                int most = target == null ? replications : cap;
                List<SpellLogWriter.Part> parts = new ArrayList<>(java.util.Collections.nCopies(most, null));
                SpellLogWriter log = spells;
                java.util.function.IntFunction<org.bedsim.model.StayListener> stays = r -> {
                    SpellLogWriter.Part part = log.replication(r);
                    synchronized (parts) {
                        parts.set(r, part);
                    }
                    return org.bedsim.model.StayListener.both(part,
                            reablementStays == null ? null : reablementStays.apply(r));
                };
                try {
                    if (target != null) {
                        reached = PrecisionRun.run(s.settings(), s.seed(), replications, cap, threads, target,
                                r -> bar.replicationDone(), stays);
                        summary = reached.summary();
                    } else {
                        summary = FlowExperiment.run(s.settings(), s.seed(), replications, threads,
                                r -> bar.replicationDone(), stays);
                    }
                    spellParts = parts.subList(0, summary.replications().size());
                } catch (RuntimeException e) {
                    log.cleanUp(most);
                    throw e;
                }
            } else if (target != null) {
                reached = PrecisionRun.run(s.settings(), s.seed(), replications, cap, threads, target,
                        r -> bar.replicationDone(), reablementStays);
                summary = reached.summary();
            } else if (reablementStays != null) {
                summary = FlowExperiment.run(s.settings(), s.seed(), replications, threads,
                        r -> bar.replicationDone(), reablementStays);
            } else {
                summary = FlowExperiment.run(s.settings(), s.seed(), replications, threads,
                        r -> bar.replicationDone());
            }
        }
        replications = summary.replications().size();
        // demand beside the figures as run: the same patients with unlimited beds (the demand fast path)
        summary = UnconstrainedDemand.attach(summary, threads);
        Instant finishedAt = Instant.now();
        RunManifest manifest = new RunManifest(Version.bedsim(), s.spec().name(), s.file(), s.sha256(), s.seed(),
                replications, threads, System.getProperty("java.version"), startedAt, finishedAt);
        QuarterlyMetrics.Summary quarters = s.spec().quarterly() == null ? null : outcome == null
                ? QuarterlyMetrics.summarise(summary, ScenarioCompiler.quarterly(s.spec()))
                : QuarterlyMetrics.summarise(summary, ScenarioCompiler.quarterly(s.spec()),
                        java.util.stream.IntStream.range(0, replications).mapToObj(followed::get).toList());
        List<ResultsWriter> writers = new ArrayList<>(List.of(new SummaryJson(quarters, reached), new SettingsCsv(),
                new CensusCsv(), new WaitsCsv()));
        if (quarters != null) {
            writers.add(new QuartersCsv(quarters));
        }
        List<Path> written = new ArrayList<>();
        for (ResultsWriter w : writers) {
            try {
                written.add(dir.write(w, summary, manifest));
            } catch (IOException e) {
                throw new UserError("cannot write " + dir.path().resolve(w.fileName()) + ": " + e.getMessage());
            }
        }
        if (calibrated != null) {
            org.bedsim.scenario.QuarterlyCalibration c = calibration;
            org.bedsim.calibrate.OutputCalibrator.Result solved = calibrated;
            try {
                written.add(dir.write(CalibrationJson.FILE_NAME, w -> org.bedsim.report.QuarterlyCalibrationJson
                        .write(QuarterlyCalibrationRows.inputs(c), solved, List.of(), manifest, w)));
            } catch (IOException e) {
                throw new UserError("cannot write " + dir.path().resolve(CalibrationJson.FILE_NAME) + ": "
                        + e.getMessage());
            }
        }
        if (quarters != null) {
            try {
                written.addAll(new ChartWriter().write(Charts.quarterly(quarters, QuarterlyKpi.DELAYED_DAYS,
                        "Delayed days by quarter"), dir.path(), QUARTERLY_CHART));
            } catch (IOException e) {
                throw new UserError("cannot write " + dir.path().resolve(QUARTERLY_CHART + ".png") + ": "
                        + e.getMessage());
            }
        }
        if (spells != null) {
            SpellLogWriter log = spells;
            List<SpellLogWriter.Part> parts = spellParts;
            try {
                written.add(dir.write(SPELLS, out2 -> log.concatenate(parts, out2)));
            } catch (IOException e) {
                log.cleanUp(replications);
                throw new UserError("cannot write " + dir.path().resolve(SPELLS) + ": " + e.getMessage());
            }
        }
        HtmlReport report = RunReport.build(summary, manifest, ReportFacts.of(s), quarters, calibrationLines,
                reached);
        try {
            written.add(dir.write(REPORT, report::write));
        } catch (IOException e) {
            throw new UserError("cannot write " + dir.path().resolve(REPORT) + ": " + e.getMessage());
        }
        Terminal.results(out, summary);
        if (quarters != null && quarters.hasReablement()) {
            Terminal.reablement(out, quarters);
        }
        if (!calibrationLines.isEmpty()) {
            TextTable.paragraph(out, "Calibrated inputs (solved by bedsim on this run's seed and replications):");
            calibrationLines.forEach(l -> TextTable.paragraph(out, "  " + l));
        }
        if (reached != null) {
            Terminal.precision(out, reached);
        }
        Terminal.checks(err, org.bedsim.model.RunChecks.of(summary), reached);
        CompareCommand.complete(dir, written);
        TextTable.paragraph(out, "Wrote " + String.join(", ", written.stream().map(p -> display(outDir, p)).toList()));
        out.flush();
        return Main.OK;
    }

    private static String display(Path outDir, Path file) {
        return outDir.resolve(file.getFileName()).toString();
    }
}
