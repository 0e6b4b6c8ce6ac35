package org.bedsim.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.Comparisons;
import org.bedsim.model.SettingKind;
import org.bedsim.report.chart.Charts;
import org.bedsim.report.chart.OptionDifference;
import org.bedsim.report.chart.OptionInterval;
import org.jfree.chart.JFreeChart;

/**
 * The option-comparison charts of {@code bedsim compare}: for each kind of setting taken together (acute, community,
 * virtual wards, interim beds), beds required by both methods, mean and 95th percentile occupancy, share of days
 * full, waits and delayed beds; system-wide, patients refused, diverted and cancelled, waits, delayed bed-days and
 * beds, and the composite length of stay. A chart whose values are all exactly zero (say, refusals in a system where
 * nobody is ever refused) is left out.
 */
public final class CompareCharts {
    private CompareCharts() {
    }

    /**
     * One chart.
     *
     * @param name its file name, without extension
     * @param setting the (pseudo-)setting it shows, e.g. {@code kind:acute} or {@code system}
     * @param kpi the KPI's key
     * @param label what it shows, for titles
     * @param caption how to read it (how a kind's settings combine), for reports
     * @param chart the main view: each option's paired difference from the base with its interval, against a line
     *     at zero (the options' values when no option but the base has the KPI)
     * @param values the second view: each option's value with its own interval
     */
    public record KeyChart(String name, String setting, String kpi, String label, String caption,
            JFreeChart chart, JFreeChart values) {
        /** @return the file name of the values view, without extension */
        public String valuesName() {
            return name + "-values";
        }
    }

    /** A key KPI: its key and label. */
    private record Key(String kpi, String label) {
    }

    private static final List<Key> GROUP = List.of(
            new Key("demand_beds_required_mean", "beds required (demand, unlimited beds), mean method"),
            new Key("demand_beds_required_percentile", "beds required (demand, unlimited beds), percentile method"),
            new Key("beds_required_mean", "beds required (as run, with the option's beds), mean method"),
            new Key("beds_required_percentile", "beds required (as run, with the option's beds), percentile method"),
            new Key("mean_occupancy", "mean occupied beds"),
            new Key("occupancy_p95", "95th percentile of occupied beds"),
            new Key("share_of_days_full", "share of days full"),
            new Key("mean_wait_days", "mean wait for a bed"),
            new Key("share_waits_over_long", "share of admissions waiting over the long threshold"),
            new Key("share_of_days_with_long_wait", "share of days with a wait over the long threshold"),
            new Key("mean_delayed_beds", "beds held by delayed patients"));

    /** How each KPI of a kind of setting combines its settings, for captions. */
    private static final java.util.Map<String, String> COMBINED = java.util.Map.ofEntries(
            java.util.Map.entry("demand_beds_required_mean", "summed over the settings: mean demand of the same "
                    + "patients with unlimited beds over the target occupancy, each sized alone"),
            java.util.Map.entry("demand_beds_required_percentile", "summed over the settings: beds that the same "
                    + "patients' demand with unlimited beds exceeds on at most the risk share of days, each sized "
                    + "alone"),
            java.util.Map.entry("beds_required_mean", "summed over the settings: mean demand as run (occupied, "
                    + "queued and blocked patients; not refused, diverted or cancelled ones) over the target "
                    + "occupancy, each sized alone"),
            java.util.Map.entry("beds_required_percentile", "summed over the settings: beds that demand as run "
                    + "exceeds on at most the risk share of days, each sized alone"),
            java.util.Map.entry("mean_occupancy", "summed over the settings"),
            java.util.Map.entry("occupancy_p95", "summed over the settings"),
            java.util.Map.entry("share_of_days_full", "the mean over the settings of the share of midnights with "
                    + "every bed taken"),
            java.util.Map.entry("mean_wait_days", "of the patients who waited, in any of the settings"),
            java.util.Map.entry("share_waits_over_long", "the settings' waits over the threshold summed, over their "
                    + "admissions summed"),
            java.util.Map.entry("share_of_days_with_long_wait", "the mean over the settings of each one's share of "
                    + "days"),
            java.util.Map.entry("mean_delayed_beds", "summed over the settings: patients fit to move on, waiting for "
                    + "the next setting"));

