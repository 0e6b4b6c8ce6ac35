package org.bedsim.report.html;

import java.util.List;
import java.util.Locale;
import org.bedsim.model.CapacityTimeline;
import org.bedsim.stats.ConfidenceInterval;

/** Numbers as table cells: fixed locale, shares as percentages, intervals in brackets, "n/a" for none. */
public final class Cells {
    private Cells() {
    }

    /** @return a value in its unit, e.g. {@code 1,234.5}, {@code 4.2 %} */
    public static String value(double v, String unit) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        String text;
        if ("share".equals(unit)) {
            text = String.format(Locale.ROOT, "%.1f %%", 100 * v);
        } else {
            double a = Math.abs(v);
            String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%,.1f" : "%,.2f";
            text = String.format(Locale.ROOT, pattern, v);
        }
        return NEGATIVE_ZERO.matcher(text).matches() ? text.substring(1) : text;
    }

    /** A negative number that rounds to zero, e.g. {@code -0.00} or {@code -0.0 %}: shown without its sign. */
    private static final java.util.regex.Pattern NEGATIVE_ZERO = java.util.regex.Pattern.compile("-0(\\.0+)?( %)?");

    /** @return a signed difference, e.g. {@code +12.5}, {@code -0.4 %} (percentage points for shares) */
    public static String signed(double v, String unit) {
        String s = value(v, unit);
        return v > 0 && !ZERO.matcher(s).matches() ? "+" + s : s;
    }

    private static final java.util.regex.Pattern ZERO = java.util.regex.Pattern.compile("0(\\.0+)?( %)?");

    /** @return {@code mean [low, high]}, or the mean alone without an interval */
    public static String interval(ConfidenceInterval ci, String unit) {
        if (ci == null) {
            return "";
        }
        String mean = value(ci.mean(), unit);
        // a measure's interval is kept inside its range: shares in [0, 1], counts, beds and days at least 0
        boolean nonNegative = List.of("share", "patients", "beds", "bed-days", "days").contains(unit);
        double low = nonNegative ? Math.max(0, ci.low()) : ci.low();
        double high = unit.equals("share") ? Math.min(1, ci.high()) : ci.high();
        return Double.isFinite(ci.halfWidth()) ? mean + " [" + value(low, unit) + ", " + value(high, unit)
                + "]" : mean;
    }

    /** @return a KPI's {@code mean [low, high]} (its interval already in its range), or the mean alone */
    public static String interval(org.bedsim.model.KpiInterval k, String unit) {
        if (k == null) {
            return "";
        }
        String mean = value(k.mean(), unit);
        return k.hasInterval() ? mean + " [" + value(k.low(), unit) + ", " + value(k.high(), unit) + "]" : mean;
    }

    /** @return a signed {@code mean [low, high]} */
    public static String signedInterval(ConfidenceInterval ci, String unit) {
        if (ci == null) {
            return "";
        }
        String mean = difference(ci.mean(), unit);
        return Double.isFinite(ci.halfWidth()) ? mean + " [" + difference(ci.low(), unit) + ", "
                + difference(ci.high(), unit) + "]" : mean;
    }

    /**
     * @return a difference with its sign; a difference of shares in percentage points ({@code +2.5 pp}), since "+2.5
     *     %" would read as a relative change
     */
    public static String difference(double v, String unit) {
        if ("share".equals(unit) && Double.isFinite(v)) {
            String text = String.format(Locale.ROOT, "%.1f pp", 100 * v);
            if (text.equals("-0.0 pp")) {
                text = "0.0 pp";
            }
            return v > 0 && !text.equals("0.0 pp") ? "+" + text : text;
        }
        return signed(v, unit);
    }

    /** @return beds, or "unlimited" */
    public static String beds(int beds) {
        return beds == CapacityTimeline.UNLIMITED ? "unlimited" : String.format(Locale.ROOT, "%,d", beds);
    }
}
