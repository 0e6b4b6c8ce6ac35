package org.bedsim.scenario;

/** How many replications to run and from which master seed; the command line may override both. */
public record RunSpec(
        @Key(doc = "Independent replications; results are their means with 95 % confidence intervals.",
                required = false, defaultValue = "20", min = 1, max = 100_000)
        Integer replications,
        @Key(doc = "Master seed: every random stream is derived from it, so the same seed gives the same results.",
                required = false, defaultValue = "1", min = 0)
        Long seed) {

    /** Replications when neither the file nor the command line says. */
    public static final int DEFAULT_REPLICATIONS = 20;
    /** Seed when neither the file nor the command line says. */
    public static final long DEFAULT_SEED = 1;

    /** @return the effective number of replications */
    public int effectiveReplications() {
        return replications == null ? DEFAULT_REPLICATIONS : replications;
    }

    /** @return the effective seed */
    public long effectiveSeed() {
        return seed == null ? DEFAULT_SEED : seed;
    }
}
