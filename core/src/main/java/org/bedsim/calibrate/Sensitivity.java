package org.bedsim.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.bedsim.bridge.BridgeDefinition;
import org.bedsim.bridge.Bridges;
import org.bedsim.bridge.DemandCache;
import org.bedsim.experiment.Replications;
import org.bedsim.random.RandomStreams;
import org.bedsim.stats.ConfidenceInterval;

/**
 * Which input drives a bridge's answer: a one-at-a-time tornado, and a variance-based ranking.
 *
 * <p>Implementation notes. The tornado sets every input to its central value, then moves one at a time to the low
 * and the high end of its range; all runs use the bridge's own streams (common random numbers), so a swing is a
 * paired difference, free of simulation noise between the two ends, with a 95 % interval over replications. The
 * ranking draws every input at once, independently in each sample, as a normal with its range as the 80 %
 * interval (as bridge ranges are drawn; stream {@code sensitivity/<input id>}, substream = sample), runs the
 * final-year configuration once per sample (sample s runs replication s of the model), and regresses the final beds
 * on the draws: the standardised regression coefficient of an input (its slope times its standard deviation over the
 * output's) squared is the share of the output's variance it explains when the response is near linear, which the
 * regression's R^2 tells (Saltelli et al., Global Sensitivity Analysis: The Primer, 2008, section 1.2.5).
 */
public final class Sensitivity {
    private Sensitivity() {
    }

    /**
     * One input's row of the tornado.
     *
     * @param input the input
     * @param atLow final beds with the input at its low end, others central
     * @param atHigh final beds with the input at its high end
     * @param changeAtLow paired change in final beds against all-central (mean, 95 % interval)
     * @param changeAtHigh paired change at the high end
     * @param barsAtLow each step's sequential bar (means) at the low end, or empty if bars were not asked for
     * @param barsAtHigh the same at the high end
     */
    public record TornadoRow(Input input, ConfidenceInterval atLow, ConfidenceInterval atHigh,
            ConfidenceInterval changeAtLow, ConfidenceInterval changeAtHigh, double[] barsAtLow,
            double[] barsAtHigh) {
        /** @return the width of the swing in final beds, |high - low| */
        public double swing() {
            return Math.abs(atHigh.mean() - atLow.mean());
        }
    }

    /**
     * A tornado, widest swing first.
     *
     * @param central final beds with every input central
     * @param centralBars each step's bar (means) with every input central, or empty
     * @param rows one per input with a range
     * @param stepIds the steps, in order, for the bars
     */
    public record Tornado(ConfidenceInterval central, double[] centralBars, List<TornadoRow> rows,
            List<String> stepIds) {
        /** Freezes. */
        public Tornado {
            rows = List.copyOf(rows);
            stepIds = List.copyOf(stepIds);
        }
    }

    /**
     * One input's place in the variance-based ranking.
     *
     * @param input the input
     * @param src its standardised regression coefficient (signed)
     * @param share src squared: the share of the final beds' variance it explains (near-linear response)
     */
    public record RankRow(Input input, double src, double share) {
    }

