package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The published output a calibration meets: base-year beds, a step's bar, or target-year beds. */
public record CalibrationTargetSpec(
        @Key(doc = "base: beds in the base year; step: the bar of the step named by 'step'; final: beds in the "
                + "target year.")
        Output output,
        @Key(doc = "With output: step, the step's id.", required = false, pattern = Key.NAME)
        String step,
        @Key(doc = "The published value, in beds (a bar's change is signed: -128 for a reduction).", min = -1e6,
                max = 1e6)
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
        @Key(doc = "Where the published value comes from (a source id).", pattern = Key.NAME)
        String source) {

    /** Freezes. */
    public CalibrationTargetSpec {
        settings = Specs.frozen(settings);
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
