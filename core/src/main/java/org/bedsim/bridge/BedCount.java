package org.bedsim.bridge;

import java.util.Collection;
import org.bedsim.model.FlowResult;
import org.bedsim.model.SettingKpi;
import org.bedsim.model.SettingResult;

/**
 * What a bridge counts in each configuration, summed or pooled over the counted settings: beds (by one of two
 * methods), or a measure of waiting for a bed. A waiting measure is only there when beds are finite and patients
 * queue for them, so it is counted on the event-driven model (the demand fast path counts unlimited beds and has no
 * queue).
 */
public enum BedCount {
    /** Mean demand divided by the target occupancy: the figure plans quote. */
    MEAN_OCCUPANCY(null),
    /** The fewest beds that midnight demand exceeds on at most the risk share of days: the operational figure. */
    PERCENTILE(null),
    /** The share of admitted non-elective patients who waited for a bed longer than the standard threshold (4 h). */
    SHARE_WAITS_OVER_STANDARD(SettingKpi.SHARE_WAITS_OVER_STANDARD),
    /** The share of admitted non-elective patients who waited for a bed longer than the long threshold (12 h). */
    SHARE_WAITS_OVER_LONG(SettingKpi.SHARE_WAITS_OVER_LONG),
    /** Admitted non-elective patients who waited for a bed longer than the long threshold, in the measured period. */
    WAITS_OVER_LONG(SettingKpi.WAITS_OVER_LONG),
    /** The share of days on which someone had waited longer than the long threshold (setting-days pooled). */
    SHARE_OF_DAYS_WITH_LONG_WAIT(SettingKpi.SHARE_OF_DAYS_WITH_LONG_WAIT),
    /** The share of days on which someone waited for a bed (setting-days pooled). */
    SHARE_OF_DAYS_WITH_QUEUE(SettingKpi.SHARE_OF_DAYS_WITH_QUEUE),
    /** The mean daily peak number of patients waiting for a bed, summed over the counted settings. */
    MEAN_DAILY_PEAK_WAITING(SettingKpi.MEAN_DAILY_PEAK_WAITING);

    private final SettingKpi kpi;

    BedCount(SettingKpi kpi) {
        this.kpi = kpi;
    }

    /** @return true if it counts beds; false for a waiting measure */
    public boolean countsBeds() {
        return kpi == null;
    }

    /** @return the waiting measure's KPI, or null when it counts beds */
    public SettingKpi kpi() {
        return kpi;
    }

    /** @return the unit of what it counts: "beds", "share" or "patients" */
    public String unit() {
        return kpi == null ? "beds" : kpi.unit();
    }

    /**
     * @return a waiting measure over the counted settings of one replication: a share pooled (the events of every
     *     counted setting over their trials: 12-hour waits over admissions, days with one over setting-days), a
     *     count or a daily peak summed
     */
    double measure(FlowResult result, Collection<String> counted) {
        long events = 0;
        long trials = 0;
        double sum = 0;
        for (String name : counted) {
            SettingResult r = result.setting(name);
            if (kpi.isCountedShare()) {
                long[] c = kpi.counts(r, result.census().days());
                events += c[0];
                trials += c[1];
            } else {
                sum += kpi.of(r);
            }
        }
        if (kpi.isCountedShare()) {
            return trials == 0 ? 0 : (double) events / trials;
        }
        return sum;
    }
}
