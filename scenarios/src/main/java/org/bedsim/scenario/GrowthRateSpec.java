package org.bedsim.scenario;

/**
 * A growth rate, given either per year or as a total over some years (as published, e.g. +11.1 % over five years);
 * exactly one of {@code per_year} and the pair {@code total}, {@code over_years}.
 */
public record GrowthRateSpec(
        @Key(doc = "Compound growth a year, e.g. 0.02 for 2 %.", required = false, min = -1, minExclusive = true,
                max = 1)
        Double perYear,
        @Key(doc = "Total growth over 'over_years' years, e.g. 0.111 for +11.1 %.", required = false, min = -1,
                minExclusive = true, max = 10)
        Double total,
        @Key(doc = "The years 'total' is spread over.", required = false, min = 0, minExclusive = true, max = 100)
        Double overYears,
        @Key(doc = "Id of the source (in 'sources') of this rate.", required = false, pattern = Key.NAME)
        String source) {

    /** @return the compound rate a year (given or derived from the total), or null if not given */
    public Double effectivePerYear() {
        if (perYear != null) {
            return perYear;
        }
        if (total != null && overYears != null) {
            return Math.pow(1 + total, 1 / overYears) - 1;
        }
        return null;
    }
}
