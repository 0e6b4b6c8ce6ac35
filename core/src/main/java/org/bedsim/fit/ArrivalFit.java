package org.bedsim.fit;

import java.time.LocalDate;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Arrivals a year, a log-linear trend, and weekday and month profiles, fitted together to daily counts by Poisson
 * regression, with over-dispersion measured and allowed for.
 *
 * <p>Implementation notes. The model is {@code log E[count on day d] = b0 + b1 years(d) + w[weekday(d)] +
 * m[month(d)]} (Monday and January the references), fitted by iteratively reweighted least squares (Newton's method
 * for the Poisson log-likelihood). Fitting trend and profiles together keeps a trend from showing as a month effect
 * and the reverse; months are fitted only from a full year of days (else flat, and said so), and a trend beside
 * them only from two years (from one to two years the two are confounded: no trend, its interval NaN). Over-dispersion: the
 * Pearson statistic over its degrees of freedom, {@code phi}; above 1 the covariance is scaled by {@code phi}
 * (quasi-Poisson), so intervals stay honest when daily counts vary more than Poisson. Profiles differ from flat when
 * the likelihood-ratio statistic of the model without them, divided by {@code max(phi, 1)}, exceeds its chi-square
 * 95 % point (6 degrees of freedom for weekdays, 11 for months). Factors are reported as bedsim reads profiles:
 * normalised to mean 1 over the weekdays (or months) used, with delta-method 95 % intervals. The annual volume is at
 * the first day of the counts, before growth: {@code 365.25 (k / 7) exp(b0) mean(exp w) mean(exp m)} where
 * {@code k} weekdays are used (5 for booked electives, which arrive Monday to Friday).
 */
public final class ArrivalFit {
    private static final double Z95 = 1.959963984540054;
    /** Fewer days than this: no profiles and no trend (a flat rate). */
    static final int MIN_DAYS = 28;

    private ArrivalFit() {
    }

    /**
     * The fit.
     *
     * @param perYear arrivals a year at the start, before growth
     * @param perYearLow lower 95 % bound
     * @param perYearHigh upper 95 % bound
     * @param trendPerYear compound growth a year (e.g. 0.02)
     * @param trendLow lower 95 % bound
     * @param trendHigh upper 95 % bound
     * @param weekday seven factors, Monday first (0 for weekdays not used)
     * @param weekdayLow lower bounds
     * @param weekdayHigh upper bounds
     * @param weekdayP p-value of the test against a flat week
     * @param month twelve factors, January first (all 1 when months are not fitted)
     * @param monthLow lower bounds
     * @param monthHigh upper bounds
     * @param monthP p-value of the test against flat months (NaN when not fitted)
     * @param dispersion variance over mean of daily counts around the fitted model (Pearson), 1 for Poisson
     * @param days days counted
     * @param arrivals arrivals counted
     * @param fitted the fitted mean count of each day (NaN on days not used)
     */
    public record Result(double perYear, double perYearLow, double perYearHigh, double trendPerYear, double trendLow,
            double trendHigh, double[] weekday, double[] weekdayLow, double[] weekdayHigh, double weekdayP,
            double[] month, double[] monthLow, double[] monthHigh, double monthP, double dispersion, int days,
            long arrivals, double[] fitted) {

        /** @return whether the week differs from flat beyond noise (5 % level) */
        public boolean weekdayVaries() {
            return weekdayP < 0.05;
        }

        /** @return whether the months differ from flat beyond noise (5 % level) */
        public boolean monthVaries() {
            return monthP < 0.05;
        }

        /** @return whether the counts are over-dispersed beyond Poisson (the usual rule: dispersion above 1.5) */
        public boolean overDispersed() {
            return dispersion > 1.5;
        }
    }

