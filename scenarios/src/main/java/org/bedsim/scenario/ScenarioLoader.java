package org.bedsim.scenario;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bedsim.model.FlowSettings;

/**
 * The whole way from a file to model settings: read (streaming pass, structure check, binding), validate (cross-field
 * rules), compile, and pre-flight (loads, run size). Every step that can run does, so the planner sees every problem
 * at once.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    /**
     * Loads a scenario file.
     *
     * @param file the file
     * @param replications replications from the command line, or null for the file's (or the default)
     * @param seed seed from the command line, or null for the file's (or the default)
     * @return the loaded scenario, with its problems; never throws for a bad file
     */
    public static LoadedScenario load(Path file, Integer replications, Long seed) {
        String name = file.toString();
        FileReading.Read read = FileReading.read(file, "scenario file");
        if (!read.ok()) {
            return failed(name, read.found(), read.expected());
        }
        byte[] bytes = read.bytes();
        return load(name, bytes, replications, seed);
    }

    /** Loads a scenario from its bytes; {@code name} gives the format by its extension and names the file. */
    public static LoadedScenario load(String name, byte[] bytes, Integer replications, Long seed) {
        return load(name, sha256(bytes), ScenarioReader.read(fileName(name), bytes), replications, seed);
    }

    /** Validates, compiles and pre-flights a scenario already read (a file, or an option merged into its base). */
    static LoadedScenario load(String name, String sha, ScenarioReader.Result read, Integer replications,
            Long seed) {
        List<Problem> problems = new ArrayList<>(read.problems());
        ScenarioSpec spec = read.spec();
        if (spec == null) {
            return new LoadedScenario(name, sha, null, read.sources(), null, 0, 0, null, problems);
        }
        problems.addAll(ScenarioValidator.validate(spec, read.sources()));
        int reps = replications != null ? replications
                : spec.run() != null ? spec.run().effectiveReplications() : RunSpec.DEFAULT_REPLICATIONS;
        long s = seed != null ? seed : spec.run() != null ? spec.run().effectiveSeed() : RunSpec.DEFAULT_SEED;
        if (problems.stream().anyMatch(Problem::isError)) {
            return new LoadedScenario(name, sha, spec, read.sources(), null, reps, s, null,
                    ScenarioReader.sorted(problems));
        }
        FlowSettings settings;
        try {
            settings = ScenarioCompiler.compile(spec);
        } catch (IllegalArgumentException e) {
            // a model rule the validator does not know: still the planner's input, pointed at what it names
            String path = modelPath(e.getMessage(), spec);
            problems.add(Problem.error(path, read.sources().at(path), "settings the model refuses: "
                    + e.getMessage().replace("\n", " "), "settings the model accepts"));
            return new LoadedScenario(name, sha, spec, read.sources(), null, reps, s, null,
                    ScenarioReader.sorted(problems));
        }
        PreFlightCheck.Result preFlight = PreFlightCheck.check(settings, reps, spec, read.sources());
        problems.addAll(preFlight.problems());
        return new LoadedScenario(name, sha, spec, read.sources(), settings, reps, s, preFlight,
                ScenarioReader.sorted(problems));
    }

    /**
     * @return the path of what a model refusal names ({@code cohort NAME: ...} is that cohort, {@code setting NAME}
     *     that setting), so that every problem points into the file; {@code cohorts} or {@code settings} otherwise
     */
    static String modelPath(String message, ScenarioSpec spec) {
        String m = message == null ? "" : message;
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("cohort (?:name )?'?([a-z0-9][a-z0-9-]*)")
                .matcher(m);
        if (c.find()) {
            for (int i = 0; i < spec.cohorts().size(); i++) {
                CohortSpec x = spec.cohorts().get(i);
                if (x != null && c.group(1).equals(x.name())) {
                    return "cohorts[" + i + "]";
                }
            }
        }
        java.util.regex.Matcher s = java.util.regex.Pattern.compile("setting (?:name )?'?([a-z0-9][a-z0-9-]*)")
                .matcher(m);
        if (s.find()) {
            for (int i = 0; i < spec.settings().size(); i++) {
                SettingSpec x = spec.settings().get(i);
                if (x != null && s.group(1).equals(x.name())) {
                    return "settings[" + i + "]";
                }
            }
        }
        return m.contains("cohort") || m.contains("route") || m.contains("arrival") ? "cohorts" : "settings";
    }

    private static LoadedScenario failed(String name, String found, String expected) {
        return new LoadedScenario(name, "", null, new SourceMap(), null, 0, 0, null,
                List.of(Problem.error("", Location.UNKNOWN, found, expected)));
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** @return the SHA-256 of bytes, lower-case hex */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
