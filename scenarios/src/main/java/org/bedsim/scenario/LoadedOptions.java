package org.bedsim.scenario;

import java.util.List;
import org.bedsim.compare.Target;
import org.bedsim.model.FlowSettings;

/**
 * An options file read, its base scenario loaded, every option merged into its base, checked and compiled: ready to
 * compare (if nothing has an error).
 *
 * @param file the options file's path as given
 * @param sha256 SHA-256 of the options file's bytes
 * @param spec the options file as bound (null if it could not be read)
 * @param base the base scenario (null if the options file does not name one that could be read)
 * @param options the base option first, then every option in file order (empty if there are errors)
 * @param targets the targets, in file order
 * @param searches the bed searches, in file order
 * @param replications effective replications (command line, else the options file, else the base scenario, else
 *     the default)
 * @param seed effective master seed (same order)
 * @param events expected events of the whole comparison (options and searches), from distribution means
 * @param problems every error and warning, by file and position
 */
public record LoadedOptions(String file, String sha256, OptionsFileSpec spec, LoadedScenario base,
        List<Option> options, List<Target> targets, List<Search> searches, int replications, long seed,
        double events, List<FileProblem> problems) {

    /** Freezes. */
    public LoadedOptions {
        options = List.copyOf(options);
        targets = List.copyOf(targets);
        searches = List.copyOf(searches);
        problems = List.copyOf(problems);
    }

    /**
     * One option ready to run.
     *
     * @param name its name
     * @param description what it is (may be null)
     * @param basedOn the option it starts from (null for the base and for options on the base scenario)
     * @param isBase true for the base option
     * @param scenario the merged scenario, checked and compiled
     * @param changes what it changes in its base, for readers ({@code settings.lri.beds: 900 -> 1150})
     * @param tree the merged scenario as a tree (the base file's own for the base option; its sources include the
     *     options file's): written out, a scenario file of its own that runs as the option does (bedsim sweep)
     */
    public record Option(String name, String description, String basedOn, boolean isBase, LoadedScenario scenario,
            List<String> changes, com.fasterxml.jackson.databind.node.ObjectNode tree) {
        /** Freezes. */
        public Option {
            changes = List.copyOf(changes);
            tree = tree == null ? null : tree.deepCopy();
        }

        /** @return a copy of the merged scenario's tree (null if it could not be read again) */
        @Override
        public com.fasterxml.jackson.databind.node.ObjectNode tree() {
            return tree == null ? null : tree.deepCopy();
        }

        /** @return the compiled settings */
        public FlowSettings settings() {
            return scenario.settings();
        }
    }

    /**
     * A search for the fewest beds meeting a target, or (with {@code inverse}) for the value of another lever.
     *
     * @param option the option searched
     * @param setting the setting whose beds (or stays) are searched; null for arrivals
     * @param target the target
     * @param low beds too few (0 for another lever)
     * @param high beds that meet the target (0 for another lever)
     * @param inverse the lever and its range when it is not beds, else null
     */
    public record Search(String option, String setting, Target target, int low, int high, Inverse inverse) {
        /** A bed search. */
        public Search(String option, String setting, Target target, int low, int high) {
            this(option, setting, target, low, high, null);
        }
    }

    /**
     * The lever of a search that is not beds, and its grid.
     *
     * @param lever what moves
     * @param low the range's low end
     * @param high its high end
     * @param step the grid's step
     */
    public record Inverse(org.bedsim.compare.InverseSearch.Lever lever, double low, double high, double step) {
    }

    /** @return true if the comparison cannot run */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.problem().isError());
    }

    /** @return the errors */
    public List<FileProblem> errors() {
        return problems.stream().filter(p -> p.problem().isError()).toList();
    }

    /** @return the warnings */
    public List<FileProblem> warnings() {
        return problems.stream().filter(p -> !p.problem().isError()).toList();
    }

    /** @return the option with that name, or null */
    public Option option(String name) {
        return options.stream().filter(o -> java.util.Objects.equals(o.name(), name)).findFirst().orElse(null);
    }

    /** @return the base option's name (null if the file could not be read) */
    public String baseName() {
        return spec == null || spec.base() == null ? null : spec.base().name();
    }

    /**
     * A problem of the options file or of its base scenario, with the file it is in and, for a problem of the base
     * scenario's text that only an option brings out, that option.
     *
     * @param file the file (as given, or as resolved from the options file)
     * @param option the option the problem arises in, or null
     * @param problem the problem, its path and position in that file
     */
    public record FileProblem(String file, String option, Problem problem) {
        /** @return {@code file:line:column: error: [in option 'x': ]path: found ..., expected ...} */
        public String render() {
            if (option == null) {
                return problem.render(file);
            }
            Problem p = problem;
            String located = (p.at().known() ? p.at().line() + ":" + p.at().column() + ": " : "")
                    + p.severity().name().toLowerCase(java.util.Locale.ROOT) + ": in option '" + option + "': "
                    + p.message();
            return file + ":" + (p.at().known() ? "" : " ") + located;
        }
    }
}
