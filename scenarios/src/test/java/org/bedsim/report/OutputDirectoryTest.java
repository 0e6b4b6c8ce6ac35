package org.bedsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    @TempDir
    Path tmp;

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void write_createsTheDirectory_andLeavesOnlyTheFile() throws IOException {
        OutputDirectory out = OutputDirectory.create(tmp.resolve("a/b"));
        Path written = out.write("x.csv", w -> w.write("1,2\n"));
        assertEquals(tmp.resolve("a/b/x.csv"), written);
        assertEquals("1,2\n", Files.readString(written));
        assertEquals(List.of("x.csv"), listing(tmp.resolve("a/b")));
    }

    @Test
    void interruptedWrite_leavesTheOldFileWhole_andNoTemporaryFile() throws IOException {
        OutputDirectory out = OutputDirectory.create(tmp);
        out.write("summary.json", w -> w.write("{\"old\": true}\n"));
        IOException failure = assertThrows(IOException.class, () -> out.write("summary.json", w -> {
            w.write("{\"new\": ");
            w.flush();
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("{\"old\": true}\n", Files.readString(tmp.resolve("summary.json")));
        assertEquals(List.of("summary.json"), listing(tmp));
    }

    @Test
    void write_replacesAnExistingFile() throws IOException {
        OutputDirectory out = OutputDirectory.create(tmp);
        out.write("a.txt", w -> w.write("one"));
        out.write("a.txt", w -> w.write("two"));
        assertEquals("two", Files.readString(tmp.resolve("a.txt")));
    }

    @Test
    void names_thatCouldLeadOutsideTheDirectory_areRefused() throws IOException {
        OutputDirectory out = OutputDirectory.create(tmp.resolve("out"));
        for (String bad : List.of("../escape.txt", "sub/file.txt", "/etc/passwd", ".hidden", "..", "a\\b", "",
                "x/../../y")) {
            assertThrows(IllegalArgumentException.class, () -> out.write(bad, w -> w.write("x")), bad);
        }
        assertEquals(List.of("out"), listing(tmp));
        assertEquals(List.of(), listing(tmp.resolve("out")));
    }

    @Test
    void aFileWhereTheDirectoryShouldBe_isAnIOException() throws IOException {
        Files.writeString(tmp.resolve("taken"), "x");
        assertThrows(IOException.class, () -> OutputDirectory.create(tmp.resolve("taken")));
    }
}
