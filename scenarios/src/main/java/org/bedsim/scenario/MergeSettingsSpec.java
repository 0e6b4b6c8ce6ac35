package org.bedsim.scenario;

import java.util.List;

/**
 * Settings merged into one of them: every cohort's stays, routing and entry that named a merged setting name the one
 * merged into, whose beds become {@code beds} (or the sum of the merged settings' beds), and the bridge counts it in
 * their place.
 */
public record MergeSettingsSpec(
        @Key(doc = "The settings merged, two or more, including the one merged into.", pattern = Key.NAME,
                minItems = 2)
        List<String> settings,
        @Key(doc = "The setting they are merged into, one of settings.", pattern = Key.NAME)
        String into,
        @Key(doc = "Beds of the merged setting (only matters with unconstrained: false); default: the sum of the "
                + "merged settings' beds.", required = false, min = 0, max = 1_000_000)
        Integer beds) {

    /** Freezes. */
    public MergeSettingsSpec {
        settings = Specs.frozen(settings);
    }
}
