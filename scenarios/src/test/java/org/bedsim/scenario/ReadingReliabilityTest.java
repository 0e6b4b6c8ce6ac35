package org.bedsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading is bounded and speaks the planner's language: only regular files are read, never more than the limit
 * whatever the file system says; bytes that are not UTF-8 are located by their byte offset; parser messages carry no
 * Java or SnakeYAML names; YAML 1.1 number forms are refused at their path (the corpus file {@code
 * bad/number-forms.yaml} has the exact messages) while JSON and plain decimals read as written.
 */
class ReadingReliabilityTest {
    @TempDir
    Path dir;

    private static final Path MINIMAL = Path.of("src/test/resources/good/minimal.yaml");

    @Test
    void device_refusedWithoutReading() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        Path link = dir.resolve("zero.yaml");
        Files.createSymbolicLink(link, zero);
        List<Problem> p = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> ScenarioLoader.load(link, null, null).problems());
        assertEquals(List.of("error: found something that is not a regular file (a device, a named pipe or a "
                + "socket), expected a scenario file (.yaml, .yml or .json): bedsim reads regular files only"),
                p.stream().map(Problem::located).toList());
        assertFalse(OptionsLoader.isOptionsFile(link));
        assertTrue(OptionsLoader.load(link, null, null).hasErrors());
    }

    @Test
    void namedPipe_refusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0);
        List<Problem> p = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> ScenarioLoader.load(fifo, null, null).problems());
        assertTrue(p.get(0).found().contains("not a regular file"), p.toString());
    }

    @Test
    void danglingLink_saysSo() throws IOException {
        Path link = dir.resolve("gone.yaml");
        Files.createSymbolicLink(link, dir.resolve("nothing-here.yaml"));
        assertEquals("error: found a link to nothing, expected an existing scenario file",
                ScenarioLoader.load(link, null, null).problems().get(0).located());
    }

    @Test
    void badUtf8_locatedByByteOffset() {
        byte[] good = "name: x\ndescription: caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 2];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xE9; // Latin-1 e-acute, not UTF-8
        bytes[good.length + 1] = '\n';
        List<String> p = ScenarioLoader.load("latin1.yaml", bytes, null, null).problems().stream()
                .map(Problem::located).toList();
        assertEquals(List.of("2:17: error: found the byte 0xE9 at byte offset " + good.length + ", which is not "
                + "valid UTF-8, expected a file in UTF-8 (save it as UTF-8 from the editor or spreadsheet that "
                + "wrote it)"), p);
        assertEquals(good.length, TreeReader.firstMalformedUtf8(bytes));
        assertEquals(-1, TreeReader.firstMalformedUtf8("caf\u00e9 \u2013 \ud83d\ude00".getBytes(
                StandardCharsets.UTF_8)));
    }

    @Test
    void syntaxErrors_namelessOfJavaAndParserInternals() {
        for (String text : List.of("name: x\n? [a]\n: b\n", "name: [a, b\n", "a: b\n  c: d\n", "- a\nb: c\n",
                "name: \"open\n", "x: {a: 1\n", "\t- tab\n", "key: value\n---\nmore: 1\n", "a: 1\na: 2\n",
                "[1, 2", "name: x\n? {a: 1}\n: b\n", "%YAML 9.9\n---\na: 1\n", "!!binary x\n")) {
            for (String file : List.of("s.yaml", "s.json")) {
                List<Problem> p = ScenarioLoader.load(file, text.getBytes(StandardCharsets.UTF_8), null, null)
                        .problems();
                assertFalse(p.isEmpty(), text);
                for (Problem q : p) {
                    String m = q.located();
                    assertFalse(m.matches("(?s).*(java\\.|org\\.|com\\.fasterxml|Event\\(|Exception|<[a-z ]+>|"
                            + "JsonToken|Feature\\.).*"), file + ": " + m);
                }
            }
        }
    }

    @Test
    void plainDecimals_readAsWritten() throws IOException {
        String text = Files.readString(MINIMAL).replace("per_year: 2000", "per_year: 2.0e3")
                .replace("occupancy: 0.9", "occupancy: +0.90");
        LoadedScenario s = ScenarioLoader.load("m.yaml", text.getBytes(StandardCharsets.UTF_8), null, null);
        assertFalse(s.hasErrors(), s.problems().toString());
        assertEquals(2000.0, s.spec().cohorts().get(0).arrivals().perYear());
        for (String form : List.of("070", "0x46", "0o106", "0b1000110", "7_0", "1:10", ".nan", ".inf", "-.Inf",
                ".NaN")) {
            assertNotNull(NumberForms.notPlainDecimal(form), form);
            String bad = Files.readString(MINIMAL).replace("    beds: 30", "    beds: " + form);
            List<Problem> p = ScenarioLoader.load("m.yaml", bad.getBytes(StandardCharsets.UTF_8), null, null)
                    .problems();
            assertEquals(1, p.stream().filter(Problem::isError).count(), form + ": " + p);
            assertEquals("settings[0].beds", p.get(0).path(), form);
        }
        for (String plain : List.of("70", "-70", "+70", "0", "0.5", ".5", "7e1", "7.0E+1", "0e0")) {
            assertEquals(null, NumberForms.notPlainDecimal(plain), plain);
        }
    }

    @Test
    void nanAndInfinity_reportedAtTheirPath_restStillChecked() throws IOException {
        String text = Files.readString(MINIMAL).replace("mean: 4\n", "mean: .nan\n")
                .replace("probability: 0.1", "probability: -.inf").replace("kind: community", "kind: comunity");
        List<String> p = ScenarioLoader.load("m.yaml", text.getBytes(StandardCharsets.UTF_8), null, null)
                .problems().stream().map(Problem::message).toList();
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("settings[1].kind: found the text 'comunity'"), p.get(0));
        assertTrue(p.get(1).startsWith("cohorts[0].los.ward.mean: found .nan, which is not a number"), p.get(1));
        assertTrue(p.get(2).startsWith("cohorts[0].routing.ward[1].probability: found -.inf, an infinite number"),
                p.get(2));
    }
}
