package org.bedsim.scenario;

import java.time.LocalDate;

/**
 * When the simulated period starts, how long it is measured, and how long the model runs before it to fill the
 * beds (the warm-up, discarded).
 */
public record CalendarSpec(
        @Key(doc = "First day measured, e.g. 2016-04-01 (the start of a financial year).")
        LocalDate start,
        @Key(doc = "Years measured from the start: the measured period ends on the same date that many years on.",
                min = 1, max = 50)
        Integer horizonYears,
        @Key(doc = "Days simulated before the start under the start's conditions and discarded, so that the beds "
                + "are full as on a real day rather than empty. Should be several times the longest mean stay.",
                required = false, defaultValue = "180", min = 0, max = 3650)
        Integer warmupDays) {

    /** The warm-up when the file gives none, days. */
    public static final int DEFAULT_WARMUP_DAYS = 180;

    /** @return the effective warm-up, days */
    public int effectiveWarmupDays() {
        return warmupDays == null ? DEFAULT_WARMUP_DAYS : warmupDays;
    }
}
