package org.bedsim.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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
 * and the values must move one way (else the root would not be unique). The output is nearly linear in the input
 * over a grid cell (beds move with volumes and stays) but is a step function at the scale of single beds (whole
 * beds of each replication, averaged), so the solve within the cell that brackets the target is the Illinois method
 * (regula falsi from the cell's ends, the end kept twice running weighted by a half; Dowell and Jarratt, BIT 11,
 * 1971), with a bisection whenever the bracket does not halve in two steps: on a near-linear output its first step
 * usually lands within the tolerance, where Brent's method, which ignores the tolerance until its bracket is
 * narrow, took ten or so more. A solve stops within half the tolerance (the other half is margin for the other inputs'
 * later moves), or where the output jumps over the target (a bracket narrower than 1e-7 of the bounds), on the side
 * nearer the target; both sides are evaluated by then. Later sweeps start from the previous solution and stop at
 * once when it still meets the target, or when no other input has moved since this one was solved; else they step
 * by secants (the first with the slope of the last bracketing cell) until the target is bracketed, then solve as in
 * the first sweep. A warm start ({@link #solveWarm}: the prediction's base-year calibrations from the
 * reconstruction's solution of the same calibrations) is kept at once where it still meets its target, without the
 * grid: the checks of that input are those of the solve that found it, with the other inputs at its values then.
 * Evaluations are memoised by inputs and configuration, and {@link Result#evaluations()} counts the configurations
 * run (a step's bar is two).
 *
 * <p>Each solved value has a 95 % interval from the spread over replications, linearised: the half-width of the
 * output's 95 % interval at the solution divided by the output's slope there (a central difference), holding the
 * other calibrated inputs at their solved values.
 */
public final class Calibrator {
    /** Sweeps over the calibrations before giving up on meeting every target together. */
    static final int MAX_SWEEPS = 8;
    /** Points one solve of one input may evaluate. */
    static final int MAX_EVALUATIONS = 60;
    /** A solve stops within this share of the tolerance: the rest is margin for the other inputs' later moves. */
    static final double AIM = 0.5;
    /** Points of the monotonicity check across the bounds. */
    static final int GRID = 5;

    private final List<Calibration> calibrations;
    private final Function<double[], BridgeDefinition> build;
    private final int threads;
    private final Map<String, double[]> memo = new HashMap<>();
    /** Each replication's demand model, kept across evaluations: an evaluation walks only the cohorts it changes. */
    private final DemandCache cache;
    private int evaluations;
    /** True if the starting values are an earlier solution of the same calibrations (see {@link #solveWarm}). */
    private final boolean warm;
    /** Each input's output slope from its last solve, for the first step of the next (beds per unit). */
    private final double[] slopeGuess;
    /** The inputs when each input's last solve ended (its own at the value it ended with). */
    private final double[][] solvedAt;

    private Calibrator(List<Calibration> calibrations, Function<double[], BridgeDefinition> build, int threads,
            DemandCache cache, boolean warm) {
        this.warm = warm;
        this.calibrations = List.copyOf(calibrations);
        this.build = build;
        this.threads = threads;
        this.cache = cache;
        this.slopeGuess = new double[calibrations.size()];
        Arrays.fill(slopeGuess, Double.NaN);
        this.solvedAt = new double[calibrations.size()][];
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
        return new Calibrator(calibrations, build, threads, cache, false).run(start);
    }

    /**
     * As {@link #solve(List, Function, double[], int, DemandCache)}, started warm: {@code start} is a solution of
     * the same calibrations found with some other inputs at other values (the prediction's base-year calibrations
     * start from the reconstruction's). A start that still meets its target is kept at once, without the grid, as
     * in a later sweep: the checks of that input are then the ones made when {@code start} was solved; a start
     * that misses is solved as from cold, the grid and its checks included.
     */
    public static Result solveWarm(List<Calibration> calibrations, Function<double[], BridgeDefinition> build,
            double[] start, int threads, DemandCache cache) {
        if (start.length != calibrations.size()) {
            throw new IllegalArgumentException("one starting value per calibration expected");
        }
        return new Calibrator(calibrations, build, threads, cache, true).run(start);
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
    private double solveOne(int j, double[] x, boolean first) {
        if (!first && Arrays.equals(x, solvedAt[j])) {
            return x[j]; // nothing moved since this input was solved: its solve would end where it did
        }
        double result = solveLine(new Line(j, x), first);
        solvedAt[j] = withValue(x, j, result);
        return result;
    }

    private double solveLine(Line line, boolean first) {
        Calibration c = line.calibration;
        int j = line.j;
        double[] x = line.x;
        double aim = c.tolerance() * AIM;
        if (!first) {
            double x0 = x[j];
            double f0 = line.at(x0);
            if (Math.abs(f0) <= c.tolerance()) {
                return x0;
            }
            return search(line, x0, f0, slopeGuess[j], aim);
        }
        double x0 = x[j];
        double f0 = warm ? line.at(x0) : Double.NaN;
        if (Math.abs(f0) <= c.tolerance()) {
            return x0;
        }
        double[] at = new double[GRID];
        double[] f = new double[GRID];
        for (int g = 0; g < GRID; g++) {
            at[g] = c.low() + (c.high() - c.low()) * g / (GRID - 1);
            f[g] = line.at(at[g]);
        }
        slopeGuess[j] = (f[GRID - 1] - f[0]) / (c.high() - c.low());
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
        int best = 0;
        for (int g = 1; g < GRID; g++) {
            if (Math.abs(f[g]) < Math.abs(f[best])) {
                best = g;
            }
        }
        int cell = -1;
        for (int g = 1; g < GRID; g++) {
            if (f[g - 1] * f[g] < 0) {
                cell = g;
            }
        }
        if (Math.abs(f[best]) <= aim || cell < 0) {
            return at[best];
        }
        if (f[cell] != f[cell - 1]) {
            slopeGuess[j] = (f[cell] - f[cell - 1]) / (at[cell] - at[cell - 1]);
        }
        double a = at[cell - 1];
        double fa = f[cell - 1];
        double b = at[cell];
        double fb = f[cell];
        if (x0 > a && x0 < b && f0 * fa > 0) {
            a = x0; // a warm start that missed, inside the cell: a narrower bracket
            fa = f0;
        } else if (x0 > a && x0 < b && f0 * fb > 0) {
            b = x0;
            fb = f0;
        }
        return illinois(line, a, fa, b, fb, aim);
    }

    /**
     * Finds a bracket from a start that misses the target, by secant steps (the first with the slope guessed from
     * an earlier solve), then solves within it; if the target is out of reach within the bounds, the nearer bound.
     */
    private double search(Line line, double x0, double f0, double slope, double aim) {
        Calibration c = line.calibration;
        double xa = x0;
        double fa = f0;
        double s = slope;
        while (Double.isFinite(s) && s != 0) {
            double xb = Math.max(c.low(), Math.min(c.high(), xa - fa / s));
            if (xb == xa) {
                break; // at a bound, the target beyond it
            }
            double fb = line.at(xb);
            if (Math.abs(fb) <= aim) {
                return xb;
            }
            if (fa * fb < 0) {
                return illinois(line, xa, fa, xb, fb, aim);
            }
            double secant = (fb - fa) / (xb - xa);
            if (secant * s <= 0) {
                break; // moving the wrong way: the bounds decide
            }
            s = secant;
            xa = xb;
            fa = fb;
        }
        double flo = line.at(c.low());
        double fhi = line.at(c.high());
        if (flo * fhi > 0) {
            return Math.abs(flo) < Math.abs(fhi) ? c.low() : c.high();
        }
        Map.Entry<Double, Double> prev = null;
        for (Map.Entry<Double, Double> e : line.points.entrySet()) {
            if (prev != null && prev.getValue() * e.getValue() <= 0) {
                if (Math.abs(prev.getValue()) <= aim || Math.abs(e.getValue()) <= aim) {
                    return Math.abs(prev.getValue()) <= Math.abs(e.getValue()) ? prev.getKey() : e.getKey();
                }
                return illinois(line, prev.getKey(), prev.getValue(), e.getKey(), e.getValue(), aim);
            }
            prev = e;
        }
        throw new IllegalStateException("no bracket between bounds of opposite sign");
    }

    /**
     * Solves within a bracket (residuals of opposite signs at a and b) by the Illinois method (regula falsi, the
     * end kept twice running weighted by a half), bisecting when the bracket does not halve in two steps; stops
     * when the residual is within {@code aim}, or when the bracket is narrower than 1e-7 of the bounds (the output
     * jumps there, in whole beds of some replications): then the side nearer the target.
     */
    private double illinois(Line line, double a, double fa, double b, double fb, double aim) {
        Calibration c = line.calibration;
        double xtol = (c.high() - c.low()) * 1e-7;
        double[] widths = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Math.abs(b - a)};
        double wa = fa;
        while (Math.abs(b - a) > xtol) {
            double m = b - fb * (b - a) / (fb - wa);
            if (Math.abs(b - a) > widths[0] / 2 || !(m > Math.min(a, b) && m < Math.max(a, b))) {
                m = (a + b) / 2; // the bracket did not halve in three steps (or rounding): bisect
                widths[0] = widths[1] = Double.POSITIVE_INFINITY;
            }
            double fm = line.at(m);
            if (Math.abs(fm) <= aim) {
                return m;
            }
            if (fm * fb < 0) {
                a = b;
                wa = fb;
            } else {
                wa /= 2;
            }
            b = m;
            fb = fm;
            widths[0] = widths[1];
            widths[1] = widths[2];
            widths[2] = Math.abs(b - a);
        }
        return Math.abs(line.at(a)) < Math.abs(line.at(b)) ? a : b;
    }

    /** The points evaluated while solving one input with the others fixed. */
    private final class Line {
        final Calibration calibration;
        final int j;
        final double[] x;
        final java.util.TreeMap<Double, Double> points = new java.util.TreeMap<>();

        Line(int j, double[] x) {
            this.calibration = calibrations.get(j);
            this.j = j;
            this.x = x;
        }

        /** @return the residual at input value v (each point evaluated once) */
        double at(double v) {
            Double known = points.get(v);
            if (known != null) {
                return known;
            }
            if (points.size() >= MAX_EVALUATIONS) {
                throw new CalibrationException("calibration '" + calibration.id() + "': not solved in "
                        + MAX_EVALUATIONS + " evaluations; widen the tolerance or narrow the bounds");
            }
            double r = residual(j, withValue(x, j, v));
            points.put(v, r);
            return r;
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
