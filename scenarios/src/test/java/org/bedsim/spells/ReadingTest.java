package org.bedsim.spells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written readers against the library's: dates against java.time, CSV records across buffer ends. */
class ReadingTest {

    @Test
    void epochDay_everyDayFrom1990To2099_asJavaTime() {
        for (LocalDate d = LocalDate.of(1990, 1, 1); d.getYear() < 2100; d = d.plusDays(1)) {
            assertEquals(d.toEpochDay(), Dates.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()),
                    d.toString());
            assertEquals(d.toEpochDay(), Dates.parse(d.toString()), 0, d.toString());
        }
        assertEquals(LocalDate.of(1900, 3, 1).toEpochDay(), Dates.epochDay(1900, 3, 1));
        assertEquals(LocalDate.of(2000, 2, 29).toEpochDay(), Dates.epochDay(2000, 2, 29));
    }

    @Test
    void parse_dayFirstAndTimes_invalidDatesRefused() {
        double day = LocalDate.of(2016, 4, 1).toEpochDay();
        assertEquals(day, Dates.parse("01/04/2016"), 0);
        assertEquals(day + 13.75 / 24, Dates.parse("1-4-2016 13:45"), 1e-12);
        assertEquals(day + (13 * 3600 + 45 * 60 + 10) / 86400.0, Dates.parse("2016-04-01 13:45:10"), 1e-12);
        for (String bad : List.of("2019-02-29", "31/04/2018", "2018-13-01", "2018-00-10", "00/01/2018",
                "1900-02-29", "2018-01-01T24:00", "2018/1")) {
            assertTrue(Double.isNaN(Dates.parse(bad)), bad);
        }
        assertEquals(LocalDate.of(2000, 2, 29).toEpochDay(), Dates.parse("29/02/2000"), 0);
    }

    @Test
    void csv_recordsAcrossBufferEnds_quotesSpacesAndCrlf_readAsWritten() throws IOException {
        // enough rows to cross the 64 K character buffer many times, each field at a different offset
        StringBuilder b = new StringBuilder("a,b,c\n");
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String plain = "v" + i;
            String quoted = "x, \"" + i + "\"";
            String spaced = "  s" + (i % 7) + "  ";
            switch (i % 4) {
                case 0 -> b.append(plain).append(",\"").append(quoted.replace("\"", "\"\"")).append("\",")
                        .append(spaced).append('\n');
                case 1 -> b.append(plain).append(",\"").append(quoted.replace("\"", "\"\"")).append("\",")
                        .append(spaced).append("\r\n");
                case 2 -> b.append(plain).append(",\"").append(quoted.replace("\"", "\"\"")).append("\",")
                        .append(spaced).append("\n\n");
                default -> b.append(plain).append(",\"").append(quoted.replace("\"", "\"\"")).append("\",")
                        .append(spaced);
            }
            if (i % 4 == 3) {
                b.append('\n');
            }
            expected.add(List.of(plain, quoted, spaced.trim()));
        }
        b.append("last,,");
        expected.add(List.of("last", "", ""));
        CsvRows rows = new CsvRows(new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("a", "b", "c"), rows.header());
        List<String> row = new ArrayList<>();
        int n = 0;
        while (rows.next(row)) {
            assertEquals(expected.get(n), row, "record " + n);
            n++;
        }
        assertEquals(expected.size(), n);
    }
}
