package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.assertMatchesReference;
import static org.bedsim.dist.DistTesting.assertMessage;
import static org.bedsim.dist.DistTesting.assertSamplerFits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TriangularTest {

    static Stream<Arguments> parameters() {
        return Stream.of(Arguments.of(1.0, 3.0, 14.0), Arguments.of(0.0, 0.0, 10.0), Arguments.of(2.0, 7.0, 7.0),
                Arguments.of(0.5, 1.0, 30.0), Arguments.of(4.0, 5.0, 6.0));
    }

    @ParameterizedTest
    @MethodSource("parameters")
    void momentsCdfQuantile_variousShapes_matchCommonsMath(double min, double mode, double max) {
        // Commons Math inverts the triangular cdf in closed form: 1e-9 for quantiles too.
        assertMatchesReference(Triangular.of(min, mode, max),
                new TriangularDistribution((RandomGenerator) null, min, mode, max), 1e-9);
    }

    @ParameterizedTest
    @MethodSource("parameters")
    void sampler_seededDraws_fitTheDistribution(double min, double mode, double max) {
        assertSamplerFits(Triangular.of(min, mode, max), 61L);
    }

    @Test
    void cdfAndQuantile_atModeAndBounds_areExact() {
        Triangular t = Triangular.of(1, 3, 5);
        assertEquals(0.5, t.cdf(3));
        assertEquals(3, t.quantile(0.5));
        assertEquals(1, t.quantile(0));
        assertEquals(5, t.quantile(1));
        assertEquals(0, t.cdf(1));
        assertEquals(1, t.cdf(5));
        // degenerate sides: mode at either bound
        assertEquals(1, Triangular.of(2, 7, 7).cdf(7));
        assertEquals(0, Triangular.of(0, 0, 10).cdf(0));
    }

    @Test
    void of_badParameters_throwNamingParameterAndValue() {
        assertEquals("triangular mode must be in [min, max] = [1.0, 5.0], was 7.0",
                assertThrows(IllegalArgumentException.class, () -> Triangular.of(1, 7, 5)).getMessage());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Triangular.of(-1, 2, 5)),
                "triangular min", ">= 0", "was -1.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Triangular.of(5, 5, 5)),
                "triangular max", "> min (5.0)", "was 5.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Triangular.of(1, Double.NaN, 5)),
                "triangular mode", "was NaN");
    }

    @Test
    void scaled_positiveFactor_scalesAllThreePoints() {
        assertEquals(Triangular.of(2, 6, 28), Triangular.of(1, 3, 14).scaled(2));
    }

    @Test
    void describeEqualsHashCode_sameParameters_agree() {
        assertEquals("triangular(min=1, mode=3, max=14)", Triangular.of(1, 3, 14).describe());
        assertEquals(Triangular.of(1, 3, 14), Triangular.of(1, 3, 14));
        assertEquals(Triangular.of(1, 3, 14).hashCode(), Triangular.of(1, 3, 14).hashCode());
    }
}
