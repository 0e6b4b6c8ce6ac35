package org.bedsim.model;

import java.util.function.ToDoubleFunction;

/**
 * The per-setting measures with their stable names (snake_case, for files) and units. The wait measures count
 * against the scenario's two thresholds ({@link WaitThresholds}: the "standard" one, 4 hours unless set, and the
 * "long" one, 12 hours unless set), from the arrival (the decision to admit) to the bed, of non-elective arrivals
 * from outside.
 */
public enum SettingKpi {
    ADMISSIONS("admissions", "patients", SettingResult::admissions),
    EXTERNAL_ADMISSIONS("external_admissions", "patients", SettingResult::externalAdmissions),
    TRANSFERS_IN("transfers_in", "patients", SettingResult::transfersIn),
    DISCHARGES("discharges", "patients", SettingResult::discharges),
    REFUSED("refused", "patients", SettingResult::refused),
    DIVERTED("diverted", "patients", SettingResult::divertedOut),
    CANCELLED("cancelled", "patients", SettingResult::cancelled),
    DEFERRED("deferred", "patients", SettingResult::deferred),
    BED_DAYS("bed_days", "bed-days", SettingResult::bedDays),
    MEAN_OCCUPANCY("mean_occupancy", "beds", SettingResult::meanOccupancy),
    OCCUPANCY_P50("occupancy_p50", "beds", SettingResult::occupancyP50),
    OCCUPANCY_P85("occupancy_p85", "beds", SettingResult::occupancyP85),
    OCCUPANCY_P95("occupancy_p95", "beds", SettingResult::occupancyP95),
    CENSUS_MEAN("census_mean", "beds", SettingResult::censusMean),
    CENSUS_P50("census_p50", "beds", SettingResult::censusP50),
    CENSUS_P85("census_p85", "beds", SettingResult::censusP85),
    CENSUS_P95("census_p95", "beds", SettingResult::censusP95),
    WAIT_COUNT("wait_count", "patients", SettingResult::waitCount),
    MEAN_WAIT_DAYS("mean_wait_days", "days", SettingResult::meanWaitDays),
    P95_WAIT_DAYS("p95_wait_days", "days", SettingResult::p95WaitDays),
    /** The mean wait of every non-elective arrival from outside admitted, zero waits included (Erlang C's Wq). */
    MEAN_WAIT_ALL_DAYS("mean_wait_all_days", "days", r -> r.waits().meanWaitOfAllDays()),
    /** The time-weighted mean number of arrivals from outside waiting for a bed (Erlang C's Lq). */
    MEAN_QUEUE_LENGTH("mean_queue_length", "patients", r -> r.waits().meanQueueLength()),
    DELAYED_DAYS("delayed_days", "bed-days", SettingResult::delayedDays),
    MEAN_DELAYED_BEDS("mean_delayed_beds", "beds", SettingResult::meanDelayedBeds),
    ESCALATION_BED_DAYS("escalation_bed_days", "bed-days", SettingResult::escalationBedDays),
    MEAN_DEMAND("mean_demand", "beds", SettingResult::meanDemand),
    BEDS_REQUIRED_MEAN("beds_required_mean", "beds", SettingResult::bedsRequiredMean),
    BEDS_REQUIRED_PERCENTILE("beds_required_percentile", "beds", SettingResult::bedsRequiredPercentile),
    SHARE_OF_DAYS_FULL("share_of_days_full", "share", SettingResult::shareOfDaysFull),
    SHARE_TURNED_AWAY("share_turned_away", "share", SettingResult::shareTurnedAway),
    MEAN_STAY_DAYS("mean_stay_days", "days", SettingResult::meanStayDays),
    WAITS_ADMITTED("waits_admitted", "patients", r -> r.waits().admitted()),
    WAITS_OVER_STANDARD("waits_over_standard", "patients", r -> r.waits().overStandard()),
    SHARE_WAITS_OVER_STANDARD("share_waits_over_standard", "share", r -> r.waits().shareOverStandard()),
    WAITS_OVER_LONG("waits_over_long", "patients", r -> r.waits().overLong()),
    SHARE_WAITS_OVER_LONG("share_waits_over_long", "share", r -> r.waits().shareOverLong()),
    SHARE_OF_DAYS_WITH_LONG_WAIT("share_of_days_with_long_wait", "share", r -> r.waits().shareOfDaysWithLongWait()),
    SHARE_OF_DAYS_WITH_QUEUE("share_of_days_with_queue", "share", r -> r.waits().shareOfDaysWithQueue()),
    MEAN_DAILY_PEAK_WAITING("mean_daily_peak_waiting", "patients", r -> r.waits().meanDailyPeakWaiting()),
    MAX_DAILY_PEAK_WAITING("max_daily_peak_waiting", "patients", r -> r.waits().maxDailyPeakWaiting()),
    RENEGED("reneged", "patients", r -> r.waits().reneged()),
    SHARE_RENEGED("share_reneged", "share", r -> r.waits().shareReneged());

