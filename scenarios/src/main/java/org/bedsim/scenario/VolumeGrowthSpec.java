package org.bedsim.scenario;

/** Growth of arrivals beyond demography (e.g. rising admission rates), compounded yearly. */
public record VolumeGrowthSpec(
        @Key(doc = "Growth a year, e.g. 0.01 for 1 %. A number or a range [low, high].", min = -1,
                minExclusive = true, max = 1)
        ParameterSpec perYear,
        @Key(doc = "Years it compounds over. Default: the bridge's years (target_year - base_year).",
                required = false, min = 1, max = 100)
        Double years,
        @Key(doc = "The cohort that grows; left out, every cohort.", required = false, pattern = Key.NAME)
        String cohort) {
}
