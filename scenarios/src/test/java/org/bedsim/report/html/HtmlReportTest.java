package org.bedsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.bedsim.report.chart.Charts;
import org.bedsim.report.chart.OptionInterval;
import org.bedsim.stats.ConfidenceInterval;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    static String page(HtmlReport r) throws IOException {
        StringWriter w = new StringWriter();
        r.write(w);
        return w.toString();
    }

    static JFreeChart chart() {
        return Charts.optionComparison("Beds <required> & \"more\"", "beds", List.of(
                new OptionInterval("base", true, new ConfidenceInterval(10, 1, 0.95, 5)),
                new OptionInterval("other", false, new ConfidenceInterval(8, 1.5, 0.95, 5))));
    }

    @Test
    void everyText_isEscaped_andThePageIsWellFormedAndSelfContained() throws IOException {
        String hostile = "<script src=\"http://evil.example/x.js\"></script> & 'quotes' \"too\" \u0001 "
                + "<img src=https://x/y.png> url(http://x) @import";
        HtmlReport r = new HtmlReport("Title " + hostile).subtitle(hostile);
        r.section("One " + hostile).paragraph(hostile).note(hostile).subheading(hostile).list(List.of(hostile))
                .definitions(List.<String[]>of(new String[] {hostile, hostile})).preformatted(hostile)
                .table(hostile, List.of("a", hostile), List.of(List.of("1,234.5 [1,200, 1,300]", hostile)))
                .details(hostile).paragraph("x").endDetails();
        String html = page(r);
        Document doc = OfflinePage.assertSelfContained(html);
        assertTrue(html.contains("&lt;script src=&quot;http://evil.example/x.js&quot;&gt;"), html);
        assertTrue(doc.getDocumentElement().getTextContent().contains("<img src=https://x/y.png>"),
                "the text survives, as text");
        assertTrue(html.contains("<td class=\"num\">1,234.5 [1,200, 1,300]</td>"), "numbers right-aligned");
        assertEquals("&amp;&lt;&gt;&quot;&#39;", HtmlReport.escape("&<>\"'"));
        assertEquals("ab", HtmlReport.escape("a\u0000b"));
    }

    @Test
    void chartsAreInlinedAsScalableSvg_withIdsUniqueInThePage() throws IOException {
        HtmlReport r = new HtmlReport("charts");
        r.section("Charts").chart(chart(), "same", "first").chart(chart(), "same", "second");
        r.section("Charts").chart(chart(), "same", null);
        String html = page(r);
        Document doc = OfflinePage.assertSelfContained(html);
        NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertEquals(3, svgs.getLength());
        for (int i = 0; i < svgs.getLength(); i++) {
            assertEquals("0 0 1000.0 600.0", ((org.w3c.dom.Element) svgs.item(i)).getAttribute("viewBox"));
        }
        assertTrue(html.contains("id='chart-same'") && html.contains("id='chart-same-2'")
                && html.contains("id='chart-same-3'"), "unique prefixes");
        assertTrue(html.contains("<a href=\"#charts\">") && html.contains("<a href=\"#charts-2\">"), "sections");
        assertTrue(html.contains("Beds &lt;required&gt; &amp; &quot;more&quot;")
                || html.contains("Beds &lt;required&gt; &amp;"), "chart text escaped by JFreeSVG");
    }

    /** @return the declarations of the first CSS rule whose selector is exactly {@code selector} */
    private static String rule(String html, String selector) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*" + java.util.regex.Pattern.quote(
                selector) + "\\s*\\{([^}]*)\\}").matcher(html);
        assertTrue(m.find(), "a CSS rule for " + selector);
        return m.group(1).replaceAll("\\s+", " ");
    }

    @Test
    void tables_wrapLongLabelsAtWordBoundaries_neverInsideAWord() throws IOException {
        String label = "Cut in the mean stay of older and adult emergency admissions, calibrated inputs beside the "
                + "evidence (-0.1 = 10 % shorter)";
        HtmlReport r = new HtmlReport("t");
        r.section("s").table("caption", List.of("input", "value"), List.of(List.of(label, "12.3 [10.1, 14.5]")));
        String html = page(r);
        assertTrue(!html.contains("break-all") && !html.contains("&shy;") && !html.contains("<wbr"),
                "no rule or mark that breaks inside words");
        String cells = rule(html, "th, td");
        assertTrue(cells.contains("word-break: normal") && cells.contains("overflow-wrap: break-word")
                && cells.contains("hyphens: none"), "cells break at spaces, a word only if it cannot fit alone: "
                + cells);
        assertTrue(!cells.contains("anywhere"), "anywhere would let a table squeeze a column inside words");
        assertTrue(rule(html, "td.num").contains("white-space: nowrap"), "numbers and intervals never break");
        assertTrue(html.contains("<td>" + HtmlReport.escape(label) + "</td>"), "the label is whole, as text");
    }

    @Test
    void table_refusesRowsOfTheWrongLength() {
        HtmlReport.Section s = new HtmlReport("t").section("s");
        assertThrows(IllegalArgumentException.class, () -> s.table(null, List.of("a", "b"), List.of(List.of("1"))));
    }

    @Test
    void cells_formatSharesIntervalsAndSignsWithoutNegativeZero() {
        assertEquals("4.2 % [3.0 %, 5.4 %]", Cells.interval(new ConfidenceInterval(0.042, 0.012, 0.95, 5), "share"));
        assertEquals("1,940", Cells.value(1940.4, "beds"));
        assertEquals("0.00", Cells.value(-0.0001, "beds"));
        assertEquals("0.0 %", Cells.value(-0.00001, "share"));
        assertEquals("+12.5 [+10.0, +15.0]", Cells.signedInterval(new ConfidenceInterval(12.5, 2.5, 0.95, 5), "beds"));
        assertEquals("0.00 [0.00, 0.00]", Cells.signedInterval(new ConfidenceInterval(0, 0, 0.95, 5), "beds"));
        assertEquals("n/a", Cells.value(Double.NaN, "beds"));
        assertEquals("7.00", Cells.interval(new ConfidenceInterval(7, Double.NaN, 0.95, 1), "beds"));
    }
}
