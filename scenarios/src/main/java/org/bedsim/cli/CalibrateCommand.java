package org.bedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bedsim.calibrate.Assessment;
import org.bedsim.calibrate.Calibrator;
import org.bedsim.report.CalibrationJson;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.RunManifest;
import org.bedsim.scenario.HonestBridge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bedsim calibrate SCENARIO}: solve the scenario's declared calibrations and write them out. */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Solves the declared calibrations of a scenario's 'calibrate' section.",
            "",
            "Each calibration is an input the sources do not give, solved so that a published",
            "output of the bridge follows (base-year beds, a step's bar, or target-year beds),",
            "on common random numbers with Brent's method inside bounds where the output must",
            "move one way. Solves them all (the reconstruction), then only those meeting the",
            "base year (the prediction), and writes calibration.json: each value with its 95 %%",
            "interval, the output reached, the evidence beside it, and the findings in words.",
            "A target out of reach within its bounds is an error (exit 2) naming the bounds",
            "and the values reached.",
            "",
            "A scenario without a bridge may instead calibrate against published quarterly",
            "figures (target: quarterly: delayed_days, periods: [...]): then calibrate also runs",
            "the calibrated scenario and gives every quarter with its 95 %% prediction interval,",
            "labelled calibrated (in a target) or prediction (out of sample), against the",
            "published actuals and plan.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  ./bedsim calibrate scenarios/llr-2016/community-bridge.yaml",
            "  ./bedsim calibrate scenarios/rotherham-2017/discharge-pathways.yaml --replications 3"})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "The scenario file (.yaml, .yml or .json), with bridge and calibrate sections.")
    private Path scenario;

    @Mixin
    private RunOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FileKinds.requireScenario(scenario, "calibrate");
        org.bedsim.scenario.LoadedScenario peek = org.bedsim.scenario.ScenarioLoader.load(scenario,
                options.replications(), options.seed());
        if (!peek.hasErrors() && org.bedsim.scenario.QuarterlyCalibration.declares(peek.spec())) {
            return quarterly(peek, out, err);
        }
        BridgeSetup setup = BridgeSetup.load(scenario, "calibrate", options, err);
        if (setup.calibrations().isEmpty()) {
            throw new UserError(setup.scenario.file() + " declares no calibrations: add a 'calibrate' section "
                    + "(see 'Calibrations' in the README)");
        }
        int threads = options.threadsFor(Integer.MAX_VALUE);
        Instant startedAt = Instant.now();
        Path outDir = options.outFor(setup.scenario.spec().name());
        BridgeSetup.Solution allSolved = setup.solve(false, threads, options, err, outDir, null);
        BridgeSetup.Solution baseSolved = setup.solve(true, threads, options, err, outDir, allSolved.result());
        Calibrator.Result all = allSolved.result();
        Calibrator.Result base = baseSolved.result();
        Assessment a = setup.guarded(() -> setup.bridge.assess(all, false, threads));
        java.util.List<Assessment.SolvedInput> baseInputs = setup.guarded(() -> setup.bridge.solvedInputs(base,
                true));
        Instant finishedAt = Instant.now();
        RunManifest manifest = new RunManifest(Version.bedsim(), setup.scenario.spec().name(), setup.scenario.file(),
                setup.scenario.sha256(), setup.scenario.seed(), setup.scenario.replications(), threads,
                System.getProperty("java.version"), startedAt, finishedAt);
        Path written;
        try {
            OutputDirectory dir = OutputDirectory.create(outDir);
            written = dir.write(CalibrationJson.FILE_NAME, w -> CalibrationJson.write(a.calibrations(), baseInputs,
                    a.findings(), manifest, w));
        } catch (IOException e) {
            throw new UserError("cannot write " + CalibrationJson.FILE_NAME + " into " + outDir + ": "
                    + e.getMessage());
        }
        TextTable.paragraph(out, "Calibrations of " + setup.scenario.spec().name() + " ("
                + setup.scenario.replications() + " replications, seed " + setup.scenario.seed() + ", "
                + all.evaluations() + " configurations evaluated in " + all.sweeps() + " sweep"
                + (all.sweeps() == 1 ? "" : "s") + "):");
        TextTable.paragraph(out, "  (" + BridgeSetup.source(allSolved, baseSolved) + ")");
        print(out, "Reconstruction (all solved)", a.calibrations());
        print(out, "Prediction (only the base year solved)", baseInputs);
        if (!a.findings().isEmpty()) {
            out.println("Findings:");
            a.findings().forEach(f -> TextTable.paragraph(out, "  - " + f));
        }
        TextTable.paragraph(out, "Wrote " + outDir.resolve(written.getFileName()));
        out.flush();
        return all.allMet() ? Main.OK : Main.BAD_INPUT;
    }

    /**
     * A scenario calibrated against published quarterly figures: solve, run the calibrated scenario, and say
     * quarter by quarter what it gives against the published figures, calibrated or predicted.
     */
    private int quarterly(org.bedsim.scenario.LoadedScenario s, PrintWriter out, PrintWriter err) {
        Terminal.problems(err, s.file(), options.quiet ? s.errors() : s.problems());
        org.bedsim.scenario.QuarterlyCalibration c = QuarterlySetup.of(s, scenario);
        int threads = options.threadsFor(s.replications());
        Instant startedAt = Instant.now();
        org.bedsim.calibrate.OutputCalibrator.Result r = QuarterlySetup.solve(c, s, threads, options.quiet, err);
        java.util.List<org.bedsim.scenario.QuarterlyCalibration.Figure> figures = c.figures(r, threads);
        Instant finishedAt = Instant.now();
        RunManifest manifest = new RunManifest(Version.bedsim(), s.spec().name(), s.file(), s.sha256(), s.seed(),
                s.replications(), threads, System.getProperty("java.version"), startedAt, finishedAt);
        Path outDir = options.outFor(s.spec().name());
        Path written;
        try {
            OutputDirectory dir = OutputDirectory.create(outDir);
            written = dir.write(CalibrationJson.FILE_NAME, w -> org.bedsim.report.QuarterlyCalibrationJson.write(
                    QuarterlyCalibrationRows.inputs(c), r, QuarterlyCalibrationRows.quarters(figures), manifest, w));
            CompareCommand.complete(dir, java.util.List.of(written));
        } catch (IOException e) {
            throw new UserError("cannot write " + CalibrationJson.FILE_NAME + " into " + outDir + ": "
                    + e.getMessage());
        }
        TextTable.paragraph(out, "Calibrations of " + s.spec().name() + " (" + s.replications() + " replications, "
                + "seed " + s.seed() + ", " + r.evaluations() + " runs in " + r.sweeps() + " sweep"
                + (r.sweeps() == 1 ? "" : "s") + "):");
        QuarterlySetup.lines(c, r).forEach(l -> TextTable.paragraph(out, "  " + l));
        String kpi = "";
        TextTable table = null;
        for (org.bedsim.scenario.QuarterlyCalibration.Figure f : figures) {
            if (!f.kpi().equals(kpi)) {
                if (table != null) {
                    table.print(out);
                }
                kpi = f.kpi();
                TextTable.paragraph(out, "With the calibrated inputs, " + kpi + " by quarter (mean, 95 % interval "
                        + "of the mean, 95 % prediction interval of one quarter; rests on: calibrated, in the "
                        + "target, or predicted, a prediction, out of sample, with the published figure inside or "
                        + "OUTSIDE the prediction interval):");
                table = new TextTable("period", "model", "95 % interval", "95 % prediction", "published",
                        "rests on");
            }
            String published = f.published() == null ? "" : HonestBridge.plain(f.published()) + " " + f.status();
            String basis = f.calibrated() ? "calibrated" : "predicted, "
                    + (f.published() == null ? "none published" : Boolean.TRUE.equals(f.inside()) ? "inside"
                    : "OUTSIDE");
            table.row(f.period(), String.format(Locale.ROOT, "%.1f", f.mean()),
                    String.format(Locale.ROOT, "[%.1f, %.1f]", f.ci95().low(), f.ci95().high()),
                    String.format(Locale.ROOT, "[%.1f, %.1f]", f.prediction()[0], f.prediction()[1]),
                    published, basis);
        }
        if (table != null) {
            table.print(out);
        }
        TextTable.paragraph(out, "Wrote " + outDir.resolve(written.getFileName()));
        out.flush();
        return r.allMet() ? Main.OK : Main.BAD_INPUT;
    }

    private static void print(PrintWriter out, String title, java.util.List<Assessment.SolvedInput> inputs) {
        out.println(title + ":");
        TextTable t = new TextTable("input", "value", "95 % interval", "target, beds", "reached").shortenFirst(16);
        for (Assessment.SolvedInput s : inputs) {
            Calibrator.Solved v = s.solved();
            String target = v.calibration().target().describe() + " " + HonestBridge.plain(v.calibration().target()
                    .beds());
            t.row(s.id(), HonestBridge.plain(v.value()), "[" + HonestBridge.plain(v.interval()[0]) + ", "
                    + HonestBridge.plain(v.interval()[1]) + "]", target, String.format(Locale.ROOT, "%.1f%s",
                    v.reached().mean(), v.met() ? "" : " NOT MET (tolerance "
                    + HonestBridge.plain(v.calibration().tolerance()) + ")"));
        }
        t.print(out);
    }
}
