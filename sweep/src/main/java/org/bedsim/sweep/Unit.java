package org.bedsim.sweep;

import java.io.Serializable;

/**
 * A work unit: a block of a variant's replications, the piece of work Spark schedules (and retries) and a resumed
 * sweep skips when its output is complete. Its results depend on nothing but the variant and the replication numbers
 * (each replication's streams come from the variant's seed and the replication's number, as in {@code bedsim run}),
 * so they are the same wherever, whenever and however often it runs.
 *
 * @param variant the variant
 * @param first the first replication (0-based)
 * @param count replications in the block
 * @param bridge true for the unit computing the variant's bridge (its every configuration on all its replications,
 *     as {@code bedsim bridge} computes it), false for a block of plain runs
 */
public record Unit(Variant variant, int first, int count, boolean bridge) implements Serializable {
    private static final long serialVersionUID = 2L;

    /**
     * @return the unit's id, unique in the sweep: {@code <variant id>.r<first>-<last>}, or {@code <variant
     *     id>.bridge} for its bridge
     */
    public String id() {
        return variant.id() + (bridge ? ".bridge" : ".r" + first + "-" + (first + count - 1));
    }
}
