package org.bedsim.scenario;

import java.util.List;

/**
 * The lever of an inverse search on length of stay: the smallest cut, as a fraction of every stay of some cohorts in
 * one setting (0.1 = each stay 10 % shorter), that meets the target.
 */
public record StayCutSearchSpec(
        @Key(doc = "The setting whose stays are cut.", pattern = Key.NAME)
        String setting,
        @Key(doc = "The cohorts whose stays there are cut; left out, every cohort staying there.", required = false,
                pattern = Key.NAME)
        List<String> cohorts,
        @Key(doc = "The smallest cut tried, a fraction of the stay (e.g. 0).", min = 0, max = 0.95)
        Double low,
        @Key(doc = "The largest cut tried (run first; the search fails if it does not meet the target), e.g. 0.4.",
                min = 0, minExclusive = true, max = 0.95)
        Double high,
        @Key(doc = "The resolution of the answer, e.g. 0.01 (one percentage point).", required = false,
                defaultValue = "0.01", min = 0.0001, max = 0.5)
        Double step) {

    /** Freezes. */
    public StayCutSearchSpec {
        cohorts = cohorts == null ? List.of() : Specs.frozen(cohorts);
    }
}
