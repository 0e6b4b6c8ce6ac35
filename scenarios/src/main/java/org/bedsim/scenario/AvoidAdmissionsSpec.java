package org.bedsim.scenario;

/**
 * A share of a cohort's admissions avoided (e.g. by integrated community teams), optionally cared for in another
 * setting instead (step-up into a virtual ward). Combines with an avoidance the cohort already has as independent
 * shares: 1 - (1 - a)(1 - b). Given as a number a year, it is read as a share of the cohort's base-year volume.
 */
public record AvoidAdmissionsSpec(
        @Key(doc = "The cohort whose admissions are avoided.", pattern = Key.NAME)
        String cohort,
        @Key(doc = "Share of its admissions avoided, from 0 to 1. A number or a range [low, high]. Give share or "
                + "per_year, not both.", min = 0, max = 1, required = false)
        ParameterSpec share,
        @Key(doc = "Admissions avoided a year, as a number (e.g. 20071) or a range: read as a share of the cohort's "
                + "base-year volume. Give share or per_year, not both.", min = 0, required = false)
        ParameterSpec perYear,
        @Key(doc = "Setting the avoided patients enter instead (the cohort needs a length of stay there); left "
                + "out, they leave the system.", required = false, pattern = Key.NAME)
        String redirectTo) {
}
