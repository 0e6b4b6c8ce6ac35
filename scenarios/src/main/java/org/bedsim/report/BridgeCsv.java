package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.stats.ConfidenceInterval;

/**
 * {@code bridge.csv}: the bridge as rows, for R or pandas. One row per bar in order, between a {@code base} row and a
 * {@code final} row. Columns: row (base, step or final), id (the step's id; the year for base and final, e.g.
 * 2016/17), label, delta_beds (the step's sequential change; for final, the total change), delta_ci95_low,
 * delta_ci95_high, shapley_delta_beds (for final, the sum of the Shapley values), cumulative_beds (beds after the
 * row), cumulative_ci95_low, cumulative_ci95_high. NA where a value does not apply or an interval needs more than
 * one replication.
 */
public final class BridgeCsv {
    /** The file's name. */
    public static final String FILE_NAME = "bridge.csv";
    /** The header line. */
    public static final String HEADER = "row,id,label,delta_beds,delta_ci95_low,delta_ci95_high,shapley_delta_beds,"
            + "cumulative_beds,cumulative_ci95_low,cumulative_ci95_high";

    private BridgeCsv() {
    }

    /** Writes the file's content; depends only on its arguments. */
    public static void write(BridgeDefinition def, BridgeResult result, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        String baseYear = BridgeJson.financialYear(def.baseYear());
        String targetYear = BridgeJson.financialYear(def.targetYear());
        row(out, "base", baseYear, "Beds " + baseYear, Double.NaN, null, Double.NaN, result.base());
        double shapleySum = 0;
        for (BridgeResult.Bar bar : result.bars()) {
            row(out, "step", bar.id(), bar.label(), bar.delta().mean(), bar.delta(), bar.shapley().mean(),
                    bar.cumulative());
            shapleySum += bar.shapley().mean();
        }
        row(out, "final", targetYear, "Beds " + targetYear, result.totalChange(), null, shapleySum,
                result.finalBeds());
    }

    private static void row(Writer out, String row, String id, String label, double delta, ConfidenceInterval deltaCi,
            double shapley, ConfidenceInterval cumulative) throws IOException {
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
        out.write('\n');
    }
}
