package org.bedsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bedsim.bridge.BedCount;
import org.bedsim.bridge.BridgeDefinition;
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

    // Work counters: deterministic (common random numbers), so a slower solver fails here without timing anything.
    // A solve costs the grid's points, the steps within the bracketing cell, and the slope's two probes; a step's
    // bar costs two configurations a point.

    @Test
    void solve_nearLinearOutput_landsWithinTheToleranceInAStepOrTwoAfterTheGrid() {
        // mean occupancy is linear in arrivals: regula falsi from the bracketing cell's ends lands on the target
        List<Calibration> cals = List.of(new Calibration("arrivals", 5, 60,
                new Target(Target.Output.BASE, null, 100), 0.25));
        Calibrator.Result r = Calibrator.solve(cals, x -> CalibrationTesting.bridge(x[0], STAY, Parameter.of(0.1),
                Parameter.of(0.2), 8), new double[] {10}, 2);
        assertTrue(r.allMet(), r::toString);
        assertEquals(100, r.solved().get(0).reached().mean(), 0.25 * Calibrator.AIM, "solved to half the tolerance");
        assertEquals(1, r.sweeps());
        assertTrue(r.evaluations() <= Calibrator.GRID + 2 + 2, "grid, at most two steps, two slope probes: "
                + r.evaluations());
    }

    @Test
    void solve_stepBar_costsTwoConfigurationsAPoint_andStaysWithinTheSameNumberOfPoints() {
        List<Calibration> cals = List.of(new Calibration("avoided", 0, 0.6,
                new Target(Target.Output.STEP, "avoided", -30), 0.25));
        Calibrator.Result r = Calibrator.solve(cals, x -> CalibrationTesting.bridge(25, STAY, Parameter.of(0.1),
                Parameter.of(x[0]), 8), new double[] {0.3}, 2);
        assertTrue(r.allMet(), r::toString);
        // closed form: the bar is -share x the beds after growth, 25 x 4 / 0.85 x 1.1 = 129.4 beds
        assertEquals(30 / (25 * STAY / CalibrationTesting.TARGET_OCCUPANCY * 1.1), r.values()[0], 0.02);
        assertTrue(r.evaluations() <= 2 * (Calibrator.GRID + 2 + 2), "evaluations " + r.evaluations());
    }

    @Test
    void solve_twoCoupledCalibrations_sweepAgainOnlyWhereAnOutputMoved() {
        // the bar depends on the arrivals (a share of the beds), the base beds do not depend on the share
        List<Calibration> cals = List.of(
                new Calibration("arrivals", 5, 60, new Target(Target.Output.BASE, null, 100), 0.25),
                new Calibration("avoided", 0, 0.6, new Target(Target.Output.STEP, "avoided", -20), 0.25));
        Calibrator.Result r = Calibrator.solve(cals, x -> CalibrationTesting.bridge(x[0], STAY,
                Parameter.of(0.10), Parameter.of(x[1]), 8), new double[] {30, 0.3}, 2);
        assertTrue(r.allMet(), r::toString);
        // first sweep: 5 + 2 points for the arrivals, (5 + 2) x 2 for the bar; the base rechecked once (the share
        // moved); the slopes' probes: 2 and 2 x 2
        int bound = (Calibrator.GRID + 2) * 3 + 1 + 2 + 4;
        assertTrue(r.evaluations() <= bound, "evaluations " + r.evaluations() + " > " + bound);
    }

    @Test
    void solve_outputJumpsOverTheTarget_endsAtTheJumpOnTheNearerSide_andDoesNotSweepAgain() {
        // the percentile count of two replications moves in half beds: 100.2 cannot be met within 0.1
        List<Calibration> cals = List.of(new Calibration("arrivals", 5, 60,
                new Target(Target.Output.BASE, null, 100.2), 0.1));
        Calibrator.Result r = Calibrator.solve(cals, x -> {
            BridgeDefinition d = CalibrationTesting.bridge(x[0], STAY, Parameter.of(0.1), Parameter.of(0.2), 2);
            return new BridgeDefinition(d.base(), d.counted(), BedCount.PERCENTILE, d.steps(), d.baseYear(),
                    d.targetYear(), d.replications(), d.seed(), d.maxExactShapleySteps(), d.sampledOrderings());
        }, new double[] {10}, 2);
        Calibrator.Solved s = r.solved().get(0);
        assertFalse(s.met());
        double reached = s.reached().mean();
        assertEquals(0, reached * 2 - Math.rint(reached * 2), 1e-9, "a whole number of beds in each replication");
        assertTrue(Math.abs(s.residual()) < 0.5, "the side of a jump nearer the target: reached " + reached);
        // one input alone: a second sweep would solve the same line again, so it stops there
        assertTrue(r.sweeps() <= 2, "sweeps " + r.sweeps());
        // the grid, then at worst a bisection every other step down to 1e-7 of the bounds: log2(13.75 / 5.5e-6)
        // = 22 halvings; and the two slope probes
        assertTrue(r.evaluations() <= Calibrator.GRID + 2 * 22 + 2, "evaluations " + r.evaluations());
    }

    @Test
    void solve_outputNotMonotone_isRefusedWhateverTheStart() {
        // the same U as below, started where the output rises: the grid across the bounds still sees it fall first
        List<Calibration> cals = List.of(new Calibration("u-shaped", 0, 1.2,
                new Target(Target.Output.BASE, null, 20 * 1.4 * STAY / 0.85), 0.5));
        for (double start : new double[] {0.1, 1.1}) {
            CalibrationException e = assertThrows(CalibrationException.class, () -> Calibrator.solve(cals,
                    x -> CalibrationTesting.bridge(20 * (1 + (x[0] - 0.5) * (x[0] - 0.5)), STAY, Parameter.of(0),
                            Parameter.of(0), 4), new double[] {start}, 1));
            assertTrue(e.getMessage().contains("does not move one way"), e.getMessage());
        }
    }

    @Test
    void solveWarm_aStartThatStillMeetsItsTarget_isKeptAtOnce() {
        List<Calibration> cals = List.of(new Calibration("arrivals", 5, 60,
                new Target(Target.Output.BASE, null, 100), 0.25));
        java.util.function.Function<double[], BridgeDefinition> build = x -> CalibrationTesting.bridge(x[0], STAY,
                Parameter.of(0.1), Parameter.of(0.2), 8);
        Calibrator.Result cold = Calibrator.solve(cals, build, new double[] {10}, 2);
        Calibrator.Result warm = Calibrator.solveWarm(cals, build, cold.values(), 2,
                new org.bedsim.bridge.DemandCache());
        assertEquals(cold.values()[0], warm.values()[0], 0.0, "kept");
        assertTrue(warm.allMet());
        assertEquals(1 + 2, warm.evaluations(), "the start, then the slope's two probes");
    }

    @Test
    void solveWarm_aStartThatMisses_isSolvedWithTheGridAndItsChecks() {
        // another stay moves the base beds: the start misses, and the grid runs (here: refusing a U)
        List<Calibration> cals = List.of(new Calibration("arrivals", 5, 60,
                new Target(Target.Output.BASE, null, 100), 0.25));
        Calibrator.Result r = Calibrator.solveWarm(cals, x -> CalibrationTesting.bridge(x[0], 2 * STAY,
                Parameter.of(0.1), Parameter.of(0.2), 8), new double[] {21}, 2, new org.bedsim.bridge.DemandCache());
        assertTrue(r.allMet(), r::toString);
        assertEquals(100 * 0.85 / (2 * STAY), r.values()[0], 1.5, "closed form, within the interval's scale");
        // the start, the grid, at most three Illinois steps on this near-linear output, the slope's two probes
        assertTrue(r.evaluations() <= 1 + Calibrator.GRID + 3 + 2, "evaluations " + r.evaluations());
        List<Calibration> u = List.of(new Calibration("u-shaped", 0, 1.2,
                new Target(Target.Output.BASE, null, 20 * 1.4 * STAY / 0.85), 0.5));
        CalibrationException e = assertThrows(CalibrationException.class, () -> Calibrator.solveWarm(u,
                x -> CalibrationTesting.bridge(20 * (1 + (x[0] - 0.5) * (x[0] - 0.5)), STAY, Parameter.of(0),
                        Parameter.of(0), 4), new double[] {1.1}, 1, new org.bedsim.bridge.DemandCache()));
        assertTrue(e.getMessage().contains("does not move one way"), e.getMessage());
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
