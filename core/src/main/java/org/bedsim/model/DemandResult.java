package org.bedsim.model;

import java.util.List;
import org.bedsim.stats.OccupancyHistogram;

/**
 * What {@link DemandModel} measures in one configuration and replication: the midnight census of every setting with
 * unlimited beds (demand), and the bed-days used in the measured period.
 *
 * @param census the midnight census, exactly as {@link FlowModel} reports it for the same unconstrained settings
 *     (nobody is delayed or waits when beds are unlimited)
 * @param bedDays bed-days used in each setting (in the census's order) during the measured period
 * @param horizonDays days measured
 */
public record DemandResult(CensusSeries census, double[] bedDays, int horizonDays) {

    /** Copies. */
    public DemandResult {
        bedDays = bedDays.clone();
    }

    /** @return the settings measured, in order */
    public List<String> settings() {
        return census.settings();
    }

    /**
     * @param setting a setting's name
     * @param riskShareOfDays share of days demand may exceed the beds
     * @return the fewest beds that midnight demand exceeds on at most that share of days, computed exactly as
     *     {@link SettingResult#bedsRequiredPercentile()} is by the event-driven model
     */
    public int bedsRequiredPercentile(String setting, double riskShareOfDays) {
        int s = index(setting);
        int n = census.settings().size();
        int[] occupied = census.occupied();
        OccupancyHistogram h = OccupancyHistogram.forCounts(64);
        for (int d = 0; d < horizonDays; d++) {
            h.add(occupied[d * n + s], 1);
        }
        return h.quantile(1 - riskShareOfDays);
    }

    /**
     * @param setting a setting's name
     * @return mean demand over the measured period, in beds (bed-days over days); equal to the event-driven model's
     *     time-weighted mean up to rounding (the sums are taken in another order)
     */
    public double meanDemand(String setting) {
        return bedDays[index(setting)] / horizonDays;
    }

    private int index(String setting) {
        int s = census.settings().indexOf(setting);
        if (s < 0) {
            throw new IllegalArgumentException("no setting " + setting);
        }
        return s;
    }
}
