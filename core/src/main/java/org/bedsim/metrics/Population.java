package org.bedsim.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * The population of an age band by year, a denominator of rates per 100,000. Official projections come on a calendar
 * year (ONS mid-year estimates, used for the adults denominator of delayed transfers) or a financial year (used for
 * the 65+ denominator of care-home admissions); a period takes the figure of the year it starts in, on that basis.
 *
 * @param band the age band's id, e.g. {@code adults}
 * @param basis calendar or financial years
 * @param byYear people by year (the financial year's first calendar year, 2016 for 2016/17)
 */
public record Population(String band, YearBasis basis, Map<Integer, Double> byYear) {

    /** How years are counted. */
    public enum YearBasis {
        /** January to December. */
        CALENDAR,
        /** April to March, named by its first year. */
        FINANCIAL
    }

    /** Validates and freezes (in year order). */
    public Population {
        byYear = java.util.Collections.unmodifiableMap(new TreeMap<>(byYear));
        for (Map.Entry<Integer, Double> e : byYear.entrySet()) {
            if (!(e.getValue() > 0) || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("population of " + band + " in " + e.getKey()
                        + " must be a positive number, was " + e.getValue());
            }
        }
    }

    /** @return the denominator for a quarter, or NaN if the year is not given */
    public double of(FinancialQuarter q) {
        Double v = byYear.get(basis == YearBasis.CALENDAR ? q.calendarYear() : q.year());
        return v == null ? Double.NaN : v;
    }

    /** @return the denominator for a financial year (its first quarter's), or NaN if not given */
    public double ofFinancialYear(int year) {
        return of(new FinancialQuarter(year, 1));
    }
}
