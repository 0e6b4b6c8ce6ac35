package org.bedsim.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.bridge.BridgeStep;
import org.bedsim.bridge.Change;
import org.bedsim.calibrate.Assessment;
import org.bedsim.report.RunManifest;
import org.bedsim.report.chart.Charts;
import org.bedsim.stats.ConfidenceInterval;

/** The report of {@code bedsim bridge}: the bars with their intervals, the charts, and the common sections. */
public final class BridgeReport {
    private BridgeReport() {
    }

    /**
     * @param def the bridge computed
     * @param result its result
     * @param title the chart title, e.g. "Beds in lri + glenfield, 2016/17 to 2020/21 (percentile method)"
     * @param manifest the run manifest
     * @param facts the scenario's name, description, sources and warnings
     * @return the report
     */
    public static HtmlReport build(BridgeDefinition def, BridgeResult result, String title, RunManifest manifest,
            ScenarioFacts facts) {
        return build(def, result, null, title, manifest, facts);
    }

    /** As above, with the assessment's sections (labels, calibrations, findings, prediction, sensitivity). */
    public static HtmlReport build(BridgeDefinition def, BridgeResult result, Assessment assessment, String title,
            RunManifest manifest, ScenarioFacts facts) {
        HtmlReport r = new HtmlReport("bedsim bridge: " + facts.name());
        if (facts.description() != null) {
            r.subtitle(facts.description().trim());
        }
        r.subtitle(String.format(Locale.ROOT, "%s; %d replications of each of %d configurations on common random "
                + "numbers, seed %d; bedsim %s", title, result.replications(), result.configurations(),
                manifest.seed(), manifest.bedsimVersion()));

        HtmlReport.Section bars = r.section("The bridge");
        bars.paragraph("Each bar is the change in beds when its step is added to the steps before it; the bars add up to "
                + "the final beds minus the base in every replication. The Shapley value is the step's average effect "
                + "over every order of the steps (" + (result.shapleyExact() ? "exact" : "estimated from sampled "
                + "orderings") + "); it also adds up to the total. Intervals are 95 % over replications and include "
                + "the uncertainty of parameters given as ranges.");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(year(def.baseYear()), "", beds(result.base()), "", ""));
        for (BridgeResult.Bar b : result.bars()) {
            rows.add(List.of(b.label(), signed(b.delta()), beds(b.cumulative()), signed(b.shapley()),
                    signed(b.standalone())));
        }
        rows.add(List.of("Interaction of the standalone effects", "", "", "", signed(result.interaction())));
        rows.add(List.of(year(def.targetYear()), signed(result.change() != null ? result.change()
                : ci(result.totalChange(), result.finalBeds())),
                beds(result.finalBeds()), "", ""));
        bars.table("Beds, mean and 95 % interval", List.of("step", "change in beds", "beds after the step",
                "Shapley value", "step alone on the base"), rows);
        bars.chart(Charts.waterfall(result, title, assessment), "waterfall", "The bridge as a waterfall. Total bars "
                + "stand on zero; when the value axis is zoomed to show the steps, it does not start at zero and the "
                + "total bars are cut, marked by a zig-zag break, so their heights are not to scale. The subtitle "
                + "gives the total change with its paired 95 % interval." + (assessment == null ? ""
                : " Hatched steps rest on a calibrated input; markers show the published figures."));
        bars.chart(Charts.trajectory(result, title + ", year by year"), "trajectory",
                "Beds year by year, with each step phased in as the scenario says. When the value axis does not "
                + "start at zero, its label says so and a break marks it.");

        if (assessment != null) {
            AssessmentSections.add(r, result, assessment, title, year(def.targetYear()));
        }

        HtmlReport.Section steps = r.section("Steps and what they change");
        List<List<String>> stepRows = new ArrayList<>();
        for (BridgeStep s : def.steps()) {
            stepRows.add(List.of(s.id(), s.label(), String.join("; ", s.changes().stream()
                    .map(Change::describe).toList()), String.join(", ", s.sources()),
                    s.fromYear() + " to " + s.fullYear()));
        }
        steps.table("Steps, in order", List.of("id", "label", "changes to the model's inputs", "sources",
                "phasing (years)"), stepRows);

        StandardSections.assumptions(r, "Assumptions and sources", facts.sources());
        StandardSections.warnings(r, facts.warnings());
        StandardSections.modelDescription(r, new StandardSections.Experiment("bedsim bridge " + facts.file(),
                "Explain the change in beds from " + year(def.baseYear()) + " to " + year(def.targetYear())
                        + " by its drivers, each modelled as a change to the model's inputs.",
                "The base, every combination of the steps and each intermediate year, each run on the same random "
                        + "streams (common random numbers), so that every bar is a paired difference.",
                def.steps().stream().map(s -> s.label() + ": " + s.changes().size() + " change"
                        + (s.changes().size() == 1 ? "" : "s")).toList(),
                List.of("beds counted over " + String.join(", ", new java.util.TreeSet<>(def.counted())) + " by the "
                        + def.method().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " method",
                        "per step: sequential change, Shapley value, standalone effect; interaction; trajectory"),
                def.base(), def.replications(), def.seed(), manifest), facts);
        StandardSections.manifest(r, manifest, List.of());
        return r;
    }

    private static ConfidenceInterval ci(double mean, ConfidenceInterval like) {
        return new ConfidenceInterval(mean, Double.NaN, like.level(), like.n());
    }

    private static String year(int y) {
        return y + "/" + String.format(Locale.ROOT, "%02d", (y + 1) % 100);
    }

    private static String beds(ConfidenceInterval c) {
        return Double.isNaN(c.halfWidth()) ? String.format(Locale.ROOT, "%.1f", c.mean())
                : String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", c.mean(), c.low(), c.high());
    }

    private static String signed(ConfidenceInterval c) {
        return Double.isNaN(c.halfWidth()) ? String.format(Locale.ROOT, "%+.1f", c.mean())
                : String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", c.mean(), c.low(), c.high());
    }
}
