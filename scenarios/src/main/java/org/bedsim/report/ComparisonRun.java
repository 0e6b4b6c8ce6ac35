package org.bedsim.report;

import java.util.List;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.Comparisons;
import org.bedsim.compare.Target;

/**
 * Everything {@code bedsim compare} reports: what was compared (the options and what each changes), the comparison
 * itself, the bed searches, and the manifest (whose scenario is the options file).
 *
 * @param name the comparison's name (the options file's)
 * @param description what is compared (may be null)
 * @param manifest versions, files, seed, replications, threads, times
 * @param baseScenarioFile the base scenario file
 * @param baseScenarioSha256 its SHA-256
 * @param options the options, base first, in the comparison's order
 * @param comparison the results
 * @param searches the bed searches, in file order
 */
public record ComparisonRun(String name, String description, RunManifest manifest, String baseScenarioFile,
        String baseScenarioSha256, List<OptionInfo> options, Comparison comparison, List<SearchResult> searches) {

    /** Freezes. */
    public ComparisonRun {
        options = List.copyOf(options);
        searches = List.copyOf(searches);
    }

    /**
     * One option.
     *
     * @param name its name
     * @param description what it is (may be null)
     * @param basedOn the option it starts from, or null
     * @param base true for the base
     * @param changes what it changes in the option it starts from
     */
    public record OptionInfo(String name, String description, String basedOn, boolean base, List<String> changes) {
        /** Freezes. */
        public OptionInfo {
            changes = List.copyOf(changes);
        }
    }

    /**
     * A bed search and its result.
     *
     * @param option the option searched
     * @param setting the setting whose beds were searched
     * @param target the target to meet
     * @param low beds too few (not run)
     * @param high beds that should meet it
     * @param optimum the fewest beds found, or null if even {@code high} misses the target
     */
    public record SearchResult(String option, String setting, Target target, int low, int high,
            Comparisons.Optimum optimum) {
    }
}
