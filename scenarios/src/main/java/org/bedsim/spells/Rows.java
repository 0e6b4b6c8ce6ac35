package org.bedsim.spells;

import java.io.IOException;
import java.util.List;

/**
 * The rows of an extract as text, one record at a time, whatever the file format (CSV, Parquet, an Excel sheet):
 * what {@link RowReader} checks and counts. Values are strings as a CSV would hold them (dates ISO, numbers plain,
 * missing values empty), so every format goes through the same checks and gives the same fit.
 */
interface Rows extends AutoCloseable {
    /** @return the column names, or null for an empty file */
    List<String> header() throws IOException;

    /** Reads the next record into {@code out} (cleared first); false at the end. */
    boolean next(List<String> out) throws IOException;

    /** @return where the last record is, in {@link #unit()}s: a CSV's line, a sheet's row, a Parquet file's row */
    long recordLine();

    /** @return "line" (text) or "row" (Parquet, a sheet): how problems are located */
    String unit();

    @Override
    void close() throws IOException;
}
