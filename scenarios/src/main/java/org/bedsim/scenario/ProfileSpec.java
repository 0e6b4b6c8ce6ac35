package org.bedsim.scenario;

import java.util.List;

/**
 * Relative weights of arrivals over the week (seven, Monday first) or the year (twelve, January first); exactly one
 * of the two. Only their ratios matter: they are normalised to a mean of 1.
 */
public record ProfileSpec(
        @Key(doc = "Seven relative weights, Monday first.", required = false, minItems = 7, maxItems = 7, min = 0,
                max = MAX_WEIGHT)
        List<Double> dayOfWeek,
        @Key(doc = "Twelve relative weights, January first.", required = false, minItems = 12, maxItems = 12,
                min = 0, max = MAX_WEIGHT)
        List<Double> month,
        @Key(doc = "Id of the source (in 'sources') of these weights.", required = false, pattern = Key.NAME)
        String source) {

    /**
     * Largest weight: weights may be counts (admissions in each month of a year), but are normalised by their sum,
     * which must stay a finite number the model can divide by.
     */
    public static final double MAX_WEIGHT = 1e9;

    /** Freezes. */
    public ProfileSpec {
        dayOfWeek = dayOfWeek == null ? null : Specs.frozen(dayOfWeek);
        month = month == null ? null : Specs.frozen(month);
    }
}
