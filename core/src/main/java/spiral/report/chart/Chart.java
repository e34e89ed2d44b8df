package spiral.report.chart;

import java.util.List;
import spiral.report.Figure;
import spiral.report.Html;

/**
 * A drawn chart: its name and title, the SVG (an {@code <svg>} element with its namespace, a white
 * background and explicit colours, so the same text is embedded in a report, imported by the web
 * app and saved as a file), the number of data marks, and the table of its numbers (every cell a
 * string, one number format per column; {@code numeric} says which columns hold numbers).
 */
public record Chart(
    String name,
    String title,
    String svg,
    int marks,
    List<String> columns,
    List<Boolean> numeric,
    List<List<String>> rows) {

  /** The chart as a file: an XML declaration, then the SVG. */
  public String file() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n";
  }

  /** The chart as a report's figure, with this caption (HTML, already escaped). */
  public String figure(String captionHtml) {
    return Figure.figure(name, svg, marks, title, captionHtml);
  }

  /** The chart as a report's figure, its title as the caption. */
  public String figure() {
    return figure(Html.esc(title));
  }
}
