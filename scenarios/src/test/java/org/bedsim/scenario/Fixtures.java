package org.bedsim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scenario texts for tests: the minimal valid scenario and edits of it. */
public final class Fixtures {
    /** The minimal valid scenario (YAML). */
    public static final Path MINIMAL = Path.of("src/test/resources/good/minimal.yaml");
    /** The same in JSON. */
    public static final Path MINIMAL_JSON = Path.of("src/test/resources/good/minimal.json");
    /** The shipped example. */
    public static final Path EXAMPLE = Path.of("examples/single-hospital.yaml");

    private Fixtures() {
    }

    /** @return a file's text */
    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text with {@code old} replaced once by {@code replacement}; fails if {@code old} is absent */
    public static String edit(String text, String old, String replacement) {
        if (!text.contains(old)) {
            throw new IllegalArgumentException("fixture does not contain: " + old);
        }
        return text.replaceFirst(java.util.regex.Pattern.quote(old), java.util.regex.Matcher.quoteReplacement(
                replacement));
    }

    /** @return a scenario loaded from YAML text */
    public static LoadedScenario load(String yaml) {
        return ScenarioLoader.load("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), null, null);
    }
}
