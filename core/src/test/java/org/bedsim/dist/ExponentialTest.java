package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.assertMatchesReference;
import static org.bedsim.dist.DistTesting.assertMessage;
import static org.bedsim.dist.DistTesting.assertSamplerFits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExponentialTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.5, 4.5, 30})
    void momentsCdfQuantile_variousMeans_matchCommonsMath(double mean) {
        // Commons Math inverts the exponential in closed form, so 1e-9 applies to quantiles too.
        assertMatchesReference(Exponential.ofMean(mean),
                new ExponentialDistribution((RandomGenerator) null, mean, 1e-12), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 4.5, 30})
    void sampler_seededDraws_fitTheDistribution(double mean) {
        assertSamplerFits(Exponential.ofMean(mean), 11L);
    }

    @Test
    void cdfAndQuantile_atSupportEdges_areZeroAndInfinity() {
        Exponential e = Exponential.ofMean(2);
        assertEquals(0, e.cdf(-1));
        assertEquals(0, e.cdf(0));
        assertEquals(0, e.quantile(0));
        assertEquals(Double.POSITIVE_INFINITY, e.quantile(1));
        assertEquals(1, e.cdf(Double.POSITIVE_INFINITY));
    }

    @Test
    void ofMean_nonPositiveOrNonFinite_throwsNamingMeanAndValue() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Exponential.ofMean(0)),
                "exponential mean", "> 0", "was 0.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Exponential.ofMean(-2.5)),
                "exponential mean", "was -2.5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Exponential.ofMean(Double.NaN)),
                "exponential mean", "finite", "was NaN");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Exponential.ofMean(Double.POSITIVE_INFINITY)), "exponential mean", "was Infinity");
    }

    @Test
    void quantile_probabilityOutsideUnitInterval_throws() {
        Exponential e = Exponential.ofMean(2);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> e.quantile(1.5)), "probability", "1.5");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> e.quantile(-0.1)), "probability", "-0.1");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> e.quantile(Double.NaN)), "probability",
                "NaN");
    }

    @Test
    void scaled_positiveFactor_returnsExponentialWithScaledMean() {
        Exponential scaled = Exponential.ofMean(4).scaled(0.75);
        assertEquals(Exponential.ofMean(3), scaled);
        assertEquals(9, scaled.variance());
    }

    @Test
    void describeEqualsHashCode_sameMean_agree() {
        assertEquals("exponential(mean=4.5)", Exponential.ofMean(4.5).describe());
        assertEquals("exponential(mean=6)", Exponential.ofMean(6).toString());
        assertEquals(Exponential.ofMean(4.5), Exponential.ofMean(4.5));
        assertEquals(Exponential.ofMean(4.5).hashCode(), Exponential.ofMean(4.5).hashCode());
    }
}
