package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.assertMatchesReference;
import static org.bedsim.dist.DistTesting.assertMessage;
import static org.bedsim.dist.DistTesting.assertRelative;
import static org.bedsim.dist.DistTesting.assertSamplerFits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogNormalTest {

    static Stream<Arguments> meanSd() {
        return Stream.of(Arguments.of(4.5, 6.0), Arguments.of(2.0, 1.0), Arguments.of(10.0, 25.0),
                Arguments.of(30.0, 12.0), Arguments.of(0.8, 0.4));
    }

    static Stream<Arguments> muSigma() {
        return Stream.of(Arguments.of(1.2, 0.9), Arguments.of(0.0, 0.25), Arguments.of(-1.0, 1.5),
                Arguments.of(3.0, 0.5));
    }

    private static LogNormalDistribution reference(LogNormal d) {
        return new LogNormalDistribution((RandomGenerator) null, d.mu(), d.sigma(), 1e-14);
    }

    @ParameterizedTest
    @MethodSource("meanSd")
    void ofMeanSd_plannerParameters_matchCommonsMath(double mean, double sd) {
        LogNormal d = LogNormal.ofMeanSd(mean, sd);
        // Commons Math 3.6.1 has no closed-form lognormal inverse: its quantile comes from a Brent solver with
        // absolute accuracy 1e-14 (the constructor argument), which is added to the 1e-9 relative tolerance. Our
        // own round trips (cdf(quantile(p)) = p to 1e-12) are checked at full precision.
        assertMatchesReference(d, reference(d), 1e-9, 1e-14);
        assertEquals(mean, d.mean());
        assertEquals(sd, d.sd());
    }

    @ParameterizedTest
    @MethodSource("muSigma")
    void ofMuSigma_logScaleParameters_matchCommonsMath(double mu, double sigma) {
        LogNormal d = LogNormal.ofMuSigma(mu, sigma);
        assertMatchesReference(d, reference(d), 1e-9, 1e-14); // solver-limited, see above
        assertEquals(mu, d.mu());
        assertEquals(sigma, d.sigma());
    }

    @Test
    void ofMeanSd_plannerExample_convertsToMuSigma() {
        LogNormal d = LogNormal.ofMeanSd(4.5, 6);
        double sigma2 = Math.log(1 + 36 / 20.25);
        assertRelative(Math.sqrt(sigma2), d.sigma(), 1e-15, "sigma");
        assertRelative(Math.log(4.5) - sigma2 / 2, d.mu(), 1e-15, "mu");
        // The median of a lognormal is exp(mu).
        assertRelative(Math.exp(d.mu()), d.quantile(0.5), 1e-15, "median");
    }

    @ParameterizedTest
    @MethodSource("meanSd")
    void sampler_seededDraws_fitTheDistribution(double mean, double sd) {
        assertSamplerFits(LogNormal.ofMeanSd(mean, sd), 21L);
    }

    @Test
    void sampler_muSigmaForm_fitsTheDistribution() {
        assertSamplerFits(LogNormal.ofMuSigma(1.2, 0.9), 22L);
    }

    @Test
    void ofMeanSd_badParameters_throwNamingParameterAndValue() {
        assertEquals("lognormal sd must be > 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMeanSd(4.5, -1)).getMessage());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMeanSd(0, 1)),
                "lognormal mean", "> 0", "was 0.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMeanSd(Double.NaN, 1)),
                "lognormal mean", "was NaN");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMeanSd(1, 0)),
                "lognormal sd", "was 0.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMeanSd(1e-300, 1e300)),
                "sigma", "lognormal(mean=1.0E-300, sd=1.0E300)");
    }

    @Test
    void ofMuSigma_badParameters_throwNamingParameterAndValue() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMuSigma(1, 0)),
                "lognormal sigma", "> 0", "was 0.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMuSigma(1, -0.5)),
                "lognormal sigma", "was -0.5");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> LogNormal.ofMuSigma(Double.NEGATIVE_INFINITY, 1)), "lognormal mu", "was -Infinity");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMuSigma(800, 1)),
                "mean", "mu=800.0", "was Infinity");
    }

    @Test
    void scaled_meanSdForm_staysLogNormalInPlannerTerms() {
        LogNormal scaled = LogNormal.ofMeanSd(4.5, 6).scaled(0.8);
        assertRelative(3.6, scaled.mean(), 1e-15, "mean");
        assertRelative(4.8, scaled.sd(), 1e-15, "sd");
        assertRelative(LogNormal.ofMeanSd(4.5, 6).sigma(), scaled.sigma(), 1e-15, "sigma unchanged");
        assertRelative(LogNormal.ofMeanSd(4.5, 6).mu() + Math.log(0.8), scaled.mu(), 1e-14, "mu shifted by ln f");
        assertEquals("lognormal(mean=3.6, sd=4.8)", scaled.describe());
    }

    @Test
    void scaled_muSigmaForm_shiftsMu() {
        LogNormal scaled = LogNormal.ofMuSigma(1, 0.5).scaled(2);
        assertEquals(LogNormal.ofMuSigma(1 + Math.log(2), 0.5), scaled);
        assertRelative(2 * LogNormal.ofMuSigma(1, 0.5).mean(), scaled.mean(), 1e-15, "mean");
        assertRelative(4 * LogNormal.ofMuSigma(1, 0.5).variance(), scaled.variance(), 1e-14, "variance");
    }

    @Test
    void describeAndEquals_twoForms_areDistinguished() {
        assertEquals("lognormal(mean=4.5, sd=6)", LogNormal.ofMeanSd(4.5, 6).describe());
        assertEquals("lognormal(mu=1.2, sigma=0.9)", LogNormal.ofMuSigma(1.2, 0.9).toString());
        assertEquals(LogNormal.ofMeanSd(4.5, 6), LogNormal.ofMeanSd(4.5, 6));
        assertEquals(LogNormal.ofMeanSd(4.5, 6).hashCode(), LogNormal.ofMeanSd(4.5, 6).hashCode());
        LogNormal planner = LogNormal.ofMeanSd(4.5, 6);
        assertNotEquals(planner, LogNormal.ofMuSigma(planner.mu(), planner.sigma()));
    }
}
