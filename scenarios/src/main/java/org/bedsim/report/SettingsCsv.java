package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import org.bedsim.model.DemandKpi;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.KpiInterval;
import org.bedsim.model.SettingKpi;
import org.bedsim.stats.ConfidenceInterval;

/**
 * {@code settings.csv}: one row per setting and KPI, tidy for R or pandas. Columns: setting, kpi (the stable
 * snake_case key; {@code beds_required_*} are as run, with the setting's beds, {@code demand_*} the same patients
 * with unlimited beds), unit, mean, ci95_low, ci95_high (NA with a single replication), replications.
 */
public final class SettingsCsv implements ResultsWriter {
    /** The header line. */
    public static final String HEADER = "setting,kpi,unit,mean,ci95_low,ci95_high,replications";

    @Override
    public String fileName() {
        return "settings.csv";
    }

    @Override
    public void write(FlowSummary summary, RunManifest manifest, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (String setting : summary.settingNames()) {
            for (SettingKpi kpi : SettingKpi.values()) {
                row(out, setting, kpi.key(), kpi.unit(), summary.kpi(setting, kpi));
            }
            if (summary.demand() != null && summary.demand().has(setting)) {
                for (DemandKpi kpi : DemandKpi.values()) {
                    ConfidenceInterval ci = summary.demand().interval(setting, kpi);
                    row(out, setting, kpi.key(), kpi.unit(), KpiInterval.of(ci, 0, Double.POSITIVE_INFINITY));
                }
            }
        }
    }

    /** A row: the interval already in the KPI's range (a share's Wilson-type, else a t interval kept at 0 or more). */
    private static void row(Writer out, String setting, String kpi, String unit, KpiInterval ci) throws IOException {
        Numbers.field(out, setting);
        out.write(',');
        out.write(kpi);
        out.write(',');
        Numbers.field(out, unit);
        out.write(',');
        out.write(Numbers.csv(ci.mean()));
        out.write(',');
        out.write(Numbers.csv(ci.low()));
        out.write(',');
        out.write(Numbers.csv(ci.high()));
        out.write(',');
        out.write(Long.toString(ci.replications()));
        out.write('\n');
    }
}
