package org.bedsim.model;

/**
 * The demand measures of a setting: what the same patients would need if every setting had unlimited beds (nobody
 * refused, diverted, cancelled, queued or blocked). They answer "how many beds do we need?"; the beds-required KPIs
 * of {@link SettingKpi} are measured as run, with the setting's beds, and count queued and blocked patients but not
 * refused, diverted or cancelled ones.
 */
public enum DemandKpi {
    /** Mean number of beds occupied with unlimited beds. */
    MEAN_DEMAND("demand_mean", "mean demand, unlimited beds"),
    /** Mean demand over the occupancy target. */
    BEDS_REQUIRED_MEAN("demand_beds_required_mean", "beds required (demand, unlimited beds), mean method"),
    /** The fewest beds midnight demand exceeds on at most the risk share of days. */
    BEDS_REQUIRED_PERCENTILE("demand_beds_required_percentile",
            "beds required (demand, unlimited beds), percentile method");

    private final String key;
    private final String label;

    DemandKpi(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** @return the stable snake_case name, for files */
    public String key() {
        return key;
    }

    /** @return a label for readers */
    public String label() {
        return label;
    }

    /** @return the unit: beds */
    public String unit() {
        return "beds";
    }
}
