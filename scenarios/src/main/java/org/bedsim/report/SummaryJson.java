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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.DemandKpi;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.PrecisionRun;
import org.bedsim.model.RunChecks;
import org.bedsim.model.SettingKpi;
import org.bedsim.model.WarmupCheck;
import org.bedsim.stats.ConfidenceInterval;

/**
 * {@code summary.json}: the run's results with their 95 % intervals, in stable snake_case keys.
 * <ul>
 * <li>{@code manifest}: bedsim version, scenario name, file and SHA-256, seed, replications, threads, Java version,
 * start and end time. The only block that may differ between runs with the same inputs and seed.</li>
 * <li>{@code run}: the effective calendar and targets (defaults filled in).</li>
 * <li>{@code settings}: per setting, its configuration, {@code beds_required} by both methods as run (with the
 * setting's beds) and {@code beds_required_demand} (the same patients with unlimited beds), each with its
 * {@code basis} in words, and every {@link SettingKpi} and {@link DemandKpi} as {@code {"mean": m, "ci95": [low,
 * high]}} (interval null with one replication; a share of counted events is their pooled ratio with a Wilson-type
 * interval and gives its {@code events} and {@code trials}; a mean over counted events, such as the mean wait of
 * those who waited, gives its {@code events}; {@code few_events: true} marks a KPI resting on too few events to
 * trust its interval).</li>
 * <li>{@code system}: arrivals, avoided (removed from the system), redirected (avoided, cared for in another
 * setting instead), readmissions, refused, cancelled, patients reaching each sink, stays and
 * events, all across the whole system.</li>
 * <li>{@code checks}: what the run's output says about trusting it: per setting, warm-up detection (MSER-5 on the
 * mean midnight census of the measured period: the further truncation it finds, the detected warm-up, whether the
 * transient is beyond noise and so the scenario's warm-up too short), the KPIs resting on too few events, and every
 * warning, in words; after {@code run --precision}, the precision asked for and reached, the replications, the cap and
 * the batches.</li>
 * <li>{@code quarters} (when the scenario has a {@code quarterly} section): per financial quarter, then year, its
 * dates, measured days, whether it is complete, and every quarterly KPI with its interval; with
 * {@code quarterly.reablement}, also {@code at_home_91_days_after_reablement}: the share of people aged 65+ discharged
 * from hospital into reablement in the period still at home 91 days later, with its interval, the people at home
 * ({@code events}) and followed ({@code trials}) in all replications.</li>
 * </ul>
 */
public final class SummaryJson implements ResultsWriter {
    /** Version of this file's layout; raised when a key changes meaning or disappears. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    /** What the beds-required figures of a run measure. */
    public static final String AS_RUN = "as run, with the setting's beds: demand counts occupied beds, patients "
            + "waiting for a bed and patients blocked elsewhere waiting to move in, but not patients refused, diverted "
            + "or cancelled because it was full";
    /** What the demand figures measure. */
    public static final String DEMAND = "demand, unlimited beds: the same patients (same arrivals, stays and routes, "
            + "same seed) with unlimited beds in every setting, so nobody is refused, diverted, cancelled, queued or "
            + "blocked; the answer to how many beds are needed";

    private final org.bedsim.metrics.QuarterlyMetrics.Summary quarters;
    private final PrecisionRun.Outcome precision;

    /** A summary without quarterly metrics. */
    public SummaryJson() {
        this(null);
    }

    /** @param quarters the Better Care Fund metrics by quarter, written as a {@code quarters} block (null: none) */
    public SummaryJson(org.bedsim.metrics.QuarterlyMetrics.Summary quarters) {
        this(quarters, null);
    }

    /**
     * @param quarters the Better Care Fund metrics by quarter (null: none)
     * @param precision what a run to a precision ({@code run --precision}) did, written in the {@code checks}
     *     block (null: a fixed number of replications)
     */
    public SummaryJson(org.bedsim.metrics.QuarterlyMetrics.Summary quarters, PrecisionRun.Outcome precision) {
        this.quarters = quarters;
        this.precision = precision;
    }

    @Override
    public String fileName() {
        return "summary.json";
    }

