package org.bedsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The output solver against answers known in closed form: an output per replication that is linear in the input
 * plus a fixed per-replication offset (as a run on common random numbers is: the same draws at every input), so the
 * mean over replications meets a target at exactly one value.
 */
class OutputCalibratorTest {
    /** Offsets per replication, mean 0: the output's mean is exactly slope x input. */
    private static final double[] OFFSETS = {-12, 5, 9, -2};

    private static double[][] linear(double[] x, double slope) {
        double[] out = new double[OFFSETS.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = slope * x[0] + OFFSETS[r];
        }
        return new double[][] {out};
    }

    @Test
    void solve_meetsTheTargetWithinTolerance_atTheClosedFormValue_withAnIntervalFromTheSpread() {
        OutputCalibrator.Goal g = new OutputCalibrator.Goal("wait", 0.5, 8, 820, 1, "delayed days of Q1 + Q2");
        OutputCalibrator.Result r = OutputCalibrator.solve(List.of(g), x -> linear(x, 366), new double[] {2});
        assertTrue(r.allMet());
        OutputCalibrator.Solved s = r.solved().get(0);
        assertEquals(820, s.reached().mean(), 1);
        assertEquals(820.0 / 366, s.value(), 1.0 / 366 + 1e-9, "the root of 366 x = 820");
        assertEquals(366, s.slope(), 1e-6);
        // interval: the output's 95 % half-width over the slope
        double half = s.reached().halfWidth() / 366;
        assertEquals(s.value() - half, s.interval()[0], 1e-9);
        assertEquals(s.value() + half, s.interval()[1], 1e-9);
    }

    @Test
    void solve_decreasingOutput_isSolvedToo() {
        OutputCalibrator.Goal g = new OutputCalibrator.Goal("beds", 10, 60, 500, 0.5, "delayed days");
        OutputCalibrator.Result r = OutputCalibrator.solve(List.of(g), x -> linear(new double[] {1000 - 20 * x[0]},
                1), new double[] {10});
        assertEquals(25, r.values()[0], 0.5 / 20 + 1e-9);
        assertTrue(r.solved().get(0).slope() < 0);
    }

    @Test
    void solve_targetOutOfReach_namesTheBoundsAndTheValuesReached() {
        OutputCalibrator.Goal g = new OutputCalibrator.Goal("wait", 0.5, 1, 820, 1, "delayed days of Q1 + Q2");
        CalibrationException e = assertThrows(CalibrationException.class,
                () -> OutputCalibrator.solve(List.of(g), x -> linear(x, 366), new double[] {0.7}));
        String m = e.getMessage();
        assertTrue(m.contains("'wait'") && m.contains("out of reach") && m.contains("[0.5, 1]")
                && m.contains("183.0 at 0.5") && m.contains("366.0 at 1"), m);
    }

    @Test
    void solve_outputNotMovingOneWay_isRefused() {
        OutputCalibrator.Goal g = new OutputCalibrator.Goal("u", -2, 2, 1, 0.1, "a valley");
        CalibrationException e = assertThrows(CalibrationException.class,
                () -> OutputCalibrator.solve(List.of(g), x -> linear(new double[] {x[0] * x[0]}, 1),
                        new double[] {1}));
        assertTrue(e.getMessage().contains("does not move one way"), e.getMessage());
    }
}
