package org.bedsim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.Comparisons;
import org.bedsim.compare.InverseSearch;
import org.bedsim.compare.Target;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.DemandKpi;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.PreFlight;
import org.bedsim.model.SettingKpi;
import org.bedsim.report.CompareCharts;
import org.bedsim.report.ComparisonRun;
import org.bedsim.report.WaitTables;
import org.bedsim.report.html.Cells;
import org.bedsim.scenario.LoadedScenario;
import org.bedsim.scenario.PreFlightCheck;
import org.bedsim.scenario.Problem;
import org.bedsim.stats.ConfidenceInterval;

/** What the commands print on the terminal: problems, the pre-flight table, the results table. */
final class Terminal {
    private Terminal() {
    }

    /**
     * @return true if standard error is a terminal: the launcher script says so ({@code -Dbedsim.stderrTty}, from
     *     {@code [ -t 2 ]}); without it, whether the JVM has a console
     */
    static boolean stderrIsTerminal() {
        String fromLauncher = System.getProperty("bedsim.stderrTty");
        if (fromLauncher != null) {
            return Boolean.parseBoolean(fromLauncher);
        }
        return System.console() != null;
    }

    /** Prints problems, one a line, like a compiler. */
    static void problems(PrintWriter err, String file, List<Problem> problems) {
        printed(err, problems.stream().map(p -> p.render(file)).toList());
    }

    /** Most problems printed; beyond, their number is. */
    static final int MAX_PRINTED = 200;

