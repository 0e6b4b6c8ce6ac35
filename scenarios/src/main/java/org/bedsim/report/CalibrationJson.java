package org.bedsim.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.bedsim.calibrate.Assessment;

/**
 * {@code calibration.json}, written by {@code bedsim calibrate}: the run manifest (with the scenario file's SHA-256,
 * the seed and replications the values were solved with: what they depend on), the reconstruction's solved inputs
 * (value, 95 % interval, bounds, target with its source, output reached, tolerance, whether met, the value the
 * prediction uses, the evidence and whether the value is plausible against it), the prediction's base-year
 * calibrations, and the findings in words.
 */
public final class CalibrationJson {
    /** The file's name. */
    public static final String FILE_NAME = "calibration.json";

    private CalibrationJson() {
    }

    /** Writes the file's content; depends only on its arguments. */
    public static void write(List<Assessment.SolvedInput> reconstruction, List<Assessment.SolvedInput> prediction,
            List<String> findings, RunManifest manifest, Writer out) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(printer);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("format_version", 1);
            SummaryJson.manifest(g, manifest);
            g.writeArrayFieldStart("reconstruction");
            for (Assessment.SolvedInput s : reconstruction) {
                AssessmentJson.solved(g, s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("prediction_base_year");
            for (Assessment.SolvedInput s : prediction) {
                AssessmentJson.solved(g, s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (String f : findings) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }
}
