package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** The settings whose beds a bridge counts, and the method of counting. */
public record BridgeCountSpec(
        @Key(doc = "Settings whose beds are counted and summed (e.g. every acute site); not sinks. A merge carries "
                + "the count over to the setting merged into.", pattern = Key.NAME, minItems = 1)
        List<String> settings,
        @Key(doc = "What is counted. Beds: mean_occupancy, mean demand over the target occupancy "
                + "(targets.occupancy); percentile, the fewest beds demand exceeds on at most "
                + "targets.risk_share_of_days of days. Or a measure of waiting for a bed, with the settings' beds "
                + "(needs unconstrained: false): share_waits_over_standard, share_waits_over_long (admissions "
                + "waiting over 4 or 12 hours, pooled over the settings), waits_over_long (their number), "
                + "share_of_days_with_long_wait, share_of_days_with_queue (setting-days pooled), "
                + "mean_daily_peak_waiting (summed).")
        Method method) {

    /** Freezes. */
    public BridgeCountSpec {
        settings = Specs.frozen(settings);
    }

    /** What a bridge counts: beds by one of two methods, or a measure of waiting for a bed. */
    public enum Method {
        MEAN_OCCUPANCY, PERCENTILE, SHARE_WAITS_OVER_STANDARD, SHARE_WAITS_OVER_LONG, WAITS_OVER_LONG,
        SHARE_OF_DAYS_WITH_LONG_WAIT, SHARE_OF_DAYS_WITH_QUEUE, MEAN_DAILY_PEAK_WAITING;

        /** @return true for a measure of waiting (not beds) */
        public boolean isWaiting() {
            return this != MEAN_OCCUPANCY && this != PERCENTILE;
        }

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