    /**
     * @param first the date of {@code counts[0]}
     * @param counts arrivals on each day
     * @param weekdaysOnly whether only Monday to Friday carry arrivals (booked electives)
     * @return the fit, or null when there are no arrivals
     */
    public static Result fit(LocalDate first, long[] counts, boolean weekdaysOnly) {
        int n = counts.length;
        int[] wd = new int[n];
        int[] mo = new int[n];
        boolean[] used = new boolean[n];
        int usedDays = 0;
        long total = 0;
        boolean[] monthSeen = new boolean[12];
        for (int d = 0; d < n; d++) {
            LocalDate date = first.plusDays(d);
            wd[d] = date.getDayOfWeek().getValue() - 1;
            mo[d] = date.getMonthValue() - 1;
            used[d] = !weekdaysOnly || wd[d] < 5;
            if (used[d]) {
                usedDays++;
                total += counts[d];
                monthSeen[mo[d]] = true;
            }
        }
        if (total == 0) {
            return null;
        }
        int nWeek = weekdaysOnly ? 5 : 7;
        boolean fitMonths = n >= 365;
        if (usedDays < MIN_DAYS) {
            return flat(total, usedDays, nWeek, n);
        }
        // columns: intercept, years (unless months are fitted from under two years: the two would be confounded),
        // weekday 1..nWeek-1, month 1..11 (those seen)
        boolean fitTrend = !fitMonths || n >= 730;
        int w0 = fitTrend ? 2 : 1;
        int[] monthCol = new int[12];
        int cols = w0 + (nWeek - 1);
        for (int m = 0; m < 12; m++) {
            monthCol[m] = m > 0 && fitMonths && monthSeen[m] ? cols++ : -1;
        }
        double[][] x = new double[usedDays][];
        double[] y = new double[usedDays];
        int[] dayOf = new int[usedDays];
        int r = 0;
        for (int d = 0; d < n; d++) {
            if (!used[d]) {
                continue;
            }
            double[] row = new double[cols];
            row[0] = 1;
            if (fitTrend) {
                row[1] = (d + 0.5) / 365.25;
            }
            if (wd[d] > 0) {
                row[w0 - 1 + wd[d]] = 1;
            }
            if (monthCol[mo[d]] >= 0) {
                row[monthCol[mo[d]]] = 1;
            }
            x[r] = row;
            y[r] = counts[d];
            dayOf[r++] = d;
        }
        Glm full;
        try {
            full = Glm.poisson(x, y, allColumns(cols));
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            return flat(total, usedDays, nWeek, n);
        }
        double dispersion = Math.max(0, full.pearson / Math.max(1, usedDays - cols));
        double scale = Math.max(1, dispersion);
        RealMatrix cov = full.inverseInformation.scalarMultiply(scale);
        double[] b = full.beta;

        boolean[] noWeek = allColumns(cols);
        for (int j = w0; j < w0 + nWeek - 1; j++) {
            noWeek[j] = false;
        }
        double weekdayP = lrP(full, noWeek, x, y, nWeek - 1, scale);
        double monthP = Double.NaN;
        int monthParams = cols - (w0 + nWeek - 1);
        if (monthParams > 0) {
            boolean[] noMonth = allColumns(cols);
            for (int j = w0 + nWeek - 1; j < cols; j++) {
                noMonth[j] = false;
            }
            monthP = lrP(full, noMonth, x, y, monthParams, scale);
        }

        int[] weekIdx = new int[nWeek];
        for (int w = 0; w < nWeek; w++) {
            weekIdx[w] = w == 0 ? -1 : w0 - 1 + w;
        }
        double[][] week = factors(b, cov, weekIdx, 7);
        double[][] month = factors(b, cov, monthCol, 12);

        // log annual volume = log(365.25 k/7) + b0 + log mean_w exp(w) + log mean_m exp(m)
        double[] g = new double[cols];
        g[0] = 1;
        double logV = Math.log(365.25 * nWeek / 7.0) + b[0];
        logV += logMeanExp(b, weekIdx, g);
        logV += logMeanExp(b, monthCol, g);
        double seV = Math.sqrt(quad(g, cov));
        double trend = fitTrend ? b[1] : 0;
        double seT = fitTrend ? Math.sqrt(cov.getEntry(1, 1)) : Double.NaN;
        double[] fitted = new double[n];
        java.util.Arrays.fill(fitted, Double.NaN);
        for (int i = 0; i < usedDays; i++) {
            fitted[dayOf[i]] = full.mu[i];
        }
        return new Result(Math.exp(logV), Math.exp(logV - Z95 * seV), Math.exp(logV + Z95 * seV),
                Math.expm1(trend), Math.expm1(trend - Z95 * seT), Math.expm1(trend + Z95 * seT),
                week[0], week[1], week[2], weekdayP, month[0], month[1], month[2], monthP, dispersion, usedDays,
                total, fitted);
    }

