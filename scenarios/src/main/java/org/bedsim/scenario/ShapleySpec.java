package org.bedsim.scenario;

/**
 * How Shapley values are computed: exactly, from every subset of the steps (2^steps configurations), up to a
 * number of steps; beyond it, averaged over sampled orderings of the steps.
 */
public record ShapleySpec(
        @Key(doc = "Most steps for exact Shapley values (every subset of steps is simulated: 2^steps "
                + "configurations).", required = false, defaultValue = "10", min = 0, max = 16)
        Integer maxExactSteps,
        @Key(doc = "Orderings of the steps sampled when there are more steps than max_exact_steps.",
                required = false, defaultValue = "200", min = 1, max = 100_000)
        Integer sampledOrderings) {

    /** Default of max_exact_steps. */
    public static final int DEFAULT_MAX_EXACT_STEPS = 10;
    /** Default of sampled_orderings. */
    public static final int DEFAULT_SAMPLED_ORDERINGS = 200;

    /** @return the effective max_exact_steps */
    public int effectiveMaxExactSteps() {
        return maxExactSteps == null ? DEFAULT_MAX_EXACT_STEPS : maxExactSteps;
    }

    /** @return the effective sampled_orderings */
    public int effectiveSampledOrderings() {
        return sampledOrderings == null ? DEFAULT_SAMPLED_ORDERINGS : sampledOrderings;
    }
}
