package org.bedsim.scenario;

import java.util.List;

/**
 * A declared calibration: an input the sources do not give, which bedsim solves (on common random numbers) so that a
 * published output of the bridge follows. The input is one or more numbers of the scenario, named by paths: with
 * {@code set} the solved value replaces each of them; with {@code scale} it multiplies each. What the file holds at
 * a {@code set} path is the input's value for the prediction (published, independent or assumed); the
 * reconstruction replaces it with the solved value.
 */
public record CalibrateSpec(
        @Key(doc = "Id of the calibration: lower-case letters, digits and dashes.", pattern = Key.NAME)
        String id,
        @Key(doc = "What is calibrated, in words.", required = false)
        String label,
        @Key(doc = "Paths of numbers the solved value replaces, e.g. 'cohorts[risk-*].los.*.mean' or "
                + "'bridge.steps[los-cut].changes[*].length_of_stay.change' (names in brackets may use *, "
                + "a * key matches every key). Give set or scale, not both.", required = false, minItems = 1)
        List<String> set,
        @Key(doc = "Paths of numbers the solved value multiplies (e.g. the base volumes of several cohorts). Give "
                + "set or scale, not both.", required = false, minItems = 1)
        List<String> scale,
        @Key(doc = "The range the solved value must lie in: [low, high]. The output must move one way across it.",
                minItems = 2, maxItems = 2)
        List<Double> bounds,
        @Key(doc = "The published output the calibration must meet.")
        CalibrationTargetSpec target,
        @Key(doc = "How close the output must come to the target, in its unit: beds, or the quarterly metric's "
                + "(e.g. delayed days).", required = false, min = 0,
                minExclusive = true, max = 1000, defaultValue = "1")
        Double tolerance,
        @Key(doc = "Independent evidence on what the value should be, for the implied-assumptions section: a "
                + "solved value outside it is flagged.", required = false)
        EvidenceSpec evidence,
        @Key(doc = "Why the input is calibrated rather than taken from a source (a source id).", pattern = Key.NAME)
        String source) {

    /** Default of {@code tolerance}, in beds. */
    public static final double DEFAULT_TOLERANCE = 1;

    /** Freezes. */
    public CalibrateSpec {
        set = Specs.frozen(set);
        scale = Specs.frozen(scale);
        bounds = Specs.frozen(bounds);
    }

    /** @return the paths, whichever of set and scale is given */
    public List<String> paths() {
        return set.isEmpty() ? scale : set;
    }

    /** @return true if the solved value multiplies the numbers at the paths */
    public boolean isScale() {
        return set.isEmpty() && !scale.isEmpty();
    }

    /** @return the effective tolerance */
    public double effectiveTolerance() {
        return tolerance == null ? DEFAULT_TOLERANCE : tolerance;
    }
}
