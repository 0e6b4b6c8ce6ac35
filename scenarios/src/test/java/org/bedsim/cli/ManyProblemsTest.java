package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file with tens of thousands of problems prints at most {@link Terminal#MAX_PRINTED} of them, then one line giving
 * how many more there are, then the count: the terminal is not flooded, and nothing is hidden without saying so.
 */
class ManyProblemsTest {
    @TempDir
    Path dir;

    @Test
    void fiftyThousandUnknownKeys_capPrinted_plusOneLineWithTheCountBeyond() throws IOException {
        StringBuilder y = new StringBuilder(Files.readString(Path.of("src/test/resources/good/minimal.yaml")));
        for (int i = 0; i < 50_000; i++) {
            y.append(String.format("unknown_%05d: 1%n", i));
        }
        Path f = dir.resolve("many.yaml");
        Files.writeString(f, y);
        Cli r = Cli.run("validate", f.toString());
        assertEquals(2, r.code());
        List<String> lines = r.err().lines().toList();
        List<String> problems = lines.stream().filter(l -> l.startsWith(f.toString() + ":")).toList();
        assertEquals(Terminal.MAX_PRINTED, problems.size(), "problem lines printed");
        assertTrue(problems.get(0).contains("unknown_00000"), problems.get(0));
        assertTrue(problems.get(Terminal.MAX_PRINTED - 1).contains(String.format("unknown_%05d",
                Terminal.MAX_PRINTED - 1)), problems.get(Terminal.MAX_PRINTED - 1));
        List<String> more = lines.stream().filter(l -> l.startsWith("bedsim: ... and ")).toList();
        assertEquals(List.of("bedsim: ... and " + (50_000 - Terminal.MAX_PRINTED) + " more problems not printed "
                + "(the first " + Terminal.MAX_PRINTED + " are above; fix them and check again)"), more);
        assertTrue(lines.size() <= Terminal.MAX_PRINTED + 3, lines.size() + " lines: " + lines.get(lines.size() - 1));
        assertTrue(r.err().contains("50000 errors") || r.err().contains("50,000 errors"), lines.get(lines.size() - 1));
    }
}
