package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import org.bedsim.compare.Comparison;
import org.bedsim.stats.ConfidenceInterval;

/**
 * {@code compare.csv}: one row per option, setting (or {@code kind:...}, or {@code system}) and KPI, tidy for R or
 * pandas: the value and the paired difference from the base, each with its 95 % interval (NA where there is none).
 */
public final class CompareCsv {
    /** The file's name. */
    public static final String FILE = "compare.csv";
    /** The header line. */
    public static final String HEADER = "option,setting,kpi,unit,mean,ci95_low,ci95_high,difference_mean,"
            + "difference_ci95_low,difference_ci95_high,replications";

    private CompareCsv() {
    }

    /** Writes the file's content. */
    public static void write(Comparison c, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (Comparison.Row r : c.rows()) {
            Numbers.field(out, r.option());
            out.write(',');
            Numbers.field(out, r.setting());
            out.write(',');
            out.write(r.kpi());
            out.write(',');
            Numbers.field(out, r.unit());
            out.write(',');
            triple(out, r.value());
            out.write(',');
            triple(out, r.difference());
            out.write(',');
            out.write(Long.toString(r.value().n()));
            out.write('\n');
        }
    }

    private static void triple(Writer out, ConfidenceInterval ci) throws IOException {
        if (ci == null) {
            out.write("NA,NA,NA");
            return;
        }
        out.write(Numbers.csv(ci.mean()));
        out.write(',');
        out.write(Numbers.csv(ci.low()));
        out.write(',');
        out.write(Numbers.csv(ci.high()));
    }
}
