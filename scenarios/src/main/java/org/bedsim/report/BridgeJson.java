package org.bedsim.report;

import static org.bedsim.report.JsonNumbers.interval;
import static org.bedsim.report.JsonNumbers.number;
import static org.bedsim.report.JsonNumbers.pair;
import static org.bedsim.report.JsonNumbers.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.TreeSet;
import org.bedsim.bridge.BedCount;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.bridge.BridgeStep;
import org.bedsim.calibrate.Assessment;
import org.bedsim.stats.ConfidenceInterval;

/**
 * {@code bridge.json}: a computed bed bridge in stable snake_case keys.
 * <ul>
 * <li>{@code manifest}: as in {@code summary.json}; the only block that may differ between runs with the same
 * inputs and seed.</li>
 * <li>{@code bridge}: base and target year (e.g. "2016/17"), years, replications per configuration,
 * configurations simulated, confidence level.</li>
 * <li>{@code counting}: method, settings counted, unconstrained, occupancy target, risk share of days.</li>
 * <li>{@code base_beds}, {@code final_beds}: {@code {"mean": m, "ci95": [low, high]}}; {@code total_change_beds} and
 * {@code total_change_beds_ci95} (final minus base paired replication by replication).</li>
 * <li>{@code steps}: per step {@code id}, {@code label}, {@code sources}, {@code phasing}, the sequential
 * {@code delta_beds} and its {@code delta_beds_ci95}, the {@code standalone_delta_beds} (the step alone on the base)
 * with its interval, the {@code shapley_delta_beds} with its interval, and {@code cumulative_beds} (beds after the
 * step) with its interval.</li>
 * <li>{@code interaction_beds} (total minus the standalone effects) with its interval, {@code shapley_exact}, and
 * {@code check}: the sums of the sequential bars and of the Shapley values against the total change.</li>
 * <li>{@code trajectory}: per year {@code {"year": "2017/18", "beds": m, "ci95": [low, high]}}.</li>
 * </ul>
 * Numbers are exact ({@link Double#toString}, whole numbers without ".0"); intervals are null with one replication.
 */
public final class BridgeJson {
    /** Version of this file's layout; raised when a key changes meaning or disappears. */
    public static final int FORMAT_VERSION = 1;
    /** The file's name. */
    public static final String FILE_NAME = "bridge.json";

    private static final JsonFactory JSON = new JsonFactory();

    private BridgeJson() {
    }

    /** Writes the file's content without an assessment; depends only on its arguments. */
    public static void write(BridgeDefinition def, BridgeResult result, RunManifest manifest, Writer out)
            throws IOException {
        write(def, result, null, manifest, out);
    }

    /**
     * Writes the file's content; depends only on its arguments. With an assessment, each output says what it rests
     * on ({@code basis}: published, independent, assumed or calibrated, and {@code basis_reason}) and its published
     * value where the plan gives one, and the assessment's sections follow ({@link AssessmentJson}).
     */
    public static void write(BridgeDefinition def, BridgeResult result, Assessment assessment, RunManifest manifest,
            Writer out) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(printer);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("format_version", FORMAT_VERSION);
            SummaryJson.manifest(g, manifest);
            g.writeObjectFieldStart("bridge");
            g.writeStringField("base_year", financialYear(def.baseYear()));
            g.writeStringField("target_year", financialYear(def.targetYear()));
            g.writeNumberField("years", def.years());
            g.writeNumberField("replications", result.replications());
            g.writeNumberField("configurations", result.configurations());
            number(g, "confidence_level", result.base().level());
            g.writeEndObject();
            counting(g, def);
            interval(g, "base_beds", result.base());
            label(g, assessment, "base", "base_");
            interval(g, "final_beds", result.finalBeds());
            label(g, assessment, "final", "final_");
            number(g, "total_change_beds", result.totalChange());
            if (result.change() != null) {
                pair(g, "total_change_beds_ci95", result.change());
            }
            g.writeArrayFieldStart("steps");
            for (int i = 0; i < result.bars().size(); i++) {
                step(g, result.bars().get(i), def.steps().get(i), assessment);
            }
            g.writeEndArray();
            number(g, "interaction_beds", result.interaction().mean());
            pair(g, "interaction_beds_ci95", result.interaction());
            g.writeBooleanField("shapley_exact", result.shapleyExact());
            g.writeObjectFieldStart("check");
            number(g, "sum_of_delta_beds", result.bars().stream().mapToDouble(b -> b.delta().mean()).sum());
            number(g, "sum_of_shapley_delta_beds", result.bars().stream().mapToDouble(b -> b.shapley().mean())
                    .sum());
            number(g, "total_change_beds", result.totalChange());
            g.writeEndObject();
            g.writeArrayFieldStart("trajectory");
            for (BridgeResult.YearBeds y : result.trajectory()) {
                g.writeStartObject();
                g.writeStringField("year", financialYear(y.year()));
                number(g, "beds", y.beds().mean());
                pair(g, "ci95", y.beds());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (assessment != null) {
                AssessmentJson.write(g, assessment);
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** @return e.g. "2016/17" for 2016 */
    public static String financialYear(int year) {
        return year + "/" + String.format(Locale.ROOT, "%02d", Math.floorMod(year + 1, 100));
    }

    /** @return the method's key in outputs: mean_occupancy, percentile, or a waiting measure's KPI key */
    public static String methodKey(BedCount method) {
        return method.name().toLowerCase(Locale.ROOT);
    }

    private static void counting(JsonGenerator g, BridgeDefinition def) throws IOException {
        g.writeObjectFieldStart("counting");
        g.writeStringField("method", methodKey(def.method()));
        // what every figure of the bridge is in: beds, or a waiting measure's unit (a share: 0.012 is 1.2 %)
        g.writeStringField("unit", def.method().unit());
        g.writeArrayFieldStart("settings");
        for (String s : new TreeSet<>(def.counted())) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeBooleanField("unconstrained", def.base().unconstrained());
        number(g, "occupancy_target", def.base().occupancyTarget());
        number(g, "risk_share_of_days", def.base().riskShareOfDays());
        g.writeEndObject();
    }

    private static void label(JsonGenerator g, Assessment a, String key, String prefix) throws IOException {
        if (a == null) {
            return;
        }
        g.writeStringField(prefix + "basis", AssessmentJson.basis(a, key));
        g.writeStringField(prefix + "basis_reason", a.labels().reasons().getOrDefault(key, ""));
        if (a.published().containsKey(key)) {
            number(g, prefix.isEmpty() ? "published_delta_beds" : prefix + "published_beds", a.published().get(key));
        }
    }

    private static void step(JsonGenerator g, BridgeResult.Bar bar, BridgeStep step, Assessment a)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", bar.id());
        g.writeStringField("label", bar.label());
        g.writeArrayFieldStart("sources");
        for (String s : bar.sources()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("phasing");
        g.writeNumberField("from_year", step.fromYear());
        g.writeNumberField("full_year", step.fullYear());
        g.writeEndObject();
        label(g, a, bar.id(), "");
        number(g, "delta_beds", bar.delta().mean());
        pair(g, "delta_beds_ci95", bar.delta());
        number(g, "standalone_delta_beds", bar.standalone().mean());
        pair(g, "standalone_delta_beds_ci95", bar.standalone());
        number(g, "shapley_delta_beds", bar.shapley().mean());
        pair(g, "shapley_delta_beds_ci95", bar.shapley());
        number(g, "cumulative_beds", bar.cumulative().mean());
        pair(g, "cumulative_beds_ci95", bar.cumulative());
        g.writeEndObject();
    }
}
