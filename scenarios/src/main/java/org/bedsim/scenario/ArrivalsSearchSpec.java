package org.bedsim.scenario;

import java.util.List;

/**
 * The lever of an inverse search on demand: the most arrivals a year of some cohorts together (each cohort's volume
 * scaled by the same factor, so the same patients arrive, closer together) that still meet the target.
 */
public record ArrivalsSearchSpec(
        @Key(doc = "The cohorts whose arrivals are scaled together; left out, every non-elective cohort.",
                required = false, pattern = Key.NAME)
        List<String> cohorts,
        @Key(doc = "The fewest arrivals a year tried, those cohorts together (run first; the search fails if it "
                + "does not meet the target).", min = 1, max = 1e9)
        Double low,
        @Key(doc = "The most arrivals a year tried.", min = 1, max = 1e9)
        Double high,
        @Key(doc = "The resolution of the answer, arrivals a year, e.g. 100.", required = false, defaultValue = "100",
                min = 1, max = 1e8)
        Double step) {

    /** Freezes. */
    public ArrivalsSearchSpec {
        cohorts = cohorts == null ? List.of() : Specs.frozen(cohorts);
    }
}
