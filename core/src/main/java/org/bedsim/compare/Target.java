package org.bedsim.compare;

import org.bedsim.model.SettingKpi;

/**
 * A planning target on a KPI summed over some settings, e.g. "share of days the acute sites are full &lt;= 5 %" or
 * "delayed beds &lt;= 20".
 *
 * @param label for people
 * @param settings the settings whose KPI values are added (for shares, use one setting or read the sum as such)
 * @param kpi the measure
 * @param atMost true for "at most threshold", false for "at least threshold"
 * @param threshold the bound
 */
public record Target(String label, java.util.List<String> settings, SettingKpi kpi, boolean atMost,
        double threshold) {

    /** Validates and freezes. */
    public Target {
        settings = java.util.List.copyOf(settings);
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("target " + label + " names no setting");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("target " + label + " needs a finite threshold, was " + threshold);
        }
    }

    /** @return true if a value meets the target */
    public boolean met(double value) {
        return atMost ? value <= threshold : value >= threshold;
    }
}
