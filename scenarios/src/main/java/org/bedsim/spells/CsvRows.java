package org.bedsim.spells;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming CSV reader: RFC 4180 quoting (quoted fields may hold the delimiter, doubled quotes and line breaks),
 * any one-character delimiter (guessed from the header: comma, semicolon, tab or bar), UTF-8 with or without a byte
 * order mark, CRLF or LF line ends. Holds one record at a time, so memory does not grow with the file.
 */
final class CsvRows implements Rows {
    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private int pushed = -2;
    private char delimiter;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder();

    private final Character given;

    CsvRows(InputStream stream) throws IOException {
        this(stream, null);
    }

    /** @param given the delimiter, or null to guess it from the header */
    CsvRows(InputStream stream, Character given) throws IOException {
        this.given = given;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        in = new InputStreamReader(stream, utf8);
        int c = read();
        if (c != 0xFEFF && c >= 0) {
            pushed = c;
        }
    }

    /** Reads the header, guessing the delimiter from it; null for an empty file. */
    @Override
    public List<String> header() throws IOException {
        StringBuilder raw = new StringBuilder();
        int c;
        while ((c = read()) >= 0 && c != '\n') {
            raw.append((char) c);
        }
        if (raw.length() == 0 && c < 0) {
            return null;
        }
        line++;
        String h = raw.toString();
        if (h.endsWith("\r")) {
            h = h.substring(0, h.length() - 1);
        }
        int best = -1;
        for (char d : new char[] {',', ';', '\t', '|'}) {
            int n = (int) h.chars().filter(x -> x == d).count();
            if (n > best) {
                best = n;
                delimiter = d;
            }
        }
        if (given != null) {
            delimiter = given;
        }
        List<String> cols = new ArrayList<>();
        for (String s : h.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
            s = s.trim();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
            }
            cols.add(s);
        }
        return cols;
    }

    /** @return the line the last record started on */
    @Override
    public long recordLine() {
        return recordLine;
    }

    @Override
    public String unit() {
        return "line";
    }

    /** @return the delimiter in use */
    char delimiter() {
        return delimiter;
    }

    /**
     * Reads the next record into {@code out} (cleared first); false at the end of the file. Blank lines are
     * skipped. A quote left open at the end of the file ends the record.
     */
    @Override
    public boolean next(List<String> out) throws IOException {
        out.clear();
        while (true) {
            int c = peek();
            if (c == '\n') {
                line++;
            } else if (c != '\r') {
                if (c < 0) {
                    return false;
                }
                break;
            }
            consume();
        }
        recordLine = line;
        while (true) {
            int r = fastField(out);
            if (r < 0) {
                r = slowField(out);
            }
            if (r == 1) {
                return true;
            }
        }
    }

    /**
     * A plain field (no quote, no carriage return) that ends inside the buffer, cut straight out of it: most fields
     * of an extract. Returns 0 when a delimiter ended it, 1 when the line did, -1 (nothing consumed) for any other.
     */
    private int fastField(List<String> out) throws IOException {
        if (pushed != -2) {
            return -1;
        }
        if (pos == len && peek() < 0) {
            return -1;
        }
        char[] b = buf;
        int i = pos;
        int n = len;
        char d = delimiter;
        while (i < n) {
            char ch = b[i];
            if (ch == d || ch == '\n') {
                int from = pos;
                int to = i;
                while (from < to && b[from] <= ' ') {
                    from++;
                }
                while (to > from && b[to - 1] <= ' ') {
                    to--;
                }
                out.add(from == to ? "" : new String(b, from, to - from));
                pos = i + 1;
                if (ch == '\n') {
                    line++;
                    return 1;
                }
                return 0;
            }
            if (ch == '"' || ch == '\r') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /** One field character by character (quotes, line breaks inside quotes, CR): 0 after a delimiter, 1 at the
     * end of the record. */
    private int slowField(List<String> out) throws IOException {
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        int c = read();
        while (true) {
            if (c < 0) {
                out.add(finish(wasQuoted));
                return 1;
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (ch == delimiter) {
                out.add(finish(wasQuoted));
                return 0;
            } else if (ch == '\n') {
                line++;
                out.add(finish(wasQuoted));
                return 1;
            } else if (ch != '\r') {
                field.append(ch);
            }
            c = read();
        }
    }

    /** The next character without taking it, or -1 at the end. */
    private int peek() throws IOException {
        if (pushed != -2) {
            return pushed;
        }
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos];
    }

    /** Takes the character {@link #peek} returned. */
    private void consume() {
        if (pushed != -2) {
            pushed = -2;
        } else {
            pos++;
        }
    }

    /** The next character, or -1 at the end: an unsynchronised buffer (a Reader's read() locks per character). */
    private int read() throws IOException {
        int c = peek();
        if (c >= 0) {
            consume();
        }
        return c;
    }

    private String finish(boolean wasQuoted) {
        String s = wasQuoted ? field.toString() : field.toString().trim();
        field.setLength(0);
        return s;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

}
