package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import org.bedsim.model.SettingKpi;

/**
 * A target checked in every option: a KPI added up over some settings, at most or at least a threshold. A setting an
 * option does not have adds nothing there.
 */
public record TargetSpec(
        @Key(doc = "Short id of the target, used by optimise.", pattern = Key.NAME)
        String name,
        @Key(doc = "What the target says, for readers, e.g. 'LRI full on at most 5 % of days'.")
        String label,
        @Key(doc = "The settings whose KPI values are added up (use one setting for a share).", minItems = 1,
                pattern = Key.NAME)
        List<String> settings,
        @Key(doc = "The measure, a per-setting KPI (its name in summary.json and settings.csv).")
        Kpi kpi,
        @Key(doc = "The target is met when the value is at most this (give at_most or at_least).", required = false)
        Double atMost,
        @Key(doc = "The target is met when the value is at least this (give at_most or at_least).",
                required = false)
        Double atLeast,
        @Key(doc = "Id of the source (in sources) of the threshold.", required = false, pattern = Key.NAME)
        String source) {

    /** Freezes. */
    public TargetSpec {
        settings = Specs.frozen(settings);
    }

    /** The per-setting KPIs a target can use: those of {@link SettingKpi}, by their file names. */
    public enum Kpi {
        ADMISSIONS, EXTERNAL_ADMISSIONS, TRANSFERS_IN, DISCHARGES, REFUSED, DIVERTED, CANCELLED, DEFERRED, BED_DAYS,
        MEAN_OCCUPANCY, OCCUPANCY_P50, OCCUPANCY_P85, OCCUPANCY_P95, CENSUS_MEAN, CENSUS_P50, CENSUS_P85, CENSUS_P95,
        WAIT_COUNT, MEAN_WAIT_DAYS, P95_WAIT_DAYS, MEAN_WAIT_ALL_DAYS, MEAN_QUEUE_LENGTH, DELAYED_DAYS,
        MEAN_DELAYED_BEDS, ESCALATION_BED_DAYS, MEAN_DEMAND,
        BEDS_REQUIRED_MEAN, BEDS_REQUIRED_PERCENTILE, SHARE_OF_DAYS_FULL, SHARE_TURNED_AWAY, MEAN_STAY_DAYS,
        WAITS_ADMITTED,
        WAITS_OVER_STANDARD, SHARE_WAITS_OVER_STANDARD, WAITS_OVER_LONG, SHARE_WAITS_OVER_LONG,
        SHARE_OF_DAYS_WITH_LONG_WAIT, SHARE_OF_DAYS_WITH_QUEUE, MEAN_DAILY_PEAK_WAITING, MAX_DAILY_PEAK_WAITING,
        RENEGED, SHARE_RENEGED;

        /** @return the model's KPI */
        public SettingKpi kpi() {
            return SettingKpi.valueOf(name());
        }

        /** @return the name in files */
        @JsonValue
        public String key() {
            return kpi().key();
        }
    }
}
