package org.bedsim.cli;

import java.nio.file.Path;
import org.bedsim.scenario.OptionsLoader;

/**
 * A file given to the wrong command says so in one line and names the right command, instead of a page of
 * "missing key" errors: an options file given to {@code run} or {@code bridge}, a scenario given to {@code compare}.
 */
final class FileKinds {
    private FileKinds() {
    }

    /** @throws UserError if the file is an options file */
    static void requireScenario(Path file, String command) {
        if (OptionsLoader.isOptionsFile(file)) {
            throw new UserError(file + " is an options file (it has 'base' and 'options'), not a scenario: "
                    + "compare its options with 'bedsim compare " + file + "'");
        }
    }

    /** @throws UserError if the file is a scenario */
    static void requireOptions(Path file) {
        if (OptionsLoader.isScenarioFile(file)) {
            throw new UserError(file + " is a scenario file, not an options file: run it with 'bedsim run " + file
                    + "' (or 'bedsim bridge " + file + "' for its bridge section)");
        }
    }
}
