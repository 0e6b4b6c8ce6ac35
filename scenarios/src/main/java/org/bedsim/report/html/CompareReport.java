package org.bedsim.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bedsim.compare.InverseSearch;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.Target;
import org.bedsim.report.CompareCharts;
import org.bedsim.report.ComparisonRun;

/** The report of {@code bedsim compare}: options, targets, key results with paired differences, charts, searches. */
public final class CompareReport {
    private CompareReport() {
    }

    /**
     * @param run the comparison
     * @param charts its key charts ({@link CompareCharts#build})
     * @param base what the report says about the base scenario
     * @param optionSources the options file's own sources
     * @param warnings every warning of the options file and its base, rendered
     */
    public static HtmlReport build(ComparisonRun run, List<CompareCharts.KeyChart> charts, ScenarioFacts base,
            List<ScenarioFacts.Source> optionSources, List<String> warnings) {
        return build(run, charts, base, optionSources, warnings, List.of());
    }

    /**
     * As {@link #build(ComparisonRun, List, ScenarioFacts, List, List)}, with a section of the Better Care Fund
     * metrics by financial year for each option (when {@code quarters} is not empty).
     */
    public static HtmlReport build(ComparisonRun run, List<CompareCharts.KeyChart> charts, ScenarioFacts base,
            List<ScenarioFacts.Source> optionSources, List<String> warnings,
            List<org.bedsim.metrics.QuarterlyComparison.Row> quarters) {
        return build(run, charts, base, optionSources, warnings, quarters, List.of());
    }

