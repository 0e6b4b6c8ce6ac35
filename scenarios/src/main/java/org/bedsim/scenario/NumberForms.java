package org.bedsim.scenario;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers are read exactly as written: plain decimal notation, optionally with a fraction and an exponent
 * ({@code 70}, {@code -0.25}, {@code 1.5e3}). YAML 1.1, which the YAML parser follows, also reads other forms as
 * numbers: a leading zero as octal ({@code 070} is 56), {@code 0x26} as hexadecimal, {@code 0o17} and {@code 0b101},
 * digits grouped with underscores ({@code 3_8}), base 60 ({@code 1:30}), and {@code .nan} and {@code .inf}. A figure
 * pasted from a spreadsheet with a leading zero would change its meaning without a word, so every such form is
 * refused with the reason, at its path, and the rest of the file is still checked.
 */
final class NumberForms {
    /** What a number should look like, for messages. */
    static final String PLAIN = "a finite number in plain decimal notation (digits, optionally a sign, a decimal point and "
            + "an exponent, e.g. 70, 0.25 or 1.5e3)";

    private static final Pattern DECIMAL = Pattern.compile(
            "[-+]?(?:(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
    private static final Pattern NAN = Pattern.compile("[-+]?\\.(?:nan|NaN|NAN)");
    private static final Pattern INF = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?");
    private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern OCTAL = Pattern.compile("[-+]?0o[0-7_]+");
    private static final Pattern BINARY = Pattern.compile("[-+]?0b[01_]+");
    private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
    private static final Pattern GROUPED = Pattern.compile("[-+]?[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?");

    private NumberForms() {
    }

    /**
     * @param written a scalar the YAML parser reads as a number, as written
     * @return null if it is plain decimal; otherwise what it is, in words, for "found ..."
     */
    static String notPlainDecimal(String written) {
        String w = written.trim();
        if (simpleDecimal(w) || DECIMAL.matcher(w).matches()) {
            return null;
        }
        String form = yaml11Form(w);
        return form != null ? form : w + ", a number not in plain decimal notation";
    }

    /**
     * @return true for the common plain forms {@code 12}, {@code -3}, {@code 0.25}, {@code 4.} without the pattern
     *     (a file of a million numbers is checked in a fraction of the time); false sends the text to the pattern
     */
    private static boolean simpleDecimal(String w) {
        int n = w.length();
        int i = n > 0 && w.charAt(0) == '-' ? 1 : 0;
        if (i >= n || w.charAt(i) < '0' || w.charAt(i) > '9' || (w.charAt(i) == '0' && i + 1 < n
                && w.charAt(i + 1) != '.')) {
            return false; // empty, not a digit first, or a leading zero (the pattern decides)
        }
        boolean dot = false;
        for (int k = i; k < n; k++) {
            char c = w.charAt(k);
            if (c == '.' && !dot) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** @return what a YAML 1.1 number form is, in words, or null if the text is not one */
    static String yaml11Form(String text) {
        String w = text.trim();
        if (NAN.matcher(w).matches()) {
            return w + ", which is not a number";
        }
        if (INF.matcher(w).matches()) {
            return w + ", an infinite number";
        }
        if (HEX.matcher(w).matches()) {
            return w + ", a hexadecimal number (YAML 1.1 reads it as " + radix(w, "0x", 16) + ")";
        }
        if (OCTAL.matcher(w).matches()) {
            return w + ", an octal number (YAML 1.1 reads it as " + radix(w, "0o", 8) + ")";
        }
        if (BINARY.matcher(w).matches()) {
            return w + ", a binary number (YAML 1.1 reads it as " + radix(w, "0b", 2) + ")";
        }
        if (SEXAGESIMAL.matcher(w).matches()) {
            return w + ", a base-60 number (YAML 1.1 reads 1:30 as 90)";
        }
        if (LEADING_ZERO.matcher(w).matches() && !w.contains(".") && !w.toLowerCase(Locale.ROOT).contains("e")) {
            String digits = w.replace("_", "").replaceFirst("^[-+]", "");
            String octal = digits.matches("[0-7]+") ? " (YAML 1.1 reads it as the octal number "
                    + (w.startsWith("-") ? "-" : "") + new BigInteger(digits, 8) + ")" : "";
            return w + ", a number with a leading zero" + octal;
        }
        if (LEADING_ZERO.matcher(w).matches()) {
            return w + ", a number with a leading zero";
        }
        if (w.contains("_") && GROUPED.matcher(w).matches()) {
            return w + ", a number with digits grouped by underscores (YAML 1.1 reads it as "
                    + w.replace("_", "") + ")";
        }
        return null;
    }

    private static String radix(String w, String prefix, int radix) {
        boolean negative = w.startsWith("-");
        String digits = w.replaceFirst("^[-+]", "").substring(prefix.length()).replace("_", "");
        try {
            return (negative ? "-" : "") + new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            return "a number";
        }
    }
}
