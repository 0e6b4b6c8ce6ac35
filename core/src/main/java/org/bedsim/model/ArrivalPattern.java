package org.bedsim.model;

import java.util.Arrays;

/**
 * How many patients of a cohort arrive, and when. Non-elective arrivals are a Poisson process whose rate is
 * {@code annualVolume / 365.25} times the day-of-week weight times the month weight, compounded by
 * {@code growthPerYear} from the start of the measured period (the warm-up runs at the start's volume). Elective
 * arrivals are booked on working days (Monday to Friday): the same annual volume, month weights and growth, spread
 * over the working days.
 *
 * @param annualVolume patients a year at the start, &gt;= 0
 * @param dayOfWeek seven relative weights, Monday first; normalised to mean 1 (all 1 when flat)
 * @param month twelve relative weights, January first; normalised over the days of an average year (February has
 *     28.25 days), so the weighted mean over the 365.25 days is 1 and an uneven profile keeps the annual volume
 * @param growthPerYear compound growth a year, e.g. 0.02 for 2 %; &gt; -1
 */
public record ArrivalPattern(double annualVolume, double[] dayOfWeek, double[] month, double growthPerYear) {

    private static final double[] FLAT7 = {1, 1, 1, 1, 1, 1, 1};
    private static final double[] FLAT12 = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    /** Validates, copies and normalises the weights. */
    public ArrivalPattern {
        if (!(annualVolume >= 0) || Double.isInfinite(annualVolume)) {
            throw new IllegalArgumentException("annual volume must be a finite number >= 0, was " + annualVolume);
        }
        dayOfWeek = normalised(dayOfWeek == null ? FLAT7 : dayOfWeek, 7, "day-of-week");
        month = normalisedOverDays(month == null ? FLAT12 : month);
        if (!(growthPerYear > -1) || Double.isInfinite(growthPerYear)) {
            throw new IllegalArgumentException("growth per year must be a finite number > -1, was " + growthPerYear);
        }
    }

    /** @return a flat pattern with no growth */
    public static ArrivalPattern flat(double annualVolume) {
        return new ArrivalPattern(annualVolume, null, null, 0);
    }

    /** Days of each month in an average Gregorian-cycle year of 365.25 days (a leap day every fourth year). */
    static final double[] DAYS_IN_MONTH = {31, 28.25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /**
     * Month weights scaled so that {@code sum(w[m] * days[m]) == 365.25}: a day's rate is the annual volume / 365.25
     * times its month's weight, so a year's arrivals are the annual volume whatever the profile's shape. (Normalising
     * to a mean of 1 over months instead would lose 6 % of the year with all the weight on February.)
     */
    private static double[] normalisedOverDays(double[] weights) {
        double[] w = normalised(weights, 12, "month");
        double dayWeighted = 0;
        for (int m = 0; m < 12; m++) {
            dayWeighted += w[m] * DAYS_IN_MONTH[m];
        }
        double scale = 365.25 / dayWeighted;
        for (int m = 0; m < 12; m++) {
            w[m] *= scale;
        }
        return w;
    }

    private static double[] normalised(double[] weights, int n, String what) {
        if (weights.length != n) {
            throw new IllegalArgumentException("a " + what + " profile needs " + n + " weights, has " + weights.length);
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(what + " weights must be finite numbers >= 0, found " + w);
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException(what + " weights must not all be 0");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = weights[i] * n / sum;
        }
        return out;
    }

    @Override
    public double[] dayOfWeek() {
        return dayOfWeek.clone();
    }

    @Override
    public double[] month() {
        return month.clone();
    }

    /** @return a copy whose volume is multiplied by {@code factor} */
    public ArrivalPattern scaled(double factor) {
        return new ArrivalPattern(annualVolume * factor, dayOfWeek, month, growthPerYear);
    }

    /** @return a copy with another growth rate */
    public ArrivalPattern withGrowth(double growth) {
        return new ArrivalPattern(annualVolume, dayOfWeek, month, growth);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrivalPattern p && Double.compare(annualVolume, p.annualVolume) == 0
                && Arrays.equals(dayOfWeek, p.dayOfWeek) && Arrays.equals(month, p.month)
                && Double.compare(growthPerYear, p.growthPerYear) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(annualVolume) * 31 + Arrays.hashCode(dayOfWeek) * 17 + Arrays.hashCode(month);
    }

    @Override
    public String toString() {
        return "ArrivalPattern[annualVolume=" + annualVolume + ", dayOfWeek=" + Arrays.toString(dayOfWeek)
                + ", month=" + Arrays.toString(month) + ", growthPerYear=" + growthPerYear + "]";
    }
}
