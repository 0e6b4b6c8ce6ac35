package org.bedsim.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import org.bedsim.fit.Backtest;

/**
 * backtest.json and backtest.csv: per setting, the observed midnight census against the simulated bands, with
 * coverage, bias, MAPE and bias by weekday and month.
 */
public final class BacktestWriters {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday"};
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};

    private BacktestWriters() {
    }

    /**
     * The comparison's context.
     *
     * @param observedFrom what the observed census is (file and how it was made)
     * @param observedSha256 the observed file's SHA-256
     * @param excludedDays days left out at the start of the observed series and why
     * @param excludedReason why
     */
    public record Context(String observedFrom, String observedSha256, int excludedDays, String excludedReason) {
    }

    /** Writes backtest.json. */
    public static void json(Map<String, Backtest> results, RunManifest manifest, Context context, Writer out)
            throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            SummaryJson.manifest(g, manifest);
            g.writeObjectFieldStart("observed");
            g.writeStringField("source", context.observedFrom());
            g.writeStringField("sha256", context.observedSha256());
            g.writeNumberField("excluded_days_at_start", context.excludedDays());
            g.writeStringField("excluded_because", context.excludedReason());
            g.writeEndObject();
            g.writeObjectFieldStart("settings");
            for (var e : results.entrySet()) {
                Backtest b = e.getValue();
                g.writeObjectFieldStart(e.getKey());
                g.writeStringField("from", b.first().toString());
                g.writeStringField("to", b.first().plusDays(Math.max(0, b.days() - 1)).toString());
                g.writeNumberField("days", b.days());
                JsonNumbers.number(g, "coverage_90", b.coverage90());
                JsonNumbers.number(g, "coverage_50", b.coverage50());
                JsonNumbers.number(g, "mean_bias_beds", b.bias());
                JsonNumbers.number(g, "mape", b.mape());
                g.writeObjectFieldStart("bias_by_weekday");
                for (int i = 0; i < 7; i++) {
                    JsonNumbers.number(g, WEEKDAYS[i], b.biasByWeekday()[i]);
                }
                g.writeEndObject();
                g.writeObjectFieldStart("bias_by_month");
                for (int i = 0; i < 12; i++) {
                    JsonNumbers.number(g, MONTHS[i], b.biasByMonth()[i]);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** Writes backtest.csv: date, setting, observed, simulated mean and percentiles, inside the 90 % band. */
    public static void csv(Map<String, Backtest> results, Writer out) throws IOException {
        out.write("date,setting,observed,simulated_mean,p5,p25,p50,p75,p95,inside_90\n");
        for (var e : results.entrySet()) {
            Backtest b = e.getValue();
            for (int d = 0; d < b.days(); d++) {
                out.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", b.first().plusDays(d),
                        e.getKey(), n(b.observed()[d]), n(b.mean()[d]), n(b.p5()[d]), n(b.p25()[d]), n(b.p50()[d]),
                        n(b.p75()[d]), n(b.p95()[d]), b.observed()[d] >= b.p5()[d] && b.observed()[d] <= b.p95()[d]));
            }
        }
    }

    private static String n(double v) {
        return Numbers.csv(v);
    }
}
