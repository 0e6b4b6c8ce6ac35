package org.bedsim.report.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers and years as chart text, in one fixed locale (so output does not depend on the machine): thousands
 * separated by commas, a hyphen-minus for negatives.
 */
final class Labels {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Labels() {
    }

    /** @return beds rounded to a whole number, e.g. {@code 1,940} */
    static String beds(double beds) {
        return format("#,##0", beds);
    }

    /** @return a change in beds rounded to a whole number with its sign, e.g. {@code -128}, {@code +45}, {@code 0} */
    static String signedBeds(double delta) {
        long rounded = Math.round(delta);
        return rounded > 0 ? "+" + format("#,##0", rounded) : format("#,##0", rounded);
    }

    /** @return a financial year, e.g. {@code 2016/17} for 2016 */
    static String financialYear(int year) {
        return year + "/" + String.format(Locale.ROOT, "%02d", Math.floorMod(year + 1, 100));
    }

    /**
     * @param value a value
     * @param unit its unit; {@code share} is shown as a percentage
     * @return the value with as many decimals as its size needs (three significant digits, at least none)
     */
    static String value(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if ("share".equals(unit)) {
            return percent(value);
        }
        return decimals(value);
    }

    /** @return a share as a percentage with up to two decimals, e.g. {@code 85 %}, {@code 4.25 %} */
    static String percent(double share) {
        return format("#,##0.##", share * 100) + " %";
    }

    /**
     * @param difference a difference of two values of a unit
     * @param unit the unit; a difference of shares is in percentage points ({@code +2.5 pp})
     * @return the difference with its sign, e.g. {@code +6.4}, {@code -30}, {@code +2.5 pp}
     */
    static String difference(double difference, String unit) {
        if (Double.isNaN(difference)) {
            return "n/a";
        }
        if ("share".equals(unit)) {
            String s = format("#,##0.##", difference * 100);
            return (s.equals("0") || s.startsWith("-") ? s : "+" + s) + " pp";
        }
        String s = decimals(difference);
        return s.equals("0") || s.startsWith("-") ? s : "+" + s;
    }

    /** @return the unit of a difference: percentage points for shares */
    static String differenceUnit(String unit) {
        if ("share".equals(unit)) {
            return "percentage points";
        }
        return unit == null || unit.isBlank() ? "difference" : unit;
    }

    /** @return a pattern for axis ticks of a difference ({@code share}: percentage points, signed) */
    static NumberFormat differenceAxisFormat(String unit) {
        DecimalFormat f = new DecimalFormat("+#,##0.###;-#,##0.###", SYMBOLS);
        if ("share".equals(unit)) {
            f.setMultiplier(100);
        }
        return f;
    }

    /** @return a pattern for axis ticks of a unit ({@code share}: percent) */
    static NumberFormat axisFormat(String unit) {
        return "share".equals(unit) ? new DecimalFormat("#,##0.#%", SYMBOLS) : new DecimalFormat("#,##0.###", SYMBOLS);
    }

    private static String decimals(double value) {
        double a = Math.abs(value);
        String pattern = a >= 100 || a == 0 ? "#,##0" : a >= 10 ? "#,##0.0" : a >= 1 ? "#,##0.00" : "#,##0.000";
        return format(pattern, value);
    }

    private static String format(String pattern, double value) {
        DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
        String s = f.format(value);
        return s.equals("-0") ? "0" : s;
    }
}
