package org.bedsim.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.bedsim.calibrate.OutputCalibrator;

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
     * One declared calibration as the file reports it, in the order the solver solved them.
     *
     * @param id the calibration's id
     * @param label its label (the id when the file gives none)
     * @param scale true if it scales the paths, false if it sets them
     * @param paths the paths as declared
     * @param concretePaths the paths it reaches in the scenario
     * @param quarterly the quarterly metric its target sums
     * @param periods the periods its target sums
     * @param targetSource the source id of the published figure
     * @param targetCitation the citation of that figure
     * @param whyCalibrated the citation of the calibration's own source (why the input is not published)
     */
    public record Input(String id, String label, boolean scale, List<String> paths, List<String> concretePaths,
            String quarterly, List<String> periods, String targetSource, String targetCitation,
            String whyCalibrated) {
    }

    /**
     * One quarter's figure with the calibrated inputs.
     *
     * @param ci95 the 95 % interval of the mean, {low, high}
     * @param prediction95 the 95 % prediction interval, {low, high}
     * @param published the published figure (actual, else plan), or null
     * @param status {@code actual} or {@code plan}, or null
     * @param calibrated true if a calibration's target sums this period
     * @param inside whether the published figure lies inside the prediction interval, null without one
     */
    public record Quarter(String period, String kpi, double mean, double[] ci95, double[] prediction95,
            Double published, String status, boolean calibrated, Boolean inside) {
    }

    /**
     * Writes the file's content; depends only on its arguments.
     *
     * @param figures the quarters, or an empty list when only the inputs were solved (bedsim run)
     */
    public static void write(List<Input> calibrations, OutputCalibrator.Result result, List<Quarter> figures,
            RunManifest manifest, Writer out) throws IOException {
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
                Input c = calibrations.get(j);
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("label", c.label());
                g.writeStringField("basis", "calibrated");
                g.writeStringField(c.scale() ? "scale" : "set", String.join(", ", c.paths()));
                g.writeArrayFieldStart("paths");
                for (String p : c.concretePaths()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                JsonNumbers.number(g, "value", s.value());
                pair(g, "ci95", s.interval());
                pair(g, "bounds", new double[] {s.goal().low(), s.goal().high()});
                g.writeObjectFieldStart("target");
                g.writeStringField("quarterly", c.quarterly());
                g.writeArrayFieldStart("periods");
                for (String p : c.periods()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                JsonNumbers.number(g, "published", s.goal().target());
                g.writeStringField("source", c.targetSource());
                g.writeStringField("citation", c.targetCitation());
                g.writeEndObject();
                g.writeObjectFieldStart("reached");
                JsonNumbers.number(g, "mean", s.reached().mean());
                pair(g, "ci95", new double[] {s.reached().low(), s.reached().high()});
                g.writeEndObject();
                JsonNumbers.number(g, "tolerance", s.goal().tolerance());
                g.writeBooleanField("met", s.met());
                JsonNumbers.number(g, "slope", s.slope());
                g.writeStringField("why_calibrated", c.whyCalibrated());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("evaluations", result.evaluations());
            g.writeNumberField("sweeps", result.sweeps());
            g.writeArrayFieldStart("quarters");
            for (Quarter f : figures) {
                g.writeStartObject();
                g.writeStringField("period", f.period());
                g.writeStringField("kpi", f.kpi());
                JsonNumbers.number(g, "mean", f.mean());
                pair(g, "ci95", f.ci95());
                pair(g, "prediction95", f.prediction95());
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
