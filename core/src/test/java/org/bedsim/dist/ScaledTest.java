package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.PROBABILITIES;
import static org.bedsim.dist.DistTesting.assertMessage;
import static org.bedsim.dist.DistTesting.assertRelative;
import static org.bedsim.dist.DistTesting.draw;
import static org.bedsim.dist.DistTesting.ksPValue;
import static org.bedsim.dist.DistTesting.opaque;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScaledTest {

    static Stream<Distribution> families() {
        return Stream.of(Exponential.ofMean(4.5), LogNormal.ofMeanSd(4.5, 6), LogNormal.ofMuSigma(1.2, 0.9),
                Gamma.ofMeanSd(20, 15), Gamma.ofShapeScale(0.3, 10), Weibull.ofShapeScale(1.5, 10),
                Uniform.of(2, 9), Triangular.of(1, 3, 14), Fixed.of(3),
                Empirical.ofObservations(new double[] {1, 2, 2, 5, 9, 30}),
                Empirical.ofQuantiles(new double[] {0, 0.5, 0.9, 1}, new double[] {0.5, 3, 10, 25}));
    }

    @ParameterizedTest
    @MethodSource("families")
    void scaled_closedFamilies_returnSameFamilyWithScaledMomentsAndQuantiles(Distribution d) {
        double f = 0.8;
        Distribution s = d.scaled(f);
        assertSame(d.getClass(), s.getClass(), d + " should stay in its family");
        assertRelative(f * d.mean(), s.mean(), 1e-14, d + " mean");
        assertRelative(f * f * d.variance(), s.variance(), 1e-13, d + " variance");
        for (double p : PROBABILITIES) {
            double x = d.quantile(p);
            assertRelative(f * x, s.quantile(p), 1e-12, d + " quantile(" + p + ")");
            assertRelative(d.cdf(x), s.cdf(f * x), 1e-12, d + " cdf at scaled quantile(" + p + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void scaled_badFactor_throwsNamingFactorAndValue(Distribution d) {
        assertEquals("scale factor must be > 0, was 0.0",
                assertThrows(IllegalArgumentException.class, () -> d.scaled(0)).getMessage());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> d.scaled(-1.5)), "scale factor", "-1.5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> d.scaled(Double.NaN)), "scale factor",
                "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> d.scaled(Double.POSITIVE_INFINITY)),
                "scale factor", "Infinity");
    }

    @Test
    void scaled_otherDistribution_wrapsInScaledWithExactMoments() {
        LogNormal family = LogNormal.ofMeanSd(4.5, 6);
        Distribution s = opaque(family).scaled(1.25);
        assertInstanceOf(Scaled.class, s);
        assertEquals(1.25 * 4.5, s.mean());
        assertEquals(1.25 * 1.25 * family.variance(), s.variance());
        assertEquals(1.25 * 6, s.sd());
        LogNormal expected = LogNormal.ofMeanSd(4.5 * 1.25, 6 * 1.25);
        for (double p : PROBABILITIES) {
            assertRelative(expected.quantile(p), s.quantile(p), 1e-12, "quantile(" + p + ")");
            assertRelative(expected.cdf(expected.quantile(p)), s.cdf(expected.quantile(p)), 1e-12, "cdf");
        }
        assertEquals("scaled(opaque lognormal(mean=4.5, sd=6), factor=1.25)", s.describe());
    }

    @Test
    void scaled_otherDistributionSampler_fitsScaledFamily() {
        Distribution s = opaque(Gamma.ofMeanSd(20, 15)).scaled(0.7);
        double[] data = draw(s, 101L, DistTesting.DRAWS);
        double p = ksPValue(Gamma.ofMeanSd(14, 10.5), data);
        assertTrue(p > DistTesting.ALPHA, () -> "KS p-value " + p);
        DistTesting.assertSampleMean(s, data);
    }

    @Test
    void scaled_twice_foldsIntoOneFactor() {
        Distribution inner = opaque(Exponential.ofMean(2));
        Scaled twice = (Scaled) inner.scaled(2).scaled(3);
        assertSame(inner, twice.inner());
        assertEquals(6, twice.factor());
        assertEquals(12, twice.mean());
        assertEquals(inner.scaled(6), twice);
        assertEquals(inner.scaled(6).hashCode(), twice.hashCode());
    }
}
