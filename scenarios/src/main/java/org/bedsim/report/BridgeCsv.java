package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.calibrate.Assessment;
import org.bedsim.stats.ConfidenceInterval;

/**
 * {@code bridge.csv}: the bridge as rows, for R or pandas. One row per bar in order, between a {@code base} row and a
 * {@code final} row. Columns: row (base, step or final), id (the step's id; the year for base and final, e.g.
 * 2016/17), label, delta_beds (the step's sequential change; for final, the total change), delta_ci95_low,
 * delta_ci95_high, shapley_delta_beds (for final, the sum of the Shapley values), cumulative_beds (beds after the
 * row), cumulative_ci95_low, cumulative_ci95_high, basis (what the row rests on: published, independent, assumed
 * or calibrated, its weakest input), published_beds (the plan's own figure for the row: beds for base and final, the
 * change for a step). NA where a value does not apply or an interval needs more than one replication.
 */
public final class BridgeCsv {
    /** The file's name. */
    public static final String FILE_NAME = "bridge.csv";
    /** The header line. */
    public static final String HEADER = "row,id,label,delta_beds,delta_ci95_low,delta_ci95_high,shapley_delta_beds,"
            + "cumulative_beds,cumulative_ci95_low,cumulative_ci95_high,basis,published_beds";

    private BridgeCsv() {
    }

    /** Writes the file's content without an assessment (basis and published_beds NA). */
    public static void write(BridgeDefinition def, BridgeResult result, Writer out) throws IOException {
        write(def, result, null, out);
    }

    /** Writes the file's content; depends only on its arguments. */
    public static void write(BridgeDefinition def, BridgeResult result, Assessment a, Writer out)
            throws IOException {
        out.write(HEADER);
        out.write('\n');
        String baseYear = BridgeJson.financialYear(def.baseYear());
        String targetYear = BridgeJson.financialYear(def.targetYear());
        row(out, "base", baseYear, "Beds " + baseYear, Double.NaN, null, Double.NaN, result.base(),
                AssessmentJson.basis(a, "base"), AssessmentJson.published(a, "base"));
        double shapleySum = 0;
        for (BridgeResult.Bar bar : result.bars()) {
            row(out, "step", bar.id(), bar.label(), bar.delta().mean(), bar.delta(), bar.shapley().mean(),
                    bar.cumulative(), AssessmentJson.basis(a, bar.id()), AssessmentJson.published(a, bar.id()));
            shapleySum += bar.shapley().mean();
        }
        row(out, "final", targetYear, "Beds " + targetYear, result.totalChange(), null, shapleySum,
                result.finalBeds(), AssessmentJson.basis(a, "final"), AssessmentJson.published(a, "final"));
    }

    private static void row(Writer out, String row, String id, String label, double delta, ConfidenceInterval deltaCi,
            double shapley, ConfidenceInterval cumulative, String basis, double published) throws IOException {
        out.write(row);
        out.write(',');
        Numbers.field(out, id);
        out.write(',');
        Numbers.field(out, label);
        out.write(',');
        out.write(Numbers.csv(delta));
        out.write(',');
        out.write(Numbers.csv(deltaCi == null ? Double.NaN : deltaCi.low()));
        out.write(',');
        out.write(Numbers.csv(deltaCi == null ? Double.NaN : deltaCi.high()));
        out.write(',');
        out.write(Numbers.csv(shapley));
        out.write(',');
        out.write(Numbers.csv(cumulative.mean()));
        out.write(',');
        out.write(Numbers.csv(cumulative.low()));
        out.write(',');
        out.write(Numbers.csv(cumulative.high()));
        out.write(',');
        out.write(basis == null ? "NA" : basis);
        out.write(',');
        out.write(Numbers.csv(published));
        out.write('\n');
    }
}
