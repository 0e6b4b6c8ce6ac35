package org.bedsim.report;

import static org.bedsim.report.JsonNumbers.number;
import static org.bedsim.report.JsonNumbers.pair;
import static org.bedsim.report.JsonNumbers.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.compare.InverseSearch;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.Target;
import org.bedsim.model.FlowSettings;
import org.bedsim.stats.ConfidenceInterval;

/**
 * {@code compare.json}: a comparison of options on common random numbers, in stable snake_case keys.
 * <ul>
 * <li>{@code manifest}: bedsim version, the options file (name, path, SHA-256), the base scenario file and its
 * SHA-256, seed, replications, threads, Java version, start and end time.</li>
 * <li>{@code run}: the shared calendar, confidence level and replications.</li>
 * <li>{@code base} and {@code options}: each option's name, description, {@code based_on} and the list of what it
 * changes.</li>
 * <li>{@code kpis}: one entry per option, setting (or {@code kind:acute}, ... for the settings of a kind taken
 * together, or {@code system}) and KPI: {@code value} and {@code difference_from_base} (option minus base,
 * replication by replication), each {@code {"mean": m, "ci95": [low, high]}}; the difference is null where the base
 * has no such setting.</li>
 * <li>{@code targets}: per target, its definition and per option the value, {@code met} (by the mean) and
 * {@code met_with_confidence} (by the whole interval).</li>
 * <li>{@code optimise}: per bed search, the fewest beds meeting the target ({@code beds}, null if the search's upper
 * bound misses it), the target's value there and at one bed fewer.</li>
 * </ul>
 */
public final class CompareJson {
    /** Version of this file's layout; raised when a key changes meaning or disappears. */
    public static final int FORMAT_VERSION = 1;
    /** The file's name. */
    public static final String FILE = "compare.json";

    private static final JsonFactory JSON = new JsonFactory();

    private CompareJson() {
    }

