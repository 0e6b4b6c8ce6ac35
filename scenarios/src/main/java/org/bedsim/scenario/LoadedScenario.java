package org.bedsim.scenario;

import java.util.List;
import org.bedsim.model.FlowSettings;

/**
 * A scenario file read, checked and compiled, ready to run (if it has no errors).
 *
 * @param file the file's path as given
 * @param sha256 SHA-256 of the file's bytes, hex (for the run manifest)
 * @param spec the file as bound (null if it could not be read)
 * @param sources where each path is in the file
 * @param settings the model settings (null if there are errors)
 * @param replications effective replications (command line, else file, else default)
 * @param seed effective master seed (command line, else file, else default)
 * @param preFlight loads and run size (null if not compiled)
 * @param problems every error and warning, in file order
 */
public record LoadedScenario(String file, String sha256, ScenarioSpec spec, SourceMap sources, FlowSettings settings,
        int replications, long seed, PreFlightCheck.Result preFlight, List<Problem> problems) {

    /** Freezes. */
    public LoadedScenario {
        problems = List.copyOf(problems);
    }

    /** @return true if the scenario cannot run */
    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** @return the errors */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** @return the warnings */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
