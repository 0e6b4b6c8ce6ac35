package org.bedsim.bridge;

import java.util.List;

/**
 * One bar of a bed bridge: a driver of the change in beds, made of one or more changes to the model's inputs.
 *
 * @param id stable identifier, e.g. {@code integrated-teams}
 * @param label for people, e.g. "Integrated locality teams"
 * @param sources where its figures come from (document and line, or "assumed: ...")
 * @param changes what it changes
 * @param fromYear first year (offset from the base year, 1 = the year after) in which it has an effect; 1 by default
 * @param fullYear year from which it has its full effect; the effect ramps linearly from {@code fromYear - 1}
 */
public record BridgeStep(String id, String label, List<String> sources, List<Change> changes, int fromYear,
        int fullYear) {

    /** Validates and freezes. */
    public BridgeStep {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a bridge step needs an id");
        }
        label = label == null ? id : label;
        sources = List.copyOf(sources);
        changes = List.copyOf(changes);
        if (fromYear < 1 || fullYear < fromYear) {
            throw new IllegalArgumentException("step " + id + ": phasing needs 1 <= fromYear <= fullYear, was "
                    + fromYear + " and " + fullYear);
        }
    }

    /** @return a step with a linear effect over the whole period ending in {@code years} */
    public static BridgeStep linear(String id, String label, List<String> sources, List<Change> changes, int years) {
        return new BridgeStep(id, label, sources, changes, 1, years);
    }

    /** @return the share of the step in effect {@code year} years after the base year */
    public double fraction(int year) {
        if (year < fromYear) {
            return 0;
        }
        if (year >= fullYear) {
            return 1;
        }
        return (double) (year - fromYear + 1) / (fullYear - fromYear + 1);
    }
}
