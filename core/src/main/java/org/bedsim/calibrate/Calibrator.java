package org.bedsim.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.Bridges;
import org.bedsim.bridge.DemandCache;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Solves declared calibrations on common random numbers.
 *
 * <p>Implementation notes. Every evaluation runs the bridge's configurations on its own streams (the scenario's seed
 * and replications), so the output is a deterministic function of the inputs: a root finder sees no noise. Each
 * calibration is one input solved against one output; several are solved one after another, in declared order, and
 * the sweep repeats (Gauss-Seidel) until every output is within its tolerance, because a later input may move an
 * earlier output (a cohort's stay changes the base beds too). In the first sweep each input's output is evaluated at
 * five points across its bounds: the target must lie between the values reached (else the target is out of reach)
 * and the values must move one way (else the root would not be unique); Brent's method (Commons Math's
 * {@link BrentSolver}) then solves within the grid cell that brackets the target. Later sweeps start from the
 * previous solution and stop at once when it still meets the target. Evaluations are memoised by inputs and
 * configuration.
 *
 * <p>Each solved value has a 95 % interval from the spread over replications, linearised: the half-width of the
 * output's 95 % interval at the solution divided by the output's slope there (a central difference), holding the
 * other calibrated inputs at their solved values.
 */
public final class Calibrator {
    /** Sweeps over the calibrations before giving up on meeting every target together. */
    static final int MAX_SWEEPS = 8;
    /** Evaluations Brent's method may use for one solve. */
    static final int MAX_EVALUATIONS = 60;
    /** Points of the monotonicity check across the bounds. */
    static final int GRID = 5;

    private final List<Calibration> calibrations;
    private final Function<double[], BridgeDefinition> build;
    private final int threads;
    private final Map<String, double[]> memo = new HashMap<>();
    /** Each replication's demand model, kept across evaluations: an evaluation walks only the cohorts it changes. */
    private final DemandCache cache;
    private int evaluations;

    private Calibrator(List<Calibration> calibrations, Function<double[], BridgeDefinition> build, int threads,
            DemandCache cache) {
        this.calibrations = List.copyOf(calibrations);
        this.build = build;
        this.threads = threads;
        this.cache = cache;
    }

    /**
     * One solved input.
     *
     * @param calibration what was declared
     * @param value the solved value
     * @param interval its 95 % interval from the spread over replications (linearised; see the class notes)
     * @param reached the output at the solution (mean and 95 % interval over replications)
     * @param met true if the output is within the tolerance of the target
     * @param slope the output's change per unit of the input at the solution
     */
    public record Solved(Calibration calibration, double value, double[] interval, ConfidenceInterval reached,
            boolean met, double slope) {
        /** @return the output's distance from the target, in beds */
        public double residual() {
            return reached.mean() - calibration.target().beds();
        }
    }

    /**
     * The solution of a set of calibrations.
     *
     * @param solved one per calibration, in declared order
     * @param sweeps sweeps used
     * @param evaluations configurations evaluated (each for every replication)
     */
    public record Result(List<Solved> solved, int sweeps, int evaluations) {
        /** Freezes. */
        public Result {
            solved = List.copyOf(solved);
        }

        /** @return the solved values, in declared order */
        public double[] values() {
            return solved.stream().mapToDouble(Solved::value).toArray();
        }

        /** @return true if every output is within its tolerance */
        public boolean allMet() {
            return solved.stream().allMatch(Solved::met);
        }
    }

    /**
     * Solves calibrations.
     *
     * @param calibrations the declared calibrations, in order
     * @param build the bridge with the calibrated inputs set to the given values (one per calibration, in order)
     * @param start starting values, one per calibration (clamped into the bounds)
     * @param threads worker threads
     * @return the solved values with their intervals and the outputs reached
     * @throws CalibrationException if a target is out of reach within its bounds or the output is not monotone
     */
    public static Result solve(List<Calibration> calibrations, Function<double[], BridgeDefinition> build,
            double[] start, int threads) {
        return solve(calibrations, build, start, threads, new DemandCache());
    }

    /**
     * As {@link #solve(List, Function, double[], int)}, with the demand models of {@code cache} (shared with other
     * evaluations of the same bridge on the same seed); the solution is identical.
     */
    public static Result solve(List<Calibration> calibrations, Function<double[], BridgeDefinition> build,
            double[] start, int threads, DemandCache cache) {
        if (start.length != calibrations.size()) {
            throw new IllegalArgumentException("one starting value per calibration expected");
        }
        return new Calibrator(calibrations, build, threads, cache).run(start);
    }

