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
import org.bedsim.model.PrecisionRun;
import org.bedsim.model.RunChecks;
import org.bedsim.model.WarmupCheck;
import org.bedsim.model.SettingKpi;
import org.bedsim.report.RunManifest;
import org.bedsim.report.WaitTables;
import org.bedsim.report.chart.Charts;
import org.bedsim.report.chart.SettingPalette;
import org.bedsim.stats.ConfidenceInterval;
import org.bedsim.stats.ProportionInterval;

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
        return build(summary, manifest, facts, quarters, List.of());
    }

    /**
     * @return the report of a run, with the Better Care Fund section (if {@code quarters} is not null) and the
     *     inputs calibrated to published quarterly figures, one line each (solved by bedsim for this run)
     */
    public static HtmlReport build(FlowSummary summary, RunManifest manifest, ScenarioFacts facts,
            QuarterlyMetrics.Summary quarters, List<String> calibrated) {
        return build(summary, manifest, facts, quarters, calibrated, null);
    }

    /** @return the report of a run, saying also what a run to a precision did (if {@code precision} is not null) */
    public static HtmlReport build(FlowSummary summary, RunManifest manifest, ScenarioFacts facts,
            QuarterlyMetrics.Summary quarters, List<String> calibrated, PrecisionRun.Outcome precision) {
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
                + "capacity as a stepped line; the point dated D, like the row dated D in census.csv, is the count "
                + "at midnight at the end of day D), then the distribution of occupied beds with capacity, mean and beds "
                + "required, for each setting; and the bed-days of patients delayed waiting to move on.");
        for (String setting : summary.settingNames()) {
            charts.chart(Charts.occupancyOverTime(summary, setting, palette), "occupancy-" + setting,
                    "Occupied beds over time in " + setting + ".");
            charts.chart(Charts.occupancyDistribution(summary, setting, palette), "distribution-" + setting,
                    "Distribution of occupied beds in " + setting + ".");
        }
        charts.chart(Charts.delayedDays(summary, palette), "delayed-days", "Delayed bed-days per setting, by the "
                + "setting awaited.");
        waits(r, summary, palette);
        if (quarters != null) {
            HtmlReport.Section bcf = r.section("Better Care Fund metrics by quarter");
            if (!calibrated.isEmpty()) {
                bcf.paragraph("Calibrated inputs: solved by bedsim on this run's seed and replications so that the "
                        + "model meets the published figures named; the quarters those figures cover are calibrated, "
                        + "not predicted, and every other quarter is a prediction from the calibrated model.");
                calibrated.forEach(bcf::paragraph);
            }
            quarterly(bcf, quarters);
            reablement(bcf, quarters);
            pathways(bcf, summary, quarters);
        }

        checks(r, RunChecks.of(summary), precision);
        StandardSections.assumptions(r, "Assumptions and sources", facts.sources());
        StandardSections.warnings(r, facts.warnings());
        StandardSections.modelDescription(r, new StandardSections.Experiment("bedsim run " + facts.file(),
                "Estimate the beds each setting needs, and how full, delayed and congested it runs, for the "
                        + "configuration the scenario describes.",
                "None: a single configuration; the confidence intervals show the simulation's own uncertainty.",
                List.of(), List.of("per setting: admissions, occupancy (mean and percentiles), beds required by "
                        + "two methods, share of days full, waits, delayed days by destination",
                        "system-wide: arrivals, avoided (removed or redirected), refused, cancelled, composite length of stay"),
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
                if (k == QuarterlyKpi.AT_HOME_AFTER_REABLEMENT) {
                    ProportionInterval share = q.atHomeAfterReablement().get(f.period());
                    pub.add(List.of(f.period(), k.label(), f.status(), percent(f.value()),
                            share == null || share.trials() == 0 ? "not modelled" : share(share),
                            f.source() == null ? "" : f.source()));
                    continue;
                }
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

    /** The share still at home 91 days after discharge into reablement, by quarter and year of the discharge. */
    private static void reablement(HtmlReport.Section s, QuarterlyMetrics.Summary q) {
        if (!q.hasReablement()) {
            return;
        }
        s.paragraph("Reablement outcome (Better Care Fund metric 4.3): of the people aged 65+ discharged from "
                + "hospital into reablement or rehabilitation in a period, the share still at home 91 days after the "
                + "discharge, as the model routes them (home, a care home, death, or still in care at 91 days). "
                + "Discharges whose 91 days end after the run are not counted, so the last quarter has few or none. "
                + "Someone home and readmitted before the 91 days end is followed through the readmission: at "
                + "home only if home again by then. The published figure is an annual measure of the October-December discharges, "
                + "set beside the model's Q3 where the scenario gives it so.");
        List<List<String>> rows = new ArrayList<>();
        String key = QuarterlyKpi.AT_HOME_AFTER_REABLEMENT.key();
        q.atHomeAfterReablement().forEach((period, share) -> {
            QuarterlyDefinition.Published f = q.definition().published(period, key);
            rows.add(List.of(period, Long.toString(share.trials()), Long.toString(share.events()),
                    share.trials() == 0 ? "none followed" : share(share),
                    f == null ? "" : percent(f.value()) + " " + f.status()));
        });
        s.table("Still at home 91 days after discharge into reablement, by period of the discharge (all "
                + "replications)", List.of("period", "people followed", "at home at 91 days",
                "model: share [95 % CI]", "published"), rows);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String share(ProportionInterval p) {
        return Double.isFinite(p.low()) ? String.format(java.util.Locale.ROOT, "%.1f %% [%.1f, %.1f]",
                100 * p.mean(), 100 * p.low(), 100 * p.high()) : percent(p.mean());
    }

    private static final String[] PATHWAYS = {"0: home, no new support", "1: home with reablement or rapid response",
        "2: intermediate care or discharge-to-assess beds", "3: nursing or residential placement"};

    private static void pathways(HtmlReport.Section s, FlowSummary summary, QuarterlyMetrics.Summary q) {
        if (q.definition().pathways().isEmpty()) {
            return;
        }
        ConfidenceInterval[][] by = QuarterlyMetrics.dischargesByPathway(summary, q.definition());
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            rows.add(List.of(PATHWAYS[p], Cells.interval(by[p][0], ""), Cells.interval(by[p][1], "share")));
        }
        s.table("Discharges from acute settings by discharge pathway over the measured period (deaths and unlabelled "
                + "destinations not counted): mean [95 % CI]", List.of("pathway", "discharges", "share"), rows);
    }

    /** Waits for a bed in the NHS's measures, for the settings where anyone waited. */
    private static void waits(HtmlReport r, FlowSummary summary, SettingPalette palette) {
        List<String> waited = summary.settingNames().stream()
                .filter(n -> WaitTables.canWait(summary, n) && WaitTables.anyoneWaited(summary, n)).toList();
        if (waited.isEmpty()) {
            return;
        }
        String std = hours(summary.settings().waits().standardHours());
        String lng = hours(summary.settings().waits().longHours());
        HtmlReport.Section s = r.section("Waits for a bed");
        s.paragraph("Non-elective patients arriving from outside wait for a bed when the setting is full (in the "
                + "emergency department, for an acute site). Their wait runs from the arrival, the decision to "
                + "admit, to the bed; it is counted against " + std + " hours and " + lng + " hours, the measures "
                + "the NHS reports. A day counts as a day with a " + lng + "-hour wait if, at some moment of it, "
                + "someone in the queue had waited longer. Patients who leave the queue when their patience runs "
                + "out (renege_after) are counted apart. A share is the ratio over all replications together (12-hour "
                + "waits out of admissions), with a Wilson-type 95 % interval from the spread between replications, "
                + "which stays inside [0, 1] and stays honest when events are few. The mean wait of those who "
                + "waited (mean_wait_days, over wait_count patients) stands beside the mean wait of all admitted, "
                + "zero waits included (mean_wait_all_days), and the mean number waiting at any moment, "
                + "time-weighted (mean_queue_length): the first is larger than the second by the share who "
                + "waited, and a board comparing waits should read the second and third.");
        for (String name : waited) {
            List<List<String>> rows = new ArrayList<>();
            for (WaitTables.Month m : WaitTables.monthly(summary, name)) {
                rows.add(List.of(m.month().toString(), Cells.interval(m.admitted(), "patients"),
                        Cells.interval(m.shareOverStandard(), "share"), Cells.interval(m.overLong(), "patients"),
                        Cells.interval(m.shareOverLong(), "share"), Cells.interval(m.shareOfDaysWithLongWait(),
                                "share"), Cells.interval(m.meanDailyPeakWaiting(), "patients")));
            }
            s.table(name + ": by month, mean [95 % CI]", List.of("month", "admitted", "over " + std + " h",
                    "over " + lng + " h (patients)", "over " + lng + " h (share)", "days with a " + lng + " h wait",
                    "peak waiting a day"), rows);
            List<List<String>> total = new ArrayList<>();
            for (SettingKpi k : List.of(SettingKpi.WAITS_ADMITTED, SettingKpi.MEAN_WAIT_ALL_DAYS,
                    SettingKpi.MEAN_QUEUE_LENGTH, SettingKpi.WAIT_COUNT, SettingKpi.MEAN_WAIT_DAYS,
                    SettingKpi.P95_WAIT_DAYS, SettingKpi.SHARE_WAITS_OVER_STANDARD,
                    SettingKpi.WAITS_OVER_LONG, SettingKpi.SHARE_WAITS_OVER_LONG,
                    SettingKpi.SHARE_OF_DAYS_WITH_LONG_WAIT, SettingKpi.SHARE_OF_DAYS_WITH_QUEUE,
                    SettingKpi.MEAN_DAILY_PEAK_WAITING, SettingKpi.MAX_DAILY_PEAK_WAITING, SettingKpi.RENEGED,
                    SettingKpi.SHARE_RENEGED)) {
                total.add(List.of(k.key(), k.unit(), Cells.interval(summary.kpi(name, k), k.unit())));
            }
            WaitTables.renegedTo(summary, name).forEach((to, ci) -> total.add(List.of("reneged to " + to,
                    "patients", Cells.interval(ci, "patients"))));
            s.table(name + ": the whole period", List.of("measure", "unit", "mean [95 % CI]"), total);
            s.chart(Charts.waitBands(summary, name, palette), "wait-bands-" + name, "Admitted non-elective "
                    + "patients of " + name + " by their wait for a bed.");
            s.chart(Charts.peakWaiting(summary, name, palette), "peak-waiting-" + name, "The most patients "
                    + "waiting for a bed at once each day in " + name + ", against its beds.");
        }
    }

    /** What the run's output says about trusting it: warm-up detection and KPIs resting on few events. */
    static void checks(HtmlReport r, RunChecks checks, PrecisionRun.Outcome precision) {
        HtmlReport.Section s = r.section("Checks of the run");
        List<String> warnings = new ArrayList<>(checks.warnings());
        if (precision != null) {
            PrecisionRun.Target t = precision.target();
            s.paragraph(String.format(Locale.ROOT, "Replications until the 95 %% interval of %s (%s) was at most "
                    + "+/- %s%s: %d replications in batches of %s (at most %d); the widest half-width, in %s, is "
                    + "%s: %s.", t.kpi().key(), t.kpi().unit(), Cells.value(t.halfWidth(), t.kpi().unit()),
                    t.setting() == null ? " in every setting" : " in " + t.setting(),
                    precision.summary().replications().size(), precision.batches(), precision.cap(),
                    precision.widest(), Cells.value(precision.achieved(), t.kpi().unit()),
                    precision.met() ? "the precision was reached" : "NOT reached by the cap"));
            if (precision.warning() != null) {
                warnings.add(0, precision.warning());
            }
        }
        s.paragraph("Warm-up: MSER-5 (White, 1997) on the mean midnight census of the measured period finds how many "
                + "more days to discard for what is left to be steady; the census of the warm-up itself is not "
                + "kept, so the detected warm-up is the scenario's plus that truncation. Whether the census of those "
                + "first days differs from the rest beyond noise is tested on other replications than the ones "
                + "MSER-5 chose them on. A KPI resting on fewer than " + ProportionInterval.FEW_EVENTS + " events "
                + "in all replications together (patients turned away, 12-hour waits, patients who waited) has an "
                + "interval not to be trusted: shares use a Wilson-type interval, which stays inside [0, 1], but no "
                + "interval is reliable on a handful of events.");
        List<List<String>> rows = new ArrayList<>();
        for (WarmupCheck w : checks.warmup()) {
            if (!w.tested()) {
                rows.add(List.of(w.setting(), days(w.scenarioWarmupDays()), "not tested (fewer than 4 "
                        + "replications or 20 measured days)", "", ""));
                continue;
            }
            rows.add(List.of(w.setting(), days(w.scenarioWarmupDays()),
                    days(w.detectedWarmupDays()) + (w.found() ? "" : " or more"),
                    w.truncateDays() == 0 ? "" : Cells.signedInterval(w.excess(), "beds"),
                    w.tooShort() ? "too short" : "long enough"));
        }
        s.table("Warm-up by setting", List.of("setting", "scenario's warm-up (days)", "detected warm-up (days)",
                "census of the first days against the rest (beds)", "verdict"), rows);
        if (warnings.isEmpty()) {
            s.paragraph("No warning: the warm-up looks long enough and every KPI rests on enough events.");
        } else {
            s.note(warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s") + " from the run's output:");
            s.list(warnings);
        }
    }

    private static String days(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }

    private static String hours(double h) {
        return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    }

    private static void system(HtmlReport.Section s, FlowSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        row(rows, summary, "arrivals", "patients", FlowResult::arrivals);
        row(rows, summary, "avoided, removed from the system", "patients", FlowResult::avoided);
        row(rows, summary, "avoided, redirected to another setting (redirect_to)", "patients",
                FlowResult::redirected);
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
