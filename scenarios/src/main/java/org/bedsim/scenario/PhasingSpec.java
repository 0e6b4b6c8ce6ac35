package org.bedsim.scenario;

/**
 * When a bridge step takes effect, in years after the base year: nothing before {@code from_year}, a linear ramp up
 * to its full effect in {@code full_year}. Changes of structure (merged settings, capacity) apply once the ramp is
 * half way.
 */
public record PhasingSpec(
        @Key(doc = "First year with an effect (1 = the year after the base year).", required = false,
                defaultValue = "1", min = 1, max = 200)
        Integer fromYear,
        @Key(doc = "Year of the full effect, from from_year to the bridge's years (target_year - base_year). "
                + "Default: the target year.", required = false, min = 1, max = 200)
        Integer fullYear) {
}
