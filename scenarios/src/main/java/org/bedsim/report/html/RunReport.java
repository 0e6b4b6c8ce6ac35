package org.bedsim.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bedsim.metrics.DelayOwner;
import org.bedsim.metrics.QuarterlyDefinition;
import org.bedsim.metrics.QuarterlyKpi;
import org.bedsim.metrics.QuarterlyMetrics;
import org.bedsim.model.FlowResult;
import org.bedsim.model.FlowSummary;
import org.bedsim.report.RunManifest;
import org.bedsim.report.chart.Charts;
import org.bedsim.report.chart.SettingPalette;
import org.bedsim.stats.ConfidenceInterval;

/** The report of {@code bedsim run}: results per setting, charts, and the common sections. */
public final class RunReport {
    private RunReport() {
    }

    /** @return the report of a run */
    public static HtmlReport build(FlowSummary summary, RunManifest manifest, ScenarioFacts facts) {
        return build(summary, manifest, facts, null);
    }

    /** @return the report of a run, with a section of Better Care Fund metrics by quarter (if not null) */
    public static HtmlReport build(FlowSummary summary, RunManifest manifest, ScenarioFacts facts,
            QuarterlyMetrics.Summary quarters) {
        HtmlReport r = new HtmlReport("bedsim: " + facts.name());
        if (facts.description() != null) {
            r.subtitle(facts.description().trim());
        }
        r.subtitle(String.format(Locale.ROOT, "%d replications of %.0f days from %s, seed %d; bedsim %s",
                summary.replications().size(), summary.settings().horizonDays(), summary.settings().startDate(),
                manifest.seed(), manifest.bedsimVersion()));
        HtmlReport.Section results = r.section("Results");
        StandardSections.keyResults(results, summary);
        system(results, summary);
        StandardSections.allKpis(results, summary);

        SettingPalette palette = SettingPalette.of(summary.settings());
        HtmlReport.Section charts = r.section("Charts");
        charts.paragraph("Occupied beds at midnight over time (median across replications, 5th-95th percentile band, "
                + "capacity as a stepped line), then the distribution of occupied beds with capacity, mean and beds "
                + "required, for each setting; and the bed-days of patients delayed waiting to move on.");
        for (String setting : summary.settingNames()) {
            charts.chart(Charts.occupancyOverTime(summary, setting, palette), "occupancy-" + setting,
                    "Occupied beds over time in " + setting + ".");
            charts.chart(Charts.occupancyDistribution(summary, setting, palette), "distribution-" + setting,
                    "Distribution of occupied beds in " + setting + ".");
        }
        charts.chart(Charts.delayedDays(summary, palette), "delayed-days", "Delayed bed-days per setting, by the "
                + "setting awaited.");
        if (quarters != null) {
            quarterly(r.section("Better Care Fund metrics by quarter"), quarters);
        }

        StandardSections.assumptions(r, "Assumptions and sources", facts.sources());
        StandardSections.warnings(r, facts.warnings());
        StandardSections.modelDescription(r, new StandardSections.Experiment("bedsim run " + facts.file(),
                "Estimate the beds each setting needs, and how full, delayed and congested it runs, for the "
                        + "configuration the scenario describes.",
                "None: a single configuration; the confidence intervals show the simulation's own uncertainty.",
                List.of(), List.of("per setting: admissions, occupancy (mean and percentiles), beds required by "
                        + "two methods, share of days full, waits, delayed days by destination",
                        "system-wide: arrivals, avoided, refused, cancelled, composite length of stay"),
                summary.settings(), summary.replications().size(), manifest.seed(), manifest), facts);
        StandardSections.manifest(r, manifest, List.of());
        return r;
    }

    private static final List<QuarterlyKpi> QUARTER_COLUMNS = List.of(QuarterlyKpi.NON_ELECTIVE_ADMISSIONS,
            QuarterlyKpi.DELAYED_DAYS, QuarterlyKpi.DELAYED_DAYS_PER_100K_ADULTS,
            QuarterlyKpi.DELAYED_PER_DAY_PER_100K_ADULTS,
            QuarterlyKpi.delayedPerDayPer100k(DelayOwner.SOCIAL_CARE), QuarterlyKpi.delayedPerDayPer100k(DelayOwner.NHS),
            QuarterlyKpi.delayedPerDayPer100k(DelayOwner.JOINT), QuarterlyKpi.CARE_HOME_ADMISSIONS_PER_100K);

    private static void quarterly(HtmlReport.Section s, QuarterlyMetrics.Summary q) {
        s.paragraph("The Better Care Fund's metrics by financial quarter (Q1 = April-June) and year. Delayed days are "
                + "the patients delayed at each midnight (medically fit, held because the setting they await is "
                + "full), in every setting, summed over the period; they are split by the owner of the awaited "
                + "setting (social care, NHS, joint). Rates use the scenario's population of the period's year. "
                + "Published figures are shown beside the model's, never used by it. A period marked * is covered "
                + "only in part by the run.");
        List<String> header = new ArrayList<>();
        header.add("period");
        for (QuarterlyKpi k : QUARTER_COLUMNS) {
            header.add(k.label() + " (" + k.unit() + ")");
        }
        List<List<String>> rows = new ArrayList<>();
        for (QuarterlyMetrics.Period p : q.periods()) {
            List<String> row = new ArrayList<>();
            row.add(p.complete() ? p.label() : p.label() + "*");
            for (QuarterlyKpi k : QUARTER_COLUMNS) {
                ConfidenceInterval ci = q.get(p.label(), k);
                row.add(Double.isFinite(ci.mean()) ? Cells.interval(ci, "") : "n/a");
            }
            rows.add(row);
        }
        s.table("Model: mean [95 % CI] by quarter and financial year", header, rows);
        if (!q.definition().published().isEmpty()) {
            List<List<String>> pub = new ArrayList<>();
            for (QuarterlyDefinition.Published f : q.definition().published()) {
                QuarterlyKpi k = QuarterlyKpi.byKey(f.kpi());
                ConfidenceInterval ci = q.values().containsKey(f.period()) ? q.get(f.period(), k) : null;
                pub.add(List.of(f.period(), k.label(), f.status(), Cells.value(f.value(), ""),
                        ci == null ? "not modelled" : Cells.interval(ci, ""),
                        f.source() == null ? "" : f.source()));
            }
            s.table("Published figures beside the model's", List.of("period", "measure", "status", "published",
                    "model: mean [95 % CI]", "source"), pub);
        }
        s.chart(Charts.quarterly(q, QuarterlyKpi.DELAYED_DAYS, "Delayed days by quarter"), "quarterly-delayed-days",
                "Delayed days by financial quarter: the model against the published actuals and plan.");
    }

    private static void system(HtmlReport.Section s, FlowSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        row(rows, summary, "arrivals", "patients", FlowResult::arrivals);
        row(rows, summary, "avoided", "patients", FlowResult::avoided);
        row(rows, summary, "readmissions", "patients", FlowResult::readmissions);
        row(rows, summary, "refused", "patients", FlowResult::refused);
        row(rows, summary, "cancelled", "patients", FlowResult::cancelled);
        row(rows, summary, "composite stay (arrival to leaving the system)", "days", FlowResult::meanSystemStayDays);
        s.table("System-wide: mean [95 % CI]", List.of("measure", "unit", "value"), rows);
    }

    private static void row(List<List<String>> rows, FlowSummary summary, String name, String unit,
            java.util.function.ToDoubleFunction<FlowResult> f) {
        ConfidenceInterval ci = summary.interval(f);
        rows.add(List.of(name, unit, Cells.interval(ci, unit)));
    }
}
