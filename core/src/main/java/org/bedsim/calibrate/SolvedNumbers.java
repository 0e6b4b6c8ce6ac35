package org.bedsim.calibrate;

import java.util.ArrayList;
import java.util.List;
import org.bedsim.stats.ConfidenceInterval;

/**
 * A solution of calibrations as plain numbers with their exact bits (what a calibration cache keeps), whichever
 * solver found it ({@link Calibrator} for bridges, {@link OutputCalibrator} for quarterly outputs): the count of
 * solved inputs, then per input its value, interval, the output reached (mean, half-width, level, replications),
 * whether it met the target and the slope, then the sweeps and evaluations.
 */
public final class SolvedNumbers {
    private static final int PER_SOLVED = 9;

    private SolvedNumbers() {
    }

    /** One solved input's figures, as both solvers report them. */
    public record Figures(double value, double[] interval, ConfidenceInterval reached, boolean met, double slope) {
    }

    /**
     * A decoded solution.
     *
     * @param solved the figures of each solved input, in order
     * @param sweeps sweeps used
     * @param evaluations evaluations used
     */
    public record Decoded(List<Figures> solved, int sweeps, int evaluations) {
    }

    /** @return the solution as numbers, for {@link #decode} */
    public static double[] encode(List<Figures> solved, int sweeps, int evaluations) {
        double[] out = new double[1 + PER_SOLVED * solved.size() + 2];
        out[0] = solved.size();
        int i = 1;
        for (Figures s : solved) {
            out[i++] = s.value();
            out[i++] = s.interval()[0];
            out[i++] = s.interval()[1];
            out[i++] = s.reached().mean();
            out[i++] = s.reached().halfWidth();
            out[i++] = s.reached().level();
            out[i++] = s.reached().n();
            out[i++] = s.met() ? 1 : 0;
            out[i++] = s.slope();
        }
        out[i++] = sweeps;
        out[i] = evaluations;
        return out;
    }

    /**
     * @param numbers numbers written by {@link #encode}, or null
     * @param inputs the number of solved inputs expected
     * @return the solution, or null if the numbers are not a solution of that many inputs
     */
    public static Decoded decode(double[] numbers, int inputs) {
        if (numbers == null || numbers.length != 1 + PER_SOLVED * inputs + 2 || numbers[0] != inputs) {
            return null;
        }
        List<Figures> solved = new ArrayList<>();
        int i = 1;
        for (int k = 0; k < inputs; k++) {
            double value = numbers[i++];
            double[] interval = {numbers[i++], numbers[i++]};
            ConfidenceInterval reached = new ConfidenceInterval(numbers[i++], numbers[i++], numbers[i++],
                    (long) numbers[i++]);
            boolean met = numbers[i++] == 1;
            solved.add(new Figures(value, interval, reached, met, numbers[i++]));
        }
        return new Decoded(solved, (int) numbers[i++], (int) numbers[i]);
    }
}
