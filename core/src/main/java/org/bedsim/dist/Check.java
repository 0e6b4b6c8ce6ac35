package org.bedsim.dist;

/**
 * Parameter validation shared by the factories. Every message names the parameter, the value found and what was
 * expected, e.g. {@code lognormal sd must be > 0, was -1.0}.
 */
final class Check {
    private Check() {
    }

    /** @return {@code value} if it is finite */
    static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
        return value;
    }

    /** @return {@code value} if it is finite and strictly positive */
    static double positive(String name, double value) {
        finite(name, value);
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
        return value;
    }

    /** @return {@code value} if it is finite and not negative */
    static double nonNegative(String name, double value) {
        finite(name, value);
        if (!(value >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
        return value;
    }

    /** @return {@code p} if it lies in [0, 1] */
    static double probability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
        return p;
    }

    /**
     * Guards a parameter derived from valid inputs that still fell outside double range (overflow or underflow).
     *
     * @param what the derived quantity, e.g. {@code "lognormal sigma"}
     * @param value its computed value
     * @param from the distribution as given, e.g. {@code "lognormal(mean=1, sd=1e300)"}
     */
    static double derivedPositive(String what, double value, String from) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(what + " of " + from + " must be finite and > 0, was " + value
                    + " (parameters outside the range of double arithmetic)");
        }
        return value;
    }
}
