package org.bedsim.sweep;

import org.apache.commons.rng.UniformRandomProvider;
import org.bedsim.random.RandomStreams;

/**
 * Points in ranges, drawn from a named stream of a master seed (so the same sweep file draws the same points on
 * every machine): a Latin hypercube (each range cut into as many equal strata as draws, one draw in each stratum,
 * the strata of the ranges paired by independent random permutations) or independent uniform draws.
 */
final class Sampling {
    private Sampling() {
    }

    /**
     * @param lows each range's low end
     * @param highs each range's high end
     * @param draws points
     * @param latinHypercube true for a Latin hypercube, false for independent draws
     * @param stream the stream's name
     * @param seed the master seed
     * @return {@code points[draw][range]}
     */
    static double[][] draw(double[] lows, double[] highs, int draws, boolean latinHypercube, String stream,
            long seed) {
        UniformRandomProvider rng = new RandomStreams(seed).stream(stream, 0);
        int dims = lows.length;
        double[][] points = new double[draws][dims];
        for (int d = 0; d < dims; d++) {
            int[] strata = new int[draws];
            for (int i = 0; i < draws; i++) {
                strata[i] = i;
            }
            if (latinHypercube) {
                for (int i = draws - 1; i > 0; i--) { // Fisher-Yates
                    int j = rng.nextInt(i + 1);
                    int t = strata[i];
                    strata[i] = strata[j];
                    strata[j] = t;
                }
            }
            for (int i = 0; i < draws; i++) {
                double u = latinHypercube ? (strata[i] + rng.nextDouble()) / draws : rng.nextDouble();
                points[i][d] = lows[d] + (highs[d] - lows[d]) * u;
            }
        }
        return points;
    }
}
