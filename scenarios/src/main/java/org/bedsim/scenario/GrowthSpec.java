package org.bedsim.scenario;

import java.util.Map;

/**
 * Growth of arrivals, compounded yearly from the start: demographic growth by age band (a cohort grows with its
 * {@code age_band}) times non-demographic growth (all cohorts).
 */
public record GrowthSpec(
        @Key(doc = "Demographic growth by age band (e.g. children, adults, older).", required = false,
                keyPattern = Key.NAME)
        Map<String, GrowthRateSpec> byAgeBand,
        @Key(doc = "Growth of all cohorts beyond demography (e.g. rising admission rates).", required = false)
        GrowthRateSpec nonDemographic) {

    /** Freezes. */
    public GrowthSpec {
        byAgeBand = Specs.frozen(byAgeBand);
    }
}
