package org.bedsim.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.calibrate.Assessment;
import org.bedsim.calibrate.Calibrator;
import org.bedsim.calibrate.Sensitivity;
import org.bedsim.report.chart.Charts;

/**
 * The bridge report's honest sections: what each bar rests on, the calibrated inputs and the implied assumptions
 * (solved values beside independent evidence, implausible ones said in words), the prediction (only the base year
 * calibrated) against the published end point, and the sensitivity of the prediction (tornado and variance ranking).
 */
final class AssessmentSections {
    private AssessmentSections() {
    }

    /** Adds the sections. */
    static void add(HtmlReport r, BridgeResult result, Assessment a, String title, String targetYear) {
        HtmlReport.Section labels = r.section("What each bar rests on");
        labels.paragraph("Each output is labelled by the weakest input it rests on: published (a figure of the plan's "
                + "own documents), independent (evidence from outside the plan), assumed (reasoning, no source) or "
                + "calibrated (solved by bedsim so that a published figure follows: a reconstruction, not a "
                + "prediction). A calibrated bar shows what the plan needs, not what the evidence predicts.");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("base year", a.labels().base().key(), published(a, "base"),
                a.labels().reasons().getOrDefault("base", "")));
        for (BridgeResult.Bar b : result.bars()) {
            rows.add(List.of(b.label(), a.labels().bar(b.id()).key(), published(a, b.id()),
                    a.labels().reasons().getOrDefault(b.id(), "")));
        }
        rows.add(List.of("target year", a.labels().finalBeds().key(), published(a, "final"),
                a.labels().reasons().getOrDefault("final", "")));
        labels.table("Outputs of the reconstruction", List.of("output", "rests on", "published", "why"), rows);

        if (!a.calibrations().isEmpty()) {
            HtmlReport.Section cal = r.section("Calibrated inputs and the assumptions they imply");
            cal.paragraph("Each input below is not given by the sources. bedsim solved it on common random numbers "
                    + "(Brent's method, within bounds where the output moves one way) so that the published output "
                    + "follows; its 95 % interval comes from the spread over replications. Where independent evidence "
                    + "exists, the solved value stands beside it."
                    + (a.calibrationSource() == null ? "" : " Calibrations: " + a.calibrationSource() + "."));
            List<List<String>> cr = new ArrayList<>();
            for (Assessment.SolvedInput s : a.calibrations()) {
                Calibrator.Solved v = s.solved();
                cr.add(List.of(s.label(), num(v.value()) + " [" + num(v.interval()[0]) + ", " + num(v.interval()[1])
                        + "]", v.calibration().target().describe() + " " + num(v.calibration().target().beds()) + " ("
                        + s.targetSource() + ")", String.format(Locale.ROOT, "%.1f%s", v.reached().mean(),
                        v.met() ? "" : " (not met)"), s.predictionValue() == null ? "solved in the prediction too"
                        : range(s.predictionValue()) + " (" + s.predictionBasis().key() + ")",
                        s.evidence() == null ? "none found" : range(s.evidence()) + " (" + s.evidenceSource() + ")"
                        + (Boolean.FALSE.equals(s.plausible()) ? ": IMPLAUSIBLE" : ": plausible")));
            }
            cal.table("Solved inputs", List.of("input", "solved value", "target", "output reached",
                    "value in the prediction", "independent evidence"), cr);
        }
        if (!a.findings().isEmpty()) {
            r.section("Findings").list(a.findings());
        }
        Assessment.Prediction p = a.prediction();
        if (p != null) {
            HtmlReport.Section ps = r.section("Prediction: the plan tested against its own evidence");
            ps.paragraph("The same bridge with only the base year calibrated: every bar comes from the file's "
                    + "published, independent and assumed inputs, ranges drawn once per replication. The final "
                    + "interval is a 95 % prediction interval (where one more draw of every uncertain input would "
                    + "fall), wider than the interval of the mean.");
            List<List<String>> pr = new ArrayList<>();
            pr.add(List.of("base year", beds(p.bridge().base().mean(), false), "", p.labels().base().key()));
            for (BridgeResult.Bar b : p.bridge().bars()) {
                pr.add(List.of(b.label(), beds(b.delta().mean(), true), String.format(Locale.ROOT,
                        "[%+.1f, %+.1f]", b.delta().low(), b.delta().high()), p.labels().bar(b.id()).key()));
            }
            pr.add(List.of(targetYear, beds(p.bridge().finalBeds().mean(), false), String.format(Locale.ROOT,
                    "prediction interval [%.1f, %.1f]", p.finalInterval()[0], p.finalInterval()[1]),
                    p.labels().finalBeds().key()));
            if (p.published() != null) {
                pr.add(List.of("published " + targetYear, beds(p.published(), false), p.inside()
                        ? "inside the prediction interval" : "OUTSIDE the prediction interval", p.publishedSource()));
            }
            ps.table("Prediction, beds (mean and 95 % interval)", List.of("output", "beds", "interval", "rests on"),
                    pr);
        }
        if (a.tornado() != null && !a.tornado().rows().isEmpty()) {
            HtmlReport.Section ss = r.section("Sensitivity: which assumption drives the answer");
            ss.paragraph("Final beds of the prediction with each input moved to the ends of its range, one at a time, "
                    + "the others central, on common random numbers (the tornado); and each input's share of the "
                    + "variance of final beds when all are drawn together, from standardised regression coefficients"
                    + (a.ranking() == null ? "" : String.format(Locale.ROOT, " (%d draws; the linear model explains "
                    + "R² = %.2f)", a.ranking().samples(), a.ranking().rSquared())) + ".");
            Map<String, Double> share = new HashMap<>();
            if (a.ranking() != null) {
                a.ranking().rows().forEach(row -> share.put(row.input().id(), row.share()));
            }
            List<List<String>> tr = new ArrayList<>();
            for (Sensitivity.TornadoRow row : a.tornado().rows()) {
                Double sh = share.get(row.input().id());
                tr.add(List.of(row.input().label(), row.input().basis().key(), "[" + num(row.input().low()) + ", "
                        + num(row.input().high()) + "]", String.format(Locale.ROOT, "%.1f to %.1f",
                        row.atLow().mean(), row.atHigh().mean()), String.format(Locale.ROOT, "%.1f", row.swing()),
                        sh == null ? "" : String.format(Locale.ROOT, "%.2f", sh)));
            }
            ss.table("Tornado of final beds, widest swing first", List.of("input", "rests on", "range",
                    "final beds, low end to high end", "swing", "variance share"), tr);
            ss.chart(Charts.tornado(a.tornado(), "What drives the " + targetYear + " beds"), "tornado",
                    "Change in the prediction's final beds with each input at the low (blue) and the high (orange) "
                    + "end of its range.");
        }
    }

    private static String published(Assessment a, String key) {
        Double v = a.published().get(key);
        return v == null ? "" : num(v);
    }

    private static String beds(double v, boolean signed) {
        return String.format(Locale.ROOT, signed ? "%+.1f" : "%.1f", v);
    }

    private static String range(double[] v) {
        return v[0] == v[1] ? num(v[0]) : "[" + num(v[0]) + ", " + num(v[1]) + "]";
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
