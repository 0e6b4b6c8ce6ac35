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
            TextTable.paragraph(out, "Bed bridge " + base + " to " + target + ": beds in " + String.join(" + ",
                    new TreeSet<>(def.counted())) + " (" + method + (def.base().unconstrained()
                    ? ", with unlimited beds" : "") + ")");
        } else {
            TextTable.paragraph(out, "Bridge of " + def.method().kpi().key() + " " + base + " to " + target + ", in "
                    + String.join(" + ", new TreeSet<>(def.counted())) + " with their beds ("
                    + (share ? "per cent; steps in percentage points" : def.method().unit()) + ")");
        }
        TextTable.paragraph(out, "Mean [95 % interval] over " + r.replications() + " replications of each of "
                + r.configurations() + " configurations, on common random numbers:");
        // the unit in the header: beds; a share's levels in per cent and its steps in percentage points
        String head = def.method().countsBeds() ? "beds" : share ? "% (steps: points)" : def.method().unit();
        String shapleyHead = "Shapley, " + (share ? "points" : unit);
        TextTable t = new TextTable("", head, shapleyHead).shortenFirst(24);
        t.row(base, level(r.base(), k, share), "");
        double sum = 0;
        double shapley = 0;
        for (BridgeResult.Bar bar : r.bars()) {
            t.row(bar.label(), step(bar.delta(), k), step(bar.shapley(), k));
            sum += bar.delta().mean();
            shapley += bar.shapley().mean();
        }
        t.row(target, level(r.finalBeds(), k, share), "");
        t.print(out);
        if (a != null) {
            boolean published = !a.published().isEmpty();
            TextTable.paragraph(out, "What each figure rests on" + (published ? ", and the published figure" : "")
                    + ":");
            TextTable basis = (published ? new TextTable("", "rests on", "published, " + unit)
                    : new TextTable("", "rests on")).shortenFirst(24);
            basis.row(cells(a, base, "base", false, published));
            for (BridgeResult.Bar bar : r.bars()) {
                basis.row(cells(a, bar.label(), bar.id(), true, published));
            }
            basis.row(cells(a, target, "final", false, published));
            basis.print(out);
        }
        double total = r.totalChange();
        String stepUnit = share ? "points" : unit;
        TextTable.paragraph(out, String.format(Locale.ROOT, "Check: the steps sum to %s %s and their Shapley values "
                + "to %s (%s), final - base = %s; largest difference %.1e", beds(k * sum, true), stepUnit,
                beds(k * shapley, true),
                r.shapleyExact() ? "exact" : "from sampled orderings", beds(k * total, true),
                Math.max(Math.abs(sum - total), Math.abs(shapley - total))));
        double standalone = r.bars().stream().mapToDouble(b -> b.standalone().mean()).sum();
        TextTable.paragraph(out, String.format(Locale.ROOT, "Each step alone on the base: %s %s in all; "
                + "interaction %s", beds(k * standalone, true), stepUnit, step(r.interaction(), k)));
        out.flush();
    }

    /** @return a row of what a figure rests on: label, basis and, if any figure is published, the published one */
    private static String[] cells(Assessment a, String label, String key, boolean signed, boolean published) {
        String basis = switch (key) {
            case "base" -> a.labels().base().key();
            case "final" -> a.labels().finalBeds().key();
            default -> a.labels().bar(key).key();
        };
        if (!published) {
            return new String[] {label, basis};
        }
        Double figure = a.published().get(key);
        return new String[] {label, basis, figure == null ? "" : beds(figure, signed)};
    }

    /** @return "190.8 [188.6, 193.0]": a level, a share's kept inside [0, 100] per cent */
    private static String level(ConfidenceInterval ci, double k, boolean share) {
        String mean = beds(k * ci.mean(), false);
        if (!Double.isFinite(ci.low()) || !Double.isFinite(ci.high())) {
            return mean;
        }
        double low = k * ci.low();
        double high = k * ci.high();
        if (share) {
            low = Math.max(0, low);
            high = Math.min(100, high);
        }
        return mean + " [" + beds(low, false) + ", " + beds(high, false) + "]";
    }

    /** @return "+18.0 [+15.2, +20.8]": a change with its interval */
    private static String step(ConfidenceInterval ci, double k) {
        String mean = beds(k * ci.mean(), true);
        String interval = interval(ci, true, k);
        return interval.isEmpty() ? mean : mean + " " + interval;
    }

    /** Calibrations, the prediction, the inputs that drive it, and the findings. */
    private static void assessment(PrintWriter out, BridgeDefinition def, Assessment a) {
        if (!a.calibrations().isEmpty()) {
            out.println();
            TextTable.paragraph(out, "Calibrated inputs (the reconstruction; solved on common random numbers"
                    + (a.calibrationSource() == null ? "" : "; " + a.calibrationSource()) + "):");
            TextTable t = new TextTable("input", "value", "95 % interval", "meets", "reached, beds")
                    .shortenFirst(16);
            for (Assessment.SolvedInput s : a.calibrations()) {
                Calibrator.Solved v = s.solved();
                t.row(s.id(), num(v.value()), "[" + num(v.interval()[0]) + ", " + num(v.interval()[1]) + "]",
                        (v.calibration().target().output() == Target.Output.STEP ? "bar " + v.calibration().target()
                                .step() : v.calibration().target().output().name().toLowerCase(Locale.ROOT)) + " "
                                + num(v.calibration().target().beds()) + " beds",
                        String.format(Locale.ROOT, "%.1f%s", v.reached().mean(), v.met() ? "" : " (NOT MET)"));
            }
            t.print(out);
        }
        Assessment.Prediction p = a.prediction();
        if (p != null) {
            out.println();
            TextTable.paragraph(out, "Prediction (only the base year calibrated; bars from published, independent "
                    + "and assumed inputs), beds:");
            TextTable t = new TextTable("", "beds [95 % interval]", "rests on").shortenFirst(24);
            for (BridgeResult.Bar bar : p.bridge().bars()) {
                t.row(bar.label(), step(bar.delta(), 1), p.labels().bar(bar.id()).key());
            }
            t.row(BridgeJson.financialYear(def.targetYear()), beds(p.bridge().finalBeds().mean(), false)
                    + String.format(Locale.ROOT, " [%.1f, %.1f]", p.finalInterval()[0], p.finalInterval()[1]),
                    "95 % prediction interval");
            t.print(out);
        }
        if (a.tornado() != null && !a.tornado().rows().isEmpty()) {
            out.println();
            TextTable.paragraph(out, "Inputs that drive the prediction's final beds (one at a time over each range; "
                    + "variance share from joint draws):");
            java.util.Map<String, Double> share = new java.util.HashMap<>();
            if (a.ranking() != null) {
                a.ranking().rows().forEach(row -> share.put(row.input().id(), row.share()));
            }
            TextTable t = new TextTable("input", "swing, beds", "range", "rests on", "variance share")
                    .shortenFirst(20);
            int shown = 0;
            for (Sensitivity.TornadoRow row : a.tornado().rows()) {
                if (shown++ == 5) {
                    break;
                }
                Double sh = share.get(row.input().id());
                t.row(row.input().label(), String.format(Locale.ROOT, "%.1f", row.swing()),
                        "[" + num(row.input().low()) + ", " + num(row.input().high()) + "]",
                        row.input().basis().key(), sh == null ? "" : String.format(Locale.ROOT, "%.2f", sh));
            }
            t.print(out);
        }
        if (!a.findings().isEmpty()) {
            out.println();
            out.println("Findings:");
            for (String f : a.findings()) {
                TextTable.paragraph(out, "  - " + f);
            }
        }
    }

    private static String num(double v) {
        return org.bedsim.scenario.HonestBridge.plain(v);
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

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
