package org.bedsim.metrics;

import java.time.LocalDate;

/**
 * A quarter of the NHS financial year, which runs April to March: Q1 April-June, Q2 July-September, Q3
 * October-December, Q4 January-March.
 *
 * @param year the calendar year the financial year starts in (2016 for 2016/17)
 * @param quarter 1 to 4
 */
public record FinancialQuarter(int year, int quarter) implements Comparable<FinancialQuarter> {

    /** Validates. */
    public FinancialQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a financial quarter is 1 to 4, was " + quarter);
        }
    }

    /** @return the financial quarter a date falls in */
    public static FinancialQuarter of(LocalDate date) {
        int m = date.getMonthValue();
        return m >= 4 ? new FinancialQuarter(date.getYear(), (m - 4) / 3 + 1)
                : new FinancialQuarter(date.getYear() - 1, 4);
    }

    /**
     * @param text e.g. {@code 2016/17 Q1}
     * @return the quarter
     * @throws IllegalArgumentException if the text is not of that form, or the two years do not follow
     */
    public static FinancialQuarter parse(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})/(\\d{2}) Q([1-4])").matcher(text);
        if (!m.matches() || (Integer.parseInt(m.group(1)) + 1) % 100 != Integer.parseInt(m.group(2))) {
            throw new IllegalArgumentException("expected a financial quarter such as '2016/17 Q1', found '" + text
                    + "'");
        }
        return new FinancialQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)));
    }

    /** @return its first day */
    public LocalDate start() {
        return quarter == 4 ? LocalDate.of(year + 1, 1, 1) : LocalDate.of(year, 4 + 3 * (quarter - 1), 1);
    }

    /** @return the first day after it */
    public LocalDate end() {
        return start().plusMonths(3);
    }

    /** @return the calendar year its first day falls in (the year of a calendar-year population estimate) */
    public int calendarYear() {
        return start().getYear();
    }

    /** @return e.g. {@code 2016/17 Q1} */
    public String label() {
        return financialYear(year) + " Q" + quarter;
    }

    /** @return e.g. {@code 2016/17} for 2016 */
    public static String financialYear(int year) {
        return String.format(java.util.Locale.ROOT, "%d/%02d", year, (year + 1) % 100);
    }

    @Override
    public int compareTo(FinancialQuarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return label();
    }
}
