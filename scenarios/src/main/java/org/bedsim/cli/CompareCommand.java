package org.bedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.Comparisons;
import org.bedsim.compare.InverseSearch;
import org.bedsim.compare.ResultStore;
import org.bedsim.model.FlowSettings;
import org.bedsim.report.CompareCharts;
import org.bedsim.report.CompareCsv;
import org.bedsim.report.CompareTablesCsv;
import org.bedsim.report.CompareJson;
import org.bedsim.report.ComparisonRun;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.ResultJournal;
import org.bedsim.report.ResumeJournal;
import org.bedsim.report.RunManifest;
import org.bedsim.metrics.QuarterlyComparison;
import org.bedsim.report.QuartersCsv;
import org.bedsim.report.chart.ChartWriter;
import org.bedsim.scenario.ScenarioCompiler;
import org.bedsim.report.html.CompareReport;
import org.bedsim.report.html.HtmlReport;
import org.bedsim.report.html.ScenarioFacts;
import org.bedsim.scenario.LoadedOptions;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.OptionsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bedsim compare OPTIONS}: load the options file (each option merged into its base and checked), run every
 * option on the same seed and replications (common random numbers), check the targets, run the bed searches, write
 * the outputs and print the key results.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Compares reconfiguration options on the same random streams.",
            "",
            "An options file names a base scenario and options, each a set of overrides of",
            "the base (beds, capacity changes, routing, stays, policies, arrivals; settings",
            "and cohorts added or removed), plus targets and optional searches for the fewest",
            "beds meeting a target. Every option is checked as a scenario (errors stop the",
            "run), then all run the same replications with the same seed, so differences",
            "from the base are paired and free of noise. Writes, each file atomically:",
            "  compare.json  every KPI per option and setting with its 95 %% CI and the paired",
            "                difference from the base, targets met, bed searches, manifest",
            "  compare.csv   the same KPIs as tidy rows",
            "  targets.csv   each target and option: value, met, met with confidence",
            "  searches.csv  each search: range, answer, the target there and a step beyond",
            "  charts/       for each key KPI, the paired differences from the base against",
            "                zero, and each option's values (-values), in PNG and SVG",
            "  report.html   a single-file report that opens offline",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bedsim compare scenarios/examples/single-hospital-options.yaml",
            "  ./bedsim compare scenarios/llr-2016/community-sites.yaml \\",
            "      --replications 20 --out out/community-sites-20",
            "  ./bedsim validate scenarios/llr-2016/acute-sites.yaml",
            "  ./bedsim schema --options > scenarios/schema/options.schema.json"})
final class CompareCommand implements Callable<Integer> {
    /** The folder of chart files inside the output directory. */
    static final String CHARTS = "charts";
    /** The Better Care Fund metrics of each option, written when the base scenario has a quarterly section. */
    static final String QUARTERS = "quarters.csv";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OPTIONS", description = "The options file (.yaml, .yml or .json).")
    private Path optionsFile;

    @Mixin
    private RunOptions options;

