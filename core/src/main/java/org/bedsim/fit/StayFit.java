package org.bedsim.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fits of lengths of stay with right-censoring, one per family, the choice by AIC, and a check of
 * fit against the Kaplan-Meier curve.
 *
 * <p>Implementation notes. The log-likelihood is {@code sum over complete stays of log f(x) + sum over censored
 * stays of log S(c)}: a stay still open at the extract's end says only that it lasts longer than observed, so
 * dropping it (or counting it as ended) biases the fit short. The exponential has its closed form (events over
 * total days); the two-parameter families are maximised by Nelder-Mead over logs of their positive parameters,
 * from moment starts, then polished once more from the optimum. Intervals: the observed information (a central
 * difference Hessian of the log-likelihood) inverted gives the parameters' covariance, and the delta method carries
 * it to the file parameters (mean and sd, or shape and scale): Wald 95 % intervals. Goodness of fit: the largest
 * distance between the fitted cdf and the Kaplan-Meier estimate, at each event time on both sides of its step. With
 * thousands of stays every family is rejected by a formal test for departures too small to matter for beds, so a
 * family "fits" when the distance is under {@code 1.63 / sqrt(n) + 0.02} (the 1 % Kolmogorov critical value plus two
 * percentage points of planning tolerance); when the AIC choice does not fit, the Kaplan-Meier curve itself is used
 * (an empirical quantile table).
 */
public final class StayFit {
    private static final double Z95 = 1.959963984540054;

    private StayFit() {
    }

    /**
     * One family's fit.
     *
     * @param family the family
     * @param parameters its file parameters ({@link StayFamily#names()})
     * @param low lower 95 % bounds of the file parameters
     * @param high upper 95 % bounds
     * @param mean the fitted mean stay
     * @param meanLow lower 95 % bound of the mean
     * @param meanHigh upper 95 % bound of the mean
     * @param logLikelihood maximised log-likelihood
     * @param aic Akaike's information criterion, 2p - 2 logL
     * @param distance largest distance between the fitted cdf and the Kaplan-Meier curve
     * @param internal internal parameters, for the cdf
     */
    public record FamilyFit(StayFamily family, double[] parameters, double[] low, double[] high, double mean,
            double meanLow, double meanHigh, double logLikelihood, double aic, double distance, double[] internal) {

        /** @return the fitted cdf at {@code x} days */
        public double cdf(double x) {
            return family.cdf(internal, x);
        }
    }

    /**
     * The fits of a group of stays.
     *
     * @param fits every family, best AIC first
     * @param best the family chosen by AIC
     * @param fitsWell whether the chosen family passes the distance check
     * @param tolerance the distance allowed
     * @param curve the Kaplan-Meier curve
     * @param events complete stays
     * @param censored censored stays
     */
    public record Result(List<FamilyFit> fits, FamilyFit best, boolean fitsWell, double tolerance, KaplanMeier curve,
            long events, long censored) {
    }

    /** @return every family fitted to {@code h}, or null when it has no complete stay */
    public static Result fit(StayHistogram h) {
        if (h.events() == 0) {
            return null;
        }
        StayHistogram.Points p = h.points();
        KaplanMeier km = KaplanMeier.of(h);
        double[] m = moments(p);
        List<FamilyFit> fits = new ArrayList<>();
        for (StayFamily f : StayFamily.values()) {
            if (f.parameters() == 2 && h.events() < 3) {
                continue;
            }
            double[] t = f == StayFamily.EXPONENTIAL
                    ? new double[] {Math.log(h.totalDays() / h.events())}
                    : maximise(f, p, f.start(m[0], m[1], m[2], m[3]));
            fits.add(summarise(f, p, t, km));
        }
        fits.sort(Comparator.comparingDouble(FamilyFit::aic));
        FamilyFit best = fits.get(0);
        double tolerance = 1.63 / Math.sqrt(h.events()) + 0.02;
        return new Result(List.copyOf(fits), best, best.distance() <= tolerance, tolerance, km, h.events(),
                h.censoredCount());
    }

    static double logLikelihood(StayFamily f, StayHistogram.Points p, double[] t) {
        double ll = 0;
        double[] x = p.x();
        for (int i = 0; i < x.length; i++) {
            if (p.d()[i] > 0) {
                ll += p.d()[i] * f.logDensity(t, x[i]);
            }
            if (p.c()[i] > 0) {
                ll += p.c()[i] * f.logSurvival(t, x[i]);
            }
        }
        return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
    }

