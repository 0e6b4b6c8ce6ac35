package org.bedsim.cli;

/**
 * A problem with what the user gave (a scenario with errors, an output directory that cannot be written): reported
 * as a message, without a stack trace, with exit code 2.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and, where possible, what to do */
    public UserError(String message) {
        super(message);
    }
}
