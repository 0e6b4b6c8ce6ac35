package org.bedsim.scenario;

/**
 * A routing-share change as a bridge step: of the patients routed from {@code setting} to {@code from}, a share go to
 * {@code to} instead (Home First, discharge to assess, step-down: home or community instead of a bed).
 */
public record ShiftRoutingSpec(
        @Key(doc = "The cohort whose routing changes; left out, every cohort with that route.", required = false,
                pattern = Key.NAME)
        String cohort,
        @Key(doc = "The setting patients leave.", pattern = Key.NAME)
        String setting,
        @Key(doc = "Where they go now (a setting or sink of the routing).", pattern = Key.NAME)
        String from,
        @Key(doc = "Where the share goes instead (a setting the cohort has a stay in, or a sink).", pattern = Key.NAME)
        String to,
        @Key(doc = "Share of the route's patients moved, from 0 to 1. A number or a range [low, high].", min = 0,
                max = 1)
        ParameterSpec share) {
}