    /**
     * Too few days for profiles and trend: a flat rate with its Poisson interval, no trend, flat profiles, and the
     * tests not run (p = NaN).
     */
    private static Result flat(long total, int usedDays, int nWeek, int n) {
        double perDay = (double) total / usedDays;
        double v = perDay * 365.25 * nWeek / 7.0;
        double half = Z95 / Math.sqrt(Math.max(1, total));
        double[] week = new double[7];
        for (int w = 0; w < nWeek; w++) {
            week[w] = 1;
        }
        double[] month = new double[12];
        java.util.Arrays.fill(month, 1);
        double[] fitted = new double[n];
        java.util.Arrays.fill(fitted, perDay);
        return new Result(v, v * Math.exp(-half), v * Math.exp(half), 0, Double.NaN, Double.NaN, week, week.clone(),
                week.clone(), Double.NaN, month, month.clone(), month.clone(), Double.NaN, Double.NaN, usedDays,
                total, fitted);
    }

    private static boolean[] allColumns(int cols) {
        boolean[] a = new boolean[cols];
        java.util.Arrays.fill(a, true);
        return a;
    }

    private static double lrP(Glm full, boolean[] keep, double[][] x, double[] y, int df, double scale) {
        Glm reduced;
        try {
            reduced = Glm.poisson(x, y, keep);
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            return Double.NaN;
        }
        double stat = Math.max(0, 2 * (full.logLik - reduced.logLik)) / scale;
        return 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(stat);
    }

    /** Adds the gradient of log mean exp(beta[idx]) (reference entries -1 are 0) to g; returns its value. */
    private static double logMeanExp(double[] b, int[] idx, double[] g) {
        double sum = 0;
        int k = 0;
        for (int i : idx) {
            if (i == -2) {
                continue;
            }
            sum += Math.exp(i >= 0 ? b[i] : 0);
            k++;
        }
        for (int i : idx) {
            if (i >= 0) {
                g[i] += Math.exp(b[i]) / sum;
            }
        }
        return Math.log(sum / k);
    }

    /**
     * Factors normalised to mean 1 over the {@code idx} entries, with delta-method intervals. Entries past
     * {@code idx.length} (weekend days of electives) are 0; an entry -1 is the reference (coefficient 0).
     */
    private static double[][] factors(double[] b, RealMatrix cov, int[] idx, int size) {
        double[] f = new double[size];
        double[] lo = new double[size];
        double[] hi = new double[size];
        int k = idx.length;
        double sum = 0;
        for (int i : idx) {
            sum += Math.exp(i >= 0 ? b[i] : 0);
        }
        for (int w = 0; w < k; w++) {
            f[w] = k * Math.exp(idx[w] >= 0 ? b[idx[w]] : 0) / sum;
        }
        for (int w = 0; w < k; w++) {
            double[] g = new double[b.length];
            for (int j = 0; j < k; j++) {
                if (idx[j] >= 0) {
                    g[idx[j]] = f[w] * ((w == j ? 1 : 0) - f[j] / k);
                }
            }
            double se = Math.sqrt(quad(g, cov));
            lo[w] = f[w] - Z95 * se;
            hi[w] = f[w] + Z95 * se;
        }
        return new double[][] {f, lo, hi};
    }

