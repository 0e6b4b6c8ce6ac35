package org.bedsim.dist;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Number formatting for {@link Distribution#describe()}: {@code 6} not {@code 6.0}, and arithmetic noise hidden
 * ({@code 6 * 0.8} reads {@code 4.8}, not {@code 4.800000000000001}). Descriptions are labels for people; the
 * parameters themselves are available exactly from each family's accessors.
 */
final class Format {
    private static final int LABEL_DIGITS = 12;

    private Format() {
    }

    /** @return {@code value} to 12 significant digits, without trailing zeros or a trailing {@code .0} */
    static String number(double value) {
        return rounded(value, LABEL_DIGITS);
    }

    /** @return {@code value} rounded to {@code digits} significant digits, e.g. for summaries of data */
    static String rounded(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal round = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        double abs = Math.abs(value);
        if (abs < 1e-6 || abs >= 1e15) {
            return Double.toString(round.doubleValue());
        }
        return round.toPlainString();
    }
}
