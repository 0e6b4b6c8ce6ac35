package org.bedsim.fit;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * An observed daily series against simulated replications of it: the simulated bands per day (P5, P25, P50, P75,
 * P95 over replications, interpolated as R's and NumPy's default, Hyndman and Fan type 7), coverage (the share of
 * observed days inside the 90 % and 50 % bands), mean bias (simulated mean minus observed), mean absolute
 * percentage error, and bias by weekday and month.
 *
 * <p>Coverage is near 90 % for a model whose census varies as the observed one does; the observed days are one
 * autocorrelated path, so coverage over a year moves by several points either way, and a band estimated from
 * {@code n} replications holds a new path with probability about {@code (0.9 n - 1) / (n + 1)} (85 % for 20): run
 * 40 or more replications to judge it.
 *
 * @param first the first date
 * @param observed observed values (NaN on days not observed, left out of the measures)
 * @param p5 simulated 5th percentile per day
 * @param p25 25th
 * @param p50 median
 * @param p75 75th
 * @param p95 95th
 * @param mean simulated mean per day
 * @param coverage90 share of days with P5 &lt;= observed &lt;= P95
 * @param coverage50 share of days with P25 &lt;= observed &lt;= P75
 * @param bias mean of (simulated mean - observed)
 * @param mape mean of |simulated mean - observed| / observed over days with observed &gt; 0
 * @param biasByWeekday mean bias per weekday, Monday first
 * @param biasByMonth mean bias per month, January first (NaN for months without days)
 */
public record Backtest(LocalDate first, double[] observed, double[] p5, double[] p25, double[] p50, double[] p75,
        double[] p95, double[] mean, double coverage90, double coverage50, double bias, double mape,
        double[] biasByWeekday, double[] biasByMonth) {

    /**
     * @param first the date of day 0
     * @param observed observed values per day
     * @param simulated simulated values, [replication][day]
     * @return the comparison
     */
    public static Backtest of(LocalDate first, double[] observed, double[][] simulated) {
        int n = observed.length;
        int reps = simulated.length;
        double[] p5 = new double[n];
        double[] p25 = new double[n];
        double[] p50 = new double[n];
        double[] p75 = new double[n];
        double[] p95 = new double[n];
        double[] mean = new double[n];
        double[] v = new double[reps];
        int used = 0;
        int in90 = 0;
        int in50 = 0;
        double bias = 0;
        double ape = 0;
        int apeDays = 0;
        double[] wSum = new double[7];
        int[] wN = new int[7];
        double[] mSum = new double[12];
        int[] mN = new int[12];
        for (int d = 0; d < n; d++) {
            double s = 0;
            for (int r = 0; r < reps; r++) {
                v[r] = simulated[r][d];
                s += v[r];
            }
            Arrays.sort(v);
            p5[d] = quantile(v, 0.05);
            p25[d] = quantile(v, 0.25);
            p50[d] = quantile(v, 0.5);
            p75[d] = quantile(v, 0.75);
            p95[d] = quantile(v, 0.95);
            mean[d] = s / reps;
            double o = observed[d];
            if (Double.isNaN(o)) {
                continue;
            }
            used++;
            in90 += o >= p5[d] && o <= p95[d] ? 1 : 0;
            in50 += o >= p25[d] && o <= p75[d] ? 1 : 0;
            double e = mean[d] - o;
            bias += e;
            if (o > 0) {
                ape += Math.abs(e) / o;
                apeDays++;
            }
            LocalDate date = first.plusDays(d);
            wSum[date.getDayOfWeek().getValue() - 1] += e;
            wN[date.getDayOfWeek().getValue() - 1]++;
            mSum[date.getMonthValue() - 1] += e;
            mN[date.getMonthValue() - 1]++;
        }
        double[] bw = new double[7];
        double[] bm = new double[12];
        for (int i = 0; i < 7; i++) {
            bw[i] = wN[i] == 0 ? Double.NaN : wSum[i] / wN[i];
        }
        for (int i = 0; i < 12; i++) {
            bm[i] = mN[i] == 0 ? Double.NaN : mSum[i] / mN[i];
        }
        return new Backtest(first, observed, p5, p25, p50, p75, p95, mean,
                used == 0 ? Double.NaN : (double) in90 / used, used == 0 ? Double.NaN : (double) in50 / used,
                used == 0 ? Double.NaN : bias / used,
                apeDays == 0 ? Double.NaN : ape / apeDays, bw, bm);
    }

    /** @return days compared */
    public int days() {
        return observed.length;
    }

    static double quantile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
