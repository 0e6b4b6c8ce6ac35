package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.ALPHA;
import static org.bedsim.dist.DistTesting.DRAWS;
import static org.bedsim.dist.DistTesting.PROBABILITIES;
import static org.bedsim.dist.DistTesting.assertMessage;
import static org.bedsim.dist.DistTesting.assertRelative;
import static org.bedsim.dist.DistTesting.assertSampleMean;
import static org.bedsim.dist.DistTesting.draw;
import static org.bedsim.dist.DistTesting.rng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.math3.distribution.EnumeratedRealDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class EmpiricalObservationsTest {
    /** 37 observed stays in days, unsorted, with ties; 37 is prime, so no probability in the grid is a jump k/n. */
    private static final double[] STAYS = {
        3, 1, 0.5, 14, 2, 1, 7, 3, 120, 4.5, 1, 5, 3, 60, 2, 9, 26, 7, 8, 3, 10, 11, 12, 14, 15, 17, 19, 21, 23, 5,
        30, 35, 40, 48, 6, 75, 4,
    };

    private static EnumeratedRealDistribution reference(double[] data) {
        double[] sorted = data.clone();
        Arrays.sort(sorted); // Commons Math walks its pmf in insertion order for the inverse cdf
        double[] probabilities = new double[sorted.length];
        Arrays.fill(probabilities, 1.0 / sorted.length);
        return new EnumeratedRealDistribution((RandomGenerator) null, sorted, probabilities);
    }

    @Test
    void momentsCdfQuantile_observedStays_matchCommonsMathEnumerated() {
        Empirical.Observations d = Empirical.ofObservations(STAYS);
        EnumeratedRealDistribution reference = reference(STAYS);
        assertRelative(reference.getNumericalMean(), d.mean(), 1e-12, "mean");
        assertRelative(reference.getNumericalVariance(), d.variance(), 1e-12, "variance");
        for (double p : PROBABILITIES) {
            assertEquals(reference.inverseCumulativeProbability(p), d.quantile(p), "quantile(" + p + ")");
        }
        for (double x : new double[] {0, 0.5, 0.7, 1, 2.5, 3, 14, 100, 120, 200}) {
            assertRelative(reference.cumulativeProbability(x), d.cdf(x), 1e-12, "cdf(" + x + ")");
        }
    }

    @Test
    void moments_observedStays_arePopulationMoments() {
        Empirical.Observations d = Empirical.ofObservations(STAYS);
        double mean = Arrays.stream(STAYS).sum() / STAYS.length;
        double variance = Arrays.stream(STAYS).map(x -> (x - mean) * (x - mean)).sum() / STAYS.length;
        assertRelative(mean, d.mean(), 1e-14, "mean");
        assertRelative(variance, d.variance(), 1e-14, "variance (divisor n)");
    }

    @Test
    void quantile_atEveryJump_isTheOrderStatistic() {
        Empirical.Observations d = Empirical.ofObservations(STAYS);
        double[] sorted = d.observations();
        int n = sorted.length;
        for (int k = 1; k <= n; k++) {
            double p = (double) k / n;
            assertEquals(sorted[k - 1], d.quantile(p), "quantile(" + k + "/" + n + ")");
            assertTrue(d.cdf(d.quantile(p)) >= p);
        }
        assertEquals(sorted[0], d.quantile(0));
        for (double x : sorted) {
            assertEquals(x, d.quantile(d.cdf(x)), "quantile(cdf(" + x + "))");
        }
    }

    @Test
    void sampler_seededDraws_passChiSquareOnCounts() {
        Empirical.Observations d = Empirical.ofObservations(STAYS);
        double[] values = Arrays.stream(STAYS).sorted().distinct().toArray();
        double[] expected = new double[values.length];
        for (double x : STAYS) {
            expected[Arrays.binarySearch(values, x)] += (double) DRAWS / STAYS.length;
        }
        long[] observed = new long[values.length];
        double[] data = draw(d, 81L, DRAWS);
        for (double x : data) {
            observed[Arrays.binarySearch(values, x)]++;
        }
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(p > ALPHA, () -> "chi-square p-value " + p);
        assertSampleMean(d, data);
    }

    @Test
    void sampler_seededStream_picksUniformIndexIntoSortedData() {
        Empirical.Observations d = Empirical.ofObservations(STAYS);
        double[] sorted = d.observations();
        Sampler sampler = d.sampler(rng(82L));
        UniformRandomProvider same = rng(82L);
        for (int i = 0; i < 1000; i++) {
            assertEquals(sorted[same.nextInt(sorted.length)], sampler.sample());
        }
    }

    @Test
    void ofObservations_callerChangesArray_distributionUnchanged() {
        double[] stays = {5, 1, 3};
        Empirical.Observations d = Empirical.ofObservations(stays);
        stays[0] = 1000;
        d.observations()[0] = 1000;
        assertArrayEquals(new double[] {1, 3, 5}, d.observations());
        assertEquals(3, d.mean());
        assertEquals(3, d.size());
    }

    @Test
    void ofObservations_singleObservation_isDegenerate() {
        Empirical.Observations d = Empirical.ofObservations(new double[] {4});
        assertEquals(4, d.mean());
        assertEquals(0, d.variance());
        assertEquals(4, d.quantile(0.3));
        assertEquals(4, d.sampler(rng(1L)).sample());
    }

    @Test
    void ofObservations_badData_throwNamingIndexAndValue() {
        assertEquals("empirical observation [2] must be >= 0, was -1.0", assertThrows(IllegalArgumentException.class,
                () -> Empirical.ofObservations(new double[] {1, 2, -1})).getMessage());
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Empirical.ofObservations(new double[] {1, Double.NaN})), "empirical observation [1]", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Empirical.ofObservations(new double[0])), "at least 1", "empty");
        assertThrows(NullPointerException.class, () -> Empirical.ofObservations(null));
    }

    @Test
    void scaled_positiveFactor_scalesEveryObservation() {
        Empirical.Observations d = Empirical.ofObservations(STAYS);
        Empirical.Observations scaled = d.scaled(0.5);
        assertRelative(0.5 * d.mean(), scaled.mean(), 1e-15, "mean");
        assertRelative(0.25 * d.variance(), scaled.variance(), 1e-14, "variance");
        assertEquals(60, scaled.quantile(1));
    }

    @Test
    void describeEqualsHashCode_sameDataInAnyOrder_agree() {
        assertEquals("empirical(n=3, mean=3.333, min=1, max=7)",
                Empirical.ofObservations(new double[] {7, 1, 2}).describe());
        assertEquals(Empirical.ofObservations(new double[] {7, 1, 2}),
                Empirical.ofObservations(new double[] {1, 2, 7}));
        assertEquals(Empirical.ofObservations(new double[] {7, 1, 2}).hashCode(),
                Empirical.ofObservations(new double[] {1, 2, 7}).hashCode());
    }
}
