package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.DRAWS;
import static org.bedsim.dist.DistTesting.MAX_STANDARD_ERRORS;
import static org.bedsim.dist.DistTesting.PROBABILITIES;
import static org.bedsim.dist.DistTesting.assertMessage;
import static org.bedsim.dist.DistTesting.assertRelative;
import static org.bedsim.dist.DistTesting.assertSampleMean;
import static org.bedsim.dist.DistTesting.assertSamplerFits;
import static org.bedsim.dist.DistTesting.draw;
import static org.bedsim.dist.DistTesting.numericCappedMoment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantileTableTest {
    private static final double[] P = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1};
    private static final double[] V = {0.2, 0.8, 1.5, 3, 6, 11, 16, 40};

    @Test
    void moments_handWorkedTable_areExact() {
        Empirical.QuantileTable d = Empirical.ofQuantiles(new double[] {0, 0.5, 1}, new double[] {0, 2, 10});
        // Half the mass uniform on [0, 2], half on [2, 10].
        assertEquals(3.5, d.mean(), 1e-15);
        double second = 0.5 * 4 / 3 + 0.5 * (4 + 20 + 100) / 3.0;
        assertEquals(second - 3.5 * 3.5, d.variance(), 1e-14);
        assertEquals(0.25, d.cdf(1));
        assertEquals(0.5, d.cdf(2));
        assertEquals(0.75, d.cdf(6));
        assertEquals(6, d.quantile(0.75));
        assertEquals(0, d.quantile(0));
        assertEquals(10, d.quantile(1));
    }

    @Test
    void moments_plannerTable_matchNumericIntegralOfSurvival() {
        Empirical.QuantileTable d = Empirical.ofQuantiles(P, V);
        // E[X] = int_0^max (1 - F), E[X^2] = int_0^max 2x (1 - F): integrated piecewise between the knots.
        double first = numericCappedMoment(d, 1, 40, V);
        double second = numericCappedMoment(d, 2, 40, V);
        assertRelative(first, d.mean(), 1e-12, "mean");
        assertRelative(second - first * first, d.variance(), 1e-12, "variance");
    }

    @Test
    void cdfAndQuantile_atKnotsAndGrid_interpolateAndRoundTrip() {
        Empirical.QuantileTable d = Empirical.ofQuantiles(P, V);
        for (int i = 0; i < P.length; i++) {
            assertEquals(P[i], d.cdf(V[i]), 1e-15, "cdf at knot " + i);
            assertEquals(V[i], d.quantile(P[i]), 1e-15, "quantile at knot " + i);
        }
        for (double p : PROBABILITIES) {
            assertRelative(p, d.cdf(d.quantile(p)), 1e-13, "cdf(quantile(" + p + "))");
        }
        assertEquals(0.5 * (3 + 6), d.quantile(0.625), 1e-15);
        assertEquals(0, d.cdf(0.1));
        assertEquals(1, d.cdf(41));
    }

    @Test
    void sampler_seededDraws_fitTheDistribution() {
        assertSamplerFits(Empirical.ofQuantiles(P, V), 91L);
    }

    @Test
    void flatSegment_pointMass_hasJumpInCdfAndFrequencyInSamples() {
        Empirical.QuantileTable d = Empirical.ofQuantiles(new double[] {0, 0.2, 0.5, 1}, new double[] {1, 1, 3, 5});
        assertEquals(0, d.cdf(0.999));
        assertEquals(0.2, d.cdf(1));
        assertEquals(1, d.quantile(0.1));
        assertEquals(1, d.quantile(0.2));
        assertEquals(2, d.quantile(0.35), 1e-15);
        assertEquals(0.2 * 1 + 0.3 * 2 + 0.5 * 4, d.mean(), 1e-15);
        double[] data = draw(d, 92L, DRAWS);
        long atMass = java.util.Arrays.stream(data).filter(x -> x == 1).count();
        double expected = 0.2 * DRAWS;
        double sd = Math.sqrt(DRAWS * 0.2 * 0.8);
        assertTrue(Math.abs(atMass - expected) <= MAX_STANDARD_ERRORS * sd, () -> atMass + " draws at the mass");
        assertSampleMean(d, data);
    }

    @Test
    void ofQuantiles_badTables_throwNamingEntryAndValue() {
        assertEquals("quantile table probabilities[0] must be 0, was 0.1", assertThrows(
                IllegalArgumentException.class,
                () -> Empirical.ofQuantiles(new double[] {0.1, 1}, new double[] {1, 2})).getMessage());
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Empirical.ofQuantiles(new double[] {0, 0.9}, new double[] {1, 2})),
                "probabilities[1]", "must be 1", "was 0.9");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Empirical.ofQuantiles(new double[] {0, 0.5, 0.5, 1}, new double[] {1, 2, 3, 4})),
                "strictly increasing", "probabilities[2]", "was 0.5");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Empirical.ofQuantiles(new double[] {0, 0.5, 1}, new double[] {1, 3, 2})),
                "non-decreasing", "values[2]", ">= 3.0", "was 2.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Empirical.ofQuantiles(new double[] {0, 1}, new double[] {-1, 2})),
                "values[0]", ">= 0", "was -1.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Empirical.ofQuantiles(new double[] {0, 1}, new double[] {1, 2, 3})),
                "same length", "(2)", "was 3");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Empirical.ofQuantiles(new double[] {1}, new double[] {1})), "at least 2", "was 1");
    }

    @Test
    void ofQuantiles_callerChangesArrays_distributionUnchanged() {
        double[] p = {0, 0.5, 1};
        double[] v = {0, 2, 10};
        Empirical.QuantileTable d = Empirical.ofQuantiles(p, v);
        p[1] = 0.9;
        v[2] = 100;
        d.values()[0] = 7;
        assertArrayEquals(new double[] {0, 0.5, 1}, d.probabilities());
        assertArrayEquals(new double[] {0, 2, 10}, d.values());
        assertEquals(3.5, d.mean(), 1e-15);
    }

    @Test
    void scaled_positiveFactor_scalesValuesOnly() {
        Empirical.QuantileTable d = Empirical.ofQuantiles(P, V);
        Empirical.QuantileTable scaled = d.scaled(1.5);
        assertArrayEquals(P, scaled.probabilities());
        assertRelative(1.5 * d.mean(), scaled.mean(), 1e-15, "mean");
        assertRelative(2.25 * d.variance(), scaled.variance(), 1e-14, "variance");
    }

    @Test
    void describeEqualsHashCode_sameTable_agree() {
        assertEquals("quantiles(0:0, 0.5:2, 1:10)",
                Empirical.ofQuantiles(new double[] {0, 0.5, 1}, new double[] {0, 2, 10}).describe());
        assertEquals(Empirical.ofQuantiles(P, V), Empirical.ofQuantiles(P, V));
        assertEquals(Empirical.ofQuantiles(P, V).hashCode(), Empirical.ofQuantiles(P, V).hashCode());
    }
}
