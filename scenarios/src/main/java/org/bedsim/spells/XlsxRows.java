package org.bedsim.spells;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an Excel workbook (.xlsx), streamed row by row (fastexcel's reader: the sheet's XML is parsed
 * as it is read, not loaded whole). The first non-empty row is the header. A number formatted as a date becomes
 * {@code 2024-01-05} (or {@code 2024-01-05T10:30} with a time of day), other numbers plain ({@code 72}, not
 * {@code 72.0}), text as it is. Rows are located by the sheet's row number, as Excel shows it.
 */
final class XlsxRows implements Rows {
    private final Path file;
    private final ReadableWorkbook book;
    private Stream<Row> stream;
    private Iterator<Row> it;
    private int width;
    private long row;

    XlsxRows(Path file) throws IOException {
        this.file = file;
        try {
            book = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new SpellExtract.ExtractError(file + ": not a readable Excel workbook (" + reason(e) + ")");
        }
    }

    @Override
    public List<String> header() throws IOException {
        try {
            stream = book.getFirstSheet().openStream();
            it = stream.iterator();
            List<String> h = new ArrayList<>();
            while (it.hasNext()) {
                Row r = it.next();
                row = r.getRowNum();
                cells(r, h, Integer.MAX_VALUE);
                if (!h.isEmpty()) {
                    width = h.size();
                    return h;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw new SpellExtract.ExtractError(file + ": not a readable Excel workbook (" + reason(e) + ")");
        }
    }

    @Override
    public boolean next(List<String> out) throws IOException {
        try {
            while (it.hasNext()) {
                Row r = it.next();
                row = r.getRowNum();
                cells(r, out, width);
                if (!out.isEmpty()) {
                    return true;
                }
            }
            out.clear();
            return false;
        } catch (RuntimeException e) {
            throw new SpellExtract.ExtractError(file + ": not a readable Excel workbook after row " + row + " ("
                    + reason(e) + ")");
        }
    }

    /** The row's values, empty cells up to {@code width} kept, trailing empty ones beyond it dropped. */
    private static void cells(Row r, List<String> out, int width) {
        out.clear();
        int n = r.getCellCount();
        int last = -1;
        for (int i = 0; i < n; i++) {
            String v = text(r.getCell(i));
            out.add(v);
            if (!v.isEmpty()) {
                last = i;
            }
        }
        if (last < 0) {
            out.clear();
            return;
        }
        int keep = width == Integer.MAX_VALUE ? last + 1 : Math.max(last + 1, Math.min(width, n));
        while (out.size() > keep) {
            out.remove(out.size() - 1);
        }
        while (width != Integer.MAX_VALUE && out.size() < width) {
            out.add("");
        }
    }

    private static String text(Cell c) {
        if (c == null || c.getType() == CellType.EMPTY) {
            return "";
        }
        if (c.getType() == CellType.NUMBER) {
            if (isDateFormat(c.getDataFormatString())) {
                LocalDateTime t = c.asDate();
                // to the second: Excel keeps times as fractions of a day, which rarely land on a whole second
                long s = Math.round(t.toLocalTime().toNanoOfDay() / 1e9);
                LocalDateTime whole = t.toLocalDate().atStartOfDay().plusSeconds(s);
                return s == 0 ? whole.toLocalDate().toString() : whole.toString();
            }
            BigDecimal d = c.asNumber().stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        String t = c.getText();
        return t == null ? "" : t.trim();
    }

    /** Whether a number format shows a date or time: it has y, d, h or s outside quotes and brackets. */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        boolean quoted = false;
        boolean bracket = false;
        for (char ch : format.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '[') {
                bracket = true;
            } else if (!quoted && ch == ']') {
                bracket = false;
            } else if (!quoted && !bracket && (ch == 'y' || ch == 'd' || ch == 'h' || ch == 's')) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long recordLine() {
        return row;
    }

    @Override
    public String unit() {
        return "row";
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
        }
        book.close();
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m).trim();
    }
}
