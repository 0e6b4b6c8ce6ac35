package org.bedsim.report.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.Comparisons;

/** The key KPIs a comparison report tabulates, per kind of setting taken together and system-wide. */
final class CompareKeys {
    private CompareKeys() {
    }

    /** A key KPI, for groups of settings, for the system, or both. */
    record Key(String kpi, String label, boolean group, boolean system) {
        boolean appliesTo(String setting) {
            return setting.equals(Comparison.SYSTEM) ? system : group;
        }
    }

    static final List<Key> KEYS = List.of(
            new Key("demand_beds_required_mean", "beds required (demand, unlimited beds), mean method", true, false),
            new Key("demand_beds_required_percentile", "beds required (demand, unlimited beds), percentile method",
                    true, false),
            new Key("beds_required_mean", "beds required (as run, with the option's beds), mean method", true,
                    false),
            new Key("beds_required_percentile", "beds required (as run, with the option's beds), percentile method",
                    true, false),
            new Key("mean_occupancy", "mean occupied beds", true, false),
            new Key("occupancy_p95", "95th percentile of occupied beds", true, false),
            new Key("share_of_days_full", "share of days full", true, false),
            new Key("refused", "refused, patients", true, true),
            new Key("diverted", "diverted, patients", true, true),
            new Key("cancelled", "cancelled, patients", true, true),
            new Key("mean_wait_all_days", "mean wait of all admitted (zero waits included), days", true, true),
            new Key("mean_wait_days", "mean wait of those who waited, days", true, true),
            new Key("mean_queue_length", "mean number waiting (time-weighted)", true, true),
            new Key("delayed_days", "delayed bed-days", true, true),
            new Key("mean_delayed_beds", "delayed beds", true, true),
            new Key("composite_stay_days", "composite length of stay, days", false, true));

    /** @return the kinds present ({@code kind:...}) and the system, in report order */
    static List<String> settings(Comparison c) {
        Set<String> out = new LinkedHashSet<>();
        for (Comparison.Row r : c.rows()) {
            if (r.setting().startsWith(Comparisons.KIND_PREFIX)) {
                out.add(r.setting());
            }
        }
        out.add(Comparison.SYSTEM);
        return new ArrayList<>(out);
    }
}
