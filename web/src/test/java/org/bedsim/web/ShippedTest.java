package org.bedsim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples and templates the app offers: every shipped scenario file of the repository, each opening into a
 * workspace where it validates as it does from the command line (an options file brings its base, renamed with its
 * folder where needed); the minimal template validates.
 */
class ShippedTest {
    static final Path SCENARIOS = Path.of("").toAbsolutePath().getParent().resolve("scenarios");

    @TempDir
    Path tmp;

    @Test
    void offersEveryShippedScenarioFile() throws IOException {
        List<String> repo;
        try (Stream<Path> s = Files.walk(SCENARIOS, 2)) {
            repo = s.filter(p -> p.getNameCount() == SCENARIOS.getNameCount() + 2)
                    .map(p -> SCENARIOS.relativize(p).toString().replace('\\', '/'))
                    .filter(r -> r.matches("[a-z0-9-]+/[^/]+\\.(yaml|yml|json)") && !r.startsWith("schema/"))
                    .sorted().toList();
        }
        assertEquals(repo, Shipped.files());
        assertTrue(Shipped.files().contains("examples/single-hospital.yaml"));
    }

    @Test
    void everyShippedFile_opensIntoAWorkspace_andValidatesThere() throws IOException {
        Workspace ws = Workspace.open(tmp.resolve("ws"));
        try (Runs runs = new Runs(ws, 1, Runs.thisJava())) {
            for (String id : Shipped.files()) {
                String name = Shipped.copy(id, ws);
                Validation.Result r = Validation.of(ws, runs, name, ws.readScenario(name));
                assertTrue(r.ok(), id + " as " + name + ": " + r.items());
                assertEquals(Shipped.isOptions(id), r.options(), id);
            }
            assertTrue(Files.exists(ws.scenario("llr-2016-acute-system.yaml")), "the LLR base, renamed");
            assertTrue(new String(ws.readScenario("llr-2016-acute-sites.yaml")).contains(
                    "scenario: llr-2016-acute-system.yaml"), "its reference follows the copy");
        }
    }

    @Test
    void theMinimalTemplate_validates() throws IOException {
        Workspace ws = Workspace.open(tmp.resolve("ws2"));
        try (Runs runs = new Runs(ws, 1, Runs.thisJava())) {
            Validation.Result r = Validation.of(ws, runs, "minimal.yaml", Shipped.minimal());
            assertTrue(r.ok() && r.warnings() == 0, r.items().toString());
        }
    }
}
