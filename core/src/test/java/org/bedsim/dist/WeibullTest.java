package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.assertMatchesReference;
import static org.bedsim.dist.DistTesting.assertMessage;
import static org.bedsim.dist.DistTesting.assertRelative;
import static org.bedsim.dist.DistTesting.assertSamplerFits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeibullTest {

    static Stream<Arguments> shapeScale() {
        return Stream.of(Arguments.of(1.5, 10.0), Arguments.of(0.7, 5.0), Arguments.of(1.0, 3.0),
                Arguments.of(3.2, 20.0), Arguments.of(0.5, 1.0));
    }

    @ParameterizedTest
    @MethodSource("shapeScale")
    void momentsCdfQuantile_variousShapes_matchCommonsMath(double shape, double scale) {
        // Commons Math inverts the Weibull cdf in closed form: 1e-9 for quantiles too.
        assertMatchesReference(Weibull.ofShapeScale(shape, scale),
                new WeibullDistribution((RandomGenerator) null, shape, scale, 1e-12), 1e-9);
    }

    @Test
    void mean_plannerExample_isScaleTimesGammaFunction() {
        Weibull d = Weibull.ofShapeScale(1.5, 10);
        assertRelative(10 * org.apache.commons.math3.special.Gamma.gamma(1 + 1 / 1.5), d.mean(), 1e-15, "mean");
        // shape 1 is the exponential
        assertRelative(9, Weibull.ofShapeScale(1, 3).variance(), 1e-14, "exponential variance");
    }

    @ParameterizedTest
    @MethodSource("shapeScale")
    void sampler_seededDraws_fitTheDistribution(double shape, double scale) {
        assertSamplerFits(Weibull.ofShapeScale(shape, scale), 41L);
    }

    @Test
    void ofShapeScale_badParameters_throwNamingParameterAndValue() {
        assertEquals("weibull shape must be > 0, was -1.5",
                assertThrows(IllegalArgumentException.class, () -> Weibull.ofShapeScale(-1.5, 10)).getMessage());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Weibull.ofShapeScale(1.5, 0)),
                "weibull scale", "was 0.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Weibull.ofShapeScale(Double.NaN, 1)),
                "weibull shape", "was NaN");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Weibull.ofShapeScale(0.005, 1)),
                "weibull(shape=0.005, scale=1.0)");
    }

    @Test
    void scaled_positiveFactor_scalesScaleOnly() {
        Weibull scaled = Weibull.ofShapeScale(1.5, 10).scaled(1.2);
        assertEquals(Weibull.ofShapeScale(1.5, 12), scaled);
        assertRelative(1.2 * Weibull.ofShapeScale(1.5, 10).mean(), scaled.mean(), 1e-15, "mean");
        assertRelative(1.44 * Weibull.ofShapeScale(1.5, 10).variance(), scaled.variance(), 1e-14, "variance");
    }

    @Test
    void describeEqualsHashCode_sameParameters_agree() {
        assertEquals("weibull(shape=1.5, scale=10)", Weibull.ofShapeScale(1.5, 10).describe());
        assertEquals(Weibull.ofShapeScale(1.5, 10), Weibull.ofShapeScale(1.5, 10));
        assertEquals(Weibull.ofShapeScale(1.5, 10).hashCode(), Weibull.ofShapeScale(1.5, 10).hashCode());
    }
}
