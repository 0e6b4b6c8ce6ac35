package org.bedsim.report.html;

import java.util.List;

/**
 * What a report says about a scenario besides its results, in plain terms (the report layer does not read scenario
 * files): its name and description, file and hash, every source with where it is cited, and the warnings validation
 * raised.
 *
 * @param name the scenario's name
 * @param description what it represents (may be null)
 * @param file the file, as given
 * @param sha256 the file's SHA-256
 * @param sources every source of its figures
 * @param warnings the validation warnings, rendered like the command line's ({@code file:line:col: warning: ...})
 */
public record ScenarioFacts(String name, String description, String file, String sha256, List<Source> sources,
        List<String> warnings) {

    /** Freezes. */
    public ScenarioFacts {
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
    }

    /**
     * One source.
     *
     * @param id its id
     * @param cite the published source (document and line), or null for an assumption
     * @param quote the quoted text (may be null)
     * @param note how the figure used was derived (may be null)
     * @param assumed the reasoning of an assumption, or null for a published figure
     * @param citedBy the paths of the figures citing it
     */
    public record Source(String id, String cite, String quote, String note, String assumed, List<String> citedBy) {
        /** Freezes. */
        public Source {
            citedBy = List.copyOf(citedBy);
        }
    }
}
