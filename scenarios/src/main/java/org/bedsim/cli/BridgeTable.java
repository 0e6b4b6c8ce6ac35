package org.bedsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.TreeSet;
import org.bedsim.bridge.BedCount;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.calibrate.Assessment;
import org.bedsim.calibrate.Calibrator;
import org.bedsim.calibrate.Sensitivity;
import org.bedsim.calibrate.Target;
import org.bedsim.report.BridgeJson;
import org.bedsim.stats.ConfidenceInterval;

/** The bed bridge as a table on the terminal: base, each step, final, and the check that the bars add up. */
final class BridgeTable {
    private static final int LABEL = 38;

    private BridgeTable() {
    }

    static void print(PrintWriter terminal, BridgeDefinition def, BridgeResult r) {
        print(terminal, def, r, null);
    }

    /** Prints the table; with an assessment, each row's basis and published figure, then the assessment. */
    static void print(PrintWriter terminal, BridgeDefinition def, BridgeResult r, Assessment a) {
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(text);
        table(out, def, r, a);
        if (a != null) {
            assessment(out, def, a);
        }
        out.flush();
        for (String line : text.toString().split("\n")) {
            terminal.println(line.stripTrailing());
        }
        terminal.flush();
    }

    private static void table(PrintWriter out, BridgeDefinition def, BridgeResult r, Assessment a) {
        String base = BridgeJson.financialYear(def.baseYear());
        String target = BridgeJson.financialYear(def.targetYear());
        String method = def.method() == BedCount.MEAN_OCCUPANCY
                ? String.format(Locale.ROOT, "mean demand / %.0f %% occupancy", 100 * def.base().occupancyTarget())
                : String.format(Locale.ROOT, "demand above them on at most %s %% of days",
                        trim(100 * def.base().riskShareOfDays()));
        // a bridge counted by a waiting measure: shares in per cent, their steps in percentage points
        boolean share = def.method().unit().equals("share");
        double k = share ? 100 : 1;
        String unit = def.method().countsBeds() ? "beds" : share ? "%" : def.method().unit();
        if (def.method().countsBeds()) {
            out.println("Bed bridge " + base + " to " + target + ": beds in " + String.join(" + ",
                    new TreeSet<>(def.counted())) + " (" + method + (def.base().unconstrained()
                    ? ", with unlimited beds" : "") + ")");
        } else {
            out.println("Bridge of " + def.method().kpi().key() + " " + base + " to " + target + ", in "
                    + String.join(" + ", new TreeSet<>(def.counted())) + " with their beds ("
                    + (share ? "per cent; steps in percentage points" : def.method().unit()) + ")");
        }
        out.println("Mean and 95 % interval over " + r.replications() + " replications of each of "
                + r.configurations() + " configurations, on common random numbers:");
        out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %9s  %-22s %9s  %-22s", "", "beds",
                "95 % interval", "Shapley", "95 % interval") + (a == null ? "" : String.format(Locale.ROOT,
                " %-11s %9s", "rests on", "published")));
        out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %9s  %-22s %9s  %-22s", base,
                beds(k * r.base().mean(), false), interval(r.base(), false, k), "", "") + extra(a, "base", false));
        double sum = 0;
        double shapley = 0;
        for (BridgeResult.Bar bar : r.bars()) {
            out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %9s  %-22s %9s  %-22s", label(bar.label()),
                    beds(k * bar.delta().mean(), true), interval(bar.delta(), true, k),
                    beds(k * bar.shapley().mean(), true), interval(bar.shapley(), true, k)) + extra(a, bar.id(),
                    true));
            sum += bar.delta().mean();
            shapley += bar.shapley().mean();
        }
        out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %9s  %-22s %9s  %-22s", target,
                beds(k * r.finalBeds().mean(), false), interval(r.finalBeds(), false, k), "", "") + extra(a, "final",
                false));
        double total = r.totalChange();
        String inUnit = unit.replace("%", "%%"); // into the format strings below
        out.println(String.format(Locale.ROOT, "Check: the steps sum to %s " + inUnit + " and their Shapley values "
                + "to %s (%s), final - base = %s; largest difference %.1e", beds(k * sum, true),
                beds(k * shapley, true),
                r.shapleyExact() ? "exact" : "from sampled orderings", beds(k * total, true),
                Math.max(Math.abs(sum - total), Math.abs(shapley - total))));
        double standalone = r.bars().stream().mapToDouble(b -> b.standalone().mean()).sum();
        out.println(String.format(Locale.ROOT, "Each step alone on the base: %s " + inUnit + " in all; interaction "
                + "%s %s",
                beds(k * standalone, true), beds(k * r.interaction().mean(), true), interval(r.interaction(), true,
                k)));
        out.flush();
    }

    /** @return the basis and published columns of a row, or nothing without an assessment */
    private static String extra(Assessment a, String key, boolean signed) {
        if (a == null) {
            return "";
        }
        String basis = switch (key) {
            case "base" -> a.labels().base().key();
            case "final" -> a.labels().finalBeds().key();
            default -> a.labels().bar(key).key();
        };
        Double published = a.published().get(key);
        return String.format(Locale.ROOT, " %-11s %9s", basis, published == null ? "" : beds(published, signed));
    }

    /** Calibrations, the prediction, the inputs that drive it, and the findings. */
    private static void assessment(PrintWriter out, BridgeDefinition def, Assessment a) {
        if (!a.calibrations().isEmpty()) {
            out.println();
            out.println("Calibrated inputs (the reconstruction; solved on common random numbers"
                    + (a.calibrationSource() == null ? "" : "; " + a.calibrationSource()) + "):");
            for (Assessment.SolvedInput s : a.calibrations()) {
                Calibrator.Solved v = s.solved();
                out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %10s  [%s, %s]  meets %s %s beds: %.1f%s",
                        label(s.id()), num(v.value()), num(v.interval()[0]), num(v.interval()[1]),
                        v.calibration().target().output() == Target.Output.STEP ? "bar " + v.calibration().target()
                                .step() : v.calibration().target().output().name().toLowerCase(Locale.ROOT),
                        num(v.calibration().target().beds()), v.reached().mean(), v.met() ? "" : " (NOT MET)"));
            }
        }
        Assessment.Prediction p = a.prediction();
        if (p != null) {
            out.println();
            out.println("Prediction (only the base year calibrated; bars from published, independent and assumed "
                    + "inputs):");
            for (BridgeResult.Bar bar : p.bridge().bars()) {
                out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %9s  %-22s %s", label(bar.label()),
                        beds(bar.delta().mean(), true), interval(bar.delta(), true), p.labels().bar(bar.id())
                                .key()));
            }
            out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s %9s  95 %% prediction interval [%.1f, %.1f]",
                    BridgeJson.financialYear(def.targetYear()), beds(p.bridge().finalBeds().mean(), false),
                    p.finalInterval()[0], p.finalInterval()[1]));
        }
        if (a.tornado() != null && !a.tornado().rows().isEmpty()) {
            out.println();
            out.println("Inputs that drive the prediction's final beds (one at a time over each range; variance "
                    + "share from joint draws):");
            java.util.Map<String, Double> share = new java.util.HashMap<>();
            if (a.ranking() != null) {
                a.ranking().rows().forEach(row -> share.put(row.input().id(), row.share()));
            }
            int shown = 0;
            for (Sensitivity.TornadoRow row : a.tornado().rows()) {
                if (shown++ == 5) {
                    break;
                }
                Double sh = share.get(row.input().id());
                out.println(String.format(Locale.ROOT, "  %-" + LABEL + "s swing %6.1f beds  [%s, %s]  %-10s%s",
                        label(row.input().label()), row.swing(), num(row.input().low()), num(row.input().high()),
                        row.input().basis().key(), sh == null ? "" : String.format(Locale.ROOT,
                                "  variance share %.2f", sh)));
            }
        }
        if (!a.findings().isEmpty()) {
            out.println();
            out.println("Findings:");
            for (String f : a.findings()) {
                out.println("  - " + f);
            }
        }
    }

    private static String num(double v) {
        return org.bedsim.scenario.HonestBridge.plain(v);
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

    private static String interval(ConfidenceInterval ci, boolean signed, double k) {
        if (!Double.isFinite(ci.low()) || !Double.isFinite(ci.high())) {
            return "";
        }
        return "[" + beds(k * ci.low(), signed) + ", " + beds(k * ci.high(), signed) + "]";
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
