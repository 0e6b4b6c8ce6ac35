package org.bedsim.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Arrays;

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
        // the histogram's quantile of unit weights (OccupancyHistogram.quantile: the smallest level whose cumulative
        // count reaches p times the days, compared in floating point), read off the sorted census instead
        double p = 1 - riskShareOfDays;
        if (!(p >= 0 && p <= 1) || horizonDays == 0) {
            throw new IllegalArgumentException("a share of days in [0, 1] and a measured period are needed");
        }
        int[] sorted = new int[horizonDays];
        for (int d = 0; d < horizonDays; d++) {
            sorted[d] = occupied[d * n + s];
        }
        Arrays.sort(sorted);
        int top = sorted[horizonDays - 1];
        if (p == 1.0) {
            return top;
        }
        double target = p * horizonDays;
        int k = (int) Math.ceil(target); // the count of days at or below the answer must reach the target
        if (k <= 0) {
            return 0;
        }
        return Math.min(sorted[k - 1], top);
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
