package org.bedsim.report.html;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.bedsim.report.chart.ChartWriter;
import org.jfree.chart.JFreeChart;

/**
 * A single-file HTML report built from sections: headings, paragraphs, tables, definition lists, notes and charts
 * (inlined as SVG). Every command that runs the model writes one ({@code run}, {@code compare}, {@code bridge}), each
 * adding its own sections to the common ones of {@link StandardSections}.
 *
 * <p>Implementation notes. The page opens offline and on any machine: the only style is an inline {@code <style>}
 * element with system fonts, charts are inline {@code <svg>} elements, and there are no scripts, external
 * stylesheets, fonts or images. The markup is XHTML-compatible (every element closed, attributes quoted, the XHTML
 * namespace on the root), so a test can parse the page as XML. All text is escaped on the way in; the only markup
 * not built here is the SVG of charts, made by JFreeSVG from chart objects. Element ids (section anchors, chart
 * prefixes) are derived from names and made unique within the page, so several charts never share a clip path id.
 * Output depends only on what was added (no clock, no locale).
 */
public final class HtmlReport {
    private static final Pattern ID_CHARS = Pattern.compile("[^a-z0-9-]+");

    private final String title;
    private final List<String> subtitle = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private final ChartWriter charts;

    /** A report with charts of the default size. */
    public HtmlReport(String title) {
        this(title, new ChartWriter());
    }

    /** A report whose charts are drawn by a given writer (size). */
    public HtmlReport(String title, ChartWriter charts) {
        this.title = Objects.requireNonNull(title, "title");
        this.charts = charts;
    }

    /** Adds a line under the title (e.g. what was run, and when). */
    public HtmlReport subtitle(String text) {
        subtitle.add(text);
        return this;
    }

    /** @return a new section, listed in the contents, in the order added */
    public Section section(String heading) {
        Section s = new Section(heading, uniqueId(heading));
        sections.add(s);
        return s;
    }

    /** @return the sections added so far */
    public List<Section> sections() {
        return List.copyOf(sections);
    }

    /** @return an id made of a name's letters and digits, unique in this page */
    String uniqueId(String name) {
        String base = ID_CHARS.matcher(name.toLowerCase(java.util.Locale.ROOT)).replaceAll("-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
            base = "s-" + base;
        }
        String id = base;
        for (int i = 2; !ids.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    /** One section: a heading and its blocks, in order. */
    public final class Section {
        private final String heading;
        private final String id;
        private final StringBuilder body = new StringBuilder();

        private Section(String heading, String id) {
            this.heading = heading;
            this.id = id;
        }

        /** @return the section's heading */
        public String heading() {
            return heading;
        }

        /** Adds a paragraph of plain text. */
        public Section paragraph(String text) {
            body.append("<p>").append(escape(text)).append("</p>\n");
            return this;
        }

        /** Adds a sub-heading. */
        public Section subheading(String text) {
            body.append("<h3>").append(escape(text)).append("</h3>\n");
            return this;
        }

        /** Adds a highlighted note (e.g. a warning, or how to read what follows). */
        public Section note(String text) {
            body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
            return this;
        }

        /** Adds a bulleted list. */
        public Section list(List<String> items) {
            if (items.isEmpty()) {
                return this;
            }
            body.append("<ul>\n");
            for (String item : items) {
                body.append("<li>").append(escape(item)).append("</li>\n");
            }
            body.append("</ul>\n");
            return this;
        }

        /** Adds pairs of a term and its description (e.g. a manifest). */
        public Section definitions(List<String[]> pairs) {
            body.append("<dl>\n");
            for (String[] p : pairs) {
                body.append("<dt>").append(escape(p[0])).append("</dt><dd>").append(escape(p[1])).append("</dd>\n");
            }
            body.append("</dl>\n");
            return this;
        }

        /** Adds preformatted text (monospace, kept as written). */
        public Section preformatted(String text) {
            body.append("<pre>").append(escape(text)).append("</pre>\n");
            return this;
        }

        /**
         * Adds a table. Cells that look like numbers (digits, signs, a decimal point, %, an interval in brackets)
         * are right-aligned.
         *
         * @param caption what the table shows (may be null)
         * @param header the column names
         * @param rows the cells, each row as long as the header
         */
        public Section table(String caption, List<String> header, List<List<String>> rows) {
            body.append("<table>\n");
            if (caption != null) {
                body.append("<caption>").append(escape(caption)).append("</caption>\n");
            }
            body.append("<thead><tr>");
            for (String h : header) {
                body.append("<th>").append(escape(h)).append("</th>");
            }
            body.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row of " + row.size() + " cells under " + header.size()
                            + " columns: " + row);
                }
                body.append("<tr>");
                for (String cell : row) {
                    String c = cell == null ? "" : cell;
                    body.append(numeric(c) ? "<td class=\"num\">" : "<td>").append(escape(c)).append("</td>");
                }
                body.append("</tr>\n");
            }
            body.append("</tbody>\n</table>\n");
            return this;
        }

