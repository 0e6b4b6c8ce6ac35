package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;

/** Number text for the output files: locale-free, exact ({@link Double#toString}), NA for a missing value. */
public final class Numbers {
    private Numbers() {
    }

    /** @return the number as text, "NA" if it is not finite (R and pandas read NA as missing) */
    public static String csv(double v) {
        if (!Double.isFinite(v)) {
            return "NA";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Writes a CSV field, quoted if it holds a comma, quote or line break. */
    static void field(Writer w, String s) throws IOException {
        w.write(quoted(s));
    }

    /** @return a CSV field: as is, or quoted (quotes doubled) if it holds a comma, quote or line break */
    public static String quoted(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
