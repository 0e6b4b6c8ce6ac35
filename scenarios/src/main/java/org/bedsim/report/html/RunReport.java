package org.bedsim.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
