package org.bedsim.scenario;

/** The two ways beds required are counted: mean demand over a target occupancy, and a percentile of demand. */
public record TargetsSpec(
        @Key(doc = "Target mean occupancy: beds required (mean method) = mean demand / occupancy, e.g. 0.92.",
                min = 0, minExclusive = true, max = 1)
        Double occupancy,
        @Key(doc = "Share of days demand may exceed the beds: beds required (percentile method) is the smallest "
                + "number of beds midnight demand exceeds on at most this share of days, e.g. 0.05.",
                min = 0, minExclusive = true, max = 1, maxExclusive = true)
        Double riskShareOfDays,
        @Key(doc = "Id of the source (in 'sources') of these targets.", required = false, pattern = Key.NAME)
        String source) {
}
