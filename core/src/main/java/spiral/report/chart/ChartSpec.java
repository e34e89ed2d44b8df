package spiral.report.chart;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What to draw: one of the kit's chart kinds, told apart in JSON by {@code "kind"}. A
 * specification is checked when it is drawn ({@link ChartSpecException} names the field); the
 * limits ({@value #MAX_MARKS} marks, {@value #MAX_TEXT} characters a text) keep one chart cheap to
 * draw. Cost of {@link #draw()}: linear in the marks, quadratic in the labelled points of a scatter.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = BarChart.class, name = "bars"),
  @JsonSubTypes.Type(value = ScatterChart.class, name = "scatter"),
  @JsonSubTypes.Type(value = LineChart.class, name = "lines"),
  @JsonSubTypes.Type(value = IntervalChart.class, name = "intervals")
})
public sealed interface ChartSpec permits BarChart, ScatterChart, LineChart, IntervalChart {
  /** The most data marks (bars, points, line vertices, table cells) one chart may hold. */
  int MAX_MARKS = 50_000;
  /** The longest text (a title, a label, a name) in characters. */
  int MAX_TEXT = 300;
  /** The most series one chart may hold. */
  int MAX_SERIES = 24;

  /** The chart's name: lower-case letters, digits and '-', used for its figure and file names. */
  String name();

  /** The chart's title (the figure's caption and the SVG's accessible name). */
  String title();

  /** Draws the chart; throws {@link ChartSpecException} when the specification is not drawable. */
  Chart draw();

  /** A named legend entry for a group of marks (e.g. a kinetic level, an outcome). */
  record Group(String id, String name) {}

  /** A table given with a chart whose table the kit cannot derive from its marks. */
  record Table(List<String> columns, List<List<Object>> rows) {}
}
