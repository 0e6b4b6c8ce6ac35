package org.bedsim.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.NoBracketingException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Solves declared calibrations whose outputs are any figure a run gives per replication (for example the delayed
 * days of some financial quarters, summed), rather than a bridge's beds ({@link Calibrator}).
 *
 * <p>Implementation notes. The same method as {@link Calibrator}: one evaluation runs the model at the given inputs
 * on the scenario's own seed and replications (common random numbers), so each output is a deterministic function
 * of the inputs. One run gives every goal's output, so evaluations are memoised by the inputs alone. In the first
 * sweep each input's output is evaluated at five points across its bounds: the target must lie between the values
 * reached (else it is out of reach, an error naming the bounds and the values) and they must move one way (else the
 * solution would not be unique, an error too); Brent's method then solves in the cell bracketing the target. Several
 * goals are solved in turn and the sweep repeats until all are met. Each solved value gets a 95 % interval: the
 * half-width of the output's 95 % interval over replications at the solution over the output's slope there.
 */
public final class OutputCalibrator {
    private static final int MAX_SWEEPS = 8;
    private static final int MAX_EVALUATIONS = 60;
    private static final int GRID = 5;

    private final List<Goal> goals;
    private final Function<double[], double[][]> outputs;
    private final Map<String, double[][]> memo = new HashMap<>();
    private int evaluations;

    private OutputCalibrator(List<Goal> goals, Function<double[], double[][]> outputs) {
        this.goals = List.copyOf(goals);
        this.outputs = outputs;
    }

