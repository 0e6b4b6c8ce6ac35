package org.bedsim.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bedsim.model.AdmissionPolicy;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.CareSetting;
import org.bedsim.model.Cohort;
import org.bedsim.model.DemandKpi;
import org.bedsim.model.FlowSettings;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.Route;
import org.bedsim.model.SettingKpi;
import org.bedsim.report.RunManifest;
import org.bedsim.stats.ConfidenceInterval;

/**
 * The sections every bedsim report has, whatever the command: the scenario's assumptions with their sources, the
 * validation warnings, the run manifest, and a description of the model following the STRESS-DES reporting
 * checklist (Monks et al., "Strengthening the reporting of empirical simulation studies: Introducing the STRESS
 * guidelines", Journal of Simulation 13(1), 2019): objectives, logic, data, experimentation, implementation and code
 * access. Also the tables of a run's results per setting, which {@code run}, {@code compare} and {@code bridge}
 * share.
 */
public final class StandardSections {
    private StandardSections() {
    }

    /**
     * What was run, for the model description.
     *
     * @param command the command, e.g. "bedsim compare"
     * @param purpose the question the run answers (the objective)
     * @param experimentationAims what is varied and compared (for a single run: nothing)
     * @param scenarioLogic how the scenarios differ from the base (may be empty)
     * @param outputs what the run writes and reports
     * @param settings the base configuration
     * @param replications replications per configuration
     * @param seed master seed
     * @param manifest versions and times
     */
    public record Experiment(String command, String purpose, String experimentationAims, List<String> scenarioLogic,
            List<String> outputs, FlowSettings settings, int replications, long seed, RunManifest manifest) {
        /** Freezes. */
        public Experiment {
            scenarioLogic = List.copyOf(scenarioLogic);
            outputs = List.copyOf(outputs);
        }
    }

    /** Adds the assumptions and sources: one row per source, with the figures that cite it. */
    public static void assumptions(HtmlReport r, String heading, List<ScenarioFacts.Source> sources) {
        HtmlReport.Section s = r.section(heading);
        long published = sources.stream().filter(x -> x.cite() != null).count();
        s.paragraph(sources.size() + " sources: " + published + " published figures (document and line, or title "
                + "and page) and " + (sources.size() - published) + " assumptions with their reasoning. Every figure "
                + "of the scenario names one of them.");
        List<List<String>> rows = new ArrayList<>();
        for (ScenarioFacts.Source x : sources) {
            String what = x.cite() != null ? "published: " + x.cite() : "assumed";
            String text = x.cite() != null ? join(x.quote() == null ? null : "\u201c" + x.quote().trim() + "\u201d",
                    x.note()) : x.assumed();
            rows.add(List.of(x.id(), what, text == null ? "" : text.trim(), String.join(", ", x.citedBy())));
        }
        s.table(null, List.of("source", "kind", "quote, derivation or reasoning", "cited by"), rows);
    }

    /** Adds the validation warnings (or says there are none). */
    public static void warnings(HtmlReport r, List<String> warnings) {
        HtmlReport.Section s = r.section("Validation warnings");
        if (warnings.isEmpty()) {
            s.paragraph("None: every check passed without a warning.");
            return;
        }
        s.note(warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s") + ": the run went ahead, but the "
                + "results may not mean what they seem to. Each gives the file, line and column.");
        s.list(warnings);
    }

