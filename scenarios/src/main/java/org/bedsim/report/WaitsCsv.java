package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.WaitSeries;

/**
 * {@code waits.csv}: waits for a bed day by day in tidy long format, one row per replication, day and setting where
 * arrivals can wait. Columns: replication, date, setting, admitted (non-elective arrivals from outside admitted that
 * day), over_standard and over_long (of which after waiting longer than the standard and the long threshold, from
 * the decision to admit), peak_waiting (the most waiting at once in the day), long_wait_day (1 if someone in the
 * queue had waited longer than the long threshold at some moment of the day).
 */
public final class WaitsCsv implements ResultsWriter {
    /** The header line. */
    public static final String HEADER = "replication,date,setting,admitted,over_standard,over_long,peak_waiting,"
            + "long_wait_day";

    @Override
    public String fileName() {
        return "waits.csv";
    }

    @Override
    public void write(FlowSummary summary, RunManifest manifest, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        List<String> settings = summary.settingNames().stream().filter(n -> WaitTables.canWait(summary, n))
                .toList();
        StringBuilder line = new StringBuilder(96);
        for (FlowResult r : summary.replications()) {
            WaitSeries w = r.waits();
            if (w == null) {
                continue;
            }
            int[] columns = settings.stream().mapToInt(w::column).toArray();
            String[] names = settings.stream().map(Numbers::quoted).toArray(String[]::new);
            LocalDate date = w.startDate();
            for (int d = 0; d < w.days(); d++, date = date.plusDays(1)) {
                String day = date.toString();
                for (int i = 0; i < columns.length; i++) {
                    int s = columns[i];
                    line.setLength(0);
                    line.append(r.replication()).append(',').append(day).append(',').append(names[i]).append(',')
                            .append(w.admitted(d, s)).append(',').append(w.overStandard(d, s)).append(',')
                            .append(w.overLong(d, s)).append(',').append(w.peakWaiting(d, s)).append(',')
                            .append(w.longWaitDay(d, s) ? 1 : 0).append('\n');
                    out.append(line);
                }
            }
        }
    }
}
