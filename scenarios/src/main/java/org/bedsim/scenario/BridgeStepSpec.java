package org.bedsim.scenario;

import java.util.List;

/** One bar of a bed bridge: a driver of the change in beds, made of one or more changes to the scenario. */
public record BridgeStepSpec(
        @Key(doc = "Id of the step, unique in the bridge (outputs use it).", pattern = Key.NAME)
        String id,
        @Key(doc = "Label for people, e.g. Demographic growth (the chart and table show it).")
        String label,
        @Key(doc = "Ids of the sources (in 'sources') of the step's figures.", pattern = Key.NAME, minItems = 1)
        List<String> sources,
        @Key(doc = "When the step takes effect, for the year-by-year trajectory. Left out: from year 1, in full by "
                + "the target year.", required = false)
        PhasingSpec phasing,
        @Key(doc = "What the step changes; each item has exactly one key.", minItems = 1)
        List<ChangeSpec> changes) {

    /** Freezes. */
    public BridgeStepSpec {
        sources = Specs.frozen(sources);
        changes = Specs.frozen(changes);
    }
}
