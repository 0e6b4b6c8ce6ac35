package org.bedsim.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.bedsim.dist.Distribution;
import org.bedsim.dist.Gamma;
import org.bedsim.dist.LogNormal;
import org.bedsim.dist.Weibull;
import org.junit.jupiter.api.Test;

class StayFitTest {

    /** Stays admitted uniformly over a year, cut at the year's end: open stays censored, or dropped (naive). */
    private static StayHistogram[] extract(Distribution d, int n, long seed) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        StayHistogram censored = new StayHistogram();
        StayHistogram naive = new StayHistogram();
        for (int i = 0; i < n; i++) {
            double admitted = 365 * rng.nextDouble();
            double stay = d.quantile(rng.nextDouble());
            if (admitted + stay > 365) {
                censored.addCensored(365 - admitted);
            } else {
                censored.add(stay);
                naive.add(stay);
            }
        }
        return new StayHistogram[] {censored, naive};
    }

    @Test
    void lognormal_censoredExtract_recoversFamilyAndParameters_naiveIsBiased() {
        StayHistogram[] h = extract(LogNormal.ofMeanSd(20, 30), 20_000, 1);
        StayFit.Result r = StayFit.fit(h[0]);
        assertEquals(StayFamily.LOGNORMAL, r.best().family());
        assertTrue(r.fitsWell());
        assertTrue(r.censored() > 500, "a real share of stays is open at the cut: " + r.censored());
        assertInside(20, r.best().low()[0], r.best().high()[0], "mean");
        assertInside(30, r.best().low()[1], r.best().high()[1], "sd");
        StayFit.Result naive = StayFit.fit(h[1]);
        assertTrue(naive.best().meanHigh() < 20 * 0.95, "dropping open stays biases the mean down: "
                + naive.best().meanHigh());
    }

    @Test
    void gammaAndWeibull_areChosenByAic_withParametersInsideTheirIntervals() {
        StayFit.Result g = StayFit.fit(extract(Gamma.ofMeanSd(6, 4), 10_000, 2)[0]);
        assertEquals(StayFamily.GAMMA, g.best().family());
        assertInside(6, g.best().low()[0], g.best().high()[0], "gamma mean");
        assertInside(4, g.best().low()[1], g.best().high()[1], "gamma sd");
        StayFit.Result w = StayFit.fit(extract(Weibull.ofShapeScale(0.8, 5), 10_000, 3)[0]);
        assertEquals(StayFamily.WEIBULL, w.best().family());
        assertInside(0.8, w.best().low()[0], w.best().high()[0], "weibull shape");
        assertInside(5, w.best().low()[1], w.best().high()[1], "weibull scale");
        StayFit.Result e = StayFit.fit(extract(Gamma.ofMeanSd(3, 3), 10_000, 4)[0]);
        StayFit.FamilyFit exp = e.fits().stream().filter(f -> f.family() == StayFamily.EXPONENTIAL).findFirst()
                .orElseThrow();
        assertInside(3, exp.low()[0], exp.high()[0], "exponential mean (gamma with sd = mean)");
    }

    @Test
    void twoPeaks_noFamilyFits_andKaplanMeierTakesOver() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5);
        StayHistogram h = new StayHistogram();
        for (int i = 0; i < 10_000; i++) {
            h.add(rng.nextDouble() < 0.5 ? 0.3 + 0.2 * rng.nextDouble() : 20 + 5 * rng.nextDouble());
        }
        StayFit.Result r = StayFit.fit(h);
        assertFalse(r.fitsWell(), "distance " + r.best().distance() + " tolerance " + r.tolerance());
        assertEquals(0.5, r.curve().cdf(10), 0.02);
        assertTrue(r.curve().quantile(0.75) > 20 && r.curve().quantile(0.75) < 25);
    }

    @Test
    void kaplanMeier_withCensoring_matchesTheTruth() {
        StayHistogram h = extract(LogNormal.ofMeanSd(20, 30), 20_000, 6)[0];
        KaplanMeier km = KaplanMeier.of(h);
        LogNormal truth = LogNormal.ofMeanSd(20, 30);
        for (double x : new double[] {2, 10, 30, 90}) {
            assertEquals(truth.cdf(x), km.cdf(x), 0.015, "at " + x);
        }
    }

    @Test
    void empty_hasNoFit() {
        assertEquals(null, StayFit.fit(new StayHistogram()));
    }

    static void assertInside(double truth, double low, double high, String what) {
        assertTrue(low <= truth && truth <= high, what + ": " + truth + " not in [" + low + ", " + high + "]");
    }
}
