package org.bedsim.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Arrows point down only, read off the imports of this module's sources: the command line uses the scenario and
 * report layers, never the reverse; the report writers know results, not scenario files; only the command line
 * knows picocli; only the scenario and report layers know Jackson and YAML.
 */
class LayeringTest {
    static final Path MAIN = Path.of("src/main/java/org/bedsim");

    @Test
    void scenarioAndReport_neverImportTheCommandLine() throws IOException {
        assertEquals(List.of(), imports("scenario", "org.bedsim.cli", "picocli"));
        assertEquals(List.of(), imports("report", "org.bedsim.cli", "picocli"));
    }

    @Test
    void report_knowsResultsNotScenarioFiles_andScenarioNotReports() throws IOException {
        assertEquals(List.of(), imports("report", "org.bedsim.scenario", "org.yaml", "com.fasterxml.jackson.dataformat"));
        assertEquals(List.of(), imports("scenario", "org.bedsim.report"));
    }

    @Test
    void cli_holdsNoModelLogic_noFileFormats() throws IOException {
        assertEquals(List.of(), imports("cli", "com.fasterxml", "org.yaml", "org.bedsim.kernel", "org.bedsim.random",
                "org.bedsim.dist"));
    }

    @Test
    void rule_catchesAForbiddenImport() {
        Pattern p = rule("org.bedsim.cli");
        assertFalse(!p.matcher("import org.bedsim.cli.Main;").matches());
        assertFalse(!p.matcher("import static org.bedsim.cli.Main.OK;").matches());
        assertFalse(p.matcher("import org.bedsim.clinic.Thing;").matches());
    }

    private static Pattern rule(String prefix) {
        return Pattern.compile("\\s*import\\s+(static\\s+)?" + Pattern.quote(prefix) + "\\b.*");
    }

    private static List<String> imports(String layer, String... forbidden) throws IOException {
        Path dir = MAIN.resolve(layer);
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new AssertionError("no sources under " + dir);
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                for (String prefix : forbidden) {
                    if (rule(prefix).matcher(lines.get(i)).matches()
                            || lines.get(i).matches(".*[^\\w.]" + Pattern.quote(prefix) + "\\.[A-Za-z].*")
                            && !lines.get(i).trim().startsWith("*") && !lines.get(i).trim().startsWith("//")) {
                        problems.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        return problems;
    }
}
