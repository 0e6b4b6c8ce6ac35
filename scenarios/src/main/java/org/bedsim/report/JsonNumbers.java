package org.bedsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.bedsim.stats.ConfidenceInterval;

/** Numbers and intervals in the JSON outputs: whole numbers without ".0", exact shortest text, null if not finite. */
final class JsonNumbers {
    private JsonNumbers() {
    }

    /** Writes a number value. */
    static void value(JsonGenerator g, double v) throws IOException {
        if (!Double.isFinite(v)) {
            g.writeNull();
        } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }

    /** Writes a number field. */
    static void number(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        value(g, v);
    }

    /** Writes {@code name: [low, high]}, or null when the interval is not finite (one replication). */
    static void pair(JsonGenerator g, String name, ConfidenceInterval ci) throws IOException {
        g.writeFieldName(name);
        if (Double.isFinite(ci.low()) && Double.isFinite(ci.high())) {
            g.writeStartArray();
            value(g, ci.low());
            value(g, ci.high());
            g.writeEndArray();
        } else {
            g.writeNull();
        }
    }

    /** Writes {@code name: {mean, ci95: [low, high]}} with the ends kept inside [min, max]. */
    static void interval(JsonGenerator g, String name, ConfidenceInterval ci, double min, double max)
            throws IOException {
        g.writeObjectFieldStart(name);
        number(g, "mean", ci.mean());
        g.writeFieldName("ci95");
        if (Double.isFinite(ci.low()) && Double.isFinite(ci.high())) {
            g.writeStartArray();
            value(g, Math.max(min, ci.low()));
            value(g, Math.min(max, ci.high()));
            g.writeEndArray();
        } else {
            g.writeNull();
        }
        g.writeEndObject();
    }

    /**
     * Writes {@code name: {mean, ci95: [low, high]}} of a KPI, with {@code events} when it rests on a count of events
     * and {@code trials} when it is a share of them, and {@code few_events: true} when they are too few to trust the
     * interval.
     */
    static void interval(JsonGenerator g, String name, org.bedsim.model.KpiInterval k) throws IOException {
        g.writeObjectFieldStart(name);
        number(g, "mean", k.mean());
        g.writeFieldName("ci95");
        if (k.hasInterval()) {
            g.writeStartArray();
            value(g, k.low());
            value(g, k.high());
            g.writeEndArray();
        } else {
            g.writeNull();
        }
        if (k.events() >= 0) {
            g.writeNumberField("events", k.events());
        }
        if (k.trials() >= 0) {
            g.writeNumberField("trials", k.trials());
        }
        if (k.fewEvents()) {
            g.writeBooleanField("few_events", true);
        }
        g.writeEndObject();
    }

    /** Writes {@code name: {mean, ci95: [low, high]}}. */
    static void interval(JsonGenerator g, String name, ConfidenceInterval ci) throws IOException {
        g.writeObjectFieldStart(name);
        number(g, "mean", ci.mean());
        pair(g, "ci95", ci);
        g.writeEndObject();
    }
}
