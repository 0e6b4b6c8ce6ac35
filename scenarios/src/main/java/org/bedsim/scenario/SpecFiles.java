package org.bedsim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads any bedsim input file bound to a spec record annotated with {@link Key} (for example a sweep file, read by
 * the module above) exactly as scenario files are read: the streaming pass with its limits and locations, the
 * structure check reporting every problem at once, then strict binding. For modules that add a file kind without
 * reaching into this package's readers.
 */
public final class SpecFiles {
    private SpecFiles() {
    }

    /**
     * What reading produced.
     *
     * @param spec the bound record (values refused by the checks are null), or null if the file could not be read
     * @param sources where each path is in the file
     * @param problems every problem found, in file order
     * @param <T> the spec record
     */
    public record Read<T>(T spec, SourceMap sources, List<Problem> problems) {
        /** Freezes. */
        public Read {
            problems = List.copyOf(problems);
        }

        /** @return true if there is an error */
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /**
     * Reads a spec file's bytes.
     *
     * @param fileName the file's name (its extension says YAML or JSON)
     * @param bytes its content
     * @param type the spec record
     * @param what what the file should be, for messages ("a sweep file")
     */
    public static <T extends Record> Read<T> read(String fileName, byte[] bytes, Class<T> type, String what) {
        TreeReader.Format format = TreeReader.formatOf(fileName);
        if (format == null) {
            return new Read<>(null, new SourceMap(), List.of(Problem.error("", Location.UNKNOWN,
                    "a file named " + fileName, what + " ending in .yaml, .yml or .json")));
        }
        TreeReader.Result tree = TreeReader.read(bytes, format);
        if (tree.tree() == null) { // an empty file is not "a scenario" here but what the caller reads
            return new Read<>(null, tree.sources(), tree.problems().stream().map(p -> p.found().equals("an empty "
                    + "file") ? new Problem(p.severity(), p.path(), p.at(), p.found(), what) : p).toList());
        }
        ScenarioReader.Bound<T> bound = ScenarioReader.bind(tree.tree(), tree.sources(), type, what);
        List<Problem> problems = new ArrayList<>(tree.problems());
        problems.addAll(bound.problems());
        return new Read<>(bound.spec(), tree.sources(), ScenarioReader.sorted(problems));
    }

    /** @return problems in file order (by line, column), errors before warnings at the same place */
    public static List<Problem> sorted(List<Problem> problems) {
        return ScenarioReader.sorted(problems);
    }
}
