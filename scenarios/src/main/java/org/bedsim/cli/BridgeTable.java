package org.bedsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.TreeSet;
import org.bedsim.bridge.BedCount;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.report.BridgeJson;
import org.bedsim.stats.ConfidenceInterval;

/** The bed bridge as a table on the terminal: base, each step, final, and the check that the bars add up. */
final class BridgeTable {
    private static final int LABEL = 38;

    private BridgeTable() {
    }

    static void print(PrintWriter terminal, BridgeDefinition def, BridgeResult r) {
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(text);
        table(out, def, r);
        out.flush();
        for (String line : text.toString().split("\n")) {
            terminal.println(line.stripTrailing());
        }
        terminal.flush();
    }

    private static void table(PrintWriter out, BridgeDefinition def, BridgeResult r) {
        String base = BridgeJson.financialYear(def.baseYear());
        String target = BridgeJson.financialYear(def.targetYear());
        String method = def.method() == BedCount.MEAN_OCCUPANCY
                ? String.format(Locale.ROOT, "mean demand / %.0f %% occupancy", 100 * def.base().occupancyTarget())
                : String.format(Locale.ROOT, "demand above them on at most %s %% of days",
                        trim(100 * def.base().riskShareOfDays()));
        out.println("Bed bridge " + base + " to " + target + ": beds in " + String.join(" + ",
                new TreeSet<>(def.counted())) + " (" + method + (def.base().unconstrained()
                ? ", with unlimited beds" : "") + ")");
        out.println("Mean and 95 % interval over " + r.replications() + " replications of each of "
                + r.configurations() + " configurations, on common random numbers:");
        out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %9s  %-22s %9s  %-22s", "", "beds",
                "95 % interval", "Shapley", "95 % interval"));
        out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %9s  %-22s", base, beds(r.base().mean(), false),
                interval(r.base(), false)));
        double sum = 0;
        double shapley = 0;
        for (BridgeResult.Bar bar : r.bars()) {
            out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %9s  %-22s %9s  %-22s", label(bar.label()),
                    beds(bar.delta().mean(), true), interval(bar.delta(), true), beds(bar.shapley().mean(), true),
                    interval(bar.shapley(), true)));
            sum += bar.delta().mean();
            shapley += bar.shapley().mean();
        }
        out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %9s  %-22s", target,
                beds(r.finalBeds().mean(), false), interval(r.finalBeds(), false)));
        double total = r.totalChange();
        out.println(String.format(Locale.ROOT, "Check: the steps sum to %s beds and their Shapley values to %s "
                + "(%s), final - base = %s; largest difference %.1e", beds(sum, true), beds(shapley, true),
                r.shapleyExact() ? "exact" : "from sampled orderings", beds(total, true),
                Math.max(Math.abs(sum - total), Math.abs(shapley - total))));
        double standalone = r.bars().stream().mapToDouble(b -> b.standalone().mean()).sum();
        out.println(String.format(Locale.ROOT, "Each step alone on the base: %s beds in all; interaction %s %s",
                beds(standalone, true), beds(r.interaction().mean(), true), interval(r.interaction(), true)));
        out.flush();
    }

    private static String label(String label) {
        return label.length() <= LABEL ? label : label.substring(0, LABEL - 3) + "...";
    }

    private static String beds(double v, boolean signed) {
        if (Math.abs(v) < 0.05) {
            return "0.0"; // neither -0.0 nor +0.0
        }
        return String.format(Locale.ROOT, signed ? "%+.1f" : "%.1f", v);
    }

    private static String interval(ConfidenceInterval ci, boolean signed) {
        if (!Double.isFinite(ci.low()) || !Double.isFinite(ci.high())) {
            return "";
        }
        return "[" + beds(ci.low(), signed) + ", " + beds(ci.high(), signed) + "]";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