    @picocli.CommandLine.Option(names = "--resume", description = "Resume a comparison that was interrupted (killed, "
            + "or the machine stopped) with the same options file, base scenario, replications and seed into the "
            + "same --out: the replications it finished (options and searches) are taken from the output folder, the "
            + "rest are run; the result is identical.")
    private boolean resume;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.replications() != null && options.replications() < 2) {
            throw new UserError("--replications must be at least 2 for a comparison (differences need intervals), "
                    + "was " + options.replications());
        }
        FileKinds.requireOptions(optionsFile);
        LoadedOptions o = OptionsLoader.load(optionsFile, options.replications(), options.seed());
        Terminal.printed(err, (options.quiet ? o.errors() : o.problems()).stream()
                .map(LoadedOptions.FileProblem::render).toList());
        if (o.hasErrors()) {
            throw new UserError(o.file() + ": " + counts(o) + "; nothing was run");
        }
        Path outDir = options.outFor(o.spec().name());
        OutputDirectory dir;
        try {
            dir = OutputDirectory.create(outDir);
        } catch (IOException e) {
            throw new UserError("cannot write to the output directory " + outDir + " (" + OutputDirectory.reason(e)
                    + "); nothing was run");
        }
        org.bedsim.scenario.QuarterlyCalibration calibration = null;
        org.bedsim.calibrate.OutputCalibrator.Result calibrated = null;
        List<String> calibrationLines = List.of();
        if (org.bedsim.scenario.QuarterlyCalibration.declares(o.base().spec())) {
            // the options are compared on the calibrated base: the base's declared calibrations are solved once, on
            // the comparison's replications and seed (as 'bedsim run' of the base solves them), and the solved
            // values are written into the base before every option is merged into it, so an option keeps them
            // unless it sets that very input itself
            LoadedScenario b = o.base();
            calibration = QuarterlySetup.of(b, Path.of(b.file()));
            calibrated = QuarterlySetup.solve(calibration, b, options.threadsFor(o.replications()), options.quiet,
                    err, dir.path());
            calibrationLines = QuarterlySetup.lines(calibration, calibrated);
            LoadedScenario solvedBase;
            try {
                solvedBase = calibration.withValues(calibrated.values());
            } catch (org.bedsim.calibrate.CalibrationException e) {
                throw new UserError(b.file() + ": " + e.getMessage());
            }
            o = OptionsLoader.load(optionsFile, options.replications(), options.seed(),
                    new OptionsLoader.CalibratedBase(solvedBase, calibrated.values(), calibration));
            if (o.hasErrors()) {
                Terminal.printed(err, o.errors().stream().map(LoadedOptions.FileProblem::render).toList());
                throw new UserError(o.file() + ": with the base's calibrated values, " + counts(o)
                        + "; nothing was run");
            }
        }
        int reps = o.replications();
        int threads = options.threadsFor(reps);
        FlowSettings base = o.options().get(0).settings();
        int total = reps * o.options().size();
        for (LoadedOptions.Search s : o.searches()) {
            total += reps * (s.inverse() == null ? Comparisons.searchRuns(s.low(), s.high())
                    : InverseSearch.maxRuns(s.inverse().low(), s.inverse().high(), s.inverse().step()));
        }
        if (!options.quiet) {
            err.println(String.format(Locale.ROOT, "bedsim: comparing %s: %d options, %d replications each of %.0f "
                    + "days after a %.0f-day warm-up, seed %d, on %d thread%s%s (about %s events)", o.spec().name(),
                    o.options().size(), reps, base.horizonDays(), base.warmupDays(), o.seed(), threads,
                    threads == 1 ? "" : "s", o.searches().isEmpty() ? "" : ", then " + o.searches().size()
                    + " search" + (o.searches().size() == 1 ? "" : "es"), ProgressBar.human(o.events())));
        }
        Instant startedAt = Instant.now();
        Map<String, FlowSettings> configurations = new LinkedHashMap<>();
        o.options().forEach(x -> configurations.put(x.name(), x.settings()));
        Comparison comparison;
        List<ComparisonRun.SearchResult> searches = new ArrayList<>();
        ResultJournal journal;
        try {
            journal = ResultJournal.open(dir, String.join("\n", "compare", Version.bedsim(), o.sha256(),
                    o.base().sha256(), Integer.toString(reps), Long.toString(o.seed())), resume);
        } catch (IOException e) {
            throw new UserError("cannot keep the comparison's progress in " + dir.path() + " ("
                    + OutputDirectory.reason(e) + ")");
        }
        if (resume && !options.quiet) {
            err.println("bedsim: resuming: " + journal.resumed() + " of at most " + total
                    + " runs were done already");
        }
        try (ProgressBar bar = ProgressBar.start(err, total, o.events() / Math.max(1, total),
                !options.quiet && Terminal.stderrIsTerminal(), "runs")) {
            comparison = Comparisons.run(configurations, o.targets(), o.seed(), reps, threads,
                    r -> bar.replicationDone(), journal);
            for (LoadedOptions.Search s : o.searches()) {
                ResultStore kept = journal.within("search/" + searches.size() + "/");
                if (s.inverse() != null) {
                    LoadedOptions.Inverse i = s.inverse();
                    searches.add(new ComparisonRun.SearchResult(s.option(), s.setting(), s.target(), 0, 0, null,
                            InverseSearch.solve(configurations.get(s.option()), i.lever(), s.target(), i.low(),
                                    i.high(), i.step(), o.seed(), reps, threads, r -> bar.replicationDone(), kept)));
                    continue;
                }
                searches.add(new ComparisonRun.SearchResult(s.option(), s.setting(), s.target(), s.low(), s.high(),
                        Comparisons.fewestBeds(configurations.get(s.option()), s.setting(), s.target(), s.low(),
                                s.high(), o.seed(), reps, threads, r -> bar.replicationDone(), kept)));
            }
        }
        try {
            journal.delete();
        } catch (IOException e) {
            throw new UserError("cannot remove " + dir.path().resolve(ResumeJournal.FOLDER) + " ("
                    + OutputDirectory.reason(e) + ")");
        }
        Instant finishedAt = Instant.now();
        RunManifest manifest = new RunManifest(Version.bedsim(), o.spec().name(), o.file(), o.sha256(), o.seed(),
                reps, threads, System.getProperty("java.version"), startedAt, finishedAt);
        List<ComparisonRun.OptionInfo> infos = o.options().stream().map(x -> new ComparisonRun.OptionInfo(x.name(),
                x.description(), x.basedOn(), x.isBase(), x.changes())).toList();
        ComparisonRun run = new ComparisonRun(o.spec().name(), o.spec().description(), manifest, o.base().file(),
                o.base().sha256(), infos, comparison, searches);

        List<Path> written = new ArrayList<>();
        written.add(write(dir, CompareJson.FILE, w -> CompareJson.write(run, w)));
        written.add(write(dir, CompareCsv.FILE, w -> CompareCsv.write(comparison, w)));
        written.add(write(dir, CompareTablesCsv.TARGETS, w -> CompareTablesCsv.targets(comparison, w)));
        written.add(write(dir, CompareTablesCsv.SEARCHES, w -> CompareTablesCsv.searches(run.searches(), w)));
        List<CompareCharts.KeyChart> charts = CompareCharts.build(comparison);
        ChartWriter chartWriter = new ChartWriter();
        Path chartDir = dir.path().resolve(CHARTS);
        List<Path> chartFiles = new ArrayList<>();
        for (CompareCharts.KeyChart k : charts) {
            try {
                chartFiles.addAll(chartWriter.write(k.chart(), chartDir, k.name()));
                if (k.values() != k.chart()) {
                    chartFiles.addAll(chartWriter.write(k.values(), chartDir, k.valuesName()));
                }
            } catch (IOException e) {
                throw new UserError("cannot write " + chartDir.resolve(k.name() + ".png") + ": " + e.getMessage());
            }
        }
        List<String> warnings = o.warnings().stream().map(LoadedOptions.FileProblem::render).toList();
        ScenarioFacts baseFacts = ReportFacts.of(o.base(), List.of());
        List<ScenarioFacts.Source> optionSources = ReportFacts.sources(o.spec().sources(),
                OptionsLoader.citations(o));
        List<QuarterlyComparison.Row> quarters = o.base().spec().quarterly() == null ? List.of()
                : QuarterlyComparison.compare(summaries(comparison), ScenarioCompiler.quarterly(o.base().spec()));
        if (!quarters.isEmpty()) {
            written.add(write(dir, QUARTERS, w -> QuartersCsv.writeComparison(quarters, w)));
        }
        if (calibrated != null) {
            org.bedsim.scenario.QuarterlyCalibration c = calibration;
            org.bedsim.calibrate.OutputCalibrator.Result solved = calibrated;
            written.add(write(dir, org.bedsim.report.CalibrationJson.FILE_NAME, w -> org.bedsim.report
                    .QuarterlyCalibrationJson.write(QuarterlyCalibrationRows.inputs(c), solved, List.of(), manifest,
                            w)));
        }
        HtmlReport report = CompareReport.build(run, charts, baseFacts, optionSources, warnings, quarters,
                calibrationLines);
        written.add(write(dir, RunCommand.REPORT, report::write));

        List<Path> all = new ArrayList<>(written);
        all.addAll(chartFiles);
        complete(dir, all);
        Terminal.comparison(out, comparison, searches);
        if (!calibrationLines.isEmpty()) {
            TextTable.paragraph(out, "Calibrated inputs of the base, solved by bedsim on this comparison's seed and "
                    + "replications and kept by every option that does not set them itself:");
            calibrationLines.forEach(l -> TextTable.paragraph(out, "  " + l));
        }
        if (!quarters.isEmpty()) {
            Terminal.quarterlyComparison(out, quarters);
        }
        TextTable.paragraph(out, "Wrote " + String.join(", ", written.stream().map(p -> outDir.resolve(p.getFileName())
                .toString()).toList()) + " and " + charts.size() + " charts (PNG and SVG) in "
                + outDir.resolve(CHARTS));
        out.flush();
        return Main.OK;
    }

    private static Map<String, org.bedsim.model.FlowSummary> summaries(Comparison c) {
        Map<String, org.bedsim.model.FlowSummary> out = new LinkedHashMap<>();
        for (Comparison.Option x : c.options()) {
            out.put(x.name(), x.summary());
        }
        return out;
    }

    /** Writes the completion marker, last: the folder holds this run's complete outputs. */
    static void complete(OutputDirectory dir, List<Path> files) {
        try {
            dir.complete(files);
        } catch (IOException e) {
            throw new UserError("cannot write " + dir.path().resolve(OutputDirectory.MARKER) + " ("
                    + OutputDirectory.reason(e) + ")");
        }
    }

    private static Path write(OutputDirectory dir, String name, OutputDirectory.Body body) {
        try {
            return dir.write(name, body);
        } catch (IOException e) {
            throw new UserError("cannot write " + dir.path().resolve(name) + ": " + e.getMessage());
        }
    }

    /** @return "2 errors, 1 warning" */
    static String counts(LoadedOptions o) {
        int e = o.errors().size();
        int w = o.warnings().size();
        return e + " error" + (e == 1 ? "" : "s") + ", " + w + " warning" + (w == 1 ? "" : "s");
    }
}
