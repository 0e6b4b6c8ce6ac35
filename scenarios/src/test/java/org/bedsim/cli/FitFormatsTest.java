package org.bedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same spells as CSV, as Parquet (written here by DuckDB, with typed DATE, TIMESTAMP and integer columns and
 * NULLs) and as an Excel sheet (written here by fastexcel, dates as formatted numbers) give the same fitted scenario
 * byte for byte, but for the lines that name the file and its SHA-256. A corrupt Parquet or Excel file exits 2 with
 * a message that names it; bad rows are located by row number.
 */
class FitFormatsTest {
    static final Path EXAMPLE = Path.of("examples/data/spells.csv");

    @TempDir
    static Path tmp;

    static String fitted(Path extract, String out) throws IOException {
        Path target = tmp.resolve(out).resolve("fitted.yaml");
        Cli r = Cli.run("fit", extract.toString(), "--out", target.toString(), "--name", "formats", "--allow-bad-rows");
        assertEquals(0, r.code(), r.err());
        String name = Pattern.quote(extract.getFileName().toString());
        return Files.readString(target).replaceAll(name, "EXTRACT").replaceAll("SHA-256 [0-9a-f]{64}", "SHA-256 X");
    }

    static void duck(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    static String quoted(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    @BeforeAll
    static void driver() throws ClassNotFoundException {
        Class.forName("org.duckdb.DuckDBDriver");
    }

    @Test
    void shippedExtract_asParquet_fitsTheSameScenario() throws Exception {
        Path parquet = tmp.resolve("spells.parquet");
        duck("COPY (SELECT * FROM read_csv(" + quoted(EXAMPLE) + ", header = true, columns = {"
                + "'replication': 'INTEGER', 'spell_id': 'VARCHAR', 'patient_id': 'VARCHAR', 'setting': 'VARCHAR',"
                + "'admitted_at': 'TIMESTAMP', 'discharged_at': 'TIMESTAMP', 'ready_at': 'TIMESTAMP',"
                + "'admission_type': 'VARCHAR', 'age_band': 'VARCHAR', 'admitted_from': 'VARCHAR',"
                + "'destination': 'VARCHAR', 'cohort': 'VARCHAR'})) TO " + quoted(parquet)
                + " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 5000)");
        String csv = fitted(EXAMPLE, "csv");
        assertTrue(csv.contains("Spell extract EXTRACT (SHA-256 X)"), csv);
        assertEquals(csv, fitted(parquet, "parquet"));
    }

    /** A small extract with date-only columns, numeric ages, NULLs and a bad row, in all three formats. */
    static final List<String[]> ROWS = List.of(
            new String[] {"a1", "acute", "2018-01-03", "2018-01-05", "72", "home"},
            new String[] {"a2", "acute", "2018-01-04", "2018-01-09", "45", "died"},
            new String[] {"a3", "acute", "2018-01-05", "2018-01-05", "81", "home"},
            new String[] {"a4", "acute", "2018-01-06", "2018-01-04", "66", "home"}, // discharged before admitted
            new String[] {"a5", "acute", "2018-01-08", "", "90", ""}, // still in
            new String[] {"a6", "acute", "2018-01-09", "2018-01-20", "30", "home"});

    @Test
    void typedColumns_parquetAndExcel_readAsTheCsv_badRowsByRowNumber() throws Exception {
        StringBuilder b = new StringBuilder("spell_id,setting,admitted_at,discharged_at,age,destination\n");
        for (int k = 0; k < 12; k++) { // twelve copies, ids made unique: enough rows for a fit
            for (String[] r : ROWS) {
                String[] v = r.clone();
                v[0] = v[0] + "-" + k;
                b.append(String.join(",", v)).append('\n');
            }
        }
        Path csv = tmp.resolve("small.csv");
        Files.writeString(csv, b.toString());
        Path parquet = tmp.resolve("small.parquet");
        duck("CREATE TABLE t AS SELECT spell_id, setting, CAST(admitted_at AS DATE) AS admitted_at,"
                + " CAST(NULLIF(discharged_at, '') AS DATE) AS discharged_at, CAST(age AS INTEGER) AS age,"
                + " NULLIF(destination, '') AS destination FROM read_csv(" + quoted(csv)
                + ", header = true, all_varchar = true)",
                "COPY t TO " + quoted(parquet) + " (FORMAT parquet)");
        Path xlsx = tmp.resolve("small.xlsx");
        try (var os = Files.newOutputStream(xlsx)) {
            Workbook wb = new Workbook(os, "bedsim-test", "1.0");
            Worksheet ws = wb.newWorksheet("spells");
            String[] header = {"spell_id", "setting", "admitted_at", "discharged_at", "age", "destination"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
            }
            String[] lines = b.toString().split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] v = Arrays.copyOf(lines[i].split(",", -1), 6);
                ws.value(i, 0, v[0]);
                ws.value(i, 1, v[1]);
                ws.value(i, 2, LocalDate.parse(v[2]));
                ws.style(i, 2).format("yyyy-mm-dd").set();
                if (!v[3].isEmpty()) {
                    ws.value(i, 3, LocalDateTime.parse(v[3] + "T00:00"));
                    ws.style(i, 3).format("dd/mm/yyyy").set();
                }
                ws.value(i, 4, Integer.parseInt(v[4]));
                if (!v[5].isEmpty()) {
                    ws.value(i, 5, v[5]);
                }
            }
            wb.finish();
        }
        String expected = fitted(csv, "small-csv");
        assertEquals(expected, fitted(parquet, "small-parquet"));
        assertEquals(expected, fitted(xlsx, "small-xlsx"));

        // the refused row: line 5 of the CSV; row 4 of the Parquet file; row 5 of the sheet (header in row 1)
        Cli p = Cli.run("fit", parquet.toString(), "--out", tmp.resolve("p2").resolve("x.yaml").toString());
        assertTrue(p.err().contains("12 rows with discharged before admitted (rows 4, 10, 16, 22, 28, ...)"),
                p.err());
        Cli x = Cli.run("fit", xlsx.toString(), "--out", tmp.resolve("x2").resolve("x.yaml").toString());
        assertTrue(x.err().contains("12 rows with discharged before admitted (rows 5, 11, 17, 23, 29, ...)"),
                x.err());
    }

    @Test
    void corruptParquet_exits2_namingTheFile() throws IOException {
        Path good = tmp.resolve("whole.parquet");
        try {
            duck("COPY (SELECT 'acute' AS setting, DATE '2018-01-01' + CAST(i AS INTEGER) AS admitted_at,"
                    + " DATE '2018-01-03' + CAST(i AS INTEGER) AS discharged_at FROM range(1000) r(i)) TO " + quoted(good)
                    + " (FORMAT parquet)");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        byte[] bytes = Files.readAllBytes(good);
        Path cut = tmp.resolve("cut.parquet");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        Path junk = tmp.resolve("junk.parquet");
        Files.writeString(junk, "PAR1 this is not a Parquet file at all, only its first four bytes are");
        for (Path f : List.of(cut, junk)) {
            Cli r = Cli.run("fit", f.toString(), "--out", tmp.resolve("corrupt.yaml").toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("bedsim: " + f + ": not a readable Parquet file ("), r.err());
            assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        }
        Path sheet = tmp.resolve("broken.xlsx");
        Files.write(sheet, Arrays.copyOf(bytes, 100));
        Cli r = Cli.run("fit", sheet.toString(), "--out", tmp.resolve("corrupt.yaml").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("bedsim: " + sheet + ": not a readable Excel workbook ("), r.err());
    }
}
