package org.bedsim.compare;

import java.util.List;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingKpi;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Options compared with a base on the same random streams.
 *
 * @param base the base option's name
 * @param options every option's results, base first
 * @param rows one per option, setting (or {@link #SYSTEM}) and KPI: value and paired difference from the base
 * @param targets one per option and target
 */
public record Comparison(String base, List<Option> options, List<Row> rows, List<TargetCheck> targets) {

    /** The pseudo-setting of system-wide KPIs. */
    public static final String SYSTEM = "system";

    /** Freezes. */
    public Comparison {
        options = List.copyOf(options);
        rows = List.copyOf(rows);
        targets = List.copyOf(targets);
    }

    /** One option's name and results. */
    public record Option(String name, FlowSummary summary) {
    }

    /**
     * One KPI of one setting in one option.
     *
     * @param option option name
     * @param setting setting name, or {@link #SYSTEM}
     * @param kpi stable KPI name ({@link SettingKpi#key()} or a system KPI)
     * @param unit unit label
     * @param value mean and 95 % interval over replications
     * @param difference paired difference from the base (option minus base), mean and 95 % interval; null when the
     *     setting does not exist in the base
     */
    public record Row(String option, String setting, String kpi, String unit, ConfidenceInterval value,
            ConfidenceInterval difference) {
    }

    /**
     * Whether an option meets a target.
     *
     * @param option option name
     * @param target the target
     * @param value the KPI summed over the target's settings, mean and 95 % interval
     * @param met the mean meets the target
     * @param metWithConfidence the whole interval meets it
     */
    public record TargetCheck(String option, Target target, ConfidenceInterval value, boolean met,
            boolean metWithConfidence) {
    }

    /** @return the row of an option, setting and KPI, or null */
    public Row row(String option, String setting, String kpi) {
        for (Row r : rows) {
            if (r.option.equals(option) && r.setting.equals(setting) && r.kpi.equals(kpi)) {
                return r;
            }
        }
        return null;
    }
}
