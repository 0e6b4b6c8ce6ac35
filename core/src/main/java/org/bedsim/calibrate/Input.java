package org.bedsim.calibrate;

/**
 * An uncertain input of a bridge, for sensitivity analysis: its central value and the range it may take.
 *
 * @param id stable identifier (a path in the scenario, or a calibration's id)
 * @param label for people
 * @param basis what the input rests on: published, independent, assumed or calibrated
 * @param low low end of its range (read as an 80 % interval for the variance-based ranking)
 * @param central the value used when other inputs vary
 * @param high high end of its range
 */
public record Input(String id, String label, Basis basis, double low, double central, double high) {
    /** Validates. */
    public Input {
        if (!(low <= central && central <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("input " + id + ": needs finite low <= central <= high, was [" + low
                    + ", " + central + ", " + high + "]");
        }
    }
}