    private static final List<Key> SYSTEM = List.of(
            new Key("refused", "patients turned away"),
            new Key("diverted", "patients diverted"),
            new Key("cancelled", "elective admissions cancelled"),
            new Key("mean_wait_days", "mean wait for a bed"),
            new Key("waits_over_long", "admissions after a wait over the long threshold"),
            new Key("reneged", "patients who left the queue before a bed"),
            new Key("delayed_days", "delayed bed-days"),
            new Key("mean_delayed_beds", "beds held by delayed patients"),
            new Key("composite_stay_days", "composite length of stay"));

    /** @return the key charts of a comparison, in report order */
    public static List<KeyChart> build(Comparison c) {
        List<KeyChart> out = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        for (SettingKind kind : SettingKind.values()) {
            String g = Comparisons.kindGroup(kind);
            if (c.rows().stream().anyMatch(r -> r.setting().equals(g))) {
                groups.add(g);
            }
        }
        for (String g : groups) {
            for (Key k : GROUP) {
                add(out, c, g, k, kindLabel(g) + ": " + k.label(), kindLabel(g) + ": " + k.label() + ", "
                        + COMBINED.get(k.kpi()) + ".");
            }
        }
        for (Key k : SYSTEM) {
            add(out, c, Comparison.SYSTEM, k, "Whole system: " + k.label(), "Whole system: " + k.label()
                    + (k.kpi().equals("composite_stay_days") ? ", from arrival to leaving the system (acute and "
                    + "community stays, delays included)." : "."));
        }
        return out;
    }

    /** @return e.g. "Acute settings" for {@code kind:acute} */
    public static String kindLabel(String group) {
        String kind = group.substring(Comparisons.KIND_PREFIX.length());
        return switch (kind) {
            case "virtual_ward" -> "Virtual wards";
            case "interim" -> "Interim beds";
            default -> kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1) + " settings";
        };
    }

    private static void add(List<KeyChart> out, Comparison c, String setting, Key k, String label,
            String caption) {
        List<OptionInterval> intervals = new ArrayList<>();
        List<OptionDifference> differences = new ArrayList<>();
        boolean allZero = true;
        String unit = null;
        for (Comparison.Option o : c.options()) {
            Comparison.Row r = c.row(o.name(), setting, k.kpi());
            if (r == null) {
                continue;
            }
            unit = r.unit();
            allZero &= r.value().mean() == 0 && !(r.value().halfWidth() > 0);
            intervals.add(new OptionInterval(o.name(), o.name().equals(c.base()), r.value()));
            if (!o.name().equals(c.base()) && r.difference() != null) {
                differences.add(new OptionDifference(o.name(), r.difference()));
            }
        }
        if (intervals.isEmpty() || allZero) {
            return;
        }
        String name = "compare-" + (setting.startsWith(Comparisons.KIND_PREFIX)
                ? setting.substring(Comparisons.KIND_PREFIX.length()).replace('_', '-') : setting) + "-"
                + k.kpi().replace('_', '-');
        JFreeChart values = Charts.optionComparison(label, unit, intervals);
        JFreeChart main = differences.isEmpty() ? values : Charts.optionDifference(label, unit, c.base(), differences);
        String difference = differences.isEmpty() ? "" : " The chart shows each option's paired difference from "
                + c.base() + " (option minus base on common random numbers, with its 95 % interval); an interval "
                + "clear of the zero line is a real difference even where the options' own intervals overlap."
                + ("share".equals(unit) ? " Differences of shares are in percentage points." : "");
        out.add(new KeyChart(name, setting, k.kpi(), label, caption + difference, main, values));
    }
}