    /** Prints problem lines, at most {@link #MAX_PRINTED} of them, then how many more there are. */
    static void printed(PrintWriter err, List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), MAX_PRINTED); i++) {
            err.println(lines.get(i));
        }
        if (lines.size() > MAX_PRINTED) {
            int more = lines.size() - MAX_PRINTED;
            err.println("bedsim: ... and " + more + " more problem" + (more == 1 ? "" : "s") + " not printed (the "
                    + "first " + MAX_PRINTED + " are above; fix them and check again)");
        }
        err.flush();
    }

    /** @return "2 errors, 1 warning" */
    static String counts(LoadedScenario s) {
        int e = s.errors().size();
        int w = s.warnings().size();
        return e + " error" + (e == 1 ? "" : "s") + ", " + w + " warning" + (w == 1 ? "" : "s");
    }

    /** Prints the pre-flight table: offered load against capacity per setting, and the run's size. */
    static void preFlight(PrintWriter out, PreFlightCheck.Result r, int replications) {
        out.println("Pre-flight, from distribution means at the end of the horizon:");
        boolean overloaded = r.loads().stream().anyMatch(PreFlight.Load::overloaded);
        TextTable t = overloaded ? new TextTable("setting", "admissions/day", "offered load", "beds", "load/beds", "")
                : new TextTable("setting", "admissions/day", "offered load", "beds", "load/beds");
        for (PreFlight.Load l : r.loads()) {
            String beds = l.capacity() == CapacityTimeline.UNLIMITED ? "unlimited" : Integer.toString(l.capacity());
            String util = l.capacity() == CapacityTimeline.UNLIMITED || l.capacity() == 0 ? "-"
                    : String.format(Locale.ROOT, "%.0f %%", 100 * l.utilisation());
            String perDay = String.format(Locale.ROOT, "%.1f", l.admissionsPerDay());
            String load = String.format(Locale.ROOT, "%.1f", l.offeredLoad());
            if (overloaded) {
                t.row(l.setting(), perDay, load, beds, util, l.overloaded() ? "OVERLOADED" : "");
            } else {
                t.row(l.setting(), perDay, load, beds, util);
            }
        }
        t.print(out);
        TextTable.paragraph(out, String.format(Locale.ROOT, "  estimated events: %s per replication, %s for %d "
                + "replication%s", ProgressBar.human(r.eventsPerReplication()), ProgressBar.human(r.events()),
                replications, replications == 1 ? "" : "s"));
        out.flush();
    }

    /** Prints the main results per setting: mean and 95 % interval half-widths. */
    static void results(PrintWriter out, FlowSummary summary) {
        int pct = (int) Math.round(summary.settings().occupancyTarget() * 100);
        String risk = trim(summary.settings().riskShareOfDays() * 100);
        out.println("Results (mean +/- 95 % CI half-width over " + summary.replications().size()
                + " replications):");
        TextTable t = new TextTable("setting", "beds", "occupied beds", "% days full [CI]");
        for (String name : summary.settingNames()) {
            int beds = summary.settings().setting(name).capacity().initial();
            t.row(name, beds == CapacityTimeline.UNLIMITED ? "unlimited" : Integer.toString(beds),
                    pm(summary.interval(name, SettingKpi.MEAN_OCCUPANCY), 1),
                    pct(summary.kpi(name, SettingKpi.SHARE_OF_DAYS_FULL)));
        }
        t.print(out);
        boolean demand = summary.demand() != null;
        TextTable.paragraph(out, demand ? "Beds required (demand: the same patients with unlimited beds, which answers how many "
                + "beds are needed; as run: with the beds above, not counting refused, diverted or cancelled "
                + "patients), at " + pct + " % mean occupancy and exceeded on at most " + risk + " % of days:"
                : "Beds required, at " + pct + " % mean occupancy and exceeded on at most " + risk + " % of days:");
        TextTable b = demand ? new TextTable("setting", "demand @" + pct + " %", "demand " + risk + " % risk",
                "as run @" + pct + " %", "as run " + risk + " % risk")
                : new TextTable("setting", "@" + pct + " % occupancy", risk + " % risk");
        for (String name : summary.settingNames()) {
            String mean = pm(summary.interval(name, SettingKpi.BEDS_REQUIRED_MEAN), 1);
            String percentile = pm(summary.interval(name, SettingKpi.BEDS_REQUIRED_PERCENTILE), 1);
            if (demand && summary.demand().has(name)) {
                b.row(name, pm(summary.demand().interval(name, DemandKpi.BEDS_REQUIRED_MEAN), 1),
                        pm(summary.demand().interval(name, DemandKpi.BEDS_REQUIRED_PERCENTILE), 1), mean, percentile);
            } else if (!demand) {
                b.row(name, mean, percentile);
            }
        }
        b.print(out);
        waits(out, summary);
        out.flush();
    }

    /** @return a number without a needless ".0" */
    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Prints waits for a bed in the NHS's measures, for the settings where anyone waited. */
    static void waits(PrintWriter out, FlowSummary summary) {
        List<String> waited = summary.settingNames().stream()
                .filter(n -> WaitTables.canWait(summary, n) && WaitTables.anyoneWaited(summary, n)).toList();
        if (waited.isEmpty()) {
            return;
        }
        String std = hours(summary.settings().waits().standardHours());
        String lng = hours(summary.settings().waits().longHours());
        TextTable.paragraph(out, "Waits for a bed from arrival (decision to admit), non-elective admissions, "
                + "mean [95 % CI]:");
        TextTable t = new TextTable("setting", "over " + std + " h", "over " + lng + " h",
                "days with " + lng + " h wait", "peak waiting/day", "left waiting");
        for (String name : waited) {
            t.row(name, share(summary, name, SettingKpi.SHARE_WAITS_OVER_STANDARD),
                    share(summary, name, SettingKpi.SHARE_WAITS_OVER_LONG),
                    share(summary, name, SettingKpi.SHARE_OF_DAYS_WITH_LONG_WAIT),
                    pm(summary.interval(name, SettingKpi.MEAN_DAILY_PEAK_WAITING), 1),
                    share(summary, name, SettingKpi.SHARE_RENEGED));
        }
        t.print(out);
        TextTable.paragraph(out, "Mean waits, hours (of all admitted: zero waits included; of those who waited: "
                + "only patients who waited), and the mean number waiting at any moment, mean +/- 95 % CI:");
        TextTable m = new TextTable("setting", "wait of all, h", "wait of those waiting, h", "mean waiting");
        for (String name : waited) {
            m.row(name, pmHours(summary.interval(name, SettingKpi.MEAN_WAIT_ALL_DAYS)),
                    pmHours(summary.interval(name, SettingKpi.MEAN_WAIT_DAYS)),
                    pm(summary.interval(name, SettingKpi.MEAN_QUEUE_LENGTH), 1));
        }
        m.print(out);
    }

    /** @return an interval of days as "1.2 +/- 0.3" hours */
    private static String pmHours(ConfidenceInterval ci) {
        return pm(new ConfidenceInterval(24 * ci.mean(), 24 * ci.halfWidth(), ci.level(), ci.n()), 1);
    }

    /** Prints the warnings the run's output gives (warm-up too short, KPIs resting on few events), one a line. */
    static void checks(PrintWriter err, org.bedsim.model.RunChecks checks, org.bedsim.model.PrecisionRun.Outcome p) {
        if (p != null && p.warning() != null) {
            err.println("warning: " + p.warning());
        }
        for (String w : checks.warnings()) {
            err.println("warning: " + w);
        }
        err.flush();
    }

    /** Prints what a run to a precision did: the half-width reached against the target, replications and cap. */
    static void precision(PrintWriter out, org.bedsim.model.PrecisionRun.Outcome p) {
        out.println(String.format(Locale.ROOT, "Precision: 95 %% CI half-width of %s %s (widest in %s) against %s "
                + "asked: %s after %d replications in batches %s (at most %d)", PrecisionOption.describe(p.target()),
                PrecisionOption.number(p.achieved()), p.widest(), PrecisionOption.number(p.target().halfWidth()),
                p.met() ? "reached" : "NOT reached", p.summary().replications().size(), p.batches(), p.cap()));
        out.flush();
    }

    /** @return hours without a needless ".0" */
    static String hours(double h) {
        return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    }

    /** @return "12.3 % [10.1, 14.5]": the pooled share with its Wilson-type interval, inside [0, 100] */
    private static String share(FlowSummary summary, String setting, SettingKpi kpi) {
        org.bedsim.model.KpiInterval k = summary.kpi(setting, kpi);
        String mean = String.format(Locale.ROOT, "%.1f %%", 100 * k.mean());
        return k.hasInterval() ? mean + String.format(Locale.ROOT, " [%.1f, %.1f]", 100 * k.low(), 100 * k.high())
                : mean;
    }

    /** The key KPIs printed by compare: (pseudo-)setting kind, KPI key, label. */
    private static final String[][] COMPARE_KEYS = {
        {"group", "demand_beds_required_mean", "beds required (demand, unlimited beds), mean method"},
        {"group", "demand_beds_required_percentile", "beds required (demand, unlimited beds), percentile method"},
        {"group", "beds_required_mean", "beds required (as run, with the option's beds), mean method"},
        {"group", "beds_required_percentile", "beds required (as run, with the option's beds), percentile method"},
        {"group", "mean_occupancy", "mean occupied beds"},
        {"group", "share_of_days_full", "share of days full"},
        {"group", "mean_delayed_beds", "delayed beds"},
        {"group", "share_waits_over_standard", "share of admissions waiting over the standard threshold"},
        {"group", "share_waits_over_long", "share of admissions waiting over the long threshold"},
        {"group", "share_of_days_with_long_wait", "share of days with a wait over the long threshold"},
        {"group", "mean_wait_all_days", "mean wait of all admitted (zero waits included), days"},
        {"group", "mean_wait_days", "mean wait of those who waited, days"},
        {"group", "mean_queue_length", "mean number waiting (time-weighted)"},
        {"group", "mean_daily_peak_waiting", "peak number waiting a day"},
        {"group", "reneged", "left before a bed (reneged)"},
        {"system", "refused", "refused"},
        {"system", "diverted", "diverted"},
        {"system", "cancelled", "cancelled"},
        {"system", "mean_wait_all_days", "mean wait of all admitted (zero waits included), days"},
        {"system", "mean_wait_days", "mean wait of those who waited, days"},
        {"system", "mean_queue_length", "mean number waiting (time-weighted)"},
        {"system", "delayed_days", "delayed bed-days"},
        {"system", "composite_stay_days", "composite length of stay, days"}};

    /**
     * Prints the share still at home 91 days after discharge into reablement, by quarter and year of the discharge,
     * beside the published figure where the scenario gives one.
     */
    static void reablement(PrintWriter out, org.bedsim.metrics.QuarterlyMetrics.Summary q) {
        TextTable.paragraph(out, "Still at home 91 days after discharge from hospital into reablement or "
                + "rehabilitation, aged 65+ (Better Care Fund metric 4.3), by quarter of the discharge; discharges "
                + "whose 91 days end after the run are not counted:");
        TextTable t = new TextTable("period", "people followed", "at home, % [95 % CI]", "published");
        q.atHomeAfterReablement().forEach((period, p) -> {
            org.bedsim.metrics.QuarterlyDefinition.Published f = q.definition().published(period,
                    org.bedsim.metrics.QuarterlyKpi.AT_HOME_AFTER_REABLEMENT.key());
            t.row(period, Long.toString(p.trials()), p.trials() == 0 ? "-"
                    : String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", 100 * p.mean(), 100 * p.low(), 100 * p.high()),
                    f == null ? "" : String.format(Locale.ROOT, "%.1f %s", 100 * f.value(), f.status()));
        });
        t.print(out);
    }

    /** Prints people delayed per day by financial year for each option, with the difference from the base. */
    static void quarterlyComparison(PrintWriter out, List<org.bedsim.metrics.QuarterlyComparison.Row> rows) {
        TextTable.paragraph(out, "People delayed per day, all modelled causes (Better Care Fund count), by "
                + "financial year:");
        TextTable t = new TextTable("option", "year", "mean [95 % CI]", "difference from base");
        for (org.bedsim.metrics.QuarterlyComparison.Row r : rows) {
            if (r.period().contains("Q") || !r.kpi().key().equals("delayed_per_day")) {
                continue;
            }
            t.row(r.option(), r.period(), String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", r.value().mean(),
                    r.value().low(), r.value().high()), String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]",
                    r.difference().mean(), r.difference().low(), r.difference().high()));
        }
        t.print(out);
    }

    /** Prints the key results of a comparison: per key KPI, each option's value and paired difference; targets. */
    static void comparison(PrintWriter out, Comparison c, List<ComparisonRun.SearchResult> searches) {
        int reps = c.options().get(0).summary().replications().size();
        TextTable.paragraph(out, "Comparison (mean [95 % CI] over " + reps + " replications on common random "
                + "numbers; difference from the base '" + c.base() + "', paired). Beds required: demand is the same "
                + "patients with unlimited beds (how many beds are needed); as run counts them with the option's "
                + "beds, not counting refused, diverted or cancelled patients.");
        List<String> groups = new java.util.ArrayList<>();
        for (Comparison.Row r : c.rows()) {
            if (r.setting().startsWith(Comparisons.KIND_PREFIX) && !groups.contains(r.setting())) {
                groups.add(r.setting());
            }
        }
        groups.add(Comparison.SYSTEM);
        for (String g : groups) {
            out.println(g.equals(Comparison.SYSTEM) ? "Whole system" : CompareCharts.kindLabel(g));
            for (String[] k : COMPARE_KEYS) {
                if (k[0].equals("system") != g.equals(Comparison.SYSTEM)) {
                    continue;
                }
                boolean allZero = true;
                for (Comparison.Option o : c.options()) {
                    Comparison.Row r = c.row(o.name(), g, k[1]);
                    allZero &= r == null || r.value().mean() == 0;
                }
                if (allZero && !k[1].contains("beds_required")) {
                    continue;
                }
                out.println("  " + k[2]);
                TextTable t = new TextTable("option", "mean [95 % CI]", "difference from base").hideHeader();
                for (Comparison.Option o : c.options()) {
                    Comparison.Row r = c.row(o.name(), g, k[1]);
                    if (r == null) {
                        continue;
                    }
                    String diff = o.name().equals(c.base()) ? "(base)" : r.difference() == null ? "n/a"
                            : Cells.signedInterval(r.difference(), r.unit());
                    t.row("  " + o.name(), Cells.interval(r.value(), r.unit()), diff);
                }
                if (!t.isEmpty()) {
                    t.print(out);
                }
            }
        }
        if (!c.targets().isEmpty()) {
            out.println("Targets (met: by the mean; met with confidence: by the whole interval)");
            java.util.Map<Target, List<Comparison.TargetCheck>> byTarget = new java.util.LinkedHashMap<>();
            c.targets().forEach(t -> byTarget.computeIfAbsent(t.target(), x -> new java.util.ArrayList<>()).add(t));
            byTarget.forEach((t, checks) -> {
                TextTable.paragraph(out, "  " + t.label());
                TextTable table = new TextTable("option", "mean [95 % CI]", "").hideHeader();
                for (Comparison.TargetCheck ch : checks) {
                    table.row("  " + ch.option(), Cells.interval(ch.value(), t.kpi().unit()),
                            ch.metWithConfidence() ? "met with confidence" : ch.met() ? "met" : "missed");
                }
                table.print(out);
            });
        }
        for (ComparisonRun.SearchResult s : searches) {
            String unit = s.target().kpi().unit();
            if (s.inverse() != null) {
                TextTable.paragraph(out, inverse(s));
                continue;
            }
            TextTable.paragraph(out, s.optimum() == null
                    ? String.format(Locale.ROOT, "Fewest beds in %s (%s) for '%s': not found, even %d beds miss it",
                            s.setting(), s.option(), s.target().label(), s.high())
                    : String.format(Locale.ROOT, "Fewest beds in %s (%s) for '%s': %d (there %s; at %d: %s)",
                            s.setting(), s.option(), s.target().label(), s.optimum().beds(),
                            Cells.interval(s.optimum().value(), unit), s.optimum().beds() - 1,
                            s.optimum().oneFewer() == null ? "not run" : Cells.interval(s.optimum().oneFewer(), unit)));
        }
        String pooling = org.bedsim.report.PoolingNote.of(c, searches);
        if (pooling != null) {
            TextTable.paragraph(out, pooling);
        }
        out.flush();
    }

    /** @return one line on a search on stays or arrivals */
    static String inverse(ComparisonRun.SearchResult s) {
        InverseSearch.Result r = s.inverse();
        String unit = s.target().kpi().unit();
        String head = String.format(Locale.ROOT, "%s (%s) for '%s': ", capitalised(s.what()), s.option(),
                s.target().label());
        if (!r.found()) {
            return head + "not found, even " + s.format(r.lever().easierUp() ? r.high() : r.low()) + " misses it";
        }
        String answer = head + s.format(r.value()) + " (there " + Cells.interval(r.atValue(), unit);
        answer += r.atBound() ? "; the whole range meets it" : "; at " + s.format(r.nextStep()) + ": "
                + Cells.interval(r.atNextStep(), unit);
        answer += ")" + (Double.isFinite(r.confidentValue()) ? "; the whole 95 % interval meets it at "
                + s.format(r.confidentValue()) : "");
        return answer + " [" + r.runs() + " runs]";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String pm(ConfidenceInterval ci, int decimals) {
        String f = "%." + decimals + "f";
        String mean = String.format(Locale.ROOT, f, ci.mean());
        return Double.isFinite(ci.halfWidth()) ? mean + " +/- " + String.format(Locale.ROOT, f, ci.halfWidth())
                : mean;
    }

    /** @return "12.3 [10.1, 14.5]": a share in percent with its (asymmetric, Wilson-type) interval */
    private static String pct(org.bedsim.model.KpiInterval k) {
        String mean = String.format(Locale.ROOT, "%.1f", 100 * k.mean());
        return k.hasInterval() ? mean + String.format(Locale.ROOT, " [%.1f, %.1f]", 100 * k.low(), 100 * k.high())
                : mean;
    }
}