    /**
     * A declared calibration: one input, solved so that an output meets a published figure.
     *
     * @param id stable identifier
     * @param low lower bound of the input
     * @param high upper bound of the input
     * @param target the published figure the output must meet
     * @param tolerance how close the output's mean must come, in the output's unit
     * @param describe the output in words, e.g. "delayed days of 2016/17 Q1, Q2, Q3"
     */
    public record Goal(String id, double low, double high, double target, double tolerance, String describe) {
        /** Validates. */
        public Goal {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a calibration needs an id");
            }
            if (!Double.isFinite(low) || !Double.isFinite(high) || low >= high) {
                throw new IllegalArgumentException("calibration " + id + ": bounds need finite low < high");
            }
            if (!Double.isFinite(target) || !(tolerance > 0) || !Double.isFinite(tolerance)) {
                throw new IllegalArgumentException("calibration " + id + ": needs a finite target and tolerance > 0");
            }
        }
    }

    /**
     * One solved input.
     *
     * @param goal what was declared
     * @param value the solved value
     * @param interval its 95 % interval (linearised; NaN ends with one replication or a flat output)
     * @param reached the output at the solution: mean and 95 % interval over replications
     * @param met true if the output's mean is within the tolerance of the target
     * @param slope the output's change per unit of the input at the solution
     */
    public record Solved(Goal goal, double value, double[] interval, ConfidenceInterval reached, boolean met,
            double slope) {
    }

    /**
     * The solution.
     *
     * @param solved one per goal, in declared order
     * @param sweeps sweeps used
     * @param evaluations model runs (each of every replication)
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
     * Solves.
     *
     * @param goals the declared calibrations, in order
     * @param outputs runs the model with the inputs set (one value per goal, in order) and returns, per goal, its
     *     output per replication
     * @param start starting values, one per goal (clamped into the bounds)
     * @return the solved values with their intervals and the outputs reached
     * @throws CalibrationException if a target is out of reach within its bounds or the output does not move one way
     */
    public static Result solve(List<Goal> goals, Function<double[], double[][]> outputs, double[] start) {
        if (start.length != goals.size()) {
            throw new IllegalArgumentException("one starting value per calibration expected");
        }
        return new OutputCalibrator(goals, outputs).run(start);
    }

    private Result run(double[] start) {
        int k = goals.size();
        double[] x = new double[k];
        for (int j = 0; j < k; j++) {
            x[j] = Math.max(goals.get(j).low(), Math.min(goals.get(j).high(), start[j]));
        }
        int sweep = 0;
        boolean allMet = k == 0;
        while (!allMet && sweep < MAX_SWEEPS) {
            sweep++;
            double[] before = x.clone();
            for (int j = 0; j < k; j++) {
                x[j] = solveOne(j, x, sweep == 1);
            }
            allMet = true;
            for (int j = 0; j < k; j++) {
                allMet &= Math.abs(residual(j, x)) <= goals.get(j).tolerance();
            }
            if (sweep > 1 && Arrays.equals(before, x)) {
                break;
            }
        }
        for (int j = 0; j < k; j++) {
            Goal g = goals.get(j);
            if (Math.abs(residual(j, x)) <= g.tolerance()) {
                continue;
            }
            double flo = residual(j, with(x, j, g.low()));
            double fhi = residual(j, with(x, j, g.high()));
            if (Math.min(flo, fhi) > g.tolerance() || Math.max(flo, fhi) < -g.tolerance()) {
                throw new CalibrationException(String.format(Locale.ROOT, "calibration '%s': the target %s of %s "
                        + "is out of reach within the bounds [%s, %s]: the output reaches %.1f at %s and %.1f at %s%s",
                        g.id(), g.describe(), Calibrator.plain(g.target()), Calibrator.plain(g.low()),
                        Calibrator.plain(g.high()), flo + g.target(), Calibrator.plain(g.low()), fhi + g.target(),
                        Calibrator.plain(g.high()), k > 1 ? " (with the other calibrated inputs at their last values)"
                        : ""));
            }
        }
        List<Solved> solved = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            solved.add(solved(j, x));
        }
        return new Result(solved, sweep, evaluations);
    }

    private double solveOne(int j, double[] x, boolean check) {
        Goal g = goals.get(j);
        double lo = g.low();
        double hi = g.high();
        double guess = x[j];
        if (check) {
            double[] at = new double[GRID];
            double[] f = new double[GRID];
            for (int i = 0; i < GRID; i++) {
                at[i] = g.low() + (g.high() - g.low()) * i / (GRID - 1);
                f[i] = residual(j, with(x, j, at[i]));
            }
            boolean up = true;
            boolean down = true;
            for (int i = 1; i < GRID; i++) {
                up &= f[i] - f[i - 1] >= -g.tolerance();
                down &= f[i] - f[i - 1] <= g.tolerance();
            }
            if (!up && !down) {
                StringBuilder values = new StringBuilder();
                for (int h = 0; h < GRID; h++) {
                    values.append(h == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f at %s",
                            f[h] + g.target(), Calibrator.plain(at[h])));
                }
                throw new CalibrationException("calibration '" + g.id() + "': " + g.describe() + " does not "
                        + "move one way as the input goes from " + Calibrator.plain(g.low()) + " to "
                        + Calibrator.plain(g.high()) + " (" + values + "), so the solution would not be unique: "
                        + "narrow the bounds");
            }
            if (Math.min(f[0], f[GRID - 1]) > g.tolerance() || Math.max(f[0], f[GRID - 1]) < -g.tolerance()) {
                // out of reach with the others where they are: the nearer bound; the final check says so if it stays
                return Math.abs(f[0]) < Math.abs(f[GRID - 1]) ? g.low() : g.high();
            }
            for (int i = 0; i < GRID; i++) {
                if (Math.abs(f[i]) <= g.tolerance()) {
                    return at[i];
                }
            }
            for (int i = 1; i < GRID; i++) {
                if (f[i - 1] * f[i] < 0) {
                    lo = at[i - 1];
                    hi = at[i];
                }
            }
            guess = Math.max(lo, Math.min(hi, guess));
        }
        if (Math.abs(residual(j, with(x, j, guess))) <= g.tolerance()) {
            return guess;
        }
        BrentSolver brent = new BrentSolver(1e-12, (g.high() - g.low()) * 1e-7, g.tolerance() / 2);
        try {
            return brent.solve(MAX_EVALUATIONS, v -> residual(j, with(x, j, v)), lo, hi, inside(guess, lo, hi));
        } catch (NoBracketingException e) {
            double flo = residual(j, with(x, j, g.low()));
            double fhi = residual(j, with(x, j, g.high()));
            if (flo * fhi > 0) {
                return Math.abs(flo) < Math.abs(fhi) ? g.low() : g.high();
            }
            return brent.solve(MAX_EVALUATIONS, v -> residual(j, with(x, j, v)), g.low(), g.high(),
                    inside(guess, g.low(), g.high()));
        } catch (TooManyEvaluationsException e) {
            throw new CalibrationException("calibration '" + g.id() + "': not solved in " + MAX_EVALUATIONS
                    + " evaluations; widen the tolerance or narrow the bounds");
        }
    }

    private Solved solved(int j, double[] x) {
        Goal g = goals.get(j);
        ConfidenceInterval reached = ConfidenceInterval.of(output(x)[j], 0.95);
        double delta = (g.high() - g.low()) * 0.01;
        double up = Math.min(g.high(), x[j] + delta);
        double down = Math.max(g.low(), x[j] - delta);
        double slope = (mean(output(with(x, j, up))[j]) - mean(output(with(x, j, down))[j])) / (up - down);
        double half = slope == 0 || Double.isNaN(reached.halfWidth()) ? Double.NaN
                : reached.halfWidth() / Math.abs(slope);
        return new Solved(g, x[j], new double[] {x[j] - half, x[j] + half}, reached,
                Math.abs(reached.mean() - g.target()) <= g.tolerance(), slope);
    }

    private double residual(int j, double[] x) {
        return mean(output(x)[j]) - goals.get(j).target();
    }

    private double[][] output(double[] x) {
        String key = Arrays.toString(x);
        double[][] v = memo.get(key);
        if (v == null) {
            v = outputs.apply(x.clone());
            if (v.length != goals.size()) {
                throw new IllegalStateException("one output per calibration expected");
            }
            evaluations++;
            memo.put(key, v);
        }
        return v;
    }

    private static double inside(double v, double lo, double hi) {
        return v > lo && v < hi ? v : (lo + hi) / 2;
    }

    private static double[] with(double[] x, int j, double v) {
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
}
