package org.bedsim.bridge;

/**
 * A numeric input of a bridge step: a fixed value, or a range [low, high] read as an 80 % interval of a normal
 * distribution (mean (low + high) / 2, sd (high - low) / 2.563) and drawn once per replication, so each bar's
 * interval shows parameter uncertainty together with simulation noise. The draw of replication r is the same in
 * every configuration of the bridge (common random numbers).
 *
 * @param low lower end (equal to high for a fixed value)
 * @param high upper end
 */
public record Parameter(double low, double high) {
    /** z of the 90th percentile of the standard normal: an 80 % interval is mean +/- 1.2816 sd. */
    static final double Z90 = 1.2815515655446004;

    /** Validates. */
    public Parameter {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("a parameter range needs finite low <= high, was [" + low + ", " + high
                    + "]");
        }
    }

    /** @return a fixed value */
    public static Parameter of(double value) {
        return new Parameter(value, value);
    }

    /** @return true if it is a range */
    public boolean isRange() {
        return high > low;
    }

    /** @return the central value */
    public double mid() {
        return (low + high) / 2;
    }

    /** @return the value for a standard normal draw z */
    public double at(double z) {
        return isRange() ? mid() + z * (high - low) / (2 * Z90) : low;
    }

    @Override
    public String toString() {
        return isRange() ? "[" + low + ", " + high + "]" : Double.toString(low);
    }
}
