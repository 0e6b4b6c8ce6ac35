package org.bedsim.scenario;

import java.util.List;

/**
 * A bed bridge: from the beds the scenario needs in the base year to the beds it needs in the target year, one bar
 * (step) at a time. The base configuration is the scenario itself; each step changes its inputs (growth, avoided
 * admissions, lengths of stay, merged sites, capacity, occupancy target). The bridge runs the scenario's
 * replications and seed ({@code run}, or the command line's).
 */
public record BridgeSpec(
        @Key(doc = "Label of the base year: 2016 means the financial year 2016/17.", min = 1900, max = 2200)
        Integer baseYear,
        @Key(doc = "Label of the target year, after the base year: 2020 means 2020/21. The bridge spans "
                + "target_year - base_year years, the trajectory one point a year.", min = 1900, max = 2200)
        Integer targetYear,
        @Key(doc = "Which settings' beds the bridge counts, and how.")
        BridgeCountSpec count,
        @Key(doc = "true: count demand, with unlimited beds in every setting (the settings' beds do not matter); "
                + "false: run the settings with their beds (queues and delays included).", required = false,
                defaultValue = "true")
        Boolean unconstrained,
        @Key(doc = "How the order-independent attribution (Shapley values) is computed.", required = false,
                defaultValue = "{\"max_exact_steps\": 10, \"sampled_orderings\": 200}")
        ShapleySpec shapley,
        @Key(doc = "The bars, in order: each step is added to the ones before it.", minItems = 1)
        List<BridgeStepSpec> steps) {

    /** Default of {@code unconstrained}. */
    public static final boolean DEFAULT_UNCONSTRAINED = true;

    /** Freezes. */
    public BridgeSpec {
        steps = Specs.frozen(steps);
    }

    /** @return the effective value of unconstrained */
    public boolean effectiveUnconstrained() {
        return unconstrained == null ? DEFAULT_UNCONSTRAINED : unconstrained;
    }

    /** @return the years the bridge spans, or null if a year is missing */
    public Integer years() {
        return baseYear == null || targetYear == null ? null : targetYear - baseYear;
    }
}
