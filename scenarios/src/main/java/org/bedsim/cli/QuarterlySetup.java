package org.bedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bedsim.calibrate.CalibrationException;
import org.bedsim.calibrate.OutputCalibrator;
import org.bedsim.report.CalibrationCache;
import org.bedsim.scenario.CalibrateSpec;
import org.bedsim.scenario.HonestBridge;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.QuarterlyCalibration;

/**
 * What run and calibrate share for a scenario calibrated against quarterly metrics (no bridge): solving the declared
 * calibrations with a progress message, bad input as a {@link UserError} (exit 2), and the lines that say what was
 * solved.
 */
final class QuarterlySetup {
    private QuarterlySetup() {
    }

    /** @return the scenario's quarterly calibrations, or a user error if its paths name nothing */
    static QuarterlyCalibration of(LoadedScenario s, Path file) {
        try {
            return QuarterlyCalibration.of(s, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(s.file() + ": " + e.getMessage());
        }
    }

    /** Solves, with a message on {@code err} unless quiet; a target the model cannot meet is a user error. */
    static OutputCalibrator.Result solve(QuarterlyCalibration c, LoadedScenario s, int threads, boolean quiet,
            PrintWriter err) {
        if (!quiet) {
            int n = c.calibrations().size();
            err.println(String.format(Locale.ROOT, "bedsim: solving %d calibration%s against published quarterly "
                    + "figures on %d replications (seed %d)", n, n == 1 ? "" : "s", s.replications(), s.seed()));
            err.flush();
        }
        try {
            return c.solve(threads);
        } catch (CalibrationException e) {
            throw new UserError(s.file() + ": " + e.getMessage());
        }
    }

    /**
     * As {@link #solve(QuarterlyCalibration, LoadedScenario, int, boolean, PrintWriter)}, or takes the solution from
     * the output folder's calibration cache when the same inputs (the file's content, replications, seed and code)
     * were solved before, and says so; a new solution is kept there.
     *
     * @param outDir the command's output folder (the cache is its {@code .calibration-cache/})
     */
    static OutputCalibrator.Result solve(QuarterlyCalibration c, LoadedScenario s, int threads, boolean quiet,
            PrintWriter err, Path outDir) {
        String key = CalibrationCache.key(c.cacheKeyParts(Version.codeHash()));
        OutputCalibrator.Result cached = c.restore(CalibrationCache.read(outDir, key));
        if (cached != null) {
            if (!quiet) {
                err.println("bedsim: the calibrations from cache (hash " + key.substring(0, 12) + ", in "
                        + outDir.resolve(CalibrationCache.FOLDER) + "; delete it to solve again)");
                err.flush();
            }
            return cached;
        }
        OutputCalibrator.Result solved = solve(c, s, threads, quiet, err);
        try {
            CalibrationCache.write(outDir, key, QuarterlyCalibration.numbers(solved));
        } catch (IOException e) {
            err.println("bedsim: warning: cannot keep the solved calibrations in " + outDir.resolve(
                    CalibrationCache.FOLDER) + " (" + e.getMessage() + "); the next run solves them again");
        }
        return solved;
    }

    /** @return one line per solved input: value, interval, target, output reached */
    static List<String> lines(QuarterlyCalibration c, OutputCalibrator.Result r) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < r.solved().size(); j++) {
            OutputCalibrator.Solved s = r.solved().get(j);
            CalibrateSpec spec = c.calibrations().get(j);
            out.add(String.format(Locale.ROOT, "%s (%s) = %s [%s, %s], calibrated to %s = %s published (%s): the "
                    + "model reaches %.1f [%.1f, %.1f]%s", spec.id(), spec.label() != null ? spec.label() : spec.id(),
                    HonestBridge.plain(s.value()), HonestBridge.plain(s.interval()[0]),
                    HonestBridge.plain(s.interval()[1]), QuarterlyCalibration.describe(spec.target()),
                    HonestBridge.plain(s.goal().target()), spec.target().source(), s.reached().mean(),
                    s.reached().low(), s.reached().high(), s.met() ? "" : " NOT MET (tolerance "
                    + HonestBridge.plain(s.goal().tolerance()) + ")"));
        }
        return out;
    }
}
