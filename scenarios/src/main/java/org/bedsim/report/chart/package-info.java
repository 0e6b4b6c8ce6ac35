/**
 * Charts of bedsim results, drawn with JFreeChart and written as PNG and SVG.
 *
 * <p>{@link org.bedsim.report.chart.Charts} builds each chart from a core result ({@code BridgeResult},
 * {@code FlowSummary}) or from {@link org.bedsim.report.chart.OptionInterval}s;
 * {@link org.bedsim.report.chart.ChartWriter} renders a chart at a fixed size and writes {@code name.png} and
 * {@code name.svg} atomically. {@link org.bedsim.report.chart.SettingPalette} gives every setting the same colour in
 * every chart.
 *
 * <p>Output is deterministic: the same input renders to byte-identical files (SVG ids come from the chart's name,
 * dates are drawn in UTC, numbers in a fixed locale). Rendering is headless.
 */
package org.bedsim.report.chart;
