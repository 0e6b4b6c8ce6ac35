package org.bedsim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * One measure of a period, with its stable key and unit. The list is fixed: the totals, then the split of delays by
 * the owner of the awaited service.
 *
 * @param key stable snake_case key, e.g. {@code delayed_days_per_100k_adults}
 * @param unit e.g. {@code bed-days}
 * @param label words for people
 */
public record QuarterlyKpi(String key, String unit, String label) {
    public static final QuarterlyKpi NON_ELECTIVE_ADMISSIONS = new QuarterlyKpi("non_elective_admissions",
            "patients", "Non-elective admissions (acute)");
    public static final QuarterlyKpi DELAYED_DAYS = new QuarterlyKpi("delayed_days", "bed-days",
            "Delayed days (delayed transfers of care, counted at midnight)");
    public static final QuarterlyKpi DELAYED_DAYS_PER_100K_ADULTS = new QuarterlyKpi("delayed_days_per_100k_adults",
            "per 100,000", "Delayed days per 100,000 adults");
    public static final QuarterlyKpi DELAYED_PER_DAY = new QuarterlyKpi("delayed_per_day", "patients",
            "People delayed per day");
    public static final QuarterlyKpi DELAYED_PER_DAY_PER_100K_ADULTS = new QuarterlyKpi(
            "delayed_per_day_per_100k_adults", "per 100,000", "People delayed per day per 100,000 adults");
    public static final QuarterlyKpi CARE_HOME_ADMISSIONS = new QuarterlyKpi("care_home_admissions_65_plus",
            "patients", "Permanent admissions to residential and nursing care, aged 65+");
    public static final QuarterlyKpi CARE_HOME_ADMISSIONS_PER_100K = new QuarterlyKpi(
            "care_home_admissions_per_100k_65_plus", "per 100,000",
            "Permanent admissions to residential and nursing care per 100,000 aged 65+");

    /**
     * The reablement outcome (Better Care Fund metric 4.3), by the quarter of the discharge into reablement: not one
     * of {@link #all()}, which are counted from the daily flows; computed by {@link AtHomeAfterReablement} when the
     * scenario names its reablement settings.
     */
    public static final QuarterlyKpi AT_HOME_AFTER_REABLEMENT = new QuarterlyKpi("at_home_91_days_after_reablement",
            "share", "Share of people aged 65+ still at home 91 days after discharge from hospital into reablement "
            + "or rehabilitation");

    /** @return delayed days awaiting services of an owner */
    public static QuarterlyKpi delayedDays(DelayOwner owner) {
        return new QuarterlyKpi("delayed_days_" + owner.key(), "bed-days",
                "Delayed days attributable to " + words(owner));
    }

    /** @return people delayed per day per 100,000 adults awaiting services of an owner */
    public static QuarterlyKpi delayedPerDayPer100k(DelayOwner owner) {
        return new QuarterlyKpi("delayed_per_day_per_100k_adults_" + owner.key(), "per 100,000",
                "People delayed per day per 100,000 adults, attributable to " + words(owner));
    }

    /** @return every measure, in output order */
    public static List<QuarterlyKpi> all() {
        List<QuarterlyKpi> out = new ArrayList<>(List.of(NON_ELECTIVE_ADMISSIONS, DELAYED_DAYS,
                DELAYED_DAYS_PER_100K_ADULTS, DELAYED_PER_DAY, DELAYED_PER_DAY_PER_100K_ADULTS));
        for (DelayOwner o : DelayOwner.values()) {
            out.add(delayedDays(o));
        }
        for (DelayOwner o : DelayOwner.values()) {
            out.add(delayedPerDayPer100k(o));
        }
        out.add(CARE_HOME_ADMISSIONS);
        out.add(CARE_HOME_ADMISSIONS_PER_100K);
        return List.copyOf(out);
    }

    /** @return the measure with that key (one of {@link #all()} or {@link #AT_HOME_AFTER_REABLEMENT}) */
    public static QuarterlyKpi byKey(String key) {
        if (AT_HOME_AFTER_REABLEMENT.key.equals(key)) {
            return AT_HOME_AFTER_REABLEMENT;
        }
        for (QuarterlyKpi k : all()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no quarterly KPI named " + key);
    }

    private static String words(DelayOwner owner) {
        return switch (owner) {
            case SOCIAL_CARE -> "social care";
            case NHS -> "the NHS";
            case JOINT -> "both (joint)";
            case UNATTRIBUTED -> "no owner (unattributed)";
        };
    }
}
