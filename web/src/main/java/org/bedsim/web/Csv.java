package org.bedsim.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the CSV files bedsim writes (RFC 4180: commas, double quotes, quoted quotes doubled). */
final class Csv {
    private Csv() {
    }

    /** @return the next record, or null at the end */
    static List<String> next(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        while (true) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            b.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        b.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(b.toString());
                    b.setLength(0);
                } else {
                    b.append(c);
                }
            }
            if (!quoted) {
                break;
            }
            String more = in.readLine();
            if (more == null) {
                break;
            }
            b.append('\n');
            line = more;
        }
        fields.add(b.toString());
        return fields;
    }

    /** @return every record of a reader */
    static List<List<String>> all(BufferedReader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> r;
        while ((r = next(in)) != null) {
            rows.add(r);
        }
        return rows;
    }
}
