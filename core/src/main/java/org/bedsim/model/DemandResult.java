package org.bedsim.model;

import java.time.LocalDate;
import java.util.List;
import org.bedsim.stats.OccupancyHistogram;

/**
 * What {@link DemandModel} measures in one configuration and replication: the midnight census of every setting with
 * unlimited beds (demand), and the bed-days used in the measured period.
 */
public final class DemandResult {
    private final LocalDate startDate;
    private final List<String> settings;
    private final int[] occupied;
    private final double[] bedDays;
    private final int horizonDays;

    /** Takes the arrays over (the model builds them for this result only). */
    DemandResult(LocalDate startDate, List<String> settings, int[] occupied, double[] bedDays, int horizonDays) {
        this.startDate = startDate;
        this.settings = List.copyOf(settings);
        this.occupied = occupied;
        this.bedDays = bedDays;
        this.horizonDays = horizonDays;
    }

    /** @return the settings measured, in order */
    public List<String> settings() {
        return settings;
    }

    /**
     * @return the midnight census, exactly as {@link FlowModel} reports it for the same unconstrained settings
     *     (nobody is delayed or waits when beds are unlimited)
     */
    public CensusSeries census() {
        return new CensusSeries(startDate, settings, occupied, new int[occupied.length], new int[occupied.length]);
    }

    /**
     * @param setting a setting's name
     * @param riskShareOfDays share of days demand may exceed the beds
     * @return the fewest beds that midnight demand exceeds on at most that share of days, computed exactly as
     *     {@link SettingResult#bedsRequiredPercentile()} is by the event-driven model
     */
    public int bedsRequiredPercentile(String setting, double riskShareOfDays) {
        int s = index(setting);
        int n = settings.size();
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
        int s = settings.indexOf(setting);
        if (s < 0) {
            throw new IllegalArgumentException("no setting " + setting);
        }
        return s;
    }
}
