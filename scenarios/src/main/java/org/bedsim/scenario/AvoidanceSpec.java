package org.bedsim.scenario;

/** A share of a cohort's arrivals avoided, and optionally where they are cared for instead. */
public record AvoidanceSpec(
        @Key(doc = "Share of arrivals avoided.", min = 0, max = 1)
        Double share,
        @Key(doc = "Setting the avoided patients enter instead (e.g. a virtual ward, step-up); left out, they "
                + "leave the system.", required = false, pattern = Key.NAME)
        String redirectTo,
        @Key(doc = "Id of the source (in 'sources') of the share.", required = false, pattern = Key.NAME)
        String source) {
}
