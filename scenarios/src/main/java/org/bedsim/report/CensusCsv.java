package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import org.bedsim.model.CensusSeries;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSummary;

/**
 * {@code census.csv}: the midnight census in tidy long format, one row per replication, day and setting. Columns:
 * replication, date (the day whose midnight ends it, ISO), setting, occupied (beds), delayed (patients fit but
 * blocked), waiting (arrivals waiting for a bed there).
 */
public final class CensusCsv implements ResultsWriter {
    /** The header line. */
    public static final String HEADER = "replication,date,setting,occupied,delayed,waiting";

    @Override
    public String fileName() {
        return "census.csv";
    }

    @Override
    public void write(FlowSummary summary, RunManifest manifest, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(96);
        for (FlowResult r : summary.replications()) {
            CensusSeries c = r.census();
            int days = c.days();
            int settings = c.settings().size();
            String[] names = c.settings().stream().map(Numbers::quoted).toArray(String[]::new);
            LocalDate date = c.startDate();
            for (int d = 0; d < days; d++, date = date.plusDays(1)) {
                String day = date.toString();
                for (int s = 0; s < settings; s++) {
                    line.setLength(0);
                    line.append(r.replication()).append(',').append(day).append(',').append(names[s])
                            .append(',').append(c.occupied(d, s)).append(',').append(c.delayed(d, s)).append(',')
                            .append(c.waiting(d, s)).append('\n');
                    out.append(line);
                }
            }
        }
    }
}
