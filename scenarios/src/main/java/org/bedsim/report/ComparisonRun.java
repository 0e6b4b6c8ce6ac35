package org.bedsim.report;

import java.util.List;
import org.bedsim.compare.Comparison;
import org.bedsim.compare.Comparisons;
import org.bedsim.compare.InverseSearch;
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
     * @param optimum the fewest beds found, or null if even {@code high} misses the target (or not a bed search)
     * @param inverse the result of a search on another lever (stays, arrivals), or null for a bed search
     */
    public record SearchResult(String option, String setting, Target target, int low, int high,
            Comparisons.Optimum optimum, InverseSearch.Result inverse) {
        /** A bed search's result. */
        public SearchResult(String option, String setting, Target target, int low, int high,
                Comparisons.Optimum optimum) {
            this(option, setting, target, low, high, optimum, null);
        }

        /** @return what was searched, for readers: "fewest beds in acute", "smallest cut in length of stay ..." */
        public String what() {
            if (inverse == null) {
                return "fewest beds in " + setting;
            }
            InverseSearch.Lever l = inverse.lever();
            String who = l.cohorts().isEmpty() ? "" : " (" + String.join(", ", l.cohorts()) + ")";
            return l.kind() == InverseSearch.Kind.STAY_CUT ? "smallest cut in length of stay in " + l.setting() + who
                    : "most arrivals a year" + (l.cohorts().isEmpty() ? " (non-elective cohorts)" : who);
        }

        /** @return a lever value for readers: "12 %", "23,400", "412" */
        public String format(double v) {
            if (!Double.isFinite(v)) {
                return "n/a";
            }
            if (inverse != null && inverse.lever().kind() == InverseSearch.Kind.STAY_CUT) {
                return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * v).replace(".0 %", " %");
            }
            return String.format(java.util.Locale.ROOT, "%,.0f", v);
        }
    }
}
