package org.bedsim.scenario;

/**
 * Arrivals of a cohort: the volume a year at the start, shaped over the week and the year by named profiles and
 * grown by the cohort's growth.
 */
public record ArrivalsSpec(
        @Key(doc = "Patients a year at the start (before growth and avoidance).", min = 0, max = 100_000_000)
        Double perYear,
        @Key(doc = "Name of a day-of-week profile (in 'profiles'); flat if left out.", required = false,
                pattern = Key.NAME)
        String dayOfWeek,
        @Key(doc = "Name of a month profile (in 'profiles'); flat if left out.", required = false,
                pattern = Key.NAME)
        String month,
        @Key(doc = "Id of the source (in 'sources') of the volume.", required = false, pattern = Key.NAME)
        String source) {
}
