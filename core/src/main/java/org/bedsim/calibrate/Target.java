package org.bedsim.calibrate;

import java.util.Arrays;
import org.bedsim.bridge.BridgeDefinition;

/**
 * A published output a calibration must meet: the base year's beds, one step's sequential bar, or the final year's
 * beds, in beds, counted as the bridge counts them.
 *
 * @param output which output
 * @param step the step's id when {@code output} is {@link Output#STEP}, else null
 * @param beds the published value (a bar's change is signed: -128 for a reduction)
 * @param settings the settings counted for this target (a part of the bridge's, e.g. one ward of two), or null for
 *     the bridge's own count
 * @param method how beds are counted for this target, or null for the bridge's method (a ward sized at an occupancy
 *     target in a bridge that counts by the percentile method, so that two bridges size one ward alike)
 */
public record Target(Output output, String step, double beds, java.util.Set<String> settings,
        org.bedsim.bridge.BedCount method) {

    /** A target counted as the bridge counts. */
    public Target(Output output, String step, double beds) {
        this(output, step, beds, null, null);
    }

    /** A target counted by the bridge's method, over some settings (null: the bridge's own). */
    public Target(Output output, String step, double beds, java.util.Set<String> settings) {
        this(output, step, beds, settings, null);
    }

    /** Which output of a bridge. */
    public enum Output {
        /** Beds in the base year. */
        BASE,
        /** One step's sequential bar: beds after it minus beds before it, steps in order. */
        STEP,
        /** Beds in the target year, every step in effect. */
        FINAL
    }

    /** Validates. */
    public Target {
        if (output == null || (output == Output.STEP) != (step != null) || !Double.isFinite(beds)) {
            throw new IllegalArgumentException("a target needs an output, a step exactly when the output is a step,"
                    + " and a finite number of beds");
        }
        settings = settings == null ? null : java.util.Set.copyOf(settings);
    }

    /** @return the index of the target's step in {@code def}, or -1 for the base and final outputs */
    int stepIndex(BridgeDefinition def) {
        if (output != Output.STEP) {
            return -1;
        }
        for (int i = 0; i < def.steps().size(); i++) {
            if (def.steps().get(i).id().equals(step)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the target's step '" + step + "' is not a step of the bridge");
    }

    /** @return the configurations (step fractions) whose difference is the output: {after, before or null} */
    double[][] configurations(BridgeDefinition def) {
        int n = def.steps().size();
        return switch (output) {
            case BASE -> new double[][] {new double[n], null};
            case FINAL -> {
                double[] all = new double[n];
                Arrays.fill(all, 1);
                yield new double[][] {all, null};
            }
            case STEP -> {
                int i = stepIndex(def);
                double[] before = new double[n];
                Arrays.fill(before, 0, i, 1);
                double[] after = before.clone();
                after[i] = 1;
                yield new double[][] {after, before};
            }
        };
    }

    /** @return the bridge counting this target's settings (the bridge itself when it counts its own) */
    BridgeDefinition counting(BridgeDefinition def) {
        if (settings == null && method == null) {
            return def;
        }
        return new BridgeDefinition(def.base(), settings == null ? def.counted() : settings,
                method == null ? def.method() : method, def.steps(), def.baseYear(),
                def.targetYear(), def.replications(), def.seed(), def.maxExactShapleySteps(),
                def.sampledOrderings());
    }

    /** @return e.g. "base-year beds", "the bar of step 'integrated-teams'", "target-year beds in community-rehab" */
    public String describe() {
        return switch (output) {
            case BASE -> "base-year beds";
            case FINAL -> "target-year beds";
            case STEP -> "the bar of step '" + step + "'";
        } + (settings == null ? "" : " in " + String.join(" + ", new java.util.TreeSet<>(settings)))
                + (method == org.bedsim.bridge.BedCount.MEAN_OCCUPANCY ? " (by mean occupancy)"
                : method == org.bedsim.bridge.BedCount.PERCENTILE ? " (by the percentile method)" : "");
    }
}
