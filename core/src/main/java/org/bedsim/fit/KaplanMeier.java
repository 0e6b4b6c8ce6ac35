package org.bedsim.fit;

import java.util.Arrays;

/**
 * The Kaplan-Meier estimate of the survival curve of right-censored stays (Kaplan &amp; Meier 1958): the share still
 * in after {@code t} days, product over event times of (1 - events / at risk).
 *
 * @param times event times, increasing
 * @param survival S just after each time
 * @param n stays, complete and censored
 */
public record KaplanMeier(double[] times, double[] survival, long n) {

    /** @return the curve of the stays in {@code h} */
    public static KaplanMeier of(StayHistogram h) {
        StayHistogram.Points p = h.points();
        long atRisk = h.events() + h.censoredCount();
        double s = 1;
        double[] t = new double[p.x().length];
        double[] surv = new double[p.x().length];
        int k = 0;
        for (int i = 0; i < p.x().length; i++) {
            if (p.d()[i] > 0) {
                s *= 1 - (double) p.d()[i] / atRisk;
                t[k] = p.x()[i];
                surv[k++] = s;
            }
            atRisk -= p.d()[i] + p.c()[i];
        }
        return new KaplanMeier(Arrays.copyOf(t, k), Arrays.copyOf(surv, k), h.events() + h.censoredCount());
    }

    /** @return the estimated share of stays ended by {@code x} days */
    public double cdf(double x) {
        int i = Arrays.binarySearch(times, x);
        int idx = i >= 0 ? i : -i - 2;
        return idx < 0 ? 0 : 1 - survival[idx];
    }

    /** @return the smallest time at which the estimated cdf reaches {@code p}, or NaN if it never does */
    public double quantile(double p) {
        for (int i = 0; i < times.length; i++) {
            if (1 - survival[i] >= p - 1e-12) {
                return times[i];
            }
        }
        return Double.NaN;
    }

    /** @return the highest cdf value the curve reaches (below 1 when the longest stays are censored) */
    public double reached() {
        return survival.length == 0 ? 0 : 1 - survival[survival.length - 1];
    }

    /** @return the restricted mean up to the last event time: the area under the survival curve */
    public double restrictedMean() {
        double area = 0;
        double prev = 0;
        double s = 1;
        for (int i = 0; i < times.length; i++) {
            area += s * (times[i] - prev);
            prev = times[i];
            s = survival[i];
        }
        return area;
    }
}
