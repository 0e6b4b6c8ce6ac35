package org.bedsim.calibrate;

/**
 * A calibration that cannot be solved as declared: its target is out of reach within its bounds, or the output does
 * not move monotonically with the input there. The message names the calibration, the bounds and the values reached;
 * it is the planner's input that is wrong, so the command line reports it as bad input.
 */
public final class CalibrationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what could not be solved, with the bounds and the values reached */
    public CalibrationException(String message) {
        super(message);
    }
}
