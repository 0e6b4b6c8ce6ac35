package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.bedsim.spells.SpellExtract;
import org.bedsim.spells.SpellMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extracts as NHS systems write them: admission-method and discharge-destination codes, day-first dates, columns
 * named as in HES, a delimiter named in the mapping; and the 5 % threshold of refused rows on both sides.
 */
class FitInputsTest {
    @TempDir
    Path tmp;

    /** The same 60 stays in words (ISO dates, commas) and in NHS codes (day first, '^', HES column names). */
    private void write(Path words, Path codes) throws IOException {
        StringBuilder w = new StringBuilder("spell_id,setting,admitted_at,discharged_at,admission_type,destination\n");
        StringBuilder c = new StringBuilder("EPIKEY^WARD^ADMIDATE^DISDATE^ADMIMETH^DISDEST\n");
        String[][] types = {{"elective", "11"}, {"non_elective", "21"}, {"non_elective", "2A"},
            {"elective", "12"}, {"non_elective", "28"}};
        String[][] dests = {{"home", "19"}, {"died", "79"}, {"care-home", "54"}, {"other-hospital", "51"},
            {"home", "29"}};
        for (int i = 0; i < 60; i++) {
            int in = 1 + i % 28;
            int out = Math.min(28, in + i % 5);
            String open = i % 13 == 0 ? "" : null;
            w.append("s").append(i).append(",acute,2018-02-").append(String.format(Locale.ROOT, "%02d", in))
                    .append(',').append(open != null ? "" : String.format(Locale.ROOT, "2018-02-%02d", out))
                    .append(',').append(types[i % 5][0]).append(',').append(open != null ? "" : dests[i % 5][0])
                    .append('\n');
            c.append("s").append(i).append("^acute^").append(String.format(Locale.ROOT, "%02d/02/2018", in))
                    .append('^').append(open != null ? "" : String.format(Locale.ROOT, "%d/2/2018", out))
                    .append('^').append(types[i % 5][1]).append('^').append(open != null ? "" : dests[i % 5][1])
                    .append('\n');
        }
        Files.writeString(words, w.toString());
        Files.writeString(codes, c.toString());
    }

    @Test
    void nhsCodesDayFirstAndANamedDelimiter_readAsTheWordedExtract() throws IOException {
        Path words = tmp.resolve("words.csv");
        Path codes = tmp.resolve("codes.csv");
        write(words, codes);
        Path map = tmp.resolve("map.yaml");
        Files.writeString(map, "delimiter: \"^\"\ncolumns:\n  spell_id: EPIKEY\n  setting: WARD\n"
                + "  admitted_at: ADMIDATE\n  discharged_at: DISDATE\n  admission_type: ADMIMETH\n"
                + "  destination: DISDEST\n");
        SpellMapping m = SpellMapping.read(map);
        SpellExtract a = SpellExtract.read(words, new SpellExtract.Options(null, null, null));
        SpellExtract b = SpellExtract.read(codes, new SpellExtract.Options(m.columns, null, null, m.delimiter));
        assertEquals(60, a.rowsUsed(), a.problems().toString());
        assertEquals(60, b.rowsUsed(), b.problems().toString());
        assertEquals(a.firstDate(), b.firstDate());
        assertEquals(a.lastDate(), b.lastDate());
        assertEquals(Arrays.toString(a.census("acute", a.firstDate(), a.lastDate())),
                Arrays.toString(b.census("acute", b.firstDate(), b.lastDate())));
        // the fitted scenarios agree but for the file they cite
        Cli fa = Cli.run("fit", words.toString(), "--out", tmp.resolve("a/s.yaml").toString(), "--name", "x");
        Cli fb = Cli.run("fit", codes.toString(), "--map", map.toString(), "--out", tmp.resolve("b/s.yaml").toString(),
                "--name", "x");
        assertEquals(0, fa.code(), fa.err());
        assertEquals(0, fb.code(), fb.err());
        assertEquals(body(tmp.resolve("a/s.yaml")), body(tmp.resolve("b/s.yaml")));
        assertTrue(body(tmp.resolve("b/s.yaml")).contains("{to: care-home"), "NHS code 54 is a care home");
    }

    private static String body(Path scenario) throws IOException {
        return Files.readString(scenario).replaceAll("(?m)^(#|description:|    cite:).*$", "");
    }

    @Test
    void badDelimiterInTheMapping_oneClearLine_exit2() throws IOException {
        Path map = tmp.resolve("bad.yaml");
        Files.writeString(map, "delimiter: \"::\"\n");
        Cli r = Cli.run("fit", tmp.resolve("none.csv").toString(), "--map", map.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("delimiter: found \"::\", expected one character"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    private Path withBad(int bad) throws IOException {
        StringBuilder b = new StringBuilder("spell_id,setting,admitted_at,discharged_at,destination\n");
        for (int i = 0; i < 100; i++) {
            b.append("s").append(i).append(",acute,2018-01-").append(String.format(Locale.ROOT, "%02d", 1 + i % 28))
                    .append(",2018-02-").append(String.format(Locale.ROOT, "%02d", 1 + i % 20)).append(',')
                    .append(i < bad ? "" : "home").append('\n');
        }
        Path f = tmp.resolve("bad-" + bad + ".csv");
        Files.writeString(f, b.toString());
        return f;
    }

    @Test
    void fivePercentRefused_fitGoesOn_sixPercent_exit2() throws IOException {
        Cli five = Cli.run("fit", withBad(5).toString(), "--out", tmp.resolve("five/s.yaml").toString());
        assertEquals(0, five.code(), five.err());
        assertTrue(five.err().contains("bad-5.csv: 100 rows read, 95 used, 5 refused"), five.err());
        Cli six = Cli.run("fit", withBad(6).toString(), "--out", tmp.resolve("six/s.yaml").toString());
        assertEquals(2, six.code(), six.err());
        assertTrue(six.err().contains("6.0 % of rows refused, more than 5 %; fix the extract or fit anyway with "
                + "--allow-bad-rows"), six.err());
        assertFalse(Files.exists(tmp.resolve("six/s.yaml")));
    }
}
