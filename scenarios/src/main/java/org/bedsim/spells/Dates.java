package org.bedsim.spells;

import java.time.LocalDate;

/**
 * Dates and date-times as extracts write them, to days since 1970-01-01 (fractional with a time): ISO
 * ({@code 2016-04-01}, {@code 2016-04-01T13:45}, {@code 2016-04-01 13:45:10}) and day first, as NHS extracts do
 * ({@code 01/04/2016}, {@code 1-4-2016 13:45}). Hand-written rather than a formatter per pattern, for speed.
 */
final class Dates {
    private Dates() {
    }

    /** @return days since the epoch, or NaN if not understood */
    static double parse(String s) {
        int n = s.length();
        if (n < 8) {
            return Double.NaN;
        }
        int[] f = new int[6];
        int k = 0;
        int digits = 0;
        int firstLen = 0;
        char firstSep = 0;
        int i = 0;
        for (; i < n && k < 6; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                f[k] = f[k] * 10 + (c - '0');
                digits++;
                if (digits > 4) {
                    return Double.NaN;
                }
            } else {
                if (digits == 0) {
                    return Double.NaN;
                }
                if (k == 0) {
                    firstLen = digits;
                    firstSep = c;
                }
                if (k < 2 && c != '-' && c != '/' && c != '.') {
                    return Double.NaN;
                }
                if (k == 2 && c != 'T' && c != ' ') {
                    return Double.NaN;
                }
                if (k >= 3 && c != ':' && c != '.') {
                    break;
                }
                k++;
                digits = 0;
            }
        }
        if (digits > 0) {
            k++;
        }
        if (k < 3 || k == 4) {
            return Double.NaN;
        }
        int y;
        int m;
        int d;
        if (firstLen == 4) {
            y = f[0];
            m = f[1];
            d = f[2];
        } else if (firstSep != 0 && f[2] >= 1000) {
            d = f[0];
            m = f[1];
            y = f[2];
        } else {
            return Double.NaN;
        }
        if (m < 1 || m > 12 || d < 1 || d > length(y, m)) {
            return Double.NaN;
        }
        long day = epochDay(y, m, d);
        double frac = 0;
        if (k >= 5) {
            if (f[3] > 23 || f[4] > 59 || f[5] > 59) {
                return Double.NaN;
            }
            frac = (f[3] * 3600 + f[4] * 60 + (k >= 6 ? f[5] : 0)) / 86400.0;
        }
        return day + frac;
    }

    private static int length(int y, int m) {
        if (m == 2) {
            return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
        }
        return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a valid date of the proleptic Gregorian calendar (as {@link LocalDate#toEpochDay}). */
    static long epochDay(int y, int m, int d) {
        long total = 365L * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        } else {
            total -= y / -4 - y / -100 + y / -400;
        }
        total += (367 * m - 362) / 12;
        total += d - 1;
        if (m > 2) {
            total--;
            if (!(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) {
                total--;
            }
        }
        return total - 719528; // days from year 0 to 1970
    }
}
