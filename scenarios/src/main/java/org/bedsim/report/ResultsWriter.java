package org.bedsim.report;

import java.io.IOException;
import java.io.Writer;
import org.bedsim.model.FlowSummary;

/** Writes one output file of a run from its results. */
public interface ResultsWriter {
    /** @return the file's name in the output directory, e.g. {@code summary.json} */
    String fileName();

    /**
     * Writes the file's content. Must depend only on its arguments (no clock, no locale, "\n" line ends), so that
     * equal inputs give equal bytes.
     */
    void write(FlowSummary summary, RunManifest manifest, Writer out) throws IOException;
}
