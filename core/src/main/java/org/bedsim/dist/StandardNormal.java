package org.bedsim.dist;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal cdf and quantile, used by {@link LogNormal} and as the starting guess of the
 * {@link Gamma} quantile solver.
 *
 * <p>Implementation notes. The cdf is {@code erfc(-z/sqrt 2)/2}, which keeps full relative precision in the lower
 * tail (Commons Math computes erfc through the regularized incomplete gamma function). The quantile starts from
 * Commons Math's {@code erfcInv}, which in 3.6.1 is {@code erfInv(1 - x)} (Giles 2010 approximation) and therefore
 * loses relative precision in the tails; a few Newton steps on the tail probability, {@code Phi(z) = p} for
 * {@code p < 1/2} and {@code Phi(-z) = 1 - p} otherwise ({@code 1 - p} is exact there), restore it to a few ulp.
 */
final class StandardNormal {
    private static final double SQRT2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private StandardNormal() {
    }

    /** @return P(Z &lt;= z) */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /**
     * @param p a probability strictly between 0 and 1
     * @return z with P(Z &lt;= z) = p
     */
    static double quantile(double p) {
        if (p > 0.5) {
            return -lowerTailQuantile(1 - p); // 1 - p is exact for p in [0.5, 1]
        }
        return lowerTailQuantile(p);
    }

    /** @return z &lt;= 0 with Phi(z) = p, for 0 &lt; p &lt;= 1/2 */
    private static double lowerTailQuantile(double p) {
        double z = -SQRT2 * Erf.erfcInv(2 * p);
        if (!Double.isFinite(z)) {
            // 1 - 2p rounded to 1: start from the asymptotic tail expansion instead.
            double t = -2 * Math.log(p);
            z = -Math.sqrt(t - Math.log(t) - Math.log(2 * Math.PI));
        }
        for (int i = 0; i < 4; i++) {
            double step = (cdf(z) - p) / density(z);
            if (!Double.isFinite(step)) {
                break;
            }
            z -= step;
            if (Math.abs(step) <= 1e-15 * Math.abs(z)) {
                break;
            }
        }
        return z;
    }
}