    /**
     * As {@link #build(ComparisonRun, List, ScenarioFacts, List, List, List)}, with the base's calibrated inputs
     * (one line each: value, interval, the published figure it meets) when the base declares calibrations.
     */
    public static HtmlReport build(ComparisonRun run, List<CompareCharts.KeyChart> charts, ScenarioFacts base,
            List<ScenarioFacts.Source> optionSources, List<String> warnings,
            List<org.bedsim.metrics.QuarterlyComparison.Row> quarters, List<String> calibrated) {
        Comparison c = run.comparison();
        int reps = c.options().get(0).summary().replications().size();
        HtmlReport r = new HtmlReport("bedsim compare: " + run.name());
        if (run.description() != null) {
            r.subtitle(run.description().trim());
        }
        r.subtitle(String.format(Locale.ROOT, "%d options on the same random streams, %d replications each, seed "
                + "%d; base: %s; bedsim %s", c.options().size(), reps, run.manifest().seed(), c.base(),
                run.manifest().bedsimVersion()));

        HtmlReport.Section what = r.section("Options compared");
        what.paragraph("Every option runs the same replications on the same random streams as the base (common random "
                + "numbers): each patient arrives at the same time and draws the same stays and routes in every "
                + "option, so a difference from the base is the option's effect, measured replication by replication, "
                + "not noise.");
        List<List<String>> rows = new ArrayList<>();
        for (ComparisonRun.OptionInfo o : run.options()) {
            rows.add(List.of(o.name(), o.base() ? "(base)" : o.basedOn() == null ? c.base() : o.basedOn(),
                    o.description() == null ? "" : o.description().trim(), Integer.toString(o.changes().size())));
        }
        what.table(null, List.of("option", "based on", "description", "changes"), rows);
        for (ComparisonRun.OptionInfo o : run.options()) {
            if (!o.base()) {
                what.details(o.name() + ": what it changes");
                List<String> words = ChangeWords.of(o.changes());
                what.list(words.isEmpty() ? List.of(o.changes().isEmpty() ? "nothing" : "sources only") : words);
                what.endDetails();
            }
        }

        if (!calibrated.isEmpty()) {
            HtmlReport.Section cal = r.section("Calibrated inputs of the base");
            cal.paragraph("The base scenario declares calibrations: bedsim solved them once, on this comparison's "
                    + "seed and replications, so that the base meets the published figures named, and wrote the "
                    + "solved values into the base before each option was built from it. Every option keeps them "
                    + "unless it sets that input itself (its changes then read from the calibrated value).");
            cal.list(calibrated);
        }
        if (!c.targets().isEmpty()) {
            targets(r.section("Targets"), c);
        }
        keyResults(r.section("Key results"), c);

        HtmlReport.Section ch = r.section("Charts");
        ch.paragraph("Each chart shows one measure as each option's paired difference from the base: option minus "
                + "base, replication by replication on the same random numbers, with its 95 % interval, against a "
                + "line at zero. This is what the comparison rests on: an interval clear of zero is a real "
                + "difference even where the options' own intervals overlap. Blue is lower than the base, orange "
                + "higher, grey an interval that includes no difference. Differences of shares are in percentage "
                + "points. Each option's own value with its interval is in the Key results table and in the "
                + "charts folder ('-values' charts).");
        for (CompareCharts.KeyChart k : charts) {
            ch.chart(k.chart(), k.name(), k.caption());
        }

        if (!run.searches().isEmpty()) {
            HtmlReport.Section found = r.section("Searches: fewest beds, stay cuts, most arrivals");
            searches(found, run.searches());
            String pooling = org.bedsim.report.PoolingNote.of(c, run.searches());
            if (pooling != null) {
                found.paragraph(pooling);
            }
        }
        if (!quarters.isEmpty()) {
            quarters(r.section("Better Care Fund metrics by option"), quarters);
        }

        HtmlReport.Section all = r.section("Every KPI");
        all.paragraph("Per option, every KPI of every setting, of each kind of setting taken together (kind:...) and "
                + "of the whole system, with the paired difference from the base.");
        for (Comparison.Option o : c.options()) {
            all.details(o.name());
            List<List<String>> kr = new ArrayList<>();
            for (Comparison.Row row : c.rows()) {
                if (row.option().equals(o.name())) {
                    kr.add(List.of(row.setting(), row.kpi(), row.unit(), Cells.interval(row.value(), row.unit()),
                            row.difference() == null ? "n/a" : Cells.signedInterval(row.difference(), row.unit())));
                }
            }
            all.table(null, List.of("setting", "kpi", "unit", "value [95 % CI]", "difference from base [95 % CI]"),
                    kr);
            all.endDetails();
        }

        StandardSections.assumptions(r, "Assumptions and sources: base scenario", base.sources());
        if (!optionSources.isEmpty()) {
            StandardSections.assumptions(r, "Assumptions and sources: options", optionSources);
        }
        StandardSections.warnings(r, warnings);
        List<String> logic = new ArrayList<>();
        for (ComparisonRun.OptionInfo o : run.options()) {
            if (!o.base()) {
                logic.add(o.name() + " (from " + (o.basedOn() == null ? c.base() : o.basedOn()) + "): "
                        + (o.changes().isEmpty() ? "no change" : String.join("; ", ChangeWords.of(o.changes()))));
            }
        }
        StandardSections.modelDescription(r, new StandardSections.Experiment("bedsim compare "
                + run.manifest().scenarioFile(), "Compare reconfiguration options for the system the base scenario "
                + "describes: the beds each needs, how full and delayed it runs, and which options meet the "
                + "targets.", "Each option against the base (" + c.base() + "): the paired difference of every KPI "
                + "with its 95 % interval" + (run.searches().isEmpty() ? "" : ", and the fewest beds meeting a target "
                + "by bisection on the same streams") + ".", logic, List.of("per option, setting, kind of setting and "
                + "system: every KPI with its 95 % interval and its paired difference from the base",
                "targets met by the mean and with confidence", "compare.json, compare.csv, charts/ (PNG and SVG), "
                + "this report"), c.options().get(0).summary().settings(), reps, run.manifest().seed(),
                run.manifest()), base);
        StandardSections.manifest(r, run.manifest(), List.of(
                new String[] {"base scenario", run.baseScenarioFile()},
                new String[] {"base scenario SHA-256", run.baseScenarioSha256()}));
        return r;
    }

    private static void quarters(HtmlReport.Section s, List<org.bedsim.metrics.QuarterlyComparison.Row> rows) {
        s.paragraph("Delayed transfers of care as the Better Care Fund counts them (patients delayed at each "
                + "midnight, in every setting, including those waiting in an acute bed for an assessment), by "
                + "financial year and quarter, for each option, with the paired difference from the base. The "
                + "full table is quarters.csv.");
        List<String> kpis = List.of("delayed_per_day", "delayed_per_day_per_100k_adults", "delayed_days");
        List<List<String>> table = new ArrayList<>();
        for (org.bedsim.metrics.QuarterlyComparison.Row q : rows) {
            if (!kpis.contains(q.kpi().key())) {
                continue;
            }
            table.add(List.of(q.option(), q.period(), q.kpi().label(), Cells.interval(q.value(), ""),
                    Cells.signedInterval(q.difference(), "")));
        }
        s.table("Mean [95 % CI]; difference from the base, paired", List.of("option", "period", "measure", "value",
                "difference from base"), table);
    }