    private static double[] maximise(StayFamily f, StayHistogram.Points p, double[] start) {
        SimplexOptimizer opt = new SimplexOptimizer(1e-11, 1e-12);
        double[] t = start;
        for (int round = 0; round < 2; round++) {
            PointValuePair r = opt.optimize(new MaxEval(4000), GoalType.MAXIMIZE, new InitialGuess(t),
                    new ObjectiveFunction(x -> logLikelihood(f, p, x)), new NelderMeadSimplex(new double[] {0.1, 0.1}));
            t = r.getPoint();
        }
        return t;
    }

    private static FamilyFit summarise(StayFamily f, StayHistogram.Points p, double[] t, KaplanMeier km) {
        int k = t.length;
        double ll = logLikelihood(f, p, t);
        RealMatrix cov = covariance(f, p, t, ll);
        double[] est = f.fileParameters(t);
        double[] low = new double[est.length];
        double[] high = new double[est.length];
        for (int j = 0; j < est.length; j++) {
            final int jj = j;
            double se = deltaSe(t, cov, x -> f.fileParameters(x)[jj]);
            low[j] = est[j] - Z95 * se;
            high[j] = est[j] + Z95 * se;
        }
        double mean = f.mean(t);
        double meanSe = deltaSe(t, cov, f::mean);
        double d = 0;
        double prev = 0;
        for (int i = 0; i < km.times().length; i++) {
            double fx = f.cdf(t, km.times()[i]);
            d = Math.max(d, Math.max(Math.abs(fx - prev), Math.abs(fx - (1 - km.survival()[i]))));
            prev = 1 - km.survival()[i];
        }
        return new FamilyFit(f, est, low, high, mean, mean - Z95 * meanSe, mean + Z95 * meanSe, ll,
                2 * k - 2 * ll, d, t);
    }

    private static RealMatrix covariance(StayFamily f, StayHistogram.Points p, double[] t, double ll) {
        int k = t.length;
        double[][] hess = new double[k][k];
        double h = 1e-4;
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double v;
                if (i == j) {
                    v = (logLikelihood(f, p, shift(t, i, h, i, 0)) - 2 * ll + logLikelihood(f, p, shift(t, i, -h, i, 0)))
                            / (h * h);
                } else {
                    v = (logLikelihood(f, p, shift(t, i, h, j, h)) - logLikelihood(f, p, shift(t, i, h, j, -h))
                            - logLikelihood(f, p, shift(t, i, -h, j, h)) + logLikelihood(f, p, shift(t, i, -h, j, -h)))
                            / (4 * h * h);
                }
                hess[i][j] = -v;
                hess[j][i] = -v;
            }
        }
        try {
            return new LUDecomposition(MatrixUtils.createRealMatrix(hess)).getSolver().getInverse();
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            double[][] nan = new double[k][k];
            for (double[] row : nan) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return MatrixUtils.createRealMatrix(nan); // too few stays for intervals
        }
    }

    private static double[] shift(double[] t, int i, double di, int j, double dj) {
        double[] s = t.clone();
        s[i] += di;
        s[j] += dj;
        return s;
    }

    private static double deltaSe(double[] t, RealMatrix cov, java.util.function.ToDoubleFunction<double[]> g) {
        int k = t.length;
        double[] grad = new double[k];
        double h = 1e-6;
        for (int i = 0; i < k; i++) {
            grad[i] = (g.applyAsDouble(shift(t, i, h, i, 0)) - g.applyAsDouble(shift(t, i, -h, i, 0))) / (2 * h);
        }
        double v = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                v += grad[i] * cov.getEntry(i, j) * grad[j];
            }
        }
        return Math.sqrt(Math.max(0, v));
    }

    /** Mean, sd, mean log and sd log of the complete stays: starting points only. */
    private static double[] moments(StayHistogram.Points p) {
        double n = 0;
        double s = 0;
        double ss = 0;
        double l = 0;
        double ll = 0;
        for (int i = 0; i < p.x().length; i++) {
            double w = p.d()[i] + p.c()[i];
            double x = p.x()[i];
            n += w;
            s += w * x;
            ss += w * x * x;
            l += w * Math.log(x);
            ll += w * Math.log(x) * Math.log(x);
        }
        double mean = s / n;
        double meanLog = l / n;
        return new double[] {mean, Math.sqrt(Math.max(1e-12, ss / n - mean * mean)), meanLog,
            Math.sqrt(Math.max(1e-12, ll / n - meanLog * meanLog))};
    }
}
