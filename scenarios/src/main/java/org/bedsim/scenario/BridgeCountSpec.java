package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** The settings whose beds a bridge counts, and the method of counting. */
public record BridgeCountSpec(
        @Key(doc = "Settings whose beds are counted and summed (e.g. every acute site); not sinks. A merge carries "
                + "the count over to the setting merged into.", pattern = Key.NAME, minItems = 1)
        List<String> settings,
        @Key(doc = "mean_occupancy: mean demand over the target occupancy (targets.occupancy); percentile: the "
                + "fewest beds demand exceeds on at most targets.risk_share_of_days of days.")
        Method method) {

    /** Freezes. */
    public BridgeCountSpec {
        settings = Specs.frozen(settings);
    }

    /** Methods of counting beds. */
    public enum Method {
        MEAN_OCCUPANCY, PERCENTILE;

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
