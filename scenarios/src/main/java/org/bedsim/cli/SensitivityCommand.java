package org.bedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bedsim.calibrate.Calibrator;
import org.bedsim.calibrate.Sensitivity;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.SensitivityCsv;
import org.bedsim.report.chart.ChartWriter;
import org.bedsim.report.chart.Charts;
import org.bedsim.scenario.HonestBridge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bedsim sensitivity SCENARIO}: which assumption drives the bridge's answer. */
@Command(name = "sensitivity",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Which input drives a bridge's final beds: a tornado and a variance-based ranking.",
            "",
            "Works on the prediction (only the base-year calibrations solved). Every input with",
            "a range (the bridge steps' [low, high], and the base-year calibrations over their",
            "solved intervals) is moved to each end of its range, one at a time, on common random",
            "numbers, the others central; then all are drawn together and the final beds",
            "regressed on the draws (standardised regression coefficients). Writes:",
            "  sensitivity.csv               one row per input: final beds at each end, swing,",
            "                                variance share, and every bar at each end",
            "  tornado.png, tornado.svg      the tornado chart",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {"  ./bedsim sensitivity scenarios/examples/bridge-example.yaml"})
final class SensitivityCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "The scenario file (.yaml, .yml or .json), with a bridge section.")
    private Path scenario;

    @Mixin
    private RunOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BridgeSetup setup = BridgeSetup.load(scenario, "sensitivity", options, err);
        int threads = options.threadsFor(Integer.MAX_VALUE);
        // started cold: the reconstruction is not solved here (bedsim bridge starts the prediction from it)
        Calibrator.Result base = setup.solve(true, threads, options, err, options.outFor(setup.scenario.spec()
                .name()), null).result();
        if (!options.quiet) {
            err.println("bedsim: moving each input over its range (tornado), then drawing all together");
            err.flush();
        }
        HonestBridge.Sensitivities s = setup.guarded(() -> setup.bridge.sensitivity(base, true, threads));
        if (s.tornado() == null) {
            throw new UserError(setup.scenario.file() + " has no input with a range to vary: give a bridge "
                    + "parameter as [low, high], or declare a calibration of the base year");
        }
        Path outDir = options.outFor(setup.scenario.spec().name());
        List<Path> written = new ArrayList<>();
        try {
            OutputDirectory dir = OutputDirectory.create(outDir);
            written.add(dir.write(SensitivityCsv.FILE_NAME, w -> SensitivityCsv.write(s.tornado(), s.ranking(),
                    w)));
            written.addAll(new ChartWriter().write(Charts.tornado(s.tornado(), "What drives the final beds of "
                    + setup.scenario.spec().name()), dir.path(), "tornado"));
        } catch (IOException e) {
            throw new UserError("cannot write the outputs into " + outDir + ": " + e.getMessage());
        }
        print(out, s);
        TextTable.paragraph(out, "Wrote " + String.join(", ", written.stream().map(p -> outDir.resolve(p.getFileName())
                .toString()).toList()));
        out.flush();
        return Main.OK;
    }

    static void print(PrintWriter out, HonestBridge.Sensitivities s) {
        Sensitivity.Tornado t = s.tornado();
        TextTable.paragraph(out, String.format(Locale.ROOT, "Final beds with every input central: %.1f [%.1f, %.1f]; "
                + "each input over its range, the others central (common random numbers):", t.central().mean(),
                t.central().low(), t.central().high()));
        TextTable table = new TextTable("input", "rests on", "range", "final beds", "swing, beds", "variance share")
                .shortenFirst(20);
        java.util.Map<String, Double> share = new java.util.HashMap<>();
        if (s.ranking() != null) {
            s.ranking().rows().forEach(r -> share.put(r.input().id(), r.share()));
        }
        for (Sensitivity.TornadoRow row : t.rows()) {
            Double sh = share.get(row.input().id());
            table.row(row.input().label(), row.input().basis().key(), "[" + HonestBridge.plain(row.input().low())
                    + ", " + HonestBridge.plain(row.input().high()) + "]", String.format(Locale.ROOT,
                    "%.1f to %.1f", row.atLow().mean(), row.atHigh().mean()), String.format(Locale.ROOT, "%.1f",
                    row.swing()), sh == null ? "" : String.format(Locale.ROOT, "%.2f", sh));
        }
        table.print(out);
        if (s.ranking() != null) {
            TextTable.paragraph(out, String.format(Locale.ROOT, "Variance shares: standardised regression coefficients squared, "
                    + "from %d joint draws; the linear model explains R^2 = %.2f of the final beds' variance.",
                    s.ranking().samples(), s.ranking().rSquared()));
        }
    }
}
