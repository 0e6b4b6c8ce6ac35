package org.bedsim.scenario;

/** The scenario an options file changes, and how the comparison names it. */
public record BaseSpec(
        @Key(doc = "The base scenario file (.yaml, .yml or .json), relative to the options file.")
        String scenario,
        @Key(doc = "The base option's name in the outputs, e.g. three-sites.", pattern = Key.NAME)
        String name,
        @Key(doc = "What the base option is, for readers.", required = false)
        String description) {
}
