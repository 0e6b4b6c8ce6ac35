package org.bedsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractAnnotation;
import org.jfree.chart.annotations.CategoryAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A visible axis break: a white gap between two zig-zag lines drawn across a bar near the bottom of a value axis
 * that does not start at zero, and across the axis line itself, so a bar that starts at zero is seen to be cut. Used
 * on total bars (which stand for all the beds) when the axis is zoomed to show the steps.
 */
final class AxisBreak extends AbstractAnnotation implements CategoryAnnotation {
    private static final long serialVersionUID = 1L;
    private static final double ZIG = 5;
    private final Comparable<?> category;
    private final boolean onBar;
    private final boolean onAxis;

    /**
     * @param category the bar's category
     * @param onBar true to draw the break across the category's bar
     * @param onAxis true to draw the break on the value axis line
     */
    AxisBreak(Comparable<?> category, boolean onBar, boolean onAxis) {
        this.category = category;
        this.onBar = onBar;
        this.onAxis = onAxis;
    }

    boolean onBar() {
        return onBar;
    }

    Comparable<?> category() {
        return category;
    }

    @Override
    public void draw(Graphics2D g2, CategoryPlot plot, Rectangle2D dataArea, CategoryAxis domainAxis,
            ValueAxis rangeAxis) {
        int index = plot.getCategories().indexOf(category);
        if (index < 0) {
            return;
        }
        int count = plot.getCategories().size();
        RectangleEdge domainEdge = plot.getDomainAxisEdge();
        double x0 = domainAxis.getCategoryStart(index, count, dataArea, domainEdge);
        double x1 = domainAxis.getCategoryEnd(index, count, dataArea, domainEdge);
        double value = rangeAxis.getLowerBound() + 0.05 * rangeAxis.getRange().getLength();
        double y = rangeAxis.valueToJava2D(value, dataArea, plot.getRangeAxisEdge());
        if (onBar) {
            zigzag(g2, x0 - 2, x1 + 2, y);
        }
        if (onAxis) {
            zigzag(g2, dataArea.getMinX() - 8, dataArea.getMinX() + 8, y);
        }
    }

    private static void zigzag(Graphics2D g2, double x0, double x1, double y) {
        g2.setPaint(Color.WHITE);
        g2.fill(new Rectangle2D.Double(x0, y - 4, x1 - x0, 8));
        g2.setPaint(ChartStyle.TEXT);
        g2.setStroke(new BasicStroke(1.5f));
        g2.draw(line(x0, x1, y - 4));
        g2.draw(line(x0, x1, y + 4));
    }

    private static Path2D line(double x0, double x1, double y) {
        Path2D p = new Path2D.Double();
        p.moveTo(x0, y);
        boolean up = true;
        for (double x = x0 + ZIG; x < x1; x += ZIG) {
            p.lineTo(x, y + (up ? -ZIG / 2 : ZIG / 2));
            up = !up;
        }
        p.lineTo(x1, y);
        return p;
    }
}
