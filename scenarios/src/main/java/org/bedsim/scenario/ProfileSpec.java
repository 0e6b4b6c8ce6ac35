package org.bedsim.scenario;

import java.util.List;

/**
 * Relative weights of arrivals over the week (seven, Monday first) or the year (twelve, January first); exactly one
 * of the two. Only their ratios matter: they are normalised to a mean of 1.
 */
public record ProfileSpec(
        @Key(doc = "Seven relative weights, Monday first.", required = false, minItems = 7, maxItems = 7, min = 0)
        List<Double> dayOfWeek,
        @Key(doc = "Twelve relative weights, January first.", required = false, minItems = 12, maxItems = 12,
                min = 0)
        List<Double> month,
        @Key(doc = "Id of the source (in 'sources') of these weights.", required = false, pattern = Key.NAME)
        String source) {

    /** Freezes. */
    public ProfileSpec {
        dayOfWeek = dayOfWeek == null ? null : Specs.frozen(dayOfWeek);
        month = month == null ? null : Specs.frozen(month);
    }
}
