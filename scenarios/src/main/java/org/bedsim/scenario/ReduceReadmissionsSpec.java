package org.bedsim.scenario;

/** Readmissions reduced as a bridge step: a cohort's chance of returning cut by a share of itself. */
public record ReduceReadmissionsSpec(
        @Key(doc = "The cohort whose readmissions fall; left out, every cohort with readmissions.", required = false,
                pattern = Key.NAME)
        String cohort,
        @Key(doc = "Share by which the chance of readmission falls, from 0 to 1 (0.2: 10 % becomes 8 %). A number "
                + "or a range [low, high].", min = 0, max = 1)
        ParameterSpec share) {
}
