package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every scenario shipped under {@code scenarios/} (everything but the module's sources, build output and the schema)
 * passes validate with no error and no warning: every figure has its source, and none is overloaded by mistake.
 * Options files (for {@code bedsim compare}) are checked as options files, by the same standard.
 */
class ShippedScenariosTest {
    /** The module directory, the tests' working directory: {@code scenarios/}. */
    static final Path SHIPPED = Path.of("");

    /** @return the shipped scenario files (options files excluded) */
    static List<Path> shippedFiles() throws IOException {
        return allShippedFiles().stream().filter(p -> !OptionsLoader.isOptionsFile(p)).toList();
    }

    /** @return the shipped options files */
    static List<Path> shippedOptionsFiles() throws IOException {
        return allShippedFiles().stream().filter(OptionsLoader::isOptionsFile).toList();
    }

    static List<Path> allShippedFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(SHIPPED.toAbsolutePath())) {
            Path root = SHIPPED.toAbsolutePath();
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        return !rel.startsWith("src/") && !rel.startsWith("target/") && !rel.startsWith("schema/")
                                && (rel.endsWith(".yaml") || rel.endsWith(".yml") || rel.endsWith(".json"));
                    })
                    .sorted().toList();
        }
    }

    @Test
    void shippedDirectory_holdsTheExample() throws IOException {
        assertTrue(shippedFiles().stream().anyMatch(p -> p.endsWith(Path.of("examples", "single-hospital.yaml"))),
                shippedFiles().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedFiles")
    void shippedScenario_validatesWithoutErrorsOrWarnings(Path file) {
        LoadedScenario s = ScenarioLoader.load(file, null, null);
        assertEquals(List.of(), s.problems().stream().map(p -> p.render(file.toString())).toList());
        assertNotNull(s.settings());
        assertTrue(s.preFlight().loads().stream().noneMatch(l -> l.overloaded()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedOptionsFiles")
    void shippedOptions_loadWithoutErrorsOrWarnings(Path file) {
        LoadedOptions o = OptionsLoader.load(file, null, null);
        assertEquals(List.of(), o.problems().stream().map(LoadedOptions.FileProblem::render).toList());
        assertEquals(o.spec().options().size() + 1, o.options().size());
        for (LoadedOptions.Option option : o.options()) {
            assertTrue(option.scenario().preFlight().loads().stream().noneMatch(l -> l.overloaded()),
                    option.name());
        }
    }
}
