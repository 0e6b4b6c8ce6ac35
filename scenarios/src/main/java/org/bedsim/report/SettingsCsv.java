package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.SettingKpi;
import org.bedsim.stats.ConfidenceInterval;

/**
 * {@code settings.csv}: one row per setting and KPI, tidy for R or pandas. Columns: setting, kpi (the stable
 * snake_case key), unit, mean, ci95_low, ci95_high (NA with a single replication), replications.
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
                org.bedsim.model.KpiInterval ci = summary.kpi(setting, kpi);
                Numbers.field(out, setting);
                out.write(',');
                out.write(kpi.key());
                out.write(',');
                Numbers.field(out, kpi.unit());
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
    }
}