    private static void targets(HtmlReport.Section s, Comparison c) {
        Map<Target, List<Comparison.TargetCheck>> byTarget = new LinkedHashMap<>();
        c.targets().forEach(t -> byTarget.computeIfAbsent(t.target(), k -> new ArrayList<>()).add(t));
        s.paragraph("\"met\": the mean meets the target; \"met with confidence\": the whole 95 % interval does.");
        for (Map.Entry<Target, List<Comparison.TargetCheck>> e : byTarget.entrySet()) {
            Target t = e.getKey();
            String unit = t.kpi().unit();
            List<List<String>> rows = new ArrayList<>();
            for (Comparison.TargetCheck ch : e.getValue()) {
                rows.add(List.of(ch.option(), Cells.interval(ch.value(), unit), ch.metWithConfidence()
                        ? "met with confidence" : ch.met() ? "met" : "missed"));
            }
            s.table(t.label() + " (" + t.kpi().key() + " of " + String.join(" + ", t.settings()) + " "
                    + (t.atMost() ? "<= " : ">= ") + Cells.value(t.threshold(), unit) + ")",
                    List.of("option", "value [95 % CI]", "target"), rows);
        }
    }

    private static void keyResults(HtmlReport.Section s, Comparison c) {
        s.paragraph("For each kind of setting taken together, and for the whole system: the value of each option and "
                + "its difference from the base, mean [95 % confidence interval]. A difference whose interval excludes "
                + "zero is an effect of the option, not noise.");
        Map<String, List<List<String>>> groups = new LinkedHashMap<>();
        for (CompareKeys.Key k : CompareKeys.KEYS) {
            for (Comparison.Option o : c.options()) {
                for (String setting : CompareKeys.settings(c)) {
                    if (!k.appliesTo(setting)) {
                        continue;
                    }
                    Comparison.Row row = c.row(o.name(), setting, k.kpi());
                    if (row == null) {
                        continue;
                    }
                    groups.computeIfAbsent(setting, x -> new ArrayList<>()).add(List.of(k.label(), o.name(),
                            Cells.interval(row.value(), row.unit()), o.name().equals(c.base()) ? "(base)"
                                    : row.difference() == null ? "n/a"
                                    : Cells.signedInterval(row.difference(), row.unit())));
                }
            }
        }
        for (Map.Entry<String, List<List<String>>> e : groups.entrySet()) {
            String title = e.getKey().equals(Comparison.SYSTEM) ? "Whole system" : CompareCharts.kindLabel(e.getKey());
            List<List<String>> sorted = new ArrayList<>(e.getValue());
            s.table(title, List.of("measure", "option", "value [95 % CI]", "difference from base [95 % CI]"), sorted);
        }
    }

    private static void searches(HtmlReport.Section s, List<ComparisonRun.SearchResult> searches) {
        s.paragraph("Bisection over the beds of one setting of one option, every capacity run on the same random "
                + "streams; the target is met when its mean is. The interval is that of the target's measure at the "
                + "beds found, and at one bed fewer (which misses it).");
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> inverse = new ArrayList<>();
        for (ComparisonRun.SearchResult r : searches) {
            String unit = r.target().kpi().unit();
            if (r.inverse() != null) {
                InverseSearch.Result x = r.inverse();
                inverse.add(List.of(r.option(), r.what(), r.target().label(), r.format(x.low()) + " to "
                        + r.format(x.high()) + " by " + r.format(x.step()),
                        !x.found() ? "not found in the range" : r.format(x.value()) + (x.atBound() ? " (range end)"
                                : ""), x.atValue() == null ? "" : Cells.interval(x.atValue(), unit),
                        x.atNextStep() == null ? "" : r.format(x.nextStep()) + ": " + Cells.interval(x.atNextStep(),
                                unit), r.format(x.confidentValue())));
                continue;
            }
            rows.add(List.of(r.option(), r.setting(), r.target().label(), r.low() + " to " + r.high(),
                    r.optimum() == null ? "not found: " + r.high() + " beds miss it" : Integer.toString(
                            r.optimum().beds()), r.optimum() == null ? "" : Cells.interval(r.optimum().value(), unit),
                    r.optimum() == null || r.optimum().oneFewer() == null ? "" : Cells.interval(
                            r.optimum().oneFewer(), unit)));
        }
        if (!rows.isEmpty()) {
            s.table(null, List.of("option", "setting", "target", "searched", "fewest beds", "measure there",
                    "at one bed fewer"), rows);
        }
        if (!inverse.isEmpty()) {
            s.paragraph("Inverse questions: the value of a lever (a cut in length of stay, arrivals a year) that "
                    + "just meets the target's mean, by bisection on a grid, every value run on the same random "
                    + "streams; beside it the target's measure there and one step further (which misses it), and "
                    + "the value where the whole 95 % interval meets the target.");
            s.table(null, List.of("option", "searched", "target", "range", "answer", "measure there",
                    "one step further", "whole interval meets at"), inverse);
        }
    }
}
