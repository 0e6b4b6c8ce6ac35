package org.bedsim.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Excel workbook of a run's tidy tables: one sheet per CSV file of its outputs (numbers as numbers, {@code NA} as
 * text), after a first sheet saying what the run was and what each sheet holds. A table longer than a sheet's rows
 * is cut at the limit, and the first sheet says so. Written with fastexcel, a small streaming xlsx writer.
 */
final class Workbook {
    /** Rows of a sheet, header included (Excel's limit). */
    static final int MAX_ROWS = 1_048_576;
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private Workbook() {
    }

    /** @return the CSV files of an output folder, relative, sorted (summary tables first, the census last) */
    static List<Path> tables(Path out) throws IOException {
        List<Path> csv;
        try (Stream<Path> s = Files.walk(out, 3)) {
            csv = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".csv")
                    && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).map(out::relativize)
                    .sorted().toList());
        }
        csv.sort((a, b) -> Boolean.compare(a.toString().contains("census"), b.toString().contains("census")));
        return csv;
    }

    /** Writes the workbook of a run's outputs. */
    static void write(Job job, OutputStream os) throws IOException {
        write(job.out(), List.of(
                List.of("run", job.id),
                List.of("command", "bedsim " + job.kind + " " + job.scenario),
                List.of("finished", job.finished() == null ? "" : job.finished().toString())), os);
    }

    /** Writes the workbook of the CSV tables in a folder, after a sheet of facts. */
    static void write(Path out, List<List<String>> facts, OutputStream os) throws IOException {
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(os, "bedsim", "1.0");
        Worksheet about = wb.newWorksheet("about");
        int row = 0;
        about.value(row, 0, "bedsim outputs as tidy tables: one sheet per CSV file of the run's outputs");
        about.style(row, 0).bold().set();
        row += 2;
        for (List<String> f : facts) {
            about.value(row, 0, f.get(0));
            about.value(row, 1, f.get(1));
            row++;
        }
        row++;
        about.value(row, 0, "sheet");
        about.value(row, 1, "file");
        about.value(row, 2, "rows");
        about.range(row, 0, row, 2).style().bold().set();
        row++;
        Set<String> used = new LinkedHashSet<>(List.of("about"));
        for (Path rel : tables(out)) {
            String sheet = sheetName(rel, used);
            Worksheet ws = wb.newWorksheet(sheet);
            int rows = 0;
            boolean cut = false;
            try (BufferedReader in = Files.newBufferedReader(out.resolve(rel), StandardCharsets.UTF_8)) {
                List<String> rec;
                while ((rec = Csv.next(in)) != null) {
                    if (rows == MAX_ROWS) {
                        cut = true;
                        break;
                    }
                    for (int c = 0; c < rec.size(); c++) {
                        String v = rec.get(c);
                        if (rows > 0 && NUMBER.matcher(v).matches()) {
                            ws.value(rows, c, Double.parseDouble(v));
                        } else {
                            ws.value(rows, c, v);
                        }
                    }
                    if (rows == 0) {
                        ws.range(0, 0, 0, Math.max(0, rec.size() - 1)).style().bold().set();
                        ws.freezePane(0, 1);
                    }
                    rows++;
                    if ((rows & 0xFFF) == 0) {
                        ws.flush();
                    }
                }
            }
            ws.finish();
            about.value(row, 0, sheet);
            about.value(row, 1, rel.toString().replace('\\', '/'));
            about.value(row, 2, Math.max(0, rows - 1));
            if (cut) {
                about.value(row, 3, "cut at Excel's " + MAX_ROWS + " rows: the CSV file has them all");
            }
            row++;
        }
        about.width(0, 14);
        about.width(1, 40);
        about.finish();
        wb.finish();
    }

    private static String sheetName(Path rel, Set<String> used) {
        String base = rel.toString().replace('\\', '/').replaceAll("\\.csv$", "").replaceAll("[\\[\\]:*?/\\\\]", "-");
        base = base.substring(0, Math.min(base.length(), 28));
        String name = base;
        for (int i = 2; used.contains(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + "-" + i;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }
}
