package org.bedsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bedsim.bridge.Parameter;
import org.junit.jupiter.api.Test;

/**
 * The solver against answers known in closed form (see {@link CalibrationTesting}): base beds = arrivals a day x
 * mean stay / 0.85; a step avoiding a share a removes a times the beds before it.
 */
class CalibratorTest {
    private static final double STAY = 4;

    @Test
    void solve_arrivalsAndAvoidedShare_meetTheirTargets_nearTheClosedFormSolution() {
        // targets: 100 beds in the base year, the avoided-admissions bar -20 beds after 10 % growth (110 beds)
        List<Calibration> cals = List.of(
                new Calibration("arrivals", 5, 60, new Target(Target.Output.BASE, null, 100), 0.25),
                new Calibration("avoided", 0, 0.6, new Target(Target.Output.STEP, "avoided", -20), 0.25));
        Calibrator.Result r = Calibrator.solve(cals, x -> CalibrationTesting.bridge(x[0], STAY,
                Parameter.of(0.10), Parameter.of(x[1]), 8), new double[] {30, 0.3}, 2);
        assertTrue(r.allMet(), () -> r.toString());
        Calibrator.Solved arrivals = r.solved().get(0);
        Calibrator.Solved avoided = r.solved().get(1);
        assertEquals(100, arrivals.reached().mean(), 0.25);
        assertEquals(-20, avoided.reached().mean(), 0.25);
        // closed form: 100 * 0.85 / 4 = 21.25 a day; share 20 / 110
        double halfArrivals = (arrivals.interval()[1] - arrivals.interval()[0]) / 2;
        assertTrue(halfArrivals > 0 && halfArrivals < 1.5, "interval half-width " + halfArrivals);
        assertEquals(21.25, arrivals.value(), 2.5 * halfArrivals, "within the solution's interval (x 2.5)");
        assertEquals(20.0 / 110, avoided.value(), 0.02);
        assertTrue(arrivals.interval()[0] < arrivals.value() && arrivals.value() < arrivals.interval()[1]);
        assertTrue(avoided.slope() < 0, "more avoided, a more negative bar");
    }

    @Test
    void solve_isDeterministic_forTheSameSeed() {
        List<Calibration> cals = List.of(new Calibration("arrivals", 5, 60,
                new Target(Target.Output.FINAL, null, 80), 0.25));
        double a = Calibrator.solve(cals, x -> CalibrationTesting.bridge(x[0], STAY, Parameter.of(0.05),
                Parameter.of(0.1), 4), new double[] {10}, 1).values()[0];
        double b = Calibrator.solve(cals, x -> CalibrationTesting.bridge(x[0], STAY, Parameter.of(0.05),
                Parameter.of(0.1), 4), new double[] {10}, 2).values()[0];
        assertEquals(a, b, 0.0, "same inputs and seed, any thread count");
    }

    @Test
    void solve_targetOutOfReach_namesTheBoundsAndTheValuesReached() {
        List<Calibration> cals = List.of(new Calibration("arrivals", 1, 5,
                new Target(Target.Output.BASE, null, 100), 0.5));
        CalibrationException e = assertThrows(CalibrationException.class, () -> Calibrator.solve(cals,
                x -> CalibrationTesting.bridge(x[0], STAY, Parameter.of(0), Parameter.of(0), 4), new double[] {3},
                1));
        assertTrue(e.getMessage().contains("'arrivals'") && e.getMessage().contains("out of reach")
                && e.getMessage().contains("[1, 5]") && e.getMessage().contains("at 1 and")
                && e.getMessage().contains("at 5"), e.getMessage());
        // 5 a day x 4 days / 0.85 = 23.5 beds at the upper bound
        assertTrue(e.getMessage().matches("(?s).*reaches \\d+\\.\\d at 1 and 2[2-5]\\.\\d at 5.*"), e.getMessage());
    }

    @Test
    void solve_outputNotMonotoneWithinTheBounds_isRefused() {
        // arrivals 20 (1 + (x - 0.5)^2): down then up across [0, 1.2]; the target lies between the end values
        List<Calibration> cals = List.of(new Calibration("u-shaped", 0, 1.2,
                new Target(Target.Output.BASE, null, 20 * 1.4 * STAY / 0.85), 0.5));
        CalibrationException e = assertThrows(CalibrationException.class, () -> Calibrator.solve(cals,
                x -> CalibrationTesting.bridge(20 * (1 + (x[0] - 0.5) * (x[0] - 0.5)), STAY, Parameter.of(0),
                        Parameter.of(0), 4), new double[] {0.6}, 1));
        assertTrue(e.getMessage().contains("does not move one way"), e.getMessage());
    }
}
