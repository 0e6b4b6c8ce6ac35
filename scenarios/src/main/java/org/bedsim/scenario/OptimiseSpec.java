package org.bedsim.scenario;

/**
 * A search for the fewest beds in one setting of one option that meet a target (its mean), by bisection between a
 * number of beds too few and one that is enough; every capacity tried runs on the same random streams. The setting's
 * capacity timeline is replaced by a constant number of beds.
 */
public record OptimiseSpec(
        @Key(doc = "The option searched (or the base's name).", pattern = Key.NAME)
        String option,
        @Key(doc = "The setting whose beds are searched.", pattern = Key.NAME)
        String setting,
        @Key(doc = "The name of the target to meet (in targets).", pattern = Key.NAME)
        String target,
        @Key(doc = "Beds known or assumed too few (not run).", min = 0, max = 1_000_000)
        Integer low,
        @Key(doc = "Beds that meet the target (run first; the search fails if they do not).", min = 1,
                max = 1_000_000)
        Integer high) {
}
