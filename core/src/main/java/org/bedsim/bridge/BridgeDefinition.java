package org.bedsim.bridge;

import java.util.List;
import java.util.Set;
import org.bedsim.model.FlowSettings;

/**
 * A bed bridge to compute: from the base configuration, apply the steps in order and count the beds.
 *
 * @param base the base-year configuration
 * @param counted the settings whose beds the bridge counts (e.g. all acute sites); merges carry the count along
 * @param method how beds are counted
 * @param steps the bars, in order
 * @param baseYear label of the base year, e.g. 2016 for 2016/17
 * @param targetYear label of the target year, e.g. 2020 for 2020/21 (the trajectory runs base..target)
 * @param replications replications per configuration, &gt;= 2
 * @param seed master seed: every configuration uses the same streams (common random numbers)
 * @param maxExactShapleySteps above this many steps Shapley values are estimated from sampled orderings
 * @param sampledOrderings orderings sampled when the steps are too many for the exact computation
 */
public record BridgeDefinition(FlowSettings base, Set<String> counted, BedCount method, List<BridgeStep> steps,
        int baseYear, int targetYear, int replications, long seed, int maxExactShapleySteps, int sampledOrderings) {

    /** Validates and freezes. */
    public BridgeDefinition {
        counted = Set.copyOf(counted);
        steps = List.copyOf(steps);
        if (counted.isEmpty()) {
            throw new IllegalArgumentException("a bridge must count at least one setting");
        }
        for (String c : counted) {
            base.setting(c);
        }
        if (targetYear <= baseYear) {
            throw new IllegalArgumentException("the target year must follow the base year, was " + baseYear + " to "
                    + targetYear);
        }
        if (replications < 2) {
            throw new IllegalArgumentException("a bridge needs at least 2 replications for intervals, was "
                    + replications);
        }
        if (maxExactShapleySteps < 0 || maxExactShapleySteps > 16 || sampledOrderings < 1) {
            throw new IllegalArgumentException("maxExactShapleySteps must be in [0, 16] and sampledOrderings >= 1");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (BridgeStep s : steps) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("bridge step id " + s.id() + " is used twice");
            }
        }
    }

    /** @return years from base to target */
    public int years() {
        return targetYear - baseYear;
    }
}
