package org.bedsim.scenario;

/** A chance that a patient discharged to a sink returns, within some days, as a new admission of a cohort. */
public record ReadmissionSpec(
        @Key(doc = "Chance of returning.", min = 0, max = 1)
        Double probability,
        @Key(doc = "The return happens uniformly within this many days of discharge.", min = 0, minExclusive = true,
                max = 3650)
        Double withinDays,
        @Key(doc = "The cohort the returning patient joins (its entry, stays and routing).", pattern = Key.NAME)
        String cohort,
        @Key(doc = "Id of the source (in 'sources') of this chance.", required = false, pattern = Key.NAME)
        String source) {
}
