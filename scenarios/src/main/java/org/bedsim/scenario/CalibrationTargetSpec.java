package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The published output a calibration meets: a bridge's base-year beds, a step's bar, or target-year beds; or, in a
 * scenario with a {@code quarterly} section and no bridge, a quarterly metric summed over some periods (e.g. the
 * delayed days of 2016/17 Q1-Q3), whose published value is the sum of the section's published actuals for them.
 */
public record CalibrationTargetSpec(
        @Key(doc = "A bridge's output: base: beds in the base year; step: the bar of the step named by 'step'; "
                + "final: beds in the target year. Give output (with beds) or quarterly (with periods).",
                required = false)
        Output output,
        @Key(doc = "With output: step, the step's id.", required = false, pattern = Key.NAME)
        String step,
        @Key(doc = "With output: the published value, in beds (a bar's change is signed: -128 for a reduction).",
                required = false, min = -1e6, max = 1e6)
        Double beds,
        @Key(doc = "The settings counted for this target, when the published figure is for a part of what the "
                + "bridge counts (e.g. one ward of two) or for a setting it does not count (e.g. the ward a service "
                + "leaves); left out, the bridge's own count.", required = false,
                pattern = Key.NAME, minItems = 1)
        java.util.List<String> settings,
        @Key(doc = "How beds are counted for this target, when not as the bridge counts: mean_occupancy or "
                + "percentile (e.g. a ward sized at the occupancy target in a bridge counted by the percentile "
                + "method, so that two bridges size one ward alike); left out, the bridge's count.",
                required = false)
        BridgeCountSpec.Method method,
        @Key(doc = "A quarterly metric's key (delayed_days, non_elective_admissions, ...): the target is its total "
                + "over 'periods', and its published value the sum of the quarterly section's published actuals of "
                + "those periods. Only in a scenario with a quarterly section and no bridge.", required = false,
                pattern = "^[a-z0-9_]{1,80}$")
        String quarterly,
        @Key(doc = "With quarterly: the financial quarters or years ('2016/17 Q1') whose metric is summed.",
                required = false, pattern = "^[0-9]{4}/[0-9]{2}( Q[1-4])?$", minItems = 1)
        java.util.List<String> periods,
        @Key(doc = "Where the published value comes from (a source id).", pattern = Key.NAME)
        String source) {

    /** Freezes. */
    public CalibrationTargetSpec {
        settings = Specs.frozen(settings);
        periods = Specs.frozen(periods);
    }

    /** @return true if the target is a quarterly metric rather than a bridge's beds */
    public boolean isQuarterly() {
        return quarterly != null;
    }

    /** The outputs a calibration can meet. */
    public enum Output {
        BASE, STEP, FINAL;

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
