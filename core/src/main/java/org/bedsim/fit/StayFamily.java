package org.bedsim.fit;

import java.util.Locale;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The length-of-stay families fitted by maximum likelihood, each with its log density and log survival in an
 * internal parameterisation that the optimiser may move freely (logs of positive parameters), and the parameters a
 * scenario file names.
 */
public enum StayFamily {
    /** One parameter: the mean. */
    EXPONENTIAL(1, "mean"),
    /** Shape and scale inside; mean and sd in files. */
    GAMMA(2, "mean", "sd"),
    /** mu and log sigma inside; mean and sd in files. */
    LOGNORMAL(2, "mean", "sd"),
    /** log shape and log scale inside; shape and scale in files. */
    WEIBULL(2, "shape", "scale");

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_TINY = -745;

    private final int parameters;
    private final String[] names;

    StayFamily(int parameters, String... names) {
        this.parameters = parameters;
        this.names = names;
    }

    /** @return free parameters (for AIC) */
    public int parameters() {
        return parameters;
    }

    /** @return the names of the parameters in scenario files */
    public String[] names() {
        return names.clone();
    }

    /** @return the family's name in scenario files */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    double logDensity(double[] t, double x) {
        double lx = Math.log(x);
        return switch (this) {
            case EXPONENTIAL -> -t[0] - x * Math.exp(-t[0]);
            case GAMMA -> {
                double k = Math.exp(t[0]);
                yield (k - 1) * lx - x * Math.exp(-t[1]) - Gamma.logGamma(k) - k * t[1];
            }
            case LOGNORMAL -> {
                double z = (lx - t[0]) / Math.exp(t[1]);
                yield -lx - t[1] - HALF_LOG_2PI - 0.5 * z * z;
            }
            case WEIBULL -> {
                double k = Math.exp(t[0]);
                double u = lx - t[1];
                yield t[0] - t[1] + (k - 1) * u - Math.exp(k * u);
            }
        };
    }

    double logSurvival(double[] t, double x) {
        return switch (this) {
            case EXPONENTIAL -> -x * Math.exp(-t[0]);
            case GAMMA -> {
                double q = Gamma.regularizedGammaQ(Math.exp(t[0]), x * Math.exp(-t[1]));
                yield q > 0 ? Math.log(q) : LOG_TINY;
            }
            case LOGNORMAL -> {
                double z = (Math.log(x) - t[0]) / Math.exp(t[1]);
                double q = 0.5 * Erf.erfc(z / Math.sqrt(2));
                yield q > 0 ? Math.log(q) : LOG_TINY;
            }
            case WEIBULL -> -Math.exp(Math.exp(t[0]) * (Math.log(x) - t[1]));
        };
    }

    double cdf(double[] t, double x) {
        return x <= 0 ? 0 : -Math.expm1(logSurvival(t, x));
    }

    /** @return the file parameters ({@link #names()}) of internal parameters {@code t} */
    double[] fileParameters(double[] t) {
        return switch (this) {
            case EXPONENTIAL -> new double[] {Math.exp(t[0])};
            case GAMMA -> {
                double k = Math.exp(t[0]);
                double s = Math.exp(t[1]);
                yield new double[] {k * s, Math.sqrt(k) * s};
            }
            case LOGNORMAL -> {
                double s2 = Math.exp(2 * t[1]);
                double mean = Math.exp(t[0] + s2 / 2);
                yield new double[] {mean, mean * Math.sqrt(Math.expm1(s2))};
            }
            case WEIBULL -> new double[] {Math.exp(t[0]), Math.exp(t[1])};
        };
    }

    /** @return the mean of internal parameters {@code t} */
    double mean(double[] t) {
        return switch (this) {
            case WEIBULL -> Math.exp(t[1]) * Math.exp(Gamma.logGamma(1 + 1 / Math.exp(t[0])));
            default -> fileParameters(t)[0];
        };
    }

    /** @return a starting point from the moments of the logs and of the values */
    double[] start(double mean, double sd, double meanLog, double sdLog) {
        double cv = Math.max(0.05, sd / mean);
        return switch (this) {
            case EXPONENTIAL -> new double[] {Math.log(mean)};
            case GAMMA -> new double[] {Math.log(1 / (cv * cv)), Math.log(mean * cv * cv)};
            case LOGNORMAL -> new double[] {meanLog, Math.log(Math.max(0.05, sdLog))};
            case WEIBULL -> {
                double k = Math.max(0.2, Math.pow(cv, -1.086));
                yield new double[] {Math.log(k), Math.log(mean / Math.exp(Gamma.logGamma(1 + 1 / k)))};
            }
        };
    }
}
