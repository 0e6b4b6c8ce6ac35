package org.bedsim.bridge;

import java.util.List;
import org.bedsim.stats.ConfidenceInterval;

/**
 * A computed bed bridge. Sequential bars: the change in beds when each step is added to the ones before it; they sum
 * exactly (in every replication) to final minus base. Standalone effects: each step alone on the base, with an
 * explicit interaction bar making them sum to the same total. Shapley values: each step's average marginal effect
 * over all orders (exact up to {@link BridgeDefinition#maxExactShapleySteps} steps), also summing to the total.
 *
 * @param base beds in the base configuration
 * @param finalBeds beds with every step
 * @param bars one per step, in order
 * @param interaction total minus the sum of the standalone effects
 * @param shapleyExact true if the Shapley values are exact, false if estimated from sampled orderings
 * @param trajectory beds year by year, base year first, when steps are phased
 * @param replications replications per configuration
 * @param configurations configurations simulated
 * @param change final minus base, paired replication by replication (mean and 95 % interval); {@code null} when
 *     not known (a result assembled from intervals only)
 */
public record BridgeResult(ConfidenceInterval base, ConfidenceInterval finalBeds, List<Bar> bars,
        ConfidenceInterval interaction, boolean shapleyExact, List<YearBeds> trajectory, int replications,
        int configurations, ConfidenceInterval change) {

    /** Freezes. */
    public BridgeResult {
        bars = List.copyOf(bars);
        trajectory = List.copyOf(trajectory);
    }

    /** A result without the paired interval of the total change (it is not known from the intervals alone). */
    public BridgeResult(ConfidenceInterval base, ConfidenceInterval finalBeds, List<Bar> bars,
            ConfidenceInterval interaction, boolean shapleyExact, List<YearBeds> trajectory, int replications,
            int configurations) {
        this(base, finalBeds, bars, interaction, shapleyExact, trajectory, replications, configurations, null);
    }

    /**
     * One step's bar.
     *
     * @param id step id
     * @param label step label
     * @param sources step sources
     * @param delta sequential change in beds (mean and 95 % interval over replications)
     * @param standalone change in beds of the step alone on the base
     * @param shapley the step's Shapley value (mean and interval over replications)
     * @param cumulative beds after this step (mean and interval)
     */
    public record Bar(String id, String label, List<String> sources, ConfidenceInterval delta,
            ConfidenceInterval standalone, ConfidenceInterval shapley, ConfidenceInterval cumulative) {
        /** Freezes. */
        public Bar {
            sources = List.copyOf(sources);
        }
    }

    /**
     * Beds in one year of the trajectory.
     *
     * @param year the year label (e.g. 2017 for 2017/18)
     * @param beds mean and interval over replications
     */
    public record YearBeds(int year, ConfidenceInterval beds) {
    }

    /** @return final minus base (mean over replications) */
    public double totalChange() {
        return finalBeds.mean() - base.mean();
    }
}
