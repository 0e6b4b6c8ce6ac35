package org.bedsim.fit;

/**
 * Warm-up detection by MSER-5 (White 1997; White, Cobb &amp; Spratt 2000): batch the series in means of 5, and
 * truncate the first {@code d} batches where the squared standard error of the mean of what is left,
 * {@code sum (z - mean)^2 / (n - d)^2}, is smallest. The search is restricted to the first half of the series, as the
 * statistic is unstable near its end; a minimum at that limit means no warm-up could be found (the series drifts).
 */
public final class Mser5 {
    private static final int BATCH = 5;

    private Mser5() {
    }

    /**
     * @param truncate observations to discard (a multiple of 5)
     * @param found whether the minimum lies inside the first half (else the series is too short or drifts)
     */
    public record Result(int truncate, boolean found) {
    }

    /** @return the warm-up of {@code series} */
    public static Result of(double[] series) {
        int batches = series.length / BATCH;
        if (batches < 4) {
            return new Result(0, false);
        }
        double[] z = new double[batches];
        for (int i = 0; i < batches; i++) {
            double s = 0;
            for (int j = 0; j < BATCH; j++) {
                s += series[i * BATCH + j];
            }
            z[i] = s / BATCH;
        }
        // suffix sums for O(n) evaluation
        double[] sum = new double[batches + 1];
        double[] sq = new double[batches + 1];
        for (int i = batches - 1; i >= 0; i--) {
            sum[i] = sum[i + 1] + z[i];
            sq[i] = sq[i + 1] + z[i] * z[i];
        }
        int best = 0;
        double bestStat = Double.POSITIVE_INFINITY;
        int limit = batches / 2;
        for (int d = 0; d <= limit; d++) {
            int m = batches - d;
            double mean = sum[d] / m;
            double stat = (sq[d] - m * mean * mean) / ((double) m * m);
            if (stat < bestStat) {
                bestStat = stat;
                best = d;
            }
        }
        return new Result(best * BATCH, best < limit);
    }
}