    private static double quad(double[] g, RealMatrix cov) {
        double v = 0;
        for (int i = 0; i < g.length; i++) {
            if (g[i] == 0) {
                continue;
            }
            for (int j = 0; j < g.length; j++) {
                v += g[i] * cov.getEntry(i, j) * g[j];
            }
        }
        return Math.max(0, v);
    }

    /** A Poisson log-linear model fitted by IRLS on some of the columns. */
    private static final class Glm {
        double[] beta;
        double[] mu;
        double logLik;
        double pearson;
        RealMatrix inverseInformation;

        static Glm poisson(double[][] x, double[] y, boolean[] use) {
            int cols = use.length;
            int n = y.length;
            double mean = 0;
            for (double v : y) {
                mean += v;
            }
            mean /= n;
            double[] beta = new double[cols];
            beta[0] = Math.log(Math.max(mean, 1e-9));
            double[] mu = new double[n];
            double[][] info = new double[cols][cols];
            double prevLl = Double.NEGATIVE_INFINITY;
            for (int it = 0; it < 50; it++) {
                double[] score = new double[cols];
                for (double[] row : info) {
                    java.util.Arrays.fill(row, 0);
                }
                double ll = 0;
                for (int i = 0; i < n; i++) {
                    double eta = 0;
                    for (int j = 0; j < cols; j++) {
                        if (use[j]) {
                            eta += x[i][j] * beta[j];
                        }
                    }
                    mu[i] = Math.exp(eta);
                    ll += y[i] * eta - mu[i];
                    double res = y[i] - mu[i];
                    for (int j = 0; j < cols; j++) {
                        if (!use[j] || x[i][j] == 0) {
                            continue;
                        }
                        score[j] += x[i][j] * res;
                        for (int k = j; k < cols; k++) {
                            if (use[k] && x[i][k] != 0) {
                                info[j][k] += x[i][j] * x[i][k] * mu[i];
                            }
                        }
                    }
                }
                for (int j = 0; j < cols; j++) {
                    for (int k = 0; k < j; k++) {
                        info[j][k] = info[k][j];
                    }
                    if (!use[j]) {
                        info[j][j] = 1;
                    }
                }
                RealMatrix inv = new LUDecomposition(MatrixUtils.createRealMatrix(info)).getSolver().getInverse();
                double[] step = inv.operate(score);
                for (int j = 0; j < cols; j++) {
                    if (use[j]) {
                        beta[j] += step[j];
                    }
                }
                if (Math.abs(ll - prevLl) < 1e-10 * Math.max(1, Math.abs(ll))) {
                    break;
                }
                prevLl = ll;
            }
            // final pass at the solution
            Glm g = new Glm();
            double ll = 0;
            double pearson = 0;
            double[][] fin = new double[cols][cols];
            for (int i = 0; i < n; i++) {
                double eta = 0;
                for (int j = 0; j < cols; j++) {
                    if (use[j]) {
                        eta += x[i][j] * beta[j];
                    }
                }
                mu[i] = Math.exp(eta);
                ll += y[i] * eta - mu[i];
                pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
                for (int j = 0; j < cols; j++) {
                    if (use[j] && x[i][j] != 0) {
                        for (int k = 0; k < cols; k++) {
                            if (use[k] && x[i][k] != 0) {
                                fin[j][k] += x[i][j] * x[i][k] * mu[i];
                            }
                        }
                    }
                }
            }
            for (int j = 0; j < cols; j++) {
                if (!use[j]) {
                    fin[j][j] = 1;
                }
            }
            g.beta = beta;
            g.mu = mu;
            g.logLik = ll;
            g.pearson = pearson;
            g.inverseInformation = new LUDecomposition(MatrixUtils.createRealMatrix(fin)).getSolver().getInverse();
            return g;
        }
    }
}