    @Override
    public void write(FlowSummary summary, RunManifest manifest, Writer out) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(printer);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("format_version", FORMAT_VERSION);
            manifest(g, manifest);
            run(g, summary);
            g.writeArrayFieldStart("settings");
            for (String name : summary.settingNames()) {
                setting(g, summary, name);
            }
            g.writeEndArray();
            system(g, summary);
            checks(g, RunChecks.of(summary), precision);
            if (quarters != null) {
                QuartersCsv.json(g, quarters);
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** Writes the {@code manifest} block (shared by every JSON output that carries one). */
    static void manifest(JsonGenerator g, RunManifest m) throws IOException {
        g.writeObjectFieldStart("manifest");
        g.writeStringField("bedsim_version", m.bedsimVersion());
        g.writeStringField("scenario_name", m.scenarioName());
        g.writeStringField("scenario_file", m.scenarioFile());
        g.writeStringField("scenario_sha256", m.scenarioSha256());
        g.writeNumberField("seed", m.seed());
        g.writeNumberField("replications", m.replications());
        g.writeNumberField("threads", m.threads());
        g.writeStringField("java_version", m.javaVersion());
        g.writeStringField("started_at", m.startedAt().toString());
        g.writeStringField("finished_at", m.finishedAt().toString());
        g.writeEndObject();
    }

    private static void run(JsonGenerator g, FlowSummary summary) throws IOException {
        FlowSettings s = summary.settings();
        g.writeObjectFieldStart("run");
        g.writeStringField("start_date", s.startDate().toString());
        g.writeStringField("end_date", s.startDate().plusDays((long) Math.ceil(s.horizonDays())).toString());
        number(g, "horizon_days", s.horizonDays());
        number(g, "warmup_days", s.warmupDays());
        number(g, "occupancy_target", s.occupancyTarget());
        number(g, "risk_share_of_days", s.riskShareOfDays());
        g.writeBooleanField("unconstrained", s.unconstrained());
        number(g, "wait_standard_hours", s.waits().standardHours());
        number(g, "wait_long_hours", s.waits().longHours());
        number(g, "confidence_level", summary.level());
        g.writeNumberField("replications", summary.replications().size());
        g.writeEndObject();
    }

    private static void setting(JsonGenerator g, FlowSummary summary, String name) throws IOException {
        CareSetting cs = summary.settings().setting(name);
        g.writeStartObject();
        g.writeStringField("setting", name);
        g.writeStringField("kind", cs.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeArrayFieldStart("capacity");
        for (CapacityTimeline.Step step : cs.capacity().steps()) {
            g.writeStartObject();
            g.writeStringField("from_date", summary.settings().startDate().plusDays((long) step.fromDay())
                    .toString());
            if (step.beds() == CapacityTimeline.UNLIMITED) {
                g.writeStringField("beds", "unlimited");
            } else {
                g.writeNumberField("beds", step.beds());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("when_full", cs.policy().kind().name().toLowerCase(java.util.Locale.ROOT));
        if (cs.policy().escalationBeds() > 0) {
            g.writeNumberField("escalation_beds", cs.policy().escalationBeds());
        }
        if (cs.policy().divertTo() != null) {
            g.writeStringField("divert_to", cs.policy().divertTo());
        }
        g.writeStringField("priority", cs.priority().name().toLowerCase(java.util.Locale.ROOT));
        g.writeObjectFieldStart("beds_required");
        g.writeStringField("basis", AS_RUN);
        interval(g, "mean_method", summary.interval(name, SettingKpi.BEDS_REQUIRED_MEAN));
        interval(g, "percentile_method", summary.interval(name, SettingKpi.BEDS_REQUIRED_PERCENTILE));
        g.writeEndObject();
        if (summary.demand() != null && summary.demand().has(name)) {
            g.writeObjectFieldStart("beds_required_demand");
            g.writeStringField("basis", DEMAND);
            interval(g, "mean_method", summary.demand().interval(name, DemandKpi.BEDS_REQUIRED_MEAN));
            interval(g, "percentile_method", summary.demand().interval(name, DemandKpi.BEDS_REQUIRED_PERCENTILE));
            interval(g, "mean_demand", summary.demand().interval(name, DemandKpi.MEAN_DEMAND));
            g.writeEndObject();
        }
        g.writeObjectFieldStart("kpis");
        for (SettingKpi kpi : SettingKpi.values()) {
            JsonNumbers.interval(g, kpi.key(), summary.kpi(name, kpi));
        }
        if (summary.demand() != null && summary.demand().has(name)) {
            for (DemandKpi kpi : DemandKpi.values()) {
                JsonNumbers.interval(g, kpi.key(), summary.demand().interval(name, kpi), 0, Double.POSITIVE_INFINITY);
            }
        }
        g.writeEndObject();
        if (WaitTables.canWait(summary, name)) {
            waits(g, summary, name);
        }
        g.writeEndObject();
    }

    /** The waits block of a setting where arrivals can wait: by month, by wait band, reneging by destination. */
    private static void waits(JsonGenerator g, FlowSummary summary, String name) throws IOException {
        g.writeObjectFieldStart("waits");
        g.writeArrayFieldStart("by_month");
        for (WaitTables.Month m : WaitTables.monthly(summary, name)) {
            g.writeStartObject();
            g.writeStringField("month", m.month().toString());
            g.writeNumberField("days", m.days());
            JsonNumbers.interval(g, "admitted", m.admitted(), 0, Double.POSITIVE_INFINITY);
            JsonNumbers.interval(g, "waits_over_standard", m.overStandard(), 0, Double.POSITIVE_INFINITY);
            JsonNumbers.interval(g, "share_waits_over_standard", m.shareOverStandard());
            JsonNumbers.interval(g, "waits_over_long", m.overLong(), 0, Double.POSITIVE_INFINITY);
            JsonNumbers.interval(g, "share_waits_over_long", m.shareOverLong());
            JsonNumbers.interval(g, "share_of_days_with_long_wait", m.shareOfDaysWithLongWait());
            JsonNumbers.interval(g, "mean_daily_peak_waiting", m.meanDailyPeakWaiting(), 0,
                    Double.POSITIVE_INFINITY);
            JsonNumbers.interval(g, "max_daily_peak_waiting", m.maxDailyPeakWaiting(), 0, Double.POSITIVE_INFINITY);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("by_band");
        for (WaitTables.Band b : WaitTables.bands(summary, name)) {
            g.writeStartObject();
            g.writeStringField("band", b.label());
            number(g, "from_hours", b.fromHours());
            g.writeFieldName("to_hours");
            value(g, b.toHours());
            JsonNumbers.interval(g, "patients", b.patients(), 0, Double.POSITIVE_INFINITY);
            JsonNumbers.interval(g, "share", b.share());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("reneged_to");
        for (var e : WaitTables.renegedTo(summary, name).entrySet()) {
            JsonNumbers.interval(g, e.getKey(), e.getValue(), 0, Double.POSITIVE_INFINITY);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void system(JsonGenerator g, FlowSummary summary) throws IOException {
        g.writeObjectFieldStart("system");
        measure(g, summary, "arrivals", FlowResult::arrivals);
        measure(g, summary, "avoided", FlowResult::avoided);
        measure(g, summary, "redirected", FlowResult::redirected);
        measure(g, summary, "readmissions", FlowResult::readmissions);
        measure(g, summary, "refused", FlowResult::refused);
        measure(g, summary, "cancelled", FlowResult::cancelled);
        measure(g, summary, "reached_sinks", FlowResult::reachedSinks);
        measure(g, summary, "in_system_at_start", FlowResult::inSystemAtStart);
        measure(g, summary, "in_system_at_end", FlowResult::inSystemAtEnd);
        measure(g, summary, "mean_system_stay_days", FlowResult::meanSystemStayDays);
        measure(g, summary, "events", FlowResult::events);
        g.writeObjectFieldStart("to_sinks");
        Set<String> sinks = new LinkedHashSet<>();
        summary.replications().forEach(r -> sinks.addAll(r.toSinks().keySet()));
        for (String sink : sinks) {
            measure(g, summary, sink, r -> r.toSinks().getOrDefault(sink, 0L));
        }
        g.writeEndObject();
        long imbalance = 0;
        for (FlowResult r : summary.replications()) {
            imbalance = Math.max(imbalance, Math.abs(r.flowImbalance()));
        }
        g.writeNumberField("max_flow_imbalance", imbalance);
        g.writeEndObject();
    }

    /** The {@code checks} block: warm-up detection per setting, and every warning the run's output gives. */
    static void checks(JsonGenerator g, RunChecks checks, PrecisionRun.Outcome precision) throws IOException {
        g.writeObjectFieldStart("checks");
        if (precision != null) {
            PrecisionRun.Target t = precision.target();
            g.writeObjectFieldStart("precision");
            g.writeStringField("kpi", t.kpi().key());
            g.writeStringField("unit", t.kpi().unit());
            if (t.setting() != null) {
                g.writeStringField("setting", t.setting());
            }
            number(g, "target_half_width", t.halfWidth());
            number(g, "achieved_half_width", precision.achieved());
            g.writeStringField("widest_in", precision.widest());
            g.writeBooleanField("met", precision.met());
            g.writeNumberField("replications", precision.summary().replications().size());
            g.writeNumberField("max_replications", precision.cap());
            g.writeArrayFieldStart("batches");
            for (int b : precision.batches()) {
                g.writeNumber(b);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeArrayFieldStart("warm_up");
        for (WarmupCheck w : checks.warmup()) {
            g.writeStartObject();
            g.writeStringField("setting", w.setting());
            g.writeStringField("method", "MSER-5 on the mean midnight census of the measured period");
            g.writeBooleanField("tested", w.tested());
            number(g, "scenario_warmup_days", w.scenarioWarmupDays());
            if (w.tested()) {
                g.writeNumberField("mser5_truncation_days", w.truncateDays());
                number(g, "detected_warmup_days", w.detectedWarmupDays());
                g.writeBooleanField("steady_state_found", w.found());
                if (w.truncateDays() > 0) {
                    interval(g, "excess_beds", w.excess());
                }
                g.writeBooleanField("transient_beyond_noise", w.beyondNoise());
                g.writeBooleanField("warm_up_too_short", w.tooShort());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("few_events");
        for (RunChecks.FewEvents f : checks.fewEvents()) {
            for (int i = 0; i < f.kpis().size(); i++) {
                g.writeStartObject();
                g.writeStringField("setting", f.setting());
                g.writeStringField("kpi", f.kpis().get(i).key());
                g.writeNumberField("events", f.events().get(i));
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("warnings");
        if (precision != null && precision.warning() != null) {
            g.writeString(precision.warning());
        }
        for (String w : checks.warnings()) {
            g.writeString(w);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void measure(JsonGenerator g, FlowSummary summary, String name, ToDoubleFunction<FlowResult> f)
            throws IOException {
        interval(g, name, summary.interval(f));
    }
}
