package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.ALPHA;
import static org.bedsim.dist.DistTesting.DRAWS;
import static org.bedsim.dist.DistTesting.MAX_STANDARD_ERRORS;
import static org.bedsim.dist.DistTesting.PROBABILITIES;
import static org.bedsim.dist.DistTesting.assertRelative;
import static org.bedsim.dist.DistTesting.assertSampleMean;
import static org.bedsim.dist.DistTesting.draw;
import static org.bedsim.dist.DistTesting.ksPValueBelow;
import static org.bedsim.dist.DistTesting.numericCappedMoment;
import static org.bedsim.dist.DistTesting.opaque;
import static org.bedsim.dist.DistTesting.rng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CappedTest {
    private static final double[] STAYS = {0.5, 1, 1, 2, 3, 3, 3, 4, 5, 7, 8, 9, 12, 14, 14, 21, 30, 45, 60, 120};
    private static final double[] TABLE_P = {0, 0.25, 0.5, 0.75, 0.9, 1};
    private static final double[] TABLE_V = {0.5, 1.5, 3, 6, 11, 40};

    /** distribution, cap, kinks of its cdf below the cap (integration breakpoints for the reference). */
    static Stream<Arguments> smoothOrPiecewise() {
        return Stream.of(
                Arguments.of(LogNormal.ofMeanSd(4.5, 6), 21.0, new double[0]),
                Arguments.of(LogNormal.ofMeanSd(4.5, 6), 0.5, new double[0]),
                Arguments.of(LogNormal.ofMuSigma(1.2, 0.9), 40.0, new double[0]),
                Arguments.of(Gamma.ofMeanSd(20, 15), 30.0, new double[0]),
                Arguments.of(Gamma.ofShapeScale(2.5, 1.2), 3.0, new double[0]),
                Arguments.of(Weibull.ofShapeScale(1.5, 10), 12.0, new double[0]),
                Arguments.of(Exponential.ofMean(4.5), 10.0, new double[0]),
                Arguments.of(Triangular.of(1, 3, 14), 5.0, new double[] {1, 3}),
                Arguments.of(Triangular.of(1, 3, 14), 2.0, new double[] {1}),
                Arguments.of(Uniform.of(2, 9), 6.0, new double[] {2}),
                Arguments.of(Empirical.ofQuantiles(TABLE_P, TABLE_V), 8.0, TABLE_V));
    }

    /** Families whose numeric path (via an opaque wrapper) must agree with the closed form. */
    static Stream<Arguments> numericAgainstClosedForm() {
        return Stream.of(
                Arguments.of(LogNormal.ofMeanSd(4.5, 6), 21.0),
                Arguments.of(LogNormal.ofMeanSd(10, 25), 100.0),
                Arguments.of(Gamma.ofMeanSd(20, 15), 30.0),
                Arguments.of(Gamma.ofShapeScale(0.3, 10), 5.0),
                Arguments.of(Weibull.ofShapeScale(0.7, 5), 20.0),
                Arguments.of(Weibull.ofShapeScale(3.2, 20), 15.0),
                Arguments.of(Exponential.ofMean(0.5), 2.0),
                Arguments.of(Triangular.of(0.5, 1, 30), 12.0),
                Arguments.of(Uniform.of(0, 1), 0.3),
                Arguments.of(Empirical.ofObservations(STAYS), 20.0),
                Arguments.of(Empirical.ofQuantiles(TABLE_P, TABLE_V), 8.0));
    }

    @ParameterizedTest
    @MethodSource("smoothOrPiecewise")
    void moments_closedForm_matchLegendreGaussIntegralOfSurvival(Distribution d, double cap, double[] kinks) {
        Distribution c = d.capped(cap);
        assertInstanceOf(Capped.class, c);
        double first = numericCappedMoment(d, 1, cap, kinks);
        double second = numericCappedMoment(d, 2, cap, kinks);
        assertRelative(first, c.mean(), 1e-9, c + " mean");
        assertRelative(second - first * first, c.variance(), 1e-9, c + " variance");
    }

    @Test
    void moments_observations_matchDirectMeanOfCappedData() {
        double cap = 13;
        Distribution c = Empirical.ofObservations(STAYS).capped(cap);
        double[] capped = Arrays.stream(STAYS).map(x -> Math.min(x, cap)).toArray();
        double mean = Arrays.stream(capped).average().orElseThrow();
        double variance = Arrays.stream(capped).map(x -> (x - mean) * (x - mean)).sum() / capped.length;
        assertRelative(mean, c.mean(), 1e-14, "mean");
        assertRelative(variance, c.variance(), 1e-13, "variance");
        assertEquals(Empirical.ofObservations(capped).mean(), c.mean(), 1e-14);
    }

    @ParameterizedTest
    @MethodSource("numericAgainstClosedForm")
    void moments_numericPathForOtherDistributions_agreesWithClosedForm(Distribution d, double cap) {
        Distribution closed = d.capped(cap);
        Distribution numeric = opaque(d).capped(cap);
        assertRelative(closed.mean(), numeric.mean(), 1e-10, d + " capped mean");
        assertRelative(closed.variance(), numeric.variance(), 1e-9, d + " capped variance");
    }

    static Stream<Arguments> sampled() {
        return Stream.of(Arguments.of(LogNormal.ofMeanSd(4.5, 6), 21.0), Arguments.of(Gamma.ofMeanSd(20, 15), 30.0),
                Arguments.of(Weibull.ofShapeScale(1.5, 10), 12.0), Arguments.of(Triangular.of(1, 3, 14), 6.0));
    }

    @ParameterizedTest
    @MethodSource("sampled")
    void sampler_seededDraws_fitCappedDistribution(Distribution d, double cap) {
        Distribution c = d.capped(cap);
        double[] data = draw(c, 111L, DRAWS);
        assertTrue(Arrays.stream(data).allMatch(x -> x <= cap));
        // Continuous part: KS restricted to x < cap (conservative). Point mass: binomial count at the cap.
        double p = ksPValueBelow(c, data, cap);
        assertTrue(p > ALPHA, () -> c + ": KS p-value below the cap " + p);
        double mass = 1 - d.cdf(cap);
        long atCap = Arrays.stream(data).filter(x -> x == cap).count();
        double sd = Math.sqrt(DRAWS * mass * (1 - mass));
        assertTrue(Math.abs(atCap - DRAWS * mass) <= MAX_STANDARD_ERRORS * sd,
                () -> c + ": " + atCap + " draws at the cap, expected " + DRAWS * mass);
        assertSampleMean(c, data);
    }

    @Test
    void sampler_sameStream_isMinOfInnerDrawAndCap() {
        LogNormal d = LogNormal.ofMeanSd(4.5, 6);
        Sampler capped = d.capped(7).sampler(rng(112L));
        Sampler inner = d.sampler(rng(112L));
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Math.min(inner.sample(), 7), capped.sample());
        }
    }

    @Test
    void cdfAndQuantile_aroundCap_followInnerBelowAndJumpToOne() {
        Gamma d = Gamma.ofMeanSd(20, 15);
        Distribution c = d.capped(30);
        assertEquals(d.cdf(29.999), c.cdf(29.999));
        assertEquals(1, c.cdf(30));
        assertEquals(1, c.cdf(1e9));
        for (double p : PROBABILITIES) {
            assertEquals(Math.min(d.quantile(p), 30), c.quantile(p));
        }
        assertEquals(30, c.quantile(1));
        assertEquals(0, c.quantile(0));
    }

    @Test
    void capped_atOrAboveTopOfSupport_returnsSameDistribution() {
        Uniform u = Uniform.of(2, 9);
        assertSame(u, u.capped(9));
        assertSame(u, u.capped(50));
        Triangular t = Triangular.of(1, 3, 14);
        assertSame(t, t.capped(14));
        Empirical.Observations e = Empirical.ofObservations(STAYS);
        assertSame(e, e.capped(120));
    }

    @Test
    void capped_twice_keepsLowerCap() {
        Distribution once = LogNormal.ofMeanSd(4.5, 6).capped(21);
        assertSame(once, once.capped(30));
        assertSame(once, once.capped(21));
        Distribution twice = once.capped(10);
        assertEquals(LogNormal.ofMeanSd(4.5, 6).capped(10), twice);
        assertEquals(LogNormal.ofMeanSd(4.5, 6), ((Capped) twice).inner());
        assertEquals(10, ((Capped) twice).max());
    }

    @Test
    void scaled_cappedDistribution_scalesInnerAndCapWithExactMoments() {
        Distribution c = LogNormal.ofMeanSd(4.5, 6).capped(21);
        Distribution s = c.scaled(0.8);
        assertInstanceOf(Capped.class, s);
        assertEquals(0.8 * c.mean(), s.mean());
        assertEquals(0.64 * c.variance(), s.variance());
        assertEquals(16.8, ((Capped) s).max(), 1e-14);
        assertEquals(LogNormal.ofMeanSd(4.5, 6).scaled(0.8), ((Capped) s).inner());
        Distribution direct = LogNormal.ofMeanSd(4.5, 6).scaled(0.8).capped(16.8);
        assertRelative(direct.mean(), s.mean(), 1e-12, "mean vs capping the scaled family");
        assertRelative(direct.variance(), s.variance(), 1e-12, "variance vs capping the scaled family");
    }

    @Test
    void capped_badCap_throwsNamingCapAndValue() {
        LogNormal d = LogNormal.ofMeanSd(4.5, 6);
        assertEquals("cap must be > 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> d.capped(-1)).getMessage());
        assertEquals("cap must be > 0, was 0.0",
                assertThrows(IllegalArgumentException.class, () -> d.capped(0)).getMessage());
        assertEquals("cap must be a finite number, was NaN",
                assertThrows(IllegalArgumentException.class, () -> d.capped(Double.NaN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.capped(21).capped(-3));
        assertThrows(IllegalArgumentException.class, () -> Fixed.of(2).capped(-3));
    }

    @Test
    void describeEqualsHashCode_sameInnerAndCap_agree() {
        assertEquals("capped(lognormal(mean=4.5, sd=6), max=21)", LogNormal.ofMeanSd(4.5, 6).capped(21).describe());
        assertEquals(LogNormal.ofMeanSd(4.5, 6).capped(21), LogNormal.ofMeanSd(4.5, 6).capped(21));
        assertEquals(LogNormal.ofMeanSd(4.5, 6).capped(21).hashCode(),
                LogNormal.ofMeanSd(4.5, 6).capped(21).hashCode());
    }
}
