package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;
import org.bedsim.metrics.QuarterlyDefinition;
import org.bedsim.metrics.QuarterlyKpi;
import org.bedsim.metrics.QuarterlyMetrics;
import org.bedsim.model.FlowSummary;
import org.bedsim.stats.ConfidenceInterval;
import org.bedsim.stats.ProportionInterval;

/**
 * {@code quarters.csv}: the Better Care Fund metrics by financial quarter, then by financial year, in tidy long
 * format: one row per period and KPI with the model's mean and 95 % interval, and the published figure for that
 * period and KPI where the scenario gives one (its status actual or plan). Columns: period, start_date, end_date
 * (the first day after it), measured_days, complete (false for a period the run covers in part), kpi, unit, mean,
 * ci95_low, ci95_high, replications, published, published_status, published_source. NA marks a missing value (a
 * rate without its population; no published figure).
 */
public final class QuartersCsv implements ResultsWriter {
    /** The header line. */
    public static final String HEADER = "period,start_date,end_date,measured_days,complete,kpi,unit,mean,ci95_low,"
            + "ci95_high,replications,published,published_status,published_source";

    private final QuarterlyMetrics.Summary quarters;

    /** @param quarters the metrics to write */
    public QuartersCsv(QuarterlyMetrics.Summary quarters) {
        this.quarters = Objects.requireNonNull(quarters, "quarters");
    }

    @Override
    public String fileName() {
        return "quarters.csv";
    }

    @Override
    public void write(FlowSummary summary, RunManifest manifest, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (QuarterlyMetrics.Period p : quarters.periods()) {
            for (QuarterlyKpi k : QuarterlyKpi.all()) {
                ConfidenceInterval ci = quarters.get(p.label(), k);
                QuarterlyDefinition.Published pub = published(p.label(), k.key());
                StringBuilder line = new StringBuilder(160);
                line.append(Numbers.quoted(p.label())).append(',').append(p.start()).append(',').append(p.end())
                        .append(',').append(p.measuredDays()).append(',').append(p.complete()).append(',')
                        .append(k.key()).append(',').append(Numbers.quoted(k.unit())).append(',')
                        .append(Numbers.csv(ci.mean())).append(',').append(Numbers.csv(ci.low())).append(',')
                        .append(Numbers.csv(ci.high())).append(',').append(ci.n()).append(',')
                        .append(pub == null ? "NA" : Numbers.csv(pub.value())).append(',')
                        .append(pub == null ? "NA" : pub.status()).append(',')
                        .append(pub == null || pub.source() == null ? "NA" : Numbers.quoted(pub.source()))
                        .append('\n');
                out.append(line);
            }
            ProportionInterval share = quarters.atHomeAfterReablement().get(p.label());
            if (share != null) {
                QuarterlyKpi k = QuarterlyKpi.AT_HOME_AFTER_REABLEMENT;
                QuarterlyDefinition.Published pub = published(p.label(), k.key());
                out.append(Numbers.quoted(p.label())).append(',').append(p.start().toString()).append(',')
                        .append(p.end().toString()).append(',').append(Integer.toString(p.measuredDays())).append(',')
                        .append(Boolean.toString(p.complete())).append(',').append(k.key()).append(',')
                        .append(Numbers.quoted(k.unit())).append(',').append(Numbers.csv(share.mean())).append(',')
                        .append(Numbers.csv(share.low())).append(',').append(Numbers.csv(share.high())).append(',')
                        .append(Integer.toString(summary.replications().size())).append(',')
                        .append(pub == null ? "NA" : Numbers.csv(pub.value())).append(',')
                        .append(pub == null ? "NA" : pub.status()).append(',')
                        .append(pub == null || pub.source() == null ? "NA" : Numbers.quoted(pub.source()))
                        .append('\n');
            }
        }
    }

    /** The header of the comparison's quarters.csv. */
    public static final String COMPARISON_HEADER = "option,period,kpi,unit,mean,ci95_low,ci95_high,difference_mean,"
            + "difference_ci95_low,difference_ci95_high,replications";

    /**
     * Writes {@code quarters.csv} of {@code bedsim compare}: per option, period and KPI, the value and the paired
     * difference from the base, with their 95 % intervals.
     */
    public static void writeComparison(java.util.List<org.bedsim.metrics.QuarterlyComparison.Row> rows, Writer out)
            throws IOException {
        out.write(COMPARISON_HEADER);
        out.write('\n');
        for (org.bedsim.metrics.QuarterlyComparison.Row r : rows) {
            ConfidenceInterval v = r.value();
            ConfidenceInterval d = r.difference();
            out.write(Numbers.quoted(r.option()) + ',' + Numbers.quoted(r.period()) + ',' + r.kpi().key() + ','
                    + Numbers.quoted(r.kpi().unit()) + ',' + Numbers.csv(v.mean()) + ',' + Numbers.csv(v.low()) + ','
                    + Numbers.csv(v.high()) + ',' + Numbers.csv(d.mean()) + ',' + Numbers.csv(d.low()) + ','
                    + Numbers.csv(d.high()) + ',' + v.n() + '\n');
        }
    }

    private QuarterlyDefinition.Published published(String period, String kpi) {
        return quarters.definition().published(period, kpi);
    }

    /** Writes the {@code quarters} block of summary.json: per period, its days and every KPI with its interval. */
    static void json(com.fasterxml.jackson.core.JsonGenerator g, QuarterlyMetrics.Summary q) throws IOException {
        g.writeArrayFieldStart("quarters");
        for (QuarterlyMetrics.Period p : q.periods()) {
            g.writeStartObject();
            g.writeStringField("period", p.label());
            g.writeStringField("start_date", p.start().toString());
            g.writeStringField("end_date", p.end().toString());
            g.writeNumberField("measured_days", p.measuredDays());
            g.writeBooleanField("complete", p.complete());
            g.writeObjectFieldStart("kpis");
            for (QuarterlyKpi k : QuarterlyKpi.all()) {
                JsonNumbers.interval(g, k.key(), q.get(p.label(), k));
            }
            ProportionInterval share = q.atHomeAfterReablement().get(p.label());
            if (share != null) {
                // people at home at 91 days (events) out of those followed (trials), as a share's KPI is written
                g.writeObjectFieldStart(QuarterlyKpi.AT_HOME_AFTER_REABLEMENT.key());
                JsonNumbers.number(g, "mean", share.mean());
                g.writeFieldName("ci95");
                if (Double.isFinite(share.low()) && Double.isFinite(share.high())) {
                    g.writeStartArray();
                    JsonNumbers.value(g, share.low());
                    JsonNumbers.value(g, share.high());
                    g.writeEndArray();
                } else {
                    g.writeNull();
                }
                g.writeNumberField("events", share.events());
                g.writeNumberField("trials", share.trials());
                if (share.fewEvents()) {
                    g.writeBooleanField("few_events", true);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
