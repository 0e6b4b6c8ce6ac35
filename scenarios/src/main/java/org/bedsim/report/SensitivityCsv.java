package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bedsim.calibrate.Sensitivity;

/**
 * {@code sensitivity.csv}: one row per input of the tornado, widest swing first. Columns: input (its path or
 * calibration id), label, basis, low, high (its range), final_beds_at_low, final_beds_at_high, swing_beds,
 * src (standardised regression coefficient from joint draws), variance_share (src squared), then for each step
 * {@code bar_<step>_at_low} and {@code bar_<step>_at_high} (the step's sequential bar with the input at each end).
 */
public final class SensitivityCsv {
    /** The file's name. */
    public static final String FILE_NAME = "sensitivity.csv";

    private SensitivityCsv() {
    }

    /** Writes the file's content. */
    public static void write(Sensitivity.Tornado t, Sensitivity.Ranking ranking, Writer out) throws IOException {
        StringBuilder header = new StringBuilder("input,label,basis,low,high,final_beds_at_low,final_beds_at_high,"
                + "swing_beds,src,variance_share");
        List<String> steps = t.stepIds();
        boolean bars = !t.rows().isEmpty() && t.rows().get(0).barsAtLow().length == steps.size();
        if (bars) {
            for (String s : steps) {
                header.append(",bar_").append(s).append("_at_low,bar_").append(s).append("_at_high");
            }
        }
        out.write(header.toString());
        out.write('\n');
        Map<String, Sensitivity.RankRow> rank = new HashMap<>();
        if (ranking != null) {
            ranking.rows().forEach(r -> rank.put(r.input().id(), r));
        }
        for (Sensitivity.TornadoRow row : t.rows()) {
            Numbers.field(out, row.input().id());
            out.write(',');
            Numbers.field(out, row.input().label());
            out.write(',' + row.input().basis().key() + ',' + Numbers.csv(row.input().low()) + ','
                    + Numbers.csv(row.input().high()) + ',' + Numbers.csv(row.atLow().mean()) + ','
                    + Numbers.csv(row.atHigh().mean()) + ',' + Numbers.csv(row.swing()));
            Sensitivity.RankRow r = rank.get(row.input().id());
            out.write(',' + Numbers.csv(r == null ? Double.NaN : r.src()) + ','
                    + Numbers.csv(r == null ? Double.NaN : r.share()));
            if (bars) {
                for (int i = 0; i < steps.size(); i++) {
                    out.write(',' + Numbers.csv(row.barsAtLow()[i]) + ',' + Numbers.csv(row.barsAtHigh()[i]));
                }
            }
            out.write('\n');
        }
    }
}
