package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.assertMatchesReference;
import static org.bedsim.dist.DistTesting.assertMessage;
import static org.bedsim.dist.DistTesting.assertSamplerFits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UniformTest {

    static Stream<Arguments> bounds() {
        return Stream.of(Arguments.of(0.0, 1.0), Arguments.of(2.0, 9.0), Arguments.of(0.25, 0.75),
                Arguments.of(5.0, 12.0));
    }

    @ParameterizedTest
    @MethodSource("bounds")
    void momentsCdfQuantile_variousBounds_matchCommonsMath(double min, double max) {
        assertMatchesReference(Uniform.of(min, max), new UniformRealDistribution((RandomGenerator) null, min, max),
                1e-9);
    }

    @ParameterizedTest
    @MethodSource("bounds")
    void sampler_seededDraws_fitTheDistribution(double min, double max) {
        assertSamplerFits(Uniform.of(min, max), 51L);
    }

    @Test
    void cdfAndQuantile_atBounds_areExact() {
        Uniform u = Uniform.of(2, 6);
        assertEquals(0, u.cdf(2));
        assertEquals(1, u.cdf(6));
        assertEquals(0.25, u.cdf(3));
        assertEquals(2, u.quantile(0));
        assertEquals(6, u.quantile(1));
    }

    @Test
    void of_badBounds_throwNamingParameterAndValue() {
        assertEquals("uniform min must be >= 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> Uniform.of(-1, 2)).getMessage());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Uniform.of(3, 3)),
                "uniform max", "> min (3.0)", "was 3.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Uniform.of(3, 1)), "uniform max", "was 1.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Uniform.of(0, Double.NaN)),
                "uniform max", "was NaN");
    }

    @Test
    void scaled_positiveFactor_scalesBothBounds() {
        assertEquals(Uniform.of(1, 3), Uniform.of(2, 6).scaled(0.5));
    }

    @Test
    void describeEqualsHashCode_sameBounds_agree() {
        assertEquals("uniform(min=1, max=5.5)", Uniform.of(1, 5.5).describe());
        assertEquals(Uniform.of(1, 5.5), Uniform.of(1, 5.5));
        assertEquals(Uniform.of(1, 5.5).hashCode(), Uniform.of(1, 5.5).hashCode());
    }
}
