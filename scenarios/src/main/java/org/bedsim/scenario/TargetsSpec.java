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
        @Key(doc = "The first threshold waits for a bed are counted against, hours from the arrival (the decision "
                + "to admit) to the bed: the share and number of admitted patients who waited longer.",
                required = false, defaultValue = "4", min = 0, minExclusive = true, max = 8760)
        Double waitStandardHours,
        @Key(doc = "The second (long-wait) threshold, hours, above wait_standard_hours: its share and number, and "
                + "the share of days on which someone had waited longer.", required = false, defaultValue = "12",
                min = 0, minExclusive = true, max = 8760)
        Double waitLongHours,
        @Key(doc = "Id of the source (in 'sources') of these targets.", required = false, pattern = Key.NAME)
        String source) {

    /** @return the wait thresholds, defaults filled in */
    public org.bedsim.model.WaitThresholds waits() {
        return new org.bedsim.model.WaitThresholds(waitStandardHours == null ? 4 : waitStandardHours,
                waitLongHours == null ? 12 : waitLongHours);
    }
}
