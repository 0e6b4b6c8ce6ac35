package org.bedsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bedsim.calibrate.CalibrationException;
import org.bedsim.calibrate.Calibrator;
import org.bedsim.report.CalibrationCache;
import org.bedsim.scenario.BridgePlan;
import org.bedsim.scenario.CalibrateSpec;
import org.bedsim.scenario.HonestBridge;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.ScenarioLoader;

/**
 * What bridge, calibrate and sensitivity share: a scenario loaded and checked, with a bridge section, and its
 * declared calibrations; solving them with progress messages and bad input as a {@link UserError} (exit 2).
 */
final class BridgeSetup {
    final LoadedScenario scenario;
    final HonestBridge bridge;

    private BridgeSetup(LoadedScenario scenario, HonestBridge bridge) {
        this.scenario = scenario;
        this.bridge = bridge;
    }

    /** Loads and checks; prints the problems to {@code err}; throws a {@link UserError} if it cannot bridge. */
    static BridgeSetup load(Path file, String command, RunOptions options, PrintWriter err) {
        FileKinds.requireScenario(file, command);
        LoadedScenario s = ScenarioLoader.load(file, options.replications(), options.seed());
        Terminal.problems(err, s.file(), options.quiet ? s.errors() : s.problems());
        if (s.hasErrors()) {
            throw new UserError(s.file() + ": " + Terminal.counts(s) + "; nothing was run");
        }
        if (s.spec().bridge() == null) {
            throw new UserError(s.file() + " has no bridge section, so there is no bridge to compute: add "
                    + "'bridge:' (base_year, target_year, count, steps; see 'Bed bridges' in the README), or use "
                    + "'bedsim run' to run the scenario as it is");
        }
        BridgePlan.Result plan = BridgePlan.check(s);
        if (plan.hasErrors()) {
            Terminal.problems(err, s.file(), plan.problems());
            throw new UserError(s.file() + ": a bridge that cannot run; nothing was run");
        }
        try {
            return new BridgeSetup(s, HonestBridge.of(s, Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(s.file() + ": " + e.getMessage());
        }
    }

    /** @return the declared calibrations */
    List<CalibrateSpec> calibrations() {
        return bridge.calibrations();
    }

    /**
     * Solves the calibrations (all, or only the base year's for the prediction).
     *
     * @throws UserError if a target is out of reach or the output is not monotone
     */
    Calibrator.Result solve(boolean baseOnly, int threads, RunOptions options, PrintWriter err,
            Calibrator.Result warmFrom) {
        long n = calibrations().stream().filter(c -> !baseOnly
                || c.target().output() == org.bedsim.scenario.CalibrationTargetSpec.Output.BASE).count();
        if (n > 0 && !options.quiet) {
            err.println(String.format(Locale.ROOT, "bedsim: solving %d calibration%s%s on %d replications (seed %d)",
                    n, n == 1 ? "" : "s", baseOnly ? " of the base year for the prediction" : "",
                    scenario.replications(), scenario.seed()));
            err.flush();
        }
        return guarded(() -> bridge.solve(baseOnly, threads, warmFrom));
    }

    /**
     * A solution and where it comes from.
     *
     * @param result the solved calibrations
     * @param source "solved now (kept as hash ...)" or "from cache (hash ...)"; null when nothing was solved
     */
    record Solution(Calibrator.Result result, String source) {
    }

    /**
     * Solves the calibrations, or takes them from the output folder's calibration cache when the same inputs (the
     * scenario's content, replications, seed, start and code) were solved before; a new solution is kept there.
     *
     * @param outDir the command's output folder (the cache is its {@code .calibration-cache/})
     * @param warmFrom an earlier solution to start from (the reconstruction's, for the prediction), or null
     */
    Solution solve(boolean baseOnly, int threads, RunOptions options, PrintWriter err, Path outDir,
            Calibrator.Result warmFrom) {
        boolean any = calibrations().stream().anyMatch(c -> !baseOnly
                || c.target().output() == org.bedsim.scenario.CalibrationTargetSpec.Output.BASE);
        if (!any) {
            return new Solution(solve(baseOnly, threads, options, err, warmFrom), null);
        }
        String key = CalibrationCache.key(bridge.cacheKeyParts(baseOnly, bridge.warmStart(baseOnly, warmFrom),
                Version.codeHash()));
        String shortKey = key.substring(0, 12);
        String what = baseOnly ? "the prediction's base-year calibrations" : "the calibrations";
        Calibrator.Result cached = bridge.restore(baseOnly, CalibrationCache.read(outDir, key));
        if (cached != null) {
            if (!options.quiet) {
                err.println("bedsim: " + what + " from cache (hash " + shortKey + ", in "
                        + outDir.resolve(CalibrationCache.FOLDER) + "; delete it to solve again)");
                err.flush();
            }
            return new Solution(cached, what + " from cache (hash " + shortKey + ")");
        }
        Calibrator.Result solved = solve(baseOnly, threads, options, err, warmFrom);
        try {
            CalibrationCache.write(outDir, key, HonestBridge.numbers(solved));
        } catch (IOException e) {
            err.println("bedsim: warning: cannot keep the solved calibrations in " + outDir.resolve(
                    CalibrationCache.FOLDER) + " (" + e.getMessage() + "); the next run solves them again");
        }
        return new Solution(solved, what + " solved now (kept as hash " + shortKey + ")");
    }

    /** @return where the solutions come from, in words, or null if nothing was solved */
    static String source(Solution... solutions) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (Solution s : solutions) {
            if (s != null && s.source() != null) {
                parts.add(s.source());
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** Runs a step that solves calibrations, turning a calibration the model cannot solve into a user error. */
    <T> T guarded(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (CalibrationException e) {
            throw new UserError(scenario.file() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(scenario.file() + ": a bridge the model refuses: " + e.getMessage());
        }
    }
}