    /**
     * A variance-based ranking, largest share first.
     *
     * @param rows one per input
     * @param rSquared how much of the variance the linear model explains (the rest: noise and non-linearity)
     * @param samples samples drawn
     * @param finalBeds final beds over the samples (mean and 95 % interval of the mean)
     * @param finalSd standard deviation of final beds over the samples
     */
    public record Ranking(List<RankRow> rows, double rSquared, int samples, ConfidenceInterval finalBeds,
            double finalSd) {
        /** Freezes. */
        public Ranking {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The one-at-a-time tornado of final beds (and, if asked, of each bar).
     *
     * @param inputs the inputs, each with a range
     * @param build the bridge with the inputs at the given values (one per input, in order), ranges fixed
     * @param bars true to compute every bar at each end (n + 1 configurations instead of 1)
     * @param threads worker threads
     */
    public static Tornado tornado(List<Input> inputs, Function<double[], BridgeDefinition> build, boolean bars,
            int threads) {
        return tornado(inputs, build, bars, threads, new DemandCache());
    }

    /**
     * As {@link #tornado(List, Function, boolean, int)}, with the demand models of {@code cache} (shared with other
     * evaluations of the same bridge on the same seed); the result is identical.
     */
    public static Tornado tornado(List<Input> inputs, Function<double[], BridgeDefinition> build, boolean bars,
            int threads, DemandCache cache) {
        double[] central = inputs.stream().mapToDouble(Input::central).toArray();
        BridgeDefinition def = build.apply(central.clone());
        int n = def.steps().size();
        double[][] centralRuns = runs(def, bars, threads, cache);
        List<TornadoRow> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            double[] low = central.clone();
            low[i] = in.low();
            double[] high = central.clone();
            high[i] = in.high();
            double[][] lowRuns = runs(build.apply(low), bars, threads, cache);
            double[][] highRuns = runs(build.apply(high), bars, threads, cache);
            rows.add(new TornadoRow(in, ci(lowRuns[n]), ci(highRuns[n]), ci(minus(lowRuns[n], centralRuns[n])),
                    ci(minus(highRuns[n], centralRuns[n])), bars ? bars(lowRuns) : new double[0],
                    bars ? bars(highRuns) : new double[0]));
        }
        rows.sort(Comparator.comparingDouble(TornadoRow::swing).reversed());
        return new Tornado(ci(centralRuns[n]), bars ? bars(centralRuns) : new double[0], rows,
                def.steps().stream().map(s -> s.id()).toList());
    }

    /** @return beds per replication after the first j steps, j = 0..n (only j = n unless bars) */
    private static double[][] runs(BridgeDefinition def, boolean bars, int threads, DemandCache cache) {
        int n = def.steps().size();
        double[][] out = new double[n + 1][];
        for (int j = bars ? 0 : n; j <= n; j++) {
            double[] f = new double[n];
            Arrays.fill(f, 0, j, 1);
            out[j] = Bridges.bedsPerReplication(def, f, threads, cache);
        }
        return out;
    }

    private static double[] bars(double[][] runs) {
        double[] out = new double[runs.length - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = mean(runs[i + 1]) - mean(runs[i]);
        }
        return out;
    }

    /**
     * The variance-based ranking of final beds from joint draws of every input.
     *
     * @param inputs the inputs, each with a range
     * @param build the bridge with the inputs at the given values (called once per sample, on this thread)
     * @param samples samples (at least the number of inputs + 3)
     * @param seed master seed of the draws and of the model
     * @param threads worker threads
     */
    public static Ranking ranking(List<Input> inputs, Function<double[], BridgeDefinition> build, int samples,
            long seed, int threads) {
        return ranking(inputs, build, samples, seed, threads, new DemandCache(0));
    }

    /**
     * As {@link #ranking(List, Function, int, long, int)}, with the demand models of {@code cache}; the result is
     * identical.
     */
    public static Ranking ranking(List<Input> inputs, Function<double[], BridgeDefinition> build, int samples,
            long seed, int threads, DemandCache cache) {
        int k = inputs.size();
        if (samples < k + 3) {
            throw new IllegalArgumentException("a ranking of " + k + " inputs needs at least " + (k + 3)
                    + " samples, was " + samples);
        }
        RandomStreams streams = new RandomStreams(seed);
        double[][] x = new double[samples][k];
        List<BridgeDefinition> defs = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < k; i++) {
                Input in = inputs.get(i);
                double z = ZigguratSampler.NormalizedGaussian.of(streams.stream("sensitivity/" + in.id(), s))
                        .sample();
                x[s][i] = in.low() == in.high() ? in.central()
                        : (in.low() + in.high()) / 2 + z * (in.high() - in.low()) / (2 * 1.2815515655446004);
            }
            defs.add(build.apply(x[s].clone()));
        }
        List<Double> y = Replications.run(samples, threads, s -> {
            BridgeDefinition def = defs.get(s);
            double[] all = new double[def.steps().size()];
            Arrays.fill(all, 1);
            return Bridges.bedsInReplication(def, all, s, cache);
        });
        double[] yy = y.stream().mapToDouble(Double::doubleValue).toArray();
        double sdY = sd(yy);
        List<RankRow> rows = new ArrayList<>();
        double r2 = Double.NaN;
        if (sdY > 0) {
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
            ols.newSampleData(yy, x);
            double[] b = ols.estimateRegressionParameters();
            r2 = ols.calculateRSquared();
            for (int i = 0; i < k; i++) {
                double[] col = new double[samples];
                for (int s = 0; s < samples; s++) {
                    col[s] = x[s][i];
                }
                double src = b[i + 1] * sd(col) / sdY;
                rows.add(new RankRow(inputs.get(i), src, src * src));
            }
        } else {
            inputs.forEach(in -> rows.add(new RankRow(in, 0, 0)));
        }
        rows.sort(Comparator.comparingDouble(RankRow::share).reversed());
        return new Ranking(rows, r2, samples, ci(yy), sdY);
    }

    /**
     * A 95 % prediction interval for one more value from the same distribution as {@code values}:
     * mean +/- t(n-1) s sqrt(1 + 1/n), the range a new replication (a new draw of every uncertain input, and the
     * model's noise) falls in, wider than the interval of the mean.
     *
     * @return {low, high}
     */
    public static double[] predictionInterval(double[] values) {
        int n = values.length;
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double m = mean(values);
        double t = new org.apache.commons.math3.distribution.TDistribution(
                (org.apache.commons.math3.random.RandomGenerator) null, n - 1).inverseCumulativeProbability(0.975);
        double half = t * sd(values) * Math.sqrt(1 + 1.0 / n);
        return new double[] {m - half, m + half};
    }

    private static ConfidenceInterval ci(double[] v) {
        return ConfidenceInterval.of(v, 0.95);
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            out[r] = a[r] - b[r];
        }
        return out;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double d : v) {
            ss += (d - m) * (d - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
