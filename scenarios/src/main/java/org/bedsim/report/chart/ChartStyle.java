package org.bedsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

/**
 * The look shared by every chart: white background, sans-serif fonts large enough to read on a slide, light grid
 * lines, the legend below the plot, and the few colours that are not setting colours.
 */
final class ChartStyle {
    static {
        ensureHeadless();
        // JFreeChart draws rotated text (vertical axis labels, rotated category labels) as glyph outlines by
        // default, a workaround for a Java 1.4 bug; as plain text it stays text in the SVG (searchable, smaller).
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font VALUE_LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    static final Color TEXT = new Color(0x222222);
    static final Color GRID = new Color(0xDDDDDD);
    /** Base and final totals of a bridge; the base option in a comparison. */
    static final Color TOTAL = new Color(0x5F6B77);
    /** A bridge step that adds beds (Okabe-Ito orange). */
    static final Color INCREASE = new Color(0xE69F00);
    /** A bridge step that removes beds (Okabe-Ito blue). */
    static final Color DECREASE = new Color(0x0072B2);
    static final Color WHISKER = new Color(0x222222);
    static final Color CAPACITY = Color.BLACK;
    /** Published figures (model against plan). */
    static final Color PUBLISHED = new Color(0xCC0000);

    static final Stroke THIN = new BasicStroke(1.5f);
    static final Stroke LINE = new BasicStroke(2.2f);
    static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    static final Stroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 4f}, 0f);

    private ChartStyle() {
    }

    /**
     * Makes AWT headless unless the application chose otherwise: charts are drawn into images and SVG, never on a
     * screen, and servers and CI machines have no display. Effective only before AWT's first use.
     */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** @return a chart with the house style, a subtitle (or none when null) and the given legend (none when null) */
    static JFreeChart chart(String title, String subtitle, Plot plot, LegendItemCollection legend) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(8, 8, 8, 16));
        plot.setNoDataMessageFont(AXIS_LABEL);
        if (plot instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(GRID);
            p.setRangeGridlineStroke(new BasicStroke(1f));
            p.setDomainGridlinesVisible(false);
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            if (legend != null) {
                p.setFixedLegendItems(legend);
            }
        } else if (plot instanceof XYPlot p) {
            p.setRangeGridlinePaint(GRID);
            p.setDomainGridlinePaint(GRID);
            p.setRangeGridlineStroke(new BasicStroke(1f));
            p.setDomainGridlineStroke(new BasicStroke(1f));
            p.setAxisOffset(RectangleInsets.ZERO_INSETS);
            if (legend != null) {
                p.setFixedLegendItems(legend);
            }
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend != null);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        chart.getTitle().setPaint(TEXT);
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(TEXT);
            sub.setPadding(new RectangleInsets(2, 0, 6, 0));
            chart.addSubtitle(sub);
        }
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(LEGEND);
            legendTitle.setItemPaint(TEXT);
            legendTitle.setBackgroundPaint(Color.WHITE);
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    /** Styles an axis's fonts and colours. */
    static <A extends Axis> A axis(A axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_LABEL);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(Color.GRAY);
        axis.setTickMarkPaint(Color.GRAY);
        return axis;
    }

    /** @return a styled category axis */
    static CategoryAxis categoryAxis(String label) {
        CategoryAxis axis = axis(new CategoryAxis(label));
        axis.setCategoryMargin(0.25);
        axis.setLowerMargin(0.02);
        axis.setUpperMargin(0.02);
        return axis;
    }

    /** @return a styled number axis */
    static NumberAxis numberAxis(String label) {
        NumberAxis axis = axis(new NumberAxis(label));
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /**
     * Fixes a value axis to span the given values with room above for value labels. Starts at zero when the values
     * would otherwise leave less than a third of the axis below them, so short charts are not misleadingly truncated.
     *
     * @return true if the axis starts at zero (or below)
     */
    static boolean fitRange(ValueAxis axis, double min, double max) {
        double span = Math.max(max - min, Math.max(Math.abs(max), 1) * 0.02);
        double low = min - 0.12 * span;
        double high = max + 0.18 * span;
        boolean fromZero = min >= 0 && low < high / 3;
        if (fromZero) {
            low = 0;
        }
        axis.setRange(new Range(low, high), true, false);
        return low <= 0;
    }

    /** @return a legend entry drawn as a filled box */
    static LegendItem box(String label, Paint paint) {
        LegendItem item = new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), paint);
        item.setLabelFont(LEGEND);
        return item;
    }

    /** @return a legend entry drawn as a line */
    static LegendItem line(String label, Paint paint, Stroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null, new Line2D.Double(-12, 0, 12, 0), stroke, paint);
        item.setLabelFont(LEGEND);
        return item;
    }

    /** @return a legend entry drawn as a dot */
    static LegendItem dot(String label, Paint paint) {
        LegendItem item = new LegendItem(label, null, null, null, dotShape(), paint);
        item.setLabelFont(LEGEND);
        return item;
    }

    /** @return the shape of a point estimate */
    static Shape dotShape() {
        return new Ellipse2D.Double(-5, -5, 10, 10);
    }

    /** @return a diamond marker, for published figures */
    static Shape diamondShape() {
        java.awt.geom.Path2D p = new java.awt.geom.Path2D.Double();
        p.moveTo(0, -7);
        p.lineTo(7, 0);
        p.lineTo(0, 7);
        p.lineTo(-7, 0);
        p.closePath();
        return p;
    }

    /** @return a legend entry drawn as a diamond */
    static LegendItem diamond(String label, Paint paint) {
        LegendItem item = new LegendItem(label, null, null, null, diamondShape(), paint);
        item.setLabelFont(LEGEND);
        return item;
    }

    /** @return a legend of the given entries */
    static LegendItemCollection legend(List<LegendItem> items) {
        LegendItemCollection c = new LegendItemCollection();
        items.forEach(c::add);
        return c;
    }

    /** @return the colour made lighter by blending it with white */
    static Color tint(Color c, double white) {
        return new Color((int) Math.round(c.getRed() + (255 - c.getRed()) * white),
                (int) Math.round(c.getGreen() + (255 - c.getGreen()) * white),
                (int) Math.round(c.getBlue() + (255 - c.getBlue()) * white));
    }
}
