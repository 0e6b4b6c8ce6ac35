package org.bedsim.dist;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for {@link Distribution#describe()}: {@code 6} not {@code 6.0}, {@code 4.5} stays {@code 4.5}. */
final class Format {
    private Format() {
    }

    /** @return the shortest text that reads back as {@code value}, without a trailing {@code .0} */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** @return {@code value} rounded to {@code digits} significant digits, for summaries of data */
    static String rounded(double value, int digits) {
        if (!Double.isFinite(value) || value == 0) {
            return number(value);
        }
        double abs = Math.abs(value);
        if (abs < 1e-4 || abs >= 1e15) {
            return number(new BigDecimal(value).round(new MathContext(digits)).doubleValue());
        }
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
