package org.bedsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RectangularShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bedsim.bridge.BridgeResult;
import org.bedsim.stats.ConfidenceInterval;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The bed bridge as a waterfall.
 *
 * <p><b>Implementation notes.</b> Dataset 0 is an interval dataset with one series and one category per bar: the
 * base and final totals run from 0 to their mean; step i floats from the mean beds after step i-1 (the base for the
 * first step) to the mean beds after step i ({@link BridgeResult.Bar#cumulative()}), so its height is the step's
 * sequential change. A renderer that colours by item paints totals, increases and decreases. Dataset 1 holds the
 * whiskers, drawn after the bars by a line renderer with lines and shapes off and the 95 % half-width as its
 * "deviation": around each total its own interval, and around each step's end the interval of the step's change
 * (the uncertainty of the bar, not of the running total). Bed numbers are text annotations above each bar and its
 * whisker. Category labels wrap onto up to four lines (at word boundaries), and turn 45 degrees when there are many
 * bars. When the value axis is zoomed to show the steps (it does not start at zero), each total bar carries a
 * visible {@link AxisBreak}, the axis label and subtitle say so. Dataset 2, when the scenario publishes figures,
 * holds them as diamond markers ({@link WaterfallMarks}): a total at its published beds, a step at the level its
 * published change would reach from the bar's start. A step that rests on a calibrated input is hatched. The
 * subtitle gives the total change with its paired 95 % interval.
 */
final class WaterfallChart {
    static final String SERIES = "Beds";
    static final String WHISKERS = "95 % interval";
    static final String PUBLISHED = "Published figure";

    private WaterfallChart() {
    }

    static JFreeChart create(BridgeResult result, String title, String baseLabel, String finalLabel,
            WaterfallMarks marks) {
        List<BridgeResult.Bar> bars = result.bars();
        int n = bars.size() + 2;
        List<String> categories = categories(result, baseLabel, finalLabel);
        Number[][] starts = new Number[1][n];
        Number[][] ends = new Number[1][n];
        Paint[] paints = new Paint[n];
        boolean[] hatched = new boolean[n];
        DefaultCategoryDataset published = new DefaultCategoryDataset();
        DefaultStatisticalCategoryDataset whiskers = new DefaultStatisticalCategoryDataset();
        List<CategoryTextAnnotation> labels = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean anyUp = false;
        boolean anyDown = false;

        double running = result.base().mean();
        for (int i = 0; i < n; i++) {
            double start;
            double end;
            ConfidenceInterval interval;
            String text;
            if (i == 0 || i == n - 1) {
                ConfidenceInterval total = i == 0 ? result.base() : result.finalBeds();
                start = 0;
                end = total.mean();
                interval = total;
                text = Labels.beds(end);
                paints[i] = ChartStyle.TOTAL;
                min = Math.min(min, end);
                max = Math.max(max, end);
                Double p = i == 0 ? marks.publishedBase() : marks.publishedFinal();
                published.addValue(p, PUBLISHED, categories.get(i));
                if (p != null) {
                    min = Math.min(min, p);
                    max = Math.max(max, p);
                }
            } else {
                BridgeResult.Bar bar = bars.get(i - 1);
                start = running;
                end = bar.cumulative().mean();
                running = end;
                interval = bar.delta();
                text = Labels.signedBeds(bar.delta().mean());
                boolean up = end >= start;
                anyUp |= up;
                anyDown |= !up;
                paints[i] = up ? ChartStyle.INCREASE : ChartStyle.DECREASE;
                hatched[i] = marks.calibratedSteps().contains(bar.id());
                min = Math.min(min, Math.min(start, end));
                max = Math.max(max, Math.max(start, end));
                Double p = marks.publishedChanges().get(bar.id());
                published.addValue(p == null ? null : start + p, PUBLISHED, categories.get(i));
                if (p != null) {
                    min = Math.min(min, start + p);
                    max = Math.max(max, start + p);
                }
            }
            starts[0][i] = start;
            ends[0][i] = end;
            double half = interval.halfWidth();
            boolean hasWhisker = Double.isFinite(half);
            whiskers.add(Double.valueOf(end), hasWhisker ? Double.valueOf(half) : null, WHISKERS, categories.get(i));
            double top = Math.max(Math.max(start, end), hasWhisker ? end + half : end);
            if (hasWhisker) {
                min = Math.min(min, end - half);
                max = Math.max(max, end + half);
            }
            CategoryTextAnnotation label = new CategoryTextAnnotation(text, categories.get(i), top);
            label.setFont(ChartStyle.VALUE_LABEL);
            label.setPaint(ChartStyle.TEXT);
            label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            labels.add(label);
        }

        DefaultIntervalCategoryDataset dataset = new DefaultIntervalCategoryDataset(new Comparable[] {SERIES},
                categories.toArray(new Comparable[0]), starts, ends);
        CategoryAxis xAxis = ChartStyle.categoryAxis(null);
        xAxis.setMaximumCategoryLabelLines(4);
        xAxis.setMaximumCategoryLabelWidthRatio(1.3f); // long words fit instead of breaking mid-word
        if (n > 9) {
            xAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis yAxis = ChartStyle.numberAxis("Beds");
        yAxis.setNumberFormatOverride(Labels.axisFormat("beds"));
        boolean fromZero = ChartStyle.fitRange(yAxis, min, max);
        if (!fromZero) {
            yAxis.setLabel("Beds (axis from " + Labels.beds(yAxis.getLowerBound()) + ", not zero: totals cut)");
        }
        // lift each label a little above its bar or whisker
        double gap = (yAxis.getUpperBound() - yAxis.getLowerBound()) * 0.015;
        labels.forEach(l -> l.setValue(l.getValue() + gap));

        ItemPaintBarRenderer bars0 = new ItemPaintBarRenderer(paints);
        bars0.setBarPainter(new HatchingBarPainter(hatched));
        bars0.setShadowVisible(false);
        bars0.setDrawBarOutline(false);
        StatisticalLineAndShapeRenderer whiskerRenderer = new StatisticalLineAndShapeRenderer(false, false);
        whiskerRenderer.setErrorIndicatorPaint(ChartStyle.WHISKER);
        whiskerRenderer.setErrorIndicatorStroke(ChartStyle.THIN);

        CategoryPlot plot = new CategoryPlot(dataset, xAxis, yAxis, bars0);
        plot.setDataset(1, whiskers);
        plot.setRenderer(1, whiskerRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        labels.forEach(plot::addAnnotation);
        if (!fromZero) {
            plot.addAnnotation(new AxisBreak(categories.get(0), true, true));
            plot.addAnnotation(new AxisBreak(categories.get(n - 1), true, false));
        }
        if (marks.anyPublished()) {
            LineAndShapeRenderer marker = new LineAndShapeRenderer(false, true);
            marker.setSeriesShape(0, ChartStyle.diamondShape());
            marker.setSeriesPaint(0, ChartStyle.PUBLISHED);
            plot.setDataset(2, published);
            plot.setRenderer(2, marker);
        }

        List<LegendItem> legend = new ArrayList<>();
        legend.add(ChartStyle.box("Total beds", ChartStyle.TOTAL));
        if (anyUp) {
            legend.add(ChartStyle.box("Step adds beds", ChartStyle.INCREASE));
        }
        if (anyDown) {
            legend.add(ChartStyle.box("Step removes beds", ChartStyle.DECREASE));
        }
        boolean anyHatched = false;
        for (boolean h : hatched) {
            anyHatched |= h;
        }
        if (anyHatched) {
            legend.add(ChartStyle.box("Hatched: step rests on a calibrated input", ChartStyle.tint(ChartStyle.TOTAL,
                    0.5)));
        }
        legend.add(ChartStyle.line(WHISKERS, ChartStyle.WHISKER, ChartStyle.THIN));
        if (marks.anyPublished()) {
            legend.add(ChartStyle.diamond(PUBLISHED, ChartStyle.PUBLISHED));
        }
        String subtitle = "Mean of " + result.replications() + " replications (common random numbers). "
                + "Whiskers: 95 % interval of each total and each step's change. " + totalChange(result)
                + (fromZero ? "" : " The axis does not start at zero: the total bars are cut, marked by a break.");
        return ChartStyle.chart(title, subtitle, plot, ChartStyle.legend(legend));
    }

    /** @return e.g. "Total change -243 beds [-268, -218]." with the paired interval when known */
    static String totalChange(BridgeResult result) {
        ConfidenceInterval c = result.change();
        if (c == null || !Double.isFinite(c.halfWidth())) {
            return "Total change " + Labels.signedBeds(result.totalChange()) + " beds.";
        }
        return "Total change " + Labels.signedBeds(c.mean()) + " beds [" + Labels.signedBeds(c.low()) + ", "
                + Labels.signedBeds(c.high()) + "].";
    }

    /** Base, step labels and final, made unique (a repeated label gets its step id). */
    static List<String> categories(BridgeResult result, String baseLabel, String finalLabel) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        out.add(baseLabel);
        seen.add(baseLabel);
        for (BridgeResult.Bar bar : result.bars()) {
            String plain = bar.label() == null || bar.label().isBlank() ? bar.id() : bar.label();
            String label = plain;
            if (!seen.add(label)) {
                label = plain + " (" + bar.id() + ")";
                for (int k = 2; !seen.add(label); k++) {
                    label = plain + " (" + bar.id() + " " + k + ")";
                }
            }
            out.add(label);
        }
        String last = finalLabel;
        for (int k = 2; !seen.add(last); k++) {
            last = finalLabel + " (" + k + ")";
        }
        out.add(last);
        return out;
    }

    /** Default labels of the base and final bars: the first and last trajectory years, if any. */
    static String[] defaultEndLabels(BridgeResult result) {
        if (result.trajectory().isEmpty()) {
            return new String[] {"Base", "Final"};
        }
        return new String[] {Labels.financialYear(result.trajectory().get(0).year()),
            Labels.financialYear(result.trajectory().get(result.trajectory().size() - 1).year())};
    }

    /** The standard flat bar, hatched with white diagonal lines for the categories flagged. */
    static final class HatchingBarPainter extends StandardBarPainter {
        private static final long serialVersionUID = 1L;
        private final boolean[] hatched;

        HatchingBarPainter(boolean[] hatched) {
            this.hatched = hatched.clone();
        }

        boolean hatched(int column) {
            return column < hatched.length && hatched[column];
        }

        @Override
        public void paintBar(Graphics2D g2, BarRenderer renderer, int row, int column, RectangularShape bar,
                RectangleEdge base) {
            super.paintBar(g2, renderer, row, column, bar, base);
            if (!hatched(column)) {
                return;
            }
            Shape clip = g2.getClip();
            Stroke stroke = g2.getStroke();
            g2.clip(bar);
            g2.setPaint(Color.WHITE);
            g2.setStroke(new BasicStroke(2f));
            Rectangle2D r = bar.getBounds2D();
            for (double x = r.getMinX() - r.getHeight(); x < r.getMaxX(); x += 9) {
                g2.draw(new Line2D.Double(x, r.getMaxY(), x + r.getHeight(), r.getMinY()));
            }
            g2.setClip(clip);
            g2.setStroke(stroke);
        }
    }

    /** An interval bar renderer with one paint per category. */
    static final class ItemPaintBarRenderer extends IntervalBarRenderer {
        private final Paint[] paints;

        ItemPaintBarRenderer(Paint[] paints) {
            this.paints = paints.clone();
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return column < paints.length ? paints[column] : Color.GRAY;
        }
    }
}
