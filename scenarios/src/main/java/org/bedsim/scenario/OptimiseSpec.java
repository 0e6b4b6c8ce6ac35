package org.bedsim.scenario;

/**
 * A search for the value of one lever of one option that just meets a target (its mean), on the same random streams
 * for every value tried (common random numbers), by bisection:
 * <ul>
 *   <li>beds (setting, low, high): the fewest beds in a setting (its capacity timeline replaced by a constant);</li>
 *   <li>{@code stay_cut}: the smallest cut in the length of stay of some cohorts in a setting;</li>
 *   <li>{@code arrivals}: the most arrivals a year of some cohorts.</li>
 * </ul>
 */
public record OptimiseSpec(
        @Key(doc = "The option searched (or the base's name).", pattern = Key.NAME)
        String option,
        @Key(doc = "Bed search: the setting whose beds are searched.", required = false, pattern = Key.NAME)
        String setting,
        @Key(doc = "The name of the target to meet (in targets).", pattern = Key.NAME)
        String target,
        @Key(doc = "Bed search: beds known or assumed too few (not run).", required = false, min = 0,
                max = 1_000_000)
        Integer low,
        @Key(doc = "Bed search: beds that meet the target (run first; the search fails if they do not).",
                required = false, min = 1, max = 1_000_000)
        Integer high,
        @Key(doc = "Instead of beds: the smallest cut in length of stay meeting the target (e.g. 12-hour waits "
                + "under 2 % of admissions).", required = false)
        StayCutSearchSpec stayCut,
        @Key(doc = "Instead of beds: the most arrivals a year meeting the target (e.g. a queue on at most 10 % of "
                + "days).", required = false)
        ArrivalsSearchSpec arrivals) {
}
