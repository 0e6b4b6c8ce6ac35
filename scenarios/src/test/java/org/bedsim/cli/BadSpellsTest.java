package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of bad spell extracts ({@code src/test/resources/bad-spells/}): one file per kind of problem, each with
 * its exact report ({@code .expected}: the exit code, then what fit prints on stderr). No stack trace, ever.
 */
class BadSpellsTest {
    static final Path BAD = Path.of("src/test/resources/bad-spells");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyBadExtract_isReportedExactly() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(BAD)) {
            s.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 19, "the corpus: " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Cli r = Cli.run("fit", f.toString(), "--out", tmp.resolve("x.yaml").toString());
            Path expected = Path.of(f + ".expected");
            String actual = "exit " + r.code() + "\n" + r.err();
            assertTrue(Files.exists(expected), "every bad extract has its expected report: " + expected);
            assertEquals(Files.readString(expected), actual);
            assertFalse(r.err().contains("\tat "), "no stack trace");
            assertEquals(2, r.code());
        }));
    }

    @Test
    void fewBadRows_fitGoesOn_andTheReportListsThem() throws IOException {
        StringBuilder b = new StringBuilder("spell_id,setting,admitted_at,discharged_at,destination\n");
        for (int i = 0; i < 40; i++) {
            b.append("s").append(i).append(",acute,2018-01-").append(String.format("%02d", 1 + i % 28))
                    .append("T10:00,2018-02-").append(String.format("%02d", 1 + i % 20)).append("T09:00,home\n");
        }
        b.append("bad,acute,2018-01-05,2017-12-01,home\n");
        Path f = tmp.resolve("few-bad.csv");
        Files.writeString(f, b.toString());
        Cli r = Cli.run("fit", f.toString(), "--out", tmp.resolve("few.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("few-bad.csv: 41 rows read, 40 used, 1 refused"), r.err());
        assertTrue(r.err().contains("1 row with discharged before admitted (line 42)"), r.err());
        String report = Files.readString(tmp.resolve("fit-report.html"));
        assertTrue(report.contains("admitted 2018-01-05, discharged 2017-12-01"), "refused row in the report");
        Cli v = Cli.run("validate", tmp.resolve("few.yaml").toString());
        assertEquals(0, v.code(), v.err());
    }

    @Test
    void emptyPatientIds_countedAndReported_rowsStillUsed() throws IOException {
        StringBuilder b = new StringBuilder("spell_id,patient_id,setting,admitted_at,discharged_at,destination\n");
        for (int i = 0; i < 30; i++) {
            b.append("s").append(i).append(',').append(i % 10 == 3 ? "" : "p" + i).append(",acute,2018-01-")
                    .append(String.format("%02d", 1 + i % 28)).append("T10:00,2018-02-")
                    .append(String.format("%02d", 1 + i % 20)).append("T09:00,home\n");
        }
        Path f = tmp.resolve("some-without-patient.csv");
        Files.writeString(f, b.toString());
        Cli r = Cli.run("fit", f.toString(), "--out", tmp.resolve("p.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("some-without-patient.csv: 30 rows read, 30 used, 0 refused\n"), r.err());
        assertTrue(r.err().contains("some-without-patient.csv: 3 rows with no patient id, used but not linked for "
                + "readmissions (lines 5, 15, 25)"), r.err());
        String report = Files.readString(tmp.resolve("fit-report.html"));
        assertTrue(report.contains("3 rows used have no patient id (first lines [5, 15, 25])"), "in the report");
    }

    @Test
    void manyBadRows_allowed_fitGoesOn() {
        Cli r = Cli.run("fit", BAD.resolve("negative-age.csv").toString(), "--allow-bad-rows", "--out",
                tmp.resolve("allowed.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(tmp.resolve("allowed.yaml")));
    }

    @Test
    void semicolonsQuotesBomCrlfDayFirst_readAsTheCommaFile() throws IOException {
        String comma = "spell_id,setting,admitted_at,discharged_at,destination,note\n"
                + "1,acute,2018-01-03T10:00,2018-01-05T12:00,home,plain\n"
                + "2,acute,2018-01-04T09:30,2018-01-09T08:00,died,\"two, words\"\n"
                + "3,acute,2018-01-05,2018-01-05,home,\"said \"\"hello\"\"\"\n";
        String semi = "\uFEFFspell_id;setting;admitted_at;discharged_at;destination;note\r\n"
                + "1;\"acute\";03/01/2018 10:00;05/01/2018 12:00;home;plain\r\n"
                + "2;acute;04/01/2018 09:30;09/01/2018 08:00;died;\"two; words\"\r\n"
                + "3;acute;05/01/2018;05/01/2018;home;\"said \"\"hello\"\"\nover two lines\"\r\n";
        Path a = tmp.resolve("a.csv");
        Path s = tmp.resolve("s.csv");
        Files.writeString(a, comma);
        Files.writeString(s, semi);
        var xa = org.bedsim.spells.SpellExtract.read(a, new org.bedsim.spells.SpellExtract.Options(null, null, null));
        var xs = org.bedsim.spells.SpellExtract.read(s, new org.bedsim.spells.SpellExtract.Options(null, null, null));
        assertEquals(3, xs.rowsUsed(), xs.problems().toString());
        assertEquals(xa.rowsUsed(), xs.rowsUsed());
        assertEquals(xa.firstDate(), xs.firstDate());
        assertEquals(xa.lastDate(), xs.lastDate());
        assertEquals(java.util.Arrays.toString(xa.census("acute", xa.firstDate(), xa.lastDate())),
                java.util.Arrays.toString(xs.census("acute", xs.firstDate(), xs.lastDate())));
    }
}
