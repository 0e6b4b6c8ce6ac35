package org.bedsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table that fits the terminal. Columns are as wide as their contents, the first left-aligned and the
 * others right-aligned. When the table is wider than the terminal, each row becomes a record instead: its first cell
 * on a line of its own, then one line per other cell, "header  value", so no line is cut or wrapped by the terminal.
 * The width is the {@code bedsim.columns} system property, else the {@code COLUMNS} environment variable, else 80.
 */
final class TextTable {
    /** The width used when the terminal's is unknown. */
    static final int DEFAULT_WIDTH = 80;

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private boolean headerShown = true;
    private int shortestFirst = Integer.MAX_VALUE;

    TextTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row, one cell per column. */
    TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.asList(cells));
        return this;
    }

    /** Leaves the header line out of the table layout (the record layout still names each cell by it). */
    TextTable hideHeader() {
        headerShown = false;
        return this;
    }

    /**
     * Lets the first column's cells (labels) be shortened, ending in "...", down to {@code shortest} characters when
     * that makes the table fit the width; a table that does not fit even so becomes records.
     */
    TextTable shortenFirst(int shortest) {
        shortestFirst = shortest;
        return this;
    }

    /** @return true if it has no rows */
    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** @return the terminal's width: {@code bedsim.columns}, else {@code COLUMNS}, else 80 (never under 40) */
    static int width() {
        String v = System.getProperty("bedsim.columns");
        if (v == null || v.isBlank()) {
            v = System.getenv("COLUMNS");
        }
        try {
            return v == null || v.isBlank() ? DEFAULT_WIDTH : Math.max(40, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    /** Prints a paragraph wrapped at word boundaries within {@link #width()}. */
    static void paragraph(PrintWriter out, String text) {
        wrap(text, width()).forEach(out::println);
    }

    /** @return the text's lines, broken at spaces so that each is at most {@code width} long (a longer word alone), each
     *     indented as the text is */
    static List<String> wrap(String text, int width) {
        String indent = text.substring(0, text.length() - text.stripLeading().length());
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.strip().split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > indent.length()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Prints the table indented by two spaces, within {@link #width()}. */
    void print(PrintWriter out) {
        lines(width()).forEach(out::println);
    }

    /** @return the table's lines, indented by two spaces, each at most {@code width} long where possible */
    List<String> lines(int width) {
        int n = header.size();
        int[] w = new int[n];
        for (int c = 0; c < n; c++) {
            w[c] = headerShown ? header.get(c).length() : 0;
            for (List<String> r : rows) {
                w[c] = Math.max(w[c], r.get(c).length());
            }
        }
        int total = 2 + Arrays.stream(w).sum() + 2 * (n - 1);
        List<String> out = new ArrayList<>();
        if (total > width && w[0] - (total - width) >= Math.max(4, shortestFirst)) {
            w[0] -= total - width;
            total = width;
        }
        if (total <= width) {
            if (headerShown) {
                out.add(line(shortened(header, w[0]), w));
            }
            for (List<String> r : rows) {
                out.add(line(shortened(r, w[0]), w));
            }
            return out;
        }
        int label = 0;
        for (int c = 1; c < n; c++) {
            label = Math.max(label, header.get(c).length());
        }
        for (List<String> r : rows) {
            out.addAll(wrap("  " + r.get(0), width));
            for (int c = 1; c < n; c++) {
                String h = header.get(c);
                String cell = "    " + h + " ".repeat(label - h.length()) + "  " + r.get(c);
                if (cell.length() <= width) {
                    out.add(cell);
                } else if (("    " + h + ": " + r.get(c)).length() <= width) {
                    out.add("    " + h + ": " + r.get(c));
                } else {
                    out.add("    " + h + ":");
                    out.addAll(wrap("      " + r.get(c), width));
                }
            }
        }
        return out;
    }

    /** @return the cells with the first cut to {@code width}, ending in "...", if longer */
    private static List<String> shortened(List<String> cells, int width) {
        String first = cells.get(0);
        if (first.length() <= width) {
            return cells;
        }
        List<String> out = new ArrayList<>(cells);
        out.set(0, first.substring(0, width - 3).stripTrailing() + "...");
        return out;
    }

    private static String line(List<String> cells, int[] w) {
        StringBuilder b = new StringBuilder("  ");
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            String pad = " ".repeat(w[c] - s.length());
            if (c > 0) {
                b.append("  ").append(pad).append(s);
            } else {
                b.append(s).append(c == cells.size() - 1 ? "" : pad);
            }
        }
        return b.toString().stripTrailing();
    }
}
