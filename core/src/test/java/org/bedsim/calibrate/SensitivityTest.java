package org.bedsim.calibrate;

import org.apache.commons.math3.random.RandomGenerator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.Bridges;
import org.bedsim.bridge.Parameter;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Tornado, ranking and prediction intervals against the closed forms of {@link CalibrationTesting}. */
class SensitivityTest {
    private static final double PER_DAY = 40;
    private static final double STAY = 3;
    private static final double BASE = PER_DAY * STAY / CalibrationTesting.TARGET_OCCUPANCY; // 141.2 beds

    private static final List<Input> INPUTS = List.of(
            new Input("growth", "Growth a year", Basis.ASSUMED, 0.0, 0.05, 0.10),
            new Input("avoided", "Share avoided", Basis.CALIBRATED, 0.18, 0.20, 0.22));

    private static BridgeDefinition build(double[] x, int reps) {
        return CalibrationTesting.bridge(PER_DAY, STAY, Parameter.of(x[0]), Parameter.of(x[1]), reps);
    }

    @Test
    void tornado_swingsMatchTheClosedForm_widestFirst() {
        Sensitivity.Tornado t = Sensitivity.tornado(INPUTS, x -> build(x, 6), true, 2);
        // final = BASE (1 + g)(1 - a): growth swings BASE x 0.10 x 0.8 = 11.3 beds, avoided BASE x 1.05 x 0.04 = 5.9
        assertEquals("growth", t.rows().get(0).input().id());
        assertEquals(BASE * 0.10 * 0.8, t.rows().get(0).swing(), 0.05 * BASE * 0.10 * 0.8 + 0.5);
        assertEquals(BASE * 1.05 * 0.04, t.rows().get(1).swing(), 0.05 * BASE * 1.05 * 0.04 + 0.5);
        assertTrue(t.rows().get(0).changeAtLow().mean() < 0 && t.rows().get(0).changeAtHigh().mean() > 0);
        // the bars at each end: growth moves the growth bar, avoided moves the avoided bar
        assertEquals(2, t.rows().get(0).barsAtHigh().length);
        assertTrue(t.rows().get(1).barsAtHigh()[1] < t.rows().get(1).barsAtLow()[1]);
        assertEquals(List.of("growth", "avoided"), t.stepIds());
    }

    @Test
    void ranking_sharesFollowTheInputsVarianceContributions() {
        Sensitivity.Ranking r = Sensitivity.ranking(INPUTS, x -> build(x, 2), 48, 11, 2);
        assertEquals("growth", r.rows().get(0).input().id());
        // linear model: var from growth (BASE 0.8 sd_g)^2 against avoided (BASE 1.05 sd_a)^2, sd = range / 2.563
        double g = Math.pow(0.8 * 0.10, 2);
        double a = Math.pow(1.05 * 0.04, 2);
        double sum = r.rows().stream().mapToDouble(Sensitivity.RankRow::share).sum();
        assertTrue(r.rSquared() > 0.6, "R^2 " + r.rSquared());
        assertEquals(g / (g + a), r.rows().get(0).share() / sum, 0.15);
    }

    @Test
    void predictionInterval_fromAStatedGrowthRange_matchesTheHandDerivation() {
        // growth drawn per replication from [0 %, 10 %] read as an 80 % interval: sd 0.1 / 2.563 = 0.0390;
        // final beds = BASE (1 + g): mean BASE x 1.05, sd BASE x 0.0390 (the model's own noise is far smaller)
        int n = 120;
        BridgeDefinition def = CalibrationTesting.bridge(PER_DAY, STAY, new Parameter(0, 0.10), Parameter.of(0), n);
        double[] finals = Bridges.bedsPerReplication(def, new double[] {1, 0}, 2);
        double[] pi = Sensitivity.predictionInterval(finals);
        double sd = BASE * 0.10 / (2 * 1.2815515655446004);
        double t = new TDistribution((RandomGenerator) null, n - 1).inverseCumulativeProbability(0.975);
        double half = t * sd * Math.sqrt(1 + 1.0 / n);
        double mid = BASE * 1.05;
        // the sample sd of n draws is within about 2 / sqrt(2n) = 13 % of sd; the mean within 2 sd / sqrt(n)
        assertEquals(mid, (pi[0] + pi[1]) / 2, 2 * sd / Math.sqrt(n) + 0.5);
        assertEquals(half, (pi[1] - pi[0]) / 2, 0.15 * half + 0.3);
    }
}
