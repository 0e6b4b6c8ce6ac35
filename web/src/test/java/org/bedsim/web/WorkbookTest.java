package org.bedsim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook of a run's tidy tables: a sheet per CSV file (charts' folders included), after a sheet saying what the
 * run was; numbers as numbers, {@code NA} and labels as text, quoted commas kept inside their cell.
 */
class WorkbookTest {
    @TempDir
    Path tmp;

    @Test
    void everyCsvTable_becomesASheet_withNumbersAsNumbers() throws Exception {
        Files.writeString(tmp.resolve("bridge.csv"), "row,id,label,delta_beds\nbase,2016/17,\"Beds, 2016/17\",NA\n"
                + "step,growth,\"Growth \"\"demographic\"\"\",17.25\nstep,x,y,-3e-2\n");
        Files.writeString(tmp.resolve("census.csv"), "replication,date,setting,occupied\n0,2016-04-01,acute,347\n");
        Files.createDirectories(tmp.resolve("charts"));
        Files.writeString(tmp.resolve("charts/points.csv"), "a,b\n1,2\n");
        Files.writeString(tmp.resolve("notes.txt"), "not a table");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Workbook.write(tmp, List.of(List.of("run", "r1")), buf);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(buf.toByteArray()))) {
            assertEquals(List.of("about", "bridge", "charts-points", "census"),
                    wb.getSheets().map(s -> s.getName()).toList(), "the census, the longest, last");
            List<Row> bridge = wb.findSheet("bridge").orElseThrow().read();
            assertEquals(4, bridge.size());
            assertEquals("Beds, 2016/17", bridge.get(1).getCellText(2));
            assertEquals(CellType.STRING, bridge.get(1).getCell(3).getType(), "NA stays text");
            assertEquals("Growth \"demographic\"", bridge.get(2).getCellText(2));
            assertEquals(17.25, bridge.get(2).getCellAsNumber(3).orElseThrow().doubleValue());
            assertEquals(-0.03, bridge.get(3).getCellAsNumber(3).orElseThrow().doubleValue(), 1e-15);
            List<Row> census = wb.findSheet("census").orElseThrow().read();
            assertEquals(CellType.STRING, census.get(1).getCell(1).getType(), "a date is not a number");
            assertEquals(347, census.get(1).getCellAsNumber(3).orElseThrow().intValue());
            List<Row> about = wb.findSheet("about").orElseThrow().read();
            assertTrue(about.stream().anyMatch(r -> r.getCellText(0).equals("census") && r.getCellText(2).equals("1")),
                    "the about sheet lists each sheet with its rows");
        }
    }
}
