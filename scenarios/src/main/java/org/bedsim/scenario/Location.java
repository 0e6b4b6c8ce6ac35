package org.bedsim.scenario;

/**
 * A position in a scenario file, both 1-based, as editors count.
 *
 * @param line line number, &gt;= 1 (0 when unknown)
 * @param column column number, &gt;= 1 (0 when unknown)
 */
public record Location(int line, int column) {
    /** An unknown position (a problem of the whole file). */
    public static final Location UNKNOWN = new Location(0, 0);

    /** @return true if the position is known */
    public boolean known() {
        return line > 0;
    }

    @Override
    public String toString() {
        return known() ? line + ":" + column : "?";
    }
}
