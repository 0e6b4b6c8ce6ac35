package org.bedsim.scenario;

import java.util.List;

/**
 * A change to lengths of stay in one setting, for one cohort, a list of cohorts or all of them: by a fraction of the
 * mean (the whole distribution scaled), a cap, a replacement distribution (e.g. the peer upper quartile), or
 * several of these (replace, then scale, then cap). A range on the change is drawn once for all the cohorts listed.
 */
public record LengthOfStayChangeSpec(
        @Key(doc = "The cohort whose stays change (or use cohorts; leave both out for every cohort).",
                required = false, pattern = Key.NAME)
        String cohort,
        @Key(doc = "The cohorts whose stays change (or use cohort; leave both out for every cohort).",
                required = false, pattern = Key.NAME, minItems = 1)
        List<String> cohorts,
        @Key(doc = "The setting whose stays change.", pattern = Key.NAME)
        String setting,
        @Key(doc = "Change of the mean stay as a fraction, e.g. -0.2 for 20 % shorter. A number or a range "
                + "[low, high].", required = false, min = -1, minExclusive = true, max = 10)
        ParameterSpec change,
        @Key(doc = "Stays longer than this many days are cut to it.", required = false, min = 0,
                minExclusive = true, max = 36_500)
        Double cap,
        @Key(doc = "A new length-of-stay distribution (same format as a cohort's los).", required = false)
        DistributionSpec replace) {

    /** Freezes. */
    public LengthOfStayChangeSpec {
        cohorts = cohorts == null ? null : Specs.frozen(cohorts);
    }
}
