package org.bedsim.calibrate;

/**
 * A declared calibration: one input the sources do not give, solved so that a published output follows.
 *
 * @param id stable identifier, e.g. {@code base-volumes}
 * @param low lower bound of the input
 * @param high upper bound of the input
 * @param target the published output it must meet
 * @param tolerance how close, in beds, the output must come to the target
 */
public record Calibration(String id, double low, double high, Target target, double tolerance) {
    /** Validates. */
    public Calibration {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a calibration needs an id");
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || low >= high) {
            throw new IllegalArgumentException("calibration " + id + ": bounds need finite low < high, were [" + low
                    + ", " + high + "]");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("calibration " + id + ": the tolerance must be > 0, was " + tolerance);
        }
    }
}