    private Result run(double[] start) {
        int k = calibrations.size();
        double[] x = new double[k];
        for (int j = 0; j < k; j++) {
            Calibration c = calibrations.get(j);
            x[j] = Math.max(c.low(), Math.min(c.high(), start[j]));
        }
        int sweep = 0;
        boolean allMet = k == 0;
        while (!allMet && sweep < MAX_SWEEPS) {
            sweep++;
            double[] before = x.clone();
            for (int j = 0; j < k; j++) {
                x[j] = solveOne(j, x, sweep == 1);
            }
            if (sweep > 1 && Arrays.equals(before, x)) {
                break; // a fixed point: another sweep would solve the same values again
            }
            allMet = true;
            for (int j = 0; j < k; j++) {
                allMet &= Math.abs(residual(j, x)) <= calibrations.get(j).tolerance();
            }
        }
        for (int j = 0; j < k; j++) {
            Calibration c = calibrations.get(j);
            if (Math.abs(residual(j, x)) <= c.tolerance()) {
                continue;
            }
            double flo = residual(j, withValue(x, j, c.low()));
            double fhi = residual(j, withValue(x, j, c.high()));
            if (Math.min(flo, fhi) > c.tolerance() || Math.max(flo, fhi) < -c.tolerance()) {
                throw new CalibrationException(String.format(Locale.ROOT, "calibration '%s': the target %s of %s "
                        + "beds is out of reach within the bounds [%s, %s]: the output reaches %.1f at %s and %.1f at "
                        + "%s%s", c.id(), c.target().describe(), plain(c.target().beds()), plain(c.low()),
                        plain(c.high()), flo + c.target().beds(), plain(c.low()), fhi + c.target().beds(),
                        plain(c.high()), k > 1 ? " (with the other calibrated inputs at their last values)" : ""));
            }
        }
        List<Solved> solved = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            solved.add(solved(j, x));
        }
        return new Result(solved, sweep, evaluations);
    }

    /** Solves input j with the others fixed at x. */
    private double solveOne(int j, double[] x, boolean check) {
        Calibration c = calibrations.get(j);
        double[] probe = x.clone();
        double lo = c.low();
        double hi = c.high();
        double guess = x[j];
        if (check) {
            double[] at = new double[GRID];
            double[] f = new double[GRID];
            for (int g = 0; g < GRID; g++) {
                at[g] = c.low() + (c.high() - c.low()) * g / (GRID - 1);
                probe[j] = at[g];
                f[g] = residual(j, probe);
            }
            if (Math.min(f[0], f[GRID - 1]) > c.tolerance() || Math.max(f[0], f[GRID - 1]) < -c.tolerance()) {
                // out of reach with the others where they are now: take the nearer bound; a later sweep may bring
                // it within reach (the others move), else the final check says so
                return Math.abs(f[0]) < Math.abs(f[GRID - 1]) ? c.low() : c.high();
            }
            double direction = Math.signum(f[GRID - 1] - f[0]);
            for (int g = 1; g < GRID; g++) {
                if ((f[g] - f[g - 1]) * direction < -c.tolerance()) {
                    StringBuilder values = new StringBuilder();
                    for (int h = 0; h < GRID; h++) {
                        values.append(h == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f at %s",
                                f[h] + c.target().beds(), plain(at[h])));
                    }
                    throw new CalibrationException("calibration '" + c.id() + "': " + c.target().describe()
                            + " does not move one way as the input goes from " + plain(c.low()) + " to "
                            + plain(c.high()) + " (" + values + "), so the solution would not be unique: narrow "
                            + "the bounds");
                }
            }
            for (int g = 0; g < GRID; g++) {
                if (Math.abs(f[g]) <= c.tolerance() && Math.abs(f[g]) <= Math.abs(residual(j, x))) {
                    return at[g];
                }
            }
            for (int g = 1; g < GRID; g++) {
                if (f[g - 1] * f[g] < 0) {
                    lo = at[g - 1];
                    hi = at[g];
                }
            }
            guess = Math.max(lo, Math.min(hi, guess));
        }
        double residualAtGuess = residual(j, withValue(x, j, guess));
        if (Math.abs(residualAtGuess) <= c.tolerance()) {
            return guess;
        }
        BrentSolver brent = new BrentSolver(1e-12, (c.high() - c.low()) * 1e-7, c.tolerance() / 2);
        try {
            double root = brent.solve(MAX_EVALUATIONS, v -> residual(j, withValue(x, j, v)), lo, hi,
                    inside(guess, lo, hi));
            return closest(j, x, root);
        } catch (org.apache.commons.math3.exception.NoBracketingException e) {
            // later sweeps: the others moved; the whole bounds were checked in the first sweep
            double flo = residual(j, withValue(x, j, c.low()));
            double fhi = residual(j, withValue(x, j, c.high()));
            if (flo * fhi > 0) {
                return Math.abs(flo) < Math.abs(fhi) ? c.low() : c.high();
            }
            return brent.solve(MAX_EVALUATIONS, v -> residual(j, withValue(x, j, v)), c.low(), c.high(),
                    inside(guess, c.low(), c.high()));
        } catch (TooManyEvaluationsException e) {
            throw new CalibrationException("calibration '" + c.id() + "': not solved in " + MAX_EVALUATIONS
                    + " evaluations; widen the tolerance or narrow the bounds");
        }
    }

    private Solved solved(int j, double[] x) {
        Calibration c = calibrations.get(j);
        double[] values = output(j, x);
        ConfidenceInterval reached = ConfidenceInterval.of(values, 0.95);
        double delta = (c.high() - c.low()) * 0.01;
        double up = Math.min(c.high(), x[j] + delta);
        double down = Math.max(c.low(), x[j] - delta);
        double slope = (mean(output(j, withValue(x, j, up))) - mean(output(j, withValue(x, j, down)))) / (up - down);
        double half = slope == 0 || Double.isNaN(reached.halfWidth()) ? Double.NaN
                : reached.halfWidth() / Math.abs(slope);
        double[] interval = {x[j] - half, x[j] + half};
        return new Solved(c, x[j], interval, reached,
                Math.abs(reached.mean() - c.target().beds()) <= c.tolerance(), slope);
    }

    private double residual(int j, double[] x) {
        return mean(output(j, x)) - calibrations.get(j).target().beds();
    }

    /** @return calibration j's output per replication at inputs x */
    private double[] output(int j, double[] x) {
        BridgeDefinition def = null;
        double[][] configs = null;
        double[] after = memo.get(key(x, j, 0));
        double[] before = null;
        if (after == null || calibrations.get(j).target().output() == Target.Output.STEP
                && (before = memo.get(key(x, j, 1))) == null) {
            def = calibrations.get(j).target().counting(build.apply(x.clone()));
            configs = calibrations.get(j).target().configurations(def);
            after = beds(def, configs[0], key(x, j, 0));
            before = configs[1] == null ? null : beds(def, configs[1], key(x, j, 1));
        }
        if (before == null) {
            return after;
        }
        double[] out = new double[after.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = after[r] - before[r];
        }
        return out;
    }

    private double[] beds(BridgeDefinition def, double[] fractions, String key) {
        String k = Arrays.toString(fractions) + key.substring(key.indexOf('|'));  // inputs and counted settings
        double[] v = memo.get(k);
        if (v == null) {
            v = Bridges.bedsPerReplication(def, fractions, threads, cache);
            evaluations++;
            memo.put(k, v);
        }
        memo.put(key, v);
        return v;
    }

    private String key(double[] x, int j, int part) {
        Calibration c = calibrations.get(j);
        return c.target().output() + ":" + c.target().step() + ":" + part + "|" + Arrays.toString(x) + "|"
                + (c.target().settings() == null ? "" : new java.util.TreeSet<>(c.target().settings()))
                + (c.target().method() == null ? "" : "|" + c.target().method());
    }

    /**
     * @return the root, or a point just either side of it if closer to the target: where the output jumps (the
     *     percentile count moves in whole beds), Brent's method ends at the jump, on either side of it
     */
    private double closest(int j, double[] x, double root) {
        Calibration c = calibrations.get(j);
        double step = (c.high() - c.low()) * 4e-7;
        double best = root;
        double bestResidual = Math.abs(residual(j, withValue(x, j, root)));
        for (double v : new double[] {root - step, root + step}) {
            if (v >= c.low() && v <= c.high() && bestResidual > c.tolerance()) {
                double r = Math.abs(residual(j, withValue(x, j, v)));
                if (r < bestResidual) {
                    best = v;
                    bestResidual = r;
                }
            }
        }
        return best;
    }

    /** @return v if strictly inside (lo, hi), else the midpoint (Brent's start must lie strictly inside) */
    private static double inside(double v, double lo, double hi) {
        return v > lo && v < hi ? v : (lo + hi) / 2;
    }

    private static double[] withValue(double[] x, int j, double v) {
        double[] y = x.clone();
        y[j] = v;
        return y;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
