package org.bedsim.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.bedsim.calibrate.OutputCalibrator;
import org.bedsim.scenario.CalibrateSpec;
import org.bedsim.scenario.QuarterlyCalibration;

/**
 * {@code calibration.json} of a scenario calibrated against quarterly metrics: the run manifest (the file's SHA-256,
 * seed and replications the values depend on), each solved input (value, 95 % interval, bounds, the paths it sets
 * or scales, the target with its periods, published value and source, the output reached, tolerance, whether met),
 * and, from {@code bedsim calibrate}, every quarter's figure with the calibrated inputs: mean, 95 % interval, 95 %
 * prediction interval, the published figure and its status, {@code basis} (calibrated for a period a target sums,
 * predicted for the others) and whether the published figure lies inside the prediction interval.
 */
public final class QuarterlyCalibrationJson {
    private QuarterlyCalibrationJson() {
    }

    /**
     * Writes the file's content; depends only on its arguments.
     *
     * @param figures the quarters, or an empty list when only the inputs were solved (bedsim run)
     */
    public static void write(QuarterlyCalibration calibration, OutputCalibrator.Result result,
            List<QuarterlyCalibration.Figure> figures, RunManifest manifest, Writer out) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(printer);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("format_version", 1);
            SummaryJson.manifest(g, manifest);
            g.writeArrayFieldStart("calibrations");
            for (int j = 0; j < result.solved().size(); j++) {
                OutputCalibrator.Solved s = result.solved().get(j);
                CalibrateSpec c = calibration.calibrations().get(j);
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("label", c.label() != null ? c.label() : c.id());
                g.writeStringField("basis", "calibrated");
                g.writeStringField(c.isScale() ? "scale" : "set", String.join(", ", c.paths()));
                g.writeArrayFieldStart("paths");
                for (String p : calibration.concretePaths().get(c.id())) {
                    g.writeString(p);
                }
                g.writeEndArray();
                JsonNumbers.number(g, "value", s.value());
                pair(g, "ci95", s.interval());
                pair(g, "bounds", new double[] {s.goal().low(), s.goal().high()});
                g.writeObjectFieldStart("target");
                g.writeStringField("quarterly", c.target().quarterly());
                g.writeArrayFieldStart("periods");
                for (String p : c.target().periods()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                JsonNumbers.number(g, "published", s.goal().target());
                g.writeStringField("source", c.target().source());
                g.writeStringField("citation", calibration.citation(c.target().source()));
                g.writeEndObject();
                g.writeObjectFieldStart("reached");
                JsonNumbers.number(g, "mean", s.reached().mean());
                pair(g, "ci95", new double[] {s.reached().low(), s.reached().high()});
                g.writeEndObject();
                JsonNumbers.number(g, "tolerance", s.goal().tolerance());
                g.writeBooleanField("met", s.met());
                JsonNumbers.number(g, "slope", s.slope());
                g.writeStringField("why_calibrated", calibration.citation(c.source()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("evaluations", result.evaluations());
            g.writeNumberField("sweeps", result.sweeps());
            g.writeArrayFieldStart("quarters");
            for (QuarterlyCalibration.Figure f : figures) {
                g.writeStartObject();
                g.writeStringField("period", f.period());
                g.writeStringField("kpi", f.kpi());
                JsonNumbers.number(g, "mean", f.mean());
                pair(g, "ci95", new double[] {f.ci95().low(), f.ci95().high()});
                pair(g, "prediction95", f.prediction());
                g.writeStringField("basis", f.calibrated() ? "calibrated" : "predicted");
                if (f.published() != null) {
                    JsonNumbers.number(g, "published", f.published());
                    g.writeStringField("published_status", f.status());
                    g.writeBooleanField("published_inside_prediction", Boolean.TRUE.equals(f.inside()));
                } else {
                    g.writeNullField("published");
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void pair(JsonGenerator g, String name, double[] v) throws IOException {
        g.writeArrayFieldStart(name);
        for (double d : v) {
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        }
        g.writeEndArray();
    }
}