    /** Adds the run manifest, with any extra lines (e.g. the base scenario of a comparison). */
    public static void manifest(HtmlReport r, RunManifest m, List<String[]> extra) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"bedsim version", m.bedsimVersion()});
        rows.add(new String[] {"scenario", m.scenarioName()});
        rows.add(new String[] {"file", m.scenarioFile()});
        rows.add(new String[] {"file SHA-256", m.scenarioSha256()});
        rows.addAll(extra);
        rows.add(new String[] {"seed", Long.toString(m.seed())});
        rows.add(new String[] {"replications", Integer.toString(m.replications())});
        rows.add(new String[] {"threads", Integer.toString(m.threads())});
        rows.add(new String[] {"Java", m.javaVersion()});
        rows.add(new String[] {"started", m.startedAt().toString()});
        rows.add(new String[] {"finished", m.finishedAt().toString()});
        r.section("Run manifest").paragraph("Enough to reproduce the run: the same file (by its hash), seed and "
                + "replications give the same results on any machine, whatever the thread count.").definitions(rows);
    }

    /** Adds the model description, following the STRESS-DES checklist. */
    public static void modelDescription(HtmlReport r, Experiment e, ScenarioFacts facts) {
        FlowSettings s = e.settings();
        HtmlReport.Section d = r.section("Model description (STRESS-DES)");
        d.paragraph("Reported following the STRESS-DES checklist for discrete-event simulation studies (Monks et al., "
                + "Journal of Simulation, 2019): 1 objectives, 2 logic, 3 data, 4 experimentation, 5 implementation, "
                + "6 code access.");

        d.subheading("1 Objectives");
        d.definitions(List.of(
                new String[] {"1.1 Purpose", e.purpose() + (facts.description() == null ? ""
                        : " Scenario: " + facts.description().trim())},
                new String[] {"1.2 Outputs", String.join("; ", e.outputs())},
                new String[] {"1.3 Experimentation aims", e.experimentationAims()}));

        d.subheading("2 Logic");
        d.paragraph("2.1-2.2 Base model. Patients of each cohort arrive from outside (emergencies as a Poisson process "
                + "shaped by day of week, month and yearly growth; electives booked on working days) and are admitted "
                + "to the cohort's entry setting. Each stay's length is drawn when the patient is admitted. When the "
                + "stay ends the patient is fit to move: to the next setting drawn from the cohort's routing, or to a "
                + "sink (home, died). If the next setting is full the patient stays, blocked, in the current bed (a "
                + "delayed transfer) until a bed frees there. An arrival from outside that finds its setting full "
                + "waits, is diverted, opens an escalation bed or is turned away, as the setting's policy says; a "
                + "booked elective is cancelled or deferred. Discharged patients may be readmitted later.");
        if (!e.scenarioLogic().isEmpty()) {
            d.paragraph("2.3 Scenario logic:");
            d.list(e.scenarioLogic());
        } else {
            d.paragraph("2.3 Scenario logic: a single configuration (no scenarios compared).");
        }
        d.paragraph("2.4 Algorithms: next-event time advance on a timing-wheel event list ordered by (time, sequence); "
                + "lognormal and gamma stays by mean and standard deviation (ziggurat and Marsaglia-Tsang samplers); "
                + "Poisson arrivals by inverting the cumulative intensity; beds required by two methods: mean demand "
                + "over the target occupancy (" + pct(s.occupancyTarget()) + "), and the fewest beds midnight "
                + "demand exceeds on at most " + pct(s.riskShareOfDays()) + " of days.");
        d.paragraph("2.5 Components. Entities: patients (one per admission). Activities: stays in settings. Resources: "
                + "beds of each setting (a capacity over time). Queues: per setting, arrivals waiting for a bed and "
                + "transfers blocked upstream, served in the setting's priority order. Entry: cohorts' arrivals. "
                + "Exit: sinks.");
        List<List<String>> settingRows = new ArrayList<>();
        for (CareSetting c : s.settings()) {
            if (c.isSink()) {
                continue;
            }
            settingRows.add(List.of(c.name(), c.kind().name().toLowerCase(Locale.ROOT), capacity(c, s), policy(c),
                    c.priority().name().toLowerCase(Locale.ROOT)));
        }
        d.table("Resources: settings and their beds", List.of("setting", "kind", "beds", "when full", "priority"),
                settingRows);
        List<List<String>> cohortRows = new ArrayList<>();
        for (Cohort c : s.cohorts()) {
            cohortRows.add(List.of(c.name(), c.type().name().toLowerCase(Locale.ROOT), c.entry(),
                    String.format(Locale.ROOT, "%,.0f", c.arrivals().annualVolume()),
                    String.format(Locale.ROOT, "%.2f %%", 100 * c.arrivals().growthPerYear()), stays(c),
                    pathways(c)));
        }
        d.table("Entities: cohorts, their arrivals, stays and pathways", List.of("cohort", "type", "entry",
                "arrivals a year", "growth a year", "length of stay, days", "routing"), cohortRows);

        d.subheading("3 Data");
        long published = facts.sources().stream().filter(x -> x.cite() != null).count();
        d.definitions(List.of(
                new String[] {"3.1 Data sources", published + " published figures, each cited by document and line "
                        + "(see Assumptions and sources)."},
                new String[] {"3.2 Pre-processing", "Published totals scaled or split as each source's note says; "
                        + "growth given as a total over several years is turned into a compound rate a year."},
                new String[] {"3.3 Input parameters", "The settings and cohorts tables above, from " + facts.file()
                        + " (SHA-256 " + facts.sha256() + ")."},
                new String[] {"3.4 Assumptions", (facts.sources().size() - published) + " assumptions, each with its "
                        + "reasoning (see Assumptions and sources)."}));

        d.subheading("4 Experimentation");
        d.definitions(List.of(
                new String[] {"4.1 Initialisation", String.format(Locale.ROOT, "The model starts empty and runs a "
                        + "warm-up of %.0f days under the start's conditions; its results are discarded, so that beds "
                        + "are filled as on a real day when measurement starts.", s.warmupDays())},
                new String[] {"4.2 Run length", String.format(Locale.ROOT, "%.0f days measured from %s.",
                        s.horizonDays(), s.startDate())},
                new String[] {"4.3 Estimation approach", String.format(Locale.ROOT, "%d independent replications "
                        + "from master seed %d; each result is the mean over replications with a 95 %% Student t "
                        + "confidence interval. Every random quantity comes from a named stream (arrivals, stays, "
                        + "routing, per cohort and setting), replication r using substream r, so configurations run "
                        + "on common random numbers and differences are paired replication by replication.",
                        e.replications(), e.seed())}));

        d.subheading("5 Implementation");
        RunManifest m = e.manifest();
        d.definitions(List.of(
                new String[] {"5.1 Software", "bedsim " + m.bedsimVersion() + " (Java; its own discrete-event "
                        + "kernel, no simulation library), Java " + m.javaVersion() + "."},
                new String[] {"5.2 Random sampling", "xoshiro256++ generators seeded from SHA-256 of (seed, "
                        + "replication, stream name); nothing seeded from the clock."},
                new String[] {"5.3 Model execution", "Replications in parallel on " + m.threads() + " thread"
                        + (m.threads() == 1 ? "" : "s") + "; results are identical whatever the thread count. "
                        + "Command: " + e.command() + "."},
                new String[] {"5.4 System specification", "Run from " + m.startedAt() + " to " + m.finishedAt()
                        + "."}));

        d.subheading("6 Code access");
        d.paragraph("bedsim is open source; the scenario file and this report's manifest reproduce the run.");
    }

    /** Adds the key results per setting: beds, occupancy, beds required, days full, delays (mean [95 % CI]). */
    public static void keyResults(HtmlReport.Section s, FlowSummary summary) {
        List<List<String>> rows = new ArrayList<>();
        for (String name : summary.settingNames()) {
            rows.add(List.of(name, Cells.beds(summary.settings().setting(name).capacity().initial()),
                    Cells.interval(summary.interval(name, SettingKpi.MEAN_OCCUPANCY), "beds"),
                    Cells.interval(summary.interval(name, SettingKpi.OCCUPANCY_P95), "beds"),
                    Cells.interval(summary.interval(name, SettingKpi.BEDS_REQUIRED_MEAN), "beds"),
                    Cells.interval(summary.interval(name, SettingKpi.BEDS_REQUIRED_PERCENTILE), "beds"),
                    Cells.interval(summary.kpi(name, SettingKpi.SHARE_OF_DAYS_FULL), "share"),
                    Cells.interval(summary.interval(name, SettingKpi.MEAN_DELAYED_BEDS), "beds")));
        }
        FlowSettings f = summary.settings();
        s.table("Per setting: mean and 95 % confidence interval over " + summary.replications().size()
                + " replications", List.of("setting", "beds at start", "mean occupied beds", "P95 occupied beds",
                "beds required @" + pct(f.occupancyTarget()) + " occupancy (as run)", "beds required, " + pct(
                f.riskShareOfDays()) + " risk (as run)", "share of days full", "delayed beds"), rows);
        bedsRequired(s, summary);
    }

    /**
     * The beds-required figures side by side: demand (the same patients with unlimited beds) and as run (with the
     * scenario's beds), with what each answers.
     */
    public static void bedsRequired(HtmlReport.Section s, FlowSummary summary) {
        if (summary.demand() == null) {
            return;
        }
        FlowSettings f = summary.settings();
        s.paragraph("Which beds-required figure answers \"how many beds do we need?\": demand. Demand is what the "
                + "same patients (the same arrivals, stays and routes, on the same random numbers) would need if "
                + "every setting had unlimited beds: nobody refused, diverted, cancelled, queued or blocked. The "
                + "figures as run are measured with the scenario's beds: they count occupied beds, patients waiting "
                + "and patients blocked elsewhere waiting to move in, but not patients refused, diverted or "
                + "cancelled because a setting was full, so a setting that turns patients away looks as if it "
                + "needed little more than its beds. The mean method is mean demand over the " + pct(
                f.occupancyTarget()) + " occupancy target; the percentile method the fewest beds that demand at "
                + "midnight exceeds on at most " + pct(f.riskShareOfDays()) + " of days. For a setting with "
                + "unlimited beds the two agree.");
        List<List<String>> rows = new ArrayList<>();
        for (String name : summary.settingNames()) {
            if (!summary.demand().has(name)) {
                continue;
            }
            rows.add(List.of(name, Cells.beds(f.setting(name).capacity().initial()),
                    Cells.interval(summary.demand().interval(name, DemandKpi.BEDS_REQUIRED_MEAN), "beds"),
                    Cells.interval(summary.demand().interval(name, DemandKpi.BEDS_REQUIRED_PERCENTILE), "beds"),
                    Cells.interval(summary.interval(name, SettingKpi.BEDS_REQUIRED_MEAN), "beds"),
                    Cells.interval(summary.interval(name, SettingKpi.BEDS_REQUIRED_PERCENTILE), "beds")));
        }
        s.table("Beds required: demand (unlimited beds) and as run (with the scenario's beds), mean [95 % CI]",
                List.of("setting", "beds at start", "demand, mean method @" + pct(f.occupancyTarget()),
                        "demand, percentile method " + pct(f.riskShareOfDays()) + " risk",
                        "as run, mean method", "as run, percentile method"), rows);
    }

    /** Adds every KPI of every setting, in a collapsible part. */
    public static void allKpis(HtmlReport.Section s, FlowSummary summary) {
        s.details("Every KPI of every setting");
        List<List<String>> rows = new ArrayList<>();
        for (String name : summary.settingNames()) {
            for (SettingKpi k : SettingKpi.values()) {
                rows.add(List.of(name, k.key(), k.unit(), Cells.interval(summary.kpi(name, k), k.unit())));
            }
            if (summary.demand() != null && summary.demand().has(name)) {
                for (DemandKpi k : DemandKpi.values()) {
                    rows.add(List.of(name, k.key(), k.unit(), Cells.interval(summary.demand().interval(name, k),
                            k.unit())));
                }
            }
        }
        s.table(null, List.of("setting", "kpi", "unit", "mean [95 % CI]"), rows);
        s.endDetails();
    }

    private static String capacity(CareSetting c, FlowSettings s) {
        List<String> parts = new ArrayList<>();
        for (CapacityTimeline.Step step : c.capacity().steps()) {
            String beds = Cells.beds(step.beds());
            parts.add(step.fromDay() == 0 ? beds : beds + " from " + s.startDate().plusDays((long) step.fromDay()));
        }
        return String.join(", ", parts);
    }

    private static String policy(CareSetting c) {
        AdmissionPolicy p = c.policy();
        return switch (p.kind()) {
            case ESCALATE -> "escalate (" + p.escalationBeds() + " beds)";
            case DIVERT -> "divert to " + p.divertTo();
            default -> p.kind().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String stays(Cohort c) {
        List<String> parts = new ArrayList<>();
        c.lengthOfStay().forEach((setting, d) -> parts.add(setting + ": " + d.describe()));
        return String.join("; ", parts);
    }

    private static String pathways(Cohort c) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Route>> e : c.routing().entrySet()) {
            List<String> to = new ArrayList<>();
            for (Route r : e.getValue()) {
                to.add(r.to() + " " + String.format(Locale.ROOT, "%.3g", r.probability()));
            }
            parts.add(e.getKey() + " -> " + String.join(", ", to));
        }
        if (c.avoidance().share() > 0) {
            parts.add(String.format(Locale.ROOT, "%.3g avoided", c.avoidance().share())
                    + (c.avoidance().redirectTo() == null ? "" : " (to " + c.avoidance().redirectTo() + ")"));
        }
        if (c.readmission() != null) {
            parts.add(String.format(Locale.ROOT, "readmitted %.3g within %.0f days as %s",
                    c.readmission().probability(), c.readmission().withinDays(), c.readmission().cohort()));
        }
        return parts.isEmpty() ? "home" : String.join("; ", parts);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.3g %%", 100 * share).replace(".0 %", " %");
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }
}
