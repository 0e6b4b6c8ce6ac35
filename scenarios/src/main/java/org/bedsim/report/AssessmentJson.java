package org.bedsim.report;

import static org.bedsim.report.JsonNumbers.interval;
import static org.bedsim.report.JsonNumbers.number;
import static org.bedsim.report.JsonNumbers.pair;
import static org.bedsim.report.JsonNumbers.value;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.calibrate.Assessment;
import org.bedsim.calibrate.Calibrator;
import org.bedsim.calibrate.Sensitivity;

/**
 * The assessment's part of {@code bridge.json}: {@code calibrations} (each solved input with its interval, the
 * target and the output reached, the value the prediction uses and the evidence), {@code prediction} (its bars,
 * labels, final beds with the 95 % prediction interval, and the published end point against it),
 * {@code sensitivity} (the tornado of final beds and the variance-based ranking) and {@code findings} in words.
 */
final class AssessmentJson {
    private AssessmentJson() {
    }

    /** Writes the fields into the current object. */
    static void write(JsonGenerator g, Assessment a) throws IOException {
        g.writeArrayFieldStart("calibrations");
        for (Assessment.SolvedInput s : a.calibrations()) {
            solved(g, s);
        }
        g.writeEndArray();
        if (a.prediction() != null) {
            prediction(g, a.prediction());
        }
        if (a.tornado() != null) {
            sensitivity(g, a.tornado(), a.ranking());
        }
        g.writeArrayFieldStart("findings");
        for (String f : a.findings()) {
            g.writeString(f);
        }
        g.writeEndArray();
        if (a.calibrationSource() != null) {
            g.writeStringField("calibration_source", a.calibrationSource());
        }
    }

    /** Writes one solved input as an object. */
    static void solved(JsonGenerator g, Assessment.SolvedInput s) throws IOException {
        Calibrator.Solved v = s.solved();
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("label", s.label());
        g.writeStringField("mode", s.scale() ? "scale" : "set");
        g.writeArrayFieldStart("paths");
        for (String p : s.paths()) {
            g.writeString(p);
        }
        g.writeEndArray();
        number(g, "value", v.value());
        g.writeFieldName("interval95");
        array(g, v.interval());
        g.writeArrayFieldStart("bounds");
        value(g, v.calibration().low());
        value(g, v.calibration().high());
        g.writeEndArray();
        g.writeObjectFieldStart("target");
        g.writeStringField("output", v.calibration().target().output().name().toLowerCase(java.util.Locale.ROOT));
        if (v.calibration().target().step() != null) {
            g.writeStringField("step", v.calibration().target().step());
        }
        number(g, "beds", v.calibration().target().beds());
        g.writeStringField("source", s.targetSource());
        g.writeEndObject();
        interval(g, "reached", v.reached());
        number(g, "tolerance_beds", v.calibration().tolerance());
        g.writeBooleanField("met", v.met());
        if (s.predictionValue() != null) {
            g.writeFieldName("prediction_value");
            array(g, s.predictionValue());
            g.writeStringField("prediction_basis", s.predictionBasis().key());
        }
        if (s.evidence() != null) {
            g.writeFieldName("evidence");
            array(g, s.evidence());
            g.writeStringField("evidence_source", s.evidenceSource());
            g.writeBooleanField("plausible", s.plausible());
        }
        g.writeEndObject();
    }

    private static void prediction(JsonGenerator g, Assessment.Prediction p) throws IOException {
        g.writeObjectFieldStart("prediction");
        g.writeStringField("note", "Only the base year is calibrated: every bar comes from published, independent "
                + "or assumed inputs, ranges drawn once per replication.");
        g.writeArrayFieldStart("base_calibrations");
        for (Assessment.SolvedInput s : p.baseCalibrations()) {
            solved(g, s);
        }
        g.writeEndArray();
        BridgeResult r = p.bridge();
        interval(g, "base_beds", r.base());
        g.writeStringField("base_basis", p.labels().base().key());
        g.writeArrayFieldStart("steps");
        for (BridgeResult.Bar bar : r.bars()) {
            g.writeStartObject();
            g.writeStringField("id", bar.id());
            g.writeStringField("label", bar.label());
            g.writeStringField("basis", p.labels().bar(bar.id()).key());
            g.writeStringField("basis_reason", p.labels().reasons().getOrDefault(bar.id(), ""));
            number(g, "delta_beds", bar.delta().mean());
            pair(g, "delta_beds_ci95", bar.delta());
            g.writeEndObject();
        }
        g.writeEndArray();
        interval(g, "final_beds", r.finalBeds());
        g.writeFieldName("final_beds_prediction_interval95");
        array(g, p.finalInterval());
        g.writeStringField("final_basis", p.labels().finalBeds().key());
        if (p.published() != null) {
            number(g, "published_final_beds", p.published());
            g.writeStringField("published_source", p.publishedSource());
            g.writeBooleanField("published_inside_interval", p.inside());
        }
        g.writeEndObject();
    }

    private static void sensitivity(JsonGenerator g, Sensitivity.Tornado t, Sensitivity.Ranking rk)
            throws IOException {
        g.writeObjectFieldStart("sensitivity");
        g.writeStringField("of", "final beds of the prediction");
        interval(g, "central_final_beds", t.central());
        g.writeArrayFieldStart("tornado");
        for (Sensitivity.TornadoRow row : t.rows()) {
            g.writeStartObject();
            g.writeStringField("input", row.input().id());
            g.writeStringField("label", row.input().label());
            g.writeStringField("basis", row.input().basis().key());
            number(g, "low", row.input().low());
            number(g, "high", row.input().high());
            interval(g, "final_beds_at_low", row.atLow());
            interval(g, "final_beds_at_high", row.atHigh());
            number(g, "swing_beds", row.swing());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (rk != null) {
            g.writeObjectFieldStart("ranking");
            g.writeStringField("method", "standardised regression coefficients of final beds on joint draws");
            g.writeNumberField("samples", rk.samples());
            number(g, "r_squared", rk.rSquared());
            g.writeArrayFieldStart("inputs");
            for (Sensitivity.RankRow row : rk.rows()) {
                g.writeStartObject();
                g.writeStringField("input", row.input().id());
                number(g, "src", row.src());
                number(g, "variance_share", row.share());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void array(JsonGenerator g, double[] v) throws IOException {
        g.writeStartArray();
        for (double d : v) {
            value(g, d);
        }
        g.writeEndArray();
    }

    /** @return the published value of an output, or NaN */
    static double published(Assessment a, String key) {
        if (a == null) {
            return Double.NaN;
        }
        Double v = a.published().get(key);
        return v == null ? Double.NaN : v;
    }

    /** @return the basis key of an output ("base", step id or "final"), or null without an assessment */
    static String basis(Assessment a, String key) {
        if (a == null) {
            return null;
        }
        return switch (key) {
            case "base" -> a.labels().base().key();
            case "final" -> a.labels().finalBeds().key();
            default -> a.labels().bar(key).key();
        };
    }
}
