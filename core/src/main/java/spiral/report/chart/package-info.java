/**
 * Spiral's one chart kit: the generic charts (bars with intervals, scatters with a Pareto front,
 * lines with quantile and range bands, dot-and-interval rows) that the HTML reports embed and the
 * web app draws through {@code POST /api/charts}, so that a fix to a chart lands in both. Each
 * chart is a {@link spiral.report.chart.ChartSpec} (a value, readable from JSON) drawn into a
 * {@link spiral.report.chart.Chart}: a self-contained SVG with explicit colours (the Okabe&ndash;Ito
 * palette of {@link spiral.report.Palette}), its legend above the plot where it cannot cover data,
 * labels placed without overlaps, and a table of the same numbers with one number format per
 * column.
 */
package spiral.report.chart;