    private final String key;
    private final String unit;
    private final ToDoubleFunction<SettingResult> extractor;

    SettingKpi(String key, String unit, ToDoubleFunction<SettingResult> extractor) {
        this.key = key;
        this.unit = unit;
        this.extractor = extractor;
    }

    /** @return the stable snake_case name */
    public String key() {
        return key;
    }

    /** @return the unit, for labels */
    public String unit() {
        return unit;
    }

    /** @return the largest value the KPI can take: 1 for a share, otherwise unbounded */
    public double upperBound() {
        return unit.equals("share") ? 1 : Double.POSITIVE_INFINITY;
    }

    /**
     * @return the interval's ends kept inside the KPI's range (every KPI is at least 0; a share at most 1): a t
     *     interval truncated to the values the measure can take, which keeps its coverage
     */
    public double[] bounded(org.bedsim.stats.ConfidenceInterval ci) {
        return new double[] {Math.max(0, ci.low()), Math.min(upperBound(), ci.high())};
    }

    /**
     * The events and trials a share counts in one replication (so that its interval over replications can be a
     * {@link org.bedsim.stats.ProportionInterval}, which stays in [0, 1] and holds for few events), or, for a KPI
     * that is not a share but rests on a count of events (the mean wait of those who waited, the mean stay), that
     * count as events and trials -1.
     *
     * @param result the setting's result in one replication
     * @param days the measured days of the replication
     * @return {events, trials}; null if the KPI rests on no count of events (occupancy, beds, counts themselves)
     */
    public long[] counts(SettingResult result, int days) {
        WaitMeasures w = result.waits();
        return switch (this) {
            case SHARE_OF_DAYS_FULL -> new long[] {Math.round(result.shareOfDaysFull() * days), days};
            case SHARE_TURNED_AWAY -> new long[] {result.turnedAway(), result.turnedAway()
                    + result.externalAdmissions()};
            case SHARE_WAITS_OVER_STANDARD -> new long[] {w.overStandard(), w.admitted()};
            case SHARE_WAITS_OVER_LONG -> new long[] {w.overLong(), w.admitted()};
            case SHARE_OF_DAYS_WITH_LONG_WAIT -> new long[] {w.daysWithLongWait(), w.days()};
            case SHARE_OF_DAYS_WITH_QUEUE -> new long[] {w.daysWithQueue(), w.days()};
            case SHARE_RENEGED -> new long[] {w.reneged(), w.reneged() + w.admitted()};
            case MEAN_WAIT_DAYS, P95_WAIT_DAYS -> new long[] {result.waitCount(), -1};
            case MEAN_STAY_DAYS -> new long[] {result.discharges(), -1};
            default -> null;
        };
    }

    /** @return true if the KPI is a share of counted events ({@link #counts} gives events and trials) */
    public boolean isCountedShare() {
        return switch (this) {
            case SHARE_OF_DAYS_FULL, SHARE_TURNED_AWAY, SHARE_WAITS_OVER_STANDARD, SHARE_WAITS_OVER_LONG,
                    SHARE_OF_DAYS_WITH_LONG_WAIT, SHARE_OF_DAYS_WITH_QUEUE, SHARE_RENEGED -> true;
            default -> false;
        };
    }

    /** @return the value in one setting's result */
    public double of(SettingResult result) {
        return extractor.applyAsDouble(result);
    }

    /** @return the KPI with that key */
    public static SettingKpi byKey(String key) {
        for (SettingKpi k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no KPI named " + key);
    }
}
