package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.calibrate.Assessment;
import org.bedsim.stats.ConfidenceInterval;

/**
 * {@code bridge.csv}: every figure of {@code bridge.json} as rows, for R or pandas. One row per bar in order, between a
 * {@code base} row and a {@code final} row, then an {@code interaction} row and one {@code year} row per year of the
 * trajectory. Columns: row (base, step, final, interaction or year), id (the step's id; the year for base, final and
 * year rows, e.g. 2016/17), label, delta_beds with delta_ci95_low and delta_ci95_high (a step's sequential change;
 * for final, the total change with its paired interval; for interaction, the total minus the standalone effects),
 * shapley_delta_beds with its interval (for final, the sum of the Shapley values), standalone_delta_beds with its
 * interval (the step alone on the base), cumulative_beds with its interval (beds after the row; for a year row, the
 * beds of that year), basis (what the row rests on, its weakest input: published, independent, assumed or
 * calibrated; NA for interaction and year rows or without an assessment), published_beds (the plan's own figure
 * for the row: beds for base and final, the change for a step). NA where a value does not apply or an interval
 * needs more than one replication.
 */
public final class BridgeCsv {
    /** The file's name. */
    public static final String FILE_NAME = "bridge.csv";
    /** The header line. */
    public static final String HEADER = "row,id,label,delta_beds,delta_ci95_low,delta_ci95_high,shapley_delta_beds,"
            + "shapley_ci95_low,shapley_ci95_high,standalone_delta_beds,standalone_ci95_low,standalone_ci95_high,"
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
        row(out, "base", baseYear, "Beds " + baseYear, null, null, null, result.base(), a, "base");
        double shapleySum = 0;
        for (BridgeResult.Bar bar : result.bars()) {
            row(out, "step", bar.id(), bar.label(), bar.delta(), bar.shapley(), bar.standalone(), bar.cumulative(),
                    a, bar.id());
            shapleySum += bar.shapley().mean();
        }
        ConfidenceInterval change = result.change() != null ? result.change()
                : new ConfidenceInterval(result.totalChange(), Double.NaN, result.base().level(), result.base().n());
        row(out, "final", targetYear, "Beds " + targetYear, change, new ConfidenceInterval(shapleySum, Double.NaN,
                change.level(), change.n()), null, result.finalBeds(), a, "final");
        row(out, "interaction", "interaction", "Interaction of the standalone effects", result.interaction(), null,
                null, null, null, null);
        for (BridgeResult.YearBeds y : result.trajectory()) {
            String year = BridgeJson.financialYear(y.year());
            row(out, "year", year, "Beds " + year, null, null, null, y.beds(), null, null);
        }
    }

    private static void row(Writer out, String row, String id, String label, ConfidenceInterval delta,
            ConfidenceInterval shapley, ConfidenceInterval standalone, ConfidenceInterval cumulative, Assessment a,
            String key) throws IOException {
        out.write(row);
        out.write(',');
        Numbers.field(out, id);
        out.write(',');
        Numbers.field(out, label);
        for (ConfidenceInterval c : new ConfidenceInterval[] {delta, shapley, standalone, cumulative}) {
            out.write(',');
            out.write(Numbers.csv(c == null ? Double.NaN : c.mean()));
            out.write(',');
            out.write(Numbers.csv(c == null ? Double.NaN : c.low()));
            out.write(',');
            out.write(Numbers.csv(c == null ? Double.NaN : c.high()));
        }
        String basis = key == null ? null : AssessmentJson.basis(a, key);
        out.write(',');
        out.write(basis == null ? "NA" : basis);
        out.write(',');
        out.write(Numbers.csv(key == null ? Double.NaN : AssessmentJson.published(a, key)));
        out.write('\n');
    }
}
