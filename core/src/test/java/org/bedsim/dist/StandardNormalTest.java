package org.bedsim.dist;

import static org.bedsim.dist.DistTesting.assertRelative;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class StandardNormalTest {

    @Test
    void cdfAndQuantile_plannerProbabilities_matchCommonsMath() {
        NormalDistribution reference = new NormalDistribution((RandomGenerator) null, 0, 1, 1e-12);
        for (double p : DistTesting.PROBABILITIES) {
            // Commons Math inverts through erfInv in closed form: no solver limit here.
            assertRelative(reference.inverseCumulativeProbability(p), StandardNormal.quantile(p), 1e-12,
                    "quantile(" + p + ")");
            double z = StandardNormal.quantile(p);
            assertRelative(reference.cumulativeProbability(z), StandardNormal.cdf(z), 1e-12, "cdf(" + z + ")");
        }
    }

    @Test
    void quantile_farTails_roundTripsToFullPrecision() {
        double[] tails = {1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.3, 0.5};
        for (double p : tails) {
            // d ln(Phi)/dz is about |z|, so a relative error e in z shows as |z|^2 e in p: about 1e-12 at 1e-300.
            assertRelative(p, StandardNormal.cdf(StandardNormal.quantile(p)), 1e-12, "lower tail " + p);
            if (p >= 1e-10) { // 1 - p must still be distinguishable from 1
                assertRelative(-StandardNormal.quantile(p), StandardNormal.quantile(1 - p), 1e-6, "symmetry " + p);
            }
        }
        assertRelative(0.999999, StandardNormal.cdf(StandardNormal.quantile(0.999999)), 1e-15, "upper tail");
    }
}
