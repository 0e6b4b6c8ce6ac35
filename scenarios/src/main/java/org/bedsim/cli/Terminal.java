package org.bedsim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.model.FlowSummary;
import org.bedsim.model.PreFlight;
import org.bedsim.model.SettingKpi;
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
        for (Problem p : problems) {
            err.println(p.render(file));
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
        out.println(String.format(Locale.ROOT, "  %-22s %14s %13s %8s %10s", "setting", "admissions/day",
                "offered load", "beds", "load/beds"));
        for (PreFlight.Load l : r.loads()) {
            String beds = l.capacity() == CapacityTimeline.UNLIMITED ? "unlimited" : Integer.toString(l.capacity());
            String util = l.capacity() == CapacityTimeline.UNLIMITED ? "-"
                    : String.format(Locale.ROOT, "%.0f %%", 100 * l.utilisation());
            out.println(String.format(Locale.ROOT, "  %-22s %14.1f %13.1f %8s %10s%s", l.setting(),
                    l.admissionsPerDay(), l.offeredLoad(), beds, util, l.overloaded() ? "  OVERLOADED" : ""));
        }
        out.println(String.format(Locale.ROOT, "  estimated events: %s per replication, %s for %d replication%s",
                ProgressBar.human(r.eventsPerReplication()), ProgressBar.human(r.events()), replications,
                replications == 1 ? "" : "s"));
        out.flush();
    }

    /** Prints the main results per setting: mean and 95 % interval half-widths. */
    static void results(PrintWriter out, FlowSummary summary) {
        int pct = (int) Math.round(summary.settings().occupancyTarget() * 100);
        int risk = (int) Math.round(summary.settings().riskShareOfDays() * 100);
        out.println("Results (mean +/- 95 % CI half-width over " + summary.replications().size()
                + " replications):");
        out.println(String.format(Locale.ROOT, "  %-22s %8s %18s %18s %18s %16s", "setting", "beds",
                "mean occupancy", "beds @" + pct + " % occ.", "beds, " + risk + " % risk", "days full"));
        for (String name : summary.settingNames()) {
            int beds = summary.settings().setting(name).capacity().initial();
            out.println(String.format(Locale.ROOT, "  %-22s %8s %18s %18s %18s %16s", name,
                    beds == CapacityTimeline.UNLIMITED ? "unlimited" : Integer.toString(beds),
                    pm(summary.interval(name, SettingKpi.MEAN_OCCUPANCY), 1),
                    pm(summary.interval(name, SettingKpi.BEDS_REQUIRED_MEAN), 1),
                    pm(summary.interval(name, SettingKpi.BEDS_REQUIRED_PERCENTILE), 1),
                    pct(summary.interval(name, SettingKpi.SHARE_OF_DAYS_FULL))));
        }
        out.flush();
    }

    private static String pm(ConfidenceInterval ci, int decimals) {
        String f = "%." + decimals + "f";
        String mean = String.format(Locale.ROOT, f, ci.mean());
        return Double.isFinite(ci.halfWidth()) ? mean + " +/- " + String.format(Locale.ROOT, f, ci.halfWidth())
                : mean;
    }

    private static String pct(ConfidenceInterval ci) {
        String mean = String.format(Locale.ROOT, "%.1f %%", 100 * ci.mean());
        return Double.isFinite(ci.halfWidth()) ? mean + " +/- " + String.format(Locale.ROOT, "%.1f",
                100 * ci.halfWidth()) : mean;
    }
}