        /**
         * Adds a chart, inlined as SVG, with a caption.
         *
         * @param chart the chart
         * @param name a name for its ids (made unique in the page)
         * @param caption what to read in it (may be null)
         */
        public Section chart(JFreeChart chart, String name, String caption) {
            String prefix = uniqueId("chart-" + name);
            body.append("<figure>\n").append(scalable(charts.svg(chart, prefix))).append('\n');
            if (caption != null) {
                body.append("<figcaption>").append(escape(caption)).append("</figcaption>\n");
            }
            body.append("</figure>\n");
            return this;
        }

        /** Opens a collapsible part (closed by default): everything added until {@link #endDetails()} is in it. */
        public Section details(String summary) {
            body.append("<details><summary>").append(escape(summary)).append("</summary>\n");
            return this;
        }

        /** Closes the part opened by {@link #details(String)}. */
        public Section endDetails() {
            body.append("</details>\n");
            return this;
        }
    }

    private static final Pattern SVG_SIZE = Pattern.compile("<svg ([^>]*?)width='([0-9.]+)' height='([0-9.]+)'");

    /** @return the SVG with a viewBox, so that it scales down to the page's width keeping its proportions */
    static String scalable(String svg) {
        java.util.regex.Matcher m = SVG_SIZE.matcher(svg);
        if (!m.lookingAt() || svg.substring(0, svg.indexOf('>')).contains("viewBox")) {
            return svg;
        }
        return "<svg " + m.group(1) + "viewBox='0 0 " + m.group(2) + " " + m.group(3) + "' width='" + m.group(2)
                + "' height='" + m.group(3) + "'" + svg.substring(m.end());
    }

    private static final Pattern NUMERIC = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?( ?%)?"
            + "( (\\[|\\+/-)[-+0-9., %\\]]*)?");

    private static boolean numeric(String cell) {
        return NUMERIC.matcher(cell).matches();
    }

    /** Writes the page. */
    public void write(Writer out) throws IOException {
        out.write("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n"
                + "<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                + "<meta name=\"generator\" content=\"bedsim\"/>\n<title>");
        out.write(escape(title));
        out.write("</title>\n<style>\n");
        out.write(CSS);
        out.write("</style>\n</head>\n<body>\n<header>\n<h1>");
        out.write(escape(title));
        out.write("</h1>\n");
        for (String s : subtitle) {
            out.write("<p class=\"subtitle\">" + escape(s) + "</p>\n");
        }
        out.write("</header>\n<nav>\n<h2>Contents</h2>\n<ol>\n");
        for (Section s : sections) {
            out.write("<li><a href=\"#" + s.id + "\">" + escape(s.heading) + "</a></li>\n");
        }
        out.write("</ol>\n</nav>\n<main>\n");
        for (Section s : sections) {
            out.write("<section id=\"" + s.id + "\">\n<h2>" + escape(s.heading) + "</h2>\n");
            out.write(s.body.toString());
            out.write("</section>\n");
        }
        out.write("</main>\n<footer><p>Written by bedsim. This page is self-contained: it loads nothing from "
                + "anywhere.</p></footer>\n</body>\n</html>\n");
    }

    /** @return text safe in HTML and XML content and attribute values (&amp;, &lt;, &gt;, quotes; controls dropped) */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF) {
                        continue; // not allowed in XML
                    }
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
                   color: #222; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem 3rem; line-height: 1.45; }
            header h1 { margin-bottom: 0.2rem; }
            .subtitle { color: #555; margin: 0.1rem 0; }
            nav { background: #f6f7f9; border: 1px solid #dde1e6; border-radius: 6px; padding: 0.5rem 1.5rem;
                  margin: 1rem 0 2rem; }
            nav h2 { font-size: 1rem; margin: 0.5rem 0; }
            nav ol { margin: 0.3rem 0 0.6rem; columns: 2; }
            section { margin-bottom: 2.5rem; }
            h2 { border-bottom: 2px solid #4e79a7; padding-bottom: 0.2rem; }
            h3 { margin-top: 1.6rem; }
            table { border-collapse: collapse; margin: 0.8rem 0 1.2rem; font-size: 0.9rem; max-width: 100%; }
            caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
            th, td { border: 1px solid #d0d4da; padding: 0.25rem 0.55rem; vertical-align: top;
                     word-break: normal; overflow-wrap: break-word; hyphens: none; }
            th { background: #eef1f5; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            figure { margin: 1rem 0 2rem; }
            figure svg { max-width: 100%; height: auto; border: 1px solid #e3e6ea; }
            figcaption { color: #444; font-size: 0.9rem; margin-top: 0.3rem; }
            .note { background: #fff8e6; border-left: 4px solid #f28e2b; padding: 0.4rem 0.8rem; }
            dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
            dt { font-weight: 600; }
            dd { margin: 0; word-break: normal; overflow-wrap: anywhere; hyphens: none; }
            pre { background: #f6f7f9; padding: 0.6rem; overflow-x: auto; }
            details { margin: 0.6rem 0; }
            summary { cursor: pointer; font-weight: 600; }
            footer { color: #777; font-size: 0.85rem; border-top: 1px solid #ddd; margin-top: 3rem; }
            """;
}
