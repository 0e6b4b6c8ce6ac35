package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bedsim.report.OutputDirectory;
import org.bedsim.report.chart.ChartWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's outputs are a unit (the completion marker lists every file with its SHA-256 and is written last; a new run
 * removes the old marker first; stale temporary files are cleaned), readable like any file the user makes, and
 * nothing is written outside --out; a bad --out is found before anything runs, with the operating system's reason.
 */
class OutputFolderTest {
    private static final String SCENARIO = "src/test/resources/good/minimal.yaml";

    @TempDir
    Path dir;

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void run_writesTheMarkerLast_listingEveryFileWithItsHash() throws IOException {
        Path out = dir.resolve("o");
        Cli r = Cli.run("run", SCENARIO, "--out", out.toString(), "--replications", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode marker = new ObjectMapper().readTree(out.resolve(OutputDirectory.MARKER).toFile());
        List<String> listed = new ArrayList<>();
        marker.path("files").forEach(f -> listed.add(f.path("name").asText()));
        List<String> onDisk = new ArrayList<>(files(out));
        onDisk.remove(OutputDirectory.MARKER);
        assertEquals(onDisk, listed.stream().sorted().toList());
        assertTrue(listed.contains("summary.json") && listed.contains("report.html"), listed.toString());
        assertEquals(List.of(), OutputDirectory.verify(out));
        long newest = 0;
        for (String f : onDisk) {
            newest = Math.max(newest, Files.getLastModifiedTime(out.resolve(f)).toMillis());
        }
        assertTrue(Files.getLastModifiedTime(out.resolve(OutputDirectory.MARKER)).toMillis() >= newest);

        // a reader notices a file changed or removed after the run
        Files.writeString(out.resolve("settings.csv"), "edited\n");
        Files.delete(out.resolve("census.csv"));
        List<String> problems = OutputDirectory.verify(out);
        assertTrue(problems.contains("settings.csv differs from the run that wrote " + OutputDirectory.MARKER),
                problems.toString());
        assertTrue(problems.contains("census.csv is missing"), problems.toString());
    }

    @Test
    void newRun_removesTheOldMarkerFirst_andStaleTempFiles() throws IOException {
        Path out = dir.resolve("o");
        Files.createDirectories(out.resolve("charts"));
        Files.writeString(out.resolve(OutputDirectory.MARKER), "{\"complete\": true, \"files\": []}");
        Files.writeString(out.resolve(".summary.json.123.4.tmp"), "half");
        Files.writeString(out.resolve("charts/.x.png.9.9.9.tmp"), "half");
        Files.writeString(out.resolve("notes.txt"), "the user's own file");
        OutputDirectory.create(out);
        assertFalse(Files.exists(out.resolve(OutputDirectory.MARKER)), "incomplete until the run completes it");
        assertEquals(List.of("notes.txt"), files(out));
        assertFalse(OutputDirectory.verify(out).isEmpty());
    }

    @Test
    void outputs_getTheUmasksMode_notOwnerOnly() throws IOException {
        Path out = dir.resolve("o");
        assertEquals(0, Cli.run("run", SCENARIO, "--out", out.toString(), "--replications", "2", "--quiet").code());
        Path plain = out.resolve("plain-file-for-comparison");
        Files.writeString(plain, "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Files.delete(plain);
        for (String f : files(out)) {
            assertEquals(expected, Files.getPosixFilePermissions(out.resolve(f)), f);
        }
    }

    @Test
    void imageIoCache_off() {
        new ChartWriter();
        assertFalse(ImageIO.getUseCache(), "no imageio*.tmp files in the system temporary folder");
    }

    @Test
    void emptyOut_refused() {
        Cli r = Cli.run("run", SCENARIO, "--out", "", "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out needs a directory name, was empty"), r.err());
    }

    @Test
    void unwritableOut_foundBeforeRunning_withTheSystemsReason() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Cli r = Cli.run("run", SCENARIO, "--out", file.resolve("sub").toString(), "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot write to the output directory " + file.resolve("sub")), r.err());
        assertTrue(r.err().contains("nothing was run"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
        Cli taken = Cli.run("run", SCENARIO, "--out", file.toString(), "--quiet");
        assertEquals(2, taken.code());
        assertTrue(taken.err().contains("exists and is not a directory"), taken.err());
    }
}
