package org.bedsim.sweep;

/**
 * A unit whose variant the model refuses once it runs (a bridge's calibration out of reach, a bridge the model
 * cannot compute): bad input, not a bug. Thrown on an executor, it fails the sweep after Spark's retries and the
 * command reports its message (exit 2) instead of a stack trace.
 */
final class UnitRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What the driver looks for in a failed job's message. */
    static final String MARK = UnitRefused.class.getName() + ": ";

    UnitRefused(String message) {
        super(message);
    }

    /** @return the refusal's message in a failure's chain of causes and messages, or null if it is not one */
    static String in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnitRefused r) {
                return r.getMessage();
            }
            String m = t.getMessage();
            int at = m == null ? -1 : m.indexOf(MARK);
            if (at >= 0) {
                return m.substring(at + MARK.length()).lines().findFirst().orElse("");
            }
        }
        return null;
    }
}
