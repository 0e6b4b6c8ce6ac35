package org.bedsim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A published actual or plan figure of one quarterly metric for one period. */
public record PublishedFigureSpec(
        @Key(doc = "A financial quarter ('2016/17 Q1') or year ('2016/17').",
                pattern = "^[0-9]{4}/[0-9]{2}( Q[1-4])?$")
        String period,
        @Key(doc = "The quarterly KPI's key, e.g. delayed_days, non_elective_admissions, "
                + "delayed_days_per_100k_adults, care_home_admissions_65_plus, at_home_91_days_after_reablement (a share "
                + "from 0 to 1, with quarterly.reablement).", pattern = "^[a-z0-9_]{1,80}$")
        String kpi,
        @Key(doc = "The published figure.", min = 0, max = 1e12)
        Double value,
        @Key(doc = "actual (an outturn) or plan (a target or trajectory).")
        Status status,
        @Key(doc = "Id of the source (in 'sources') of the figure.", required = false, pattern = Key.NAME)
        String source) {

    /** Actual or plan. */
    public enum Status {
        ACTUAL, PLAN;

        /** @return the name in files */
        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
