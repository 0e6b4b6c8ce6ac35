package org.bedsim.scenario;

/**
 * One thing wrong with (an error) or worth knowing about (a warning) a scenario: where it is, what was found and what
 * was expected. Rendered like a compiler message, {@code file:line:column: error: path: found ..., expected ...},
 * which editors and terminals turn into a link.
 *
 * @param severity error (the scenario cannot run) or warning (it can, but look)
 * @param path where in the scenario, e.g. {@code cohorts[2].los.acute.mean}; empty for the whole file
 * @param at line and column in the file
 * @param found what the file holds there, as the reader would describe it
 * @param expected what it should hold
 */
public record Problem(Severity severity, String path, Location at, String found, String expected) {

    /** How bad it is. */
    public enum Severity {
        /** The scenario cannot be run. */
        ERROR,
        /** The scenario runs, but the result may not mean what the planner thinks. */
        WARNING
    }

    /** @return an error */
    public static Problem error(String path, Location at, String found, String expected) {
        return new Problem(Severity.ERROR, path, at, found, expected);
    }

    /** @return a warning */
    public static Problem warning(String path, Location at, String found, String expected) {
        return new Problem(Severity.WARNING, path, at, found, expected);
    }

    /** @return true for an error */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** @return {@code path: found ..., expected ...} */
    public String message() {
        return (path.isEmpty() ? "" : path + ": ") + "found " + found + ", expected " + expected;
    }

    /** @return {@code line:column: error: message} (without the position when it is unknown) */
    public String located() {
        return (at.known() ? at.line() + ":" + at.column() + ": " : "")
                + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message();
    }

    /** @return the full line, {@code file:line:column: error: message} */
    public String render(String file) {
        return file + ":" + (at.known() ? "" : " ") + located();
    }
}
