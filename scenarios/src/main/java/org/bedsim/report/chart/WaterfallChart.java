package org.bedsim.report.chart;

import java.awt.Color;
import java.awt.Paint;
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
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
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
 * whisker. Category labels wrap onto up to four lines, and turn 45 degrees when there are many bars.
 */
final class WaterfallChart {
    static final String SERIES = "Beds";
    static final String WHISKERS = "95 % interval";

    private WaterfallChart() {
    }

    /**
     * What the assessment adds to the chart: which bars rest on a calibrated input (hatched) and the published value
     * of each bar that has one (a diamond at the level the published figure puts the bar's top; NaN for none).
     *
     * @param calibrated per bar, base first, final last
     * @param published per bar, base first, final last: the published beds of a total, the published change of a step
     */
    record Marks(boolean[] calibrated, double[] published) {
    }

    static JFreeChart create(BridgeResult result, String title, String baseLabel, String finalLabel) {
        return create(result, title, baseLabel, finalLabel, null);
    }

    static JFreeChart create(BridgeResult result, String title, String baseLabel, String finalLabel, Marks marks) {
        List<BridgeResult.Bar> bars = result.bars();
        int n = bars.size() + 2;
        List<String> categories = categories(result, baseLabel, finalLabel);
        Number[][] starts = new Number[1][n];
        Number[][] ends = new Number[1][n];
        Paint[] paints = new Paint[n];
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
                min = Math.min(min, Math.min(start, end));
                max = Math.max(max, Math.max(start, end));
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

        DefaultCategoryDataset markers = new DefaultCategoryDataset();
        boolean anyCalibrated = false;
        boolean anyPublished = false;
        if (marks != null) {
            for (int i = 0; i < n; i++) {
                if (marks.calibrated()[i]) {
                    paints[i] = hatched((Color) paints[i]);
                    anyCalibrated = true;
                }
                double pub = marks.published()[i];
                if (Double.isFinite(pub)) {
                    double level = i == 0 || i == n - 1 ? pub : starts[0][i].doubleValue() + pub;
                    markers.addValue(level, PUBLISHED, categories.get(i));
                    min = Math.min(min, level);
                    max = Math.max(max, level);
                    anyPublished = true;
                } else {
                    markers.addValue(null, PUBLISHED, categories.get(i));
                }
            }
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
        // lift each label a little above its bar or whisker
        double gap = (yAxis.getUpperBound() - yAxis.getLowerBound()) * 0.015;
        labels.forEach(l -> l.setValue(l.getValue() + gap));

        ItemPaintBarRenderer bars0 = new ItemPaintBarRenderer(paints);
        bars0.setBarPainter(new StandardBarPainter());
        bars0.setShadowVisible(false);
        bars0.setDrawBarOutline(false);
        StatisticalLineAndShapeRenderer whiskerRenderer = new StatisticalLineAndShapeRenderer(false, false);
        whiskerRenderer.setErrorIndicatorPaint(ChartStyle.WHISKER);
        whiskerRenderer.setErrorIndicatorStroke(ChartStyle.THIN);

        CategoryPlot plot = new CategoryPlot(dataset, xAxis, yAxis, bars0);
        plot.setDataset(1, whiskers);
        plot.setRenderer(1, whiskerRenderer);
        if (anyPublished) {
            LineAndShapeRenderer diamonds = new LineAndShapeRenderer(false, true);
            diamonds.setSeriesShape(0, new java.awt.geom.Path2D.Double(new java.awt.geom.Rectangle2D.Double(-6, -6,
                    12, 12), java.awt.geom.AffineTransform.getRotateInstance(Math.PI / 4)));
            diamonds.setSeriesPaint(0, Color.BLACK);
            plot.setDataset(2, markers);
            plot.setRenderer(2, diamonds);
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        labels.forEach(plot::addAnnotation);

        List<LegendItem> legend = new ArrayList<>();
        legend.add(ChartStyle.box("Total beds", ChartStyle.TOTAL));
        if (anyUp) {
            legend.add(ChartStyle.box("Step adds beds", ChartStyle.INCREASE));
        }
        if (anyDown) {
            legend.add(ChartStyle.box("Step removes beds", ChartStyle.DECREASE));
        }
        legend.add(ChartStyle.line(WHISKERS, ChartStyle.WHISKER, ChartStyle.THIN));
        if (anyCalibrated) {
            legend.add(ChartStyle.box("Rests on a calibrated input (hatched)", hatched(ChartStyle.TOTAL)));
        }
        if (anyPublished) {
            legend.add(ChartStyle.box("Published figure (diamond)", Color.BLACK));
        }
        String subtitle = "Mean of " + result.replications() + " replications (common random numbers). "
                + "Whiskers: 95 % interval of each total and each step's change."
                + (fromZero ? "" : " Axis does not start at zero.");
        return ChartStyle.chart(title, subtitle, plot, ChartStyle.legend(legend));
    }

    static final String PUBLISHED = "Published";

    /** @return the colour with white diagonal hatching, for bars resting on a calibrated input */
    static Paint hatched(Color base) {
        java.awt.image.BufferedImage tile = new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = tile.createGraphics();
        g.setColor(base);
        g.fillRect(0, 0, 8, 8);
        g.setColor(Color.WHITE);
        g.setStroke(new java.awt.BasicStroke(1.6f));
        g.drawLine(0, 8, 8, 0);
        g.drawLine(-4, 4, 4, -4);
        g.drawLine(4, 12, 12, 4);
        g.dispose();
        return new java.awt.TexturePaint(tile, new java.awt.Rectangle(0, 0, 8, 8));
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