    /** Writes the file's content ("\n" line ends, no locale, no clock beyond the manifest). */
    public static void write(ComparisonRun run, Writer out) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        Comparison c = run.comparison();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(printer);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("format_version", FORMAT_VERSION);
            manifest(g, run);
            FlowSettings s = c.options().get(0).summary().settings();
            g.writeObjectFieldStart("run");
            g.writeStringField("start_date", s.startDate().toString());
            g.writeStringField("end_date", s.startDate().plusDays((long) Math.ceil(s.horizonDays())).toString());
            number(g, "horizon_days", s.horizonDays());
            number(g, "warmup_days", s.warmupDays());
            number(g, "confidence_level", c.options().get(0).summary().level());
            g.writeNumberField("replications", c.options().get(0).summary().replications().size());
            g.writeBooleanField("common_random_numbers", true);
            g.writeEndObject();
            g.writeStringField("base", c.base());
            g.writeArrayFieldStart("options");
            for (ComparisonRun.OptionInfo o : run.options()) {
                g.writeStartObject();
                g.writeStringField("name", o.name());
                g.writeStringField("description", o.description());
                g.writeStringField("based_on", o.base() ? null : o.basedOn() == null ? c.base() : o.basedOn());
                g.writeArrayFieldStart("changes");
                for (String ch : o.changes()) {
                    g.writeString(ch);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("kpis");
            for (Comparison.Row r : c.rows()) {
                g.writeStartObject();
                g.writeStringField("option", r.option());
                g.writeStringField("setting", r.setting());
                g.writeStringField("kpi", r.kpi());
                g.writeStringField("unit", r.unit());
                interval(g, "value", r.value());
                interval(g, "difference_from_base", r.difference());
                g.writeEndObject();
            }
            g.writeEndArray();
            targets(g, c);
            g.writeArrayFieldStart("optimise");
            for (ComparisonRun.SearchResult sr : run.searches()) {
                g.writeStartObject();
                if (sr.inverse() != null) {
                    inverse(g, sr);
                    g.writeEndObject();
                    continue;
                }
                g.writeStringField("search", "beds");
                g.writeStringField("option", sr.option());
                g.writeStringField("setting", sr.setting());
                g.writeStringField("target", sr.target().label());
                g.writeNumberField("low", sr.low());
                g.writeNumberField("high", sr.high());
                if (sr.optimum() == null) {
                    g.writeNullField("beds");
                    g.writeNullField("value");
                    g.writeNullField("one_fewer");
                    g.writeStringField("note", "even " + sr.high() + " beds miss the target");
                } else {
                    g.writeNumberField("beds", sr.optimum().beds());
                    interval(g, "value", sr.optimum().value());
                    interval(g, "one_fewer", sr.optimum().oneFewer());
                    g.writeNumberField("runs", sr.optimum().runs());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** A search on stays or arrivals: the lever, its range, the answer with the target there and a step beyond. */
    private static void inverse(JsonGenerator g, ComparisonRun.SearchResult sr) throws IOException {
        InverseSearch.Result r = sr.inverse();
        g.writeStringField("search", r.lever().kind() == InverseSearch.Kind.STAY_CUT ? "stay_cut" : "arrivals");
        g.writeStringField("option", sr.option());
        if (r.lever().setting() != null) {
            g.writeStringField("setting", r.lever().setting());
        }
        g.writeArrayFieldStart("cohorts");
        for (String c : r.lever().cohorts()) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeStringField("target", sr.target().label());
        JsonNumbers.number(g, "low", r.low());
        JsonNumbers.number(g, "high", r.high());
        JsonNumbers.number(g, "step", r.step());
        g.writeBooleanField("found", r.found());
        g.writeBooleanField("at_bound", r.atBound());
        JsonNumbers.number(g, "value", r.value());
        if (r.atValue() != null) {
            interval(g, "target_at_value", r.atValue());
        }
        JsonNumbers.number(g, "next_step", r.nextStep());
        if (r.atNextStep() != null) {
            interval(g, "target_at_next_step", r.atNextStep());
        }
        JsonNumbers.number(g, "confident_value", r.confidentValue());
        if (r.atConfidentValue() != null) {
            interval(g, "target_at_confident_value", r.atConfidentValue());
        }
        g.writeArrayFieldStart("tried");
        for (var e : new java.util.TreeMap<>(r.tried()).entrySet()) {
            g.writeStartObject();
            JsonNumbers.number(g, "value", e.getKey());
            interval(g, "target", e.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("runs", r.runs());
    }

    private static void manifest(JsonGenerator g, ComparisonRun run) throws IOException {
        RunManifest m = run.manifest();
        g.writeObjectFieldStart("manifest");
        g.writeStringField("bedsim_version", m.bedsimVersion());
        g.writeStringField("options_name", m.scenarioName());
        g.writeStringField("options_file", m.scenarioFile());
        g.writeStringField("options_sha256", m.scenarioSha256());
        g.writeStringField("base_scenario_file", run.baseScenarioFile());
        g.writeStringField("base_scenario_sha256", run.baseScenarioSha256());
        g.writeNumberField("seed", m.seed());
        g.writeNumberField("replications", m.replications());
        g.writeNumberField("threads", m.threads());
        g.writeStringField("java_version", m.javaVersion());
        g.writeStringField("started_at", m.startedAt().toString());
        g.writeStringField("finished_at", m.finishedAt().toString());
        g.writeEndObject();
    }

    private static void targets(JsonGenerator g, Comparison c) throws IOException {
        Map<Target, java.util.List<Comparison.TargetCheck>> byTarget = new LinkedHashMap<>();
        for (Comparison.TargetCheck t : c.targets()) {
            byTarget.computeIfAbsent(t.target(), k -> new java.util.ArrayList<>()).add(t);
        }
        g.writeArrayFieldStart("targets");
        for (Map.Entry<Target, List<Comparison.TargetCheck>> e : byTarget.entrySet()) {
            Target t = e.getKey();
            g.writeStartObject();
            g.writeStringField("label", t.label());
            g.writeArrayFieldStart("settings");
            for (String s : t.settings()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeStringField("kpi", t.kpi().key());
            number(g, t.atMost() ? "at_most" : "at_least", t.threshold());
            g.writeArrayFieldStart("results");
            for (Comparison.TargetCheck ch : e.getValue()) {
                g.writeStartObject();
                g.writeStringField("option", ch.option());
                interval(g, "value", ch.value());
                g.writeBooleanField("met", ch.met());
                g.writeBooleanField("met_with_confidence", ch.metWithConfidence());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void interval(JsonGenerator g, String name, ConfidenceInterval ci) throws IOException {
        if (ci == null) {
            g.writeNullField(name);
            return;
        }
        JsonNumbers.interval(g, name, ci);
    }
}
