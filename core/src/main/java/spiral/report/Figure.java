package spiral.report;

import static spiral.report.Html.esc;

import java.util.ArrayList;
import java.util.List;

/**
 * The figure around a chart and the chart conventions shared by every report: a chart is an
 * inline {@link Svg} {@value #W} user units wide inside {@code <figure class="chart"
 * data-chart="NAME" data-points="N">}, N counting its data marks; a chart with nothing to draw
 * becomes a short "no data" paragraph instead. Text sizes are at least 14 user units, for
 * projectors. Cost: linear in the SVG's size.
 */
public final class Figure {
  private Figure() {}

  /** Width of every chart in user units; the SVG scales to the page. */
  public static final double W = 1300;

  /** The figure around a chart; {@code captionHtml} must already be escaped. */
  public static String figure(String name, Svg svg, String label, String captionHtml) {
    return figure(name, svg.marks() == 0 ? "" : svg.render(label), svg.marks(), label, captionHtml);
  }

  /**
   * The figure around a chart already rendered as SVG markup with this many data marks;
   * {@code captionHtml} must already be escaped.
   */
  public static String figure(String name, String svgMarkup, int marks, String label, String captionHtml) {
    if (marks == 0) {
      return "<p class=\"nodata\">" + esc(label) + ": no data to draw.</p>\n";
    }
    return "<figure class=\"chart\" data-chart=\"" + esc(name) + "\" data-points=\"" + marks
        + "\">\n" + svgMarkup + "\n<figcaption>" + captionHtml + "</figcaption>\n</figure>\n";
  }

  /** Greedy word wrap into at most maxLines lines of this width; the last line is cut to fit. */
  public static List<String> wrap(String text, double width, double size, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (Svg.textWidth(candidate, size) <= width || line.length() == 0) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    if (lines.size() > maxLines) {
      List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
      String rest = String.join(" ", lines.subList(maxLines - 1, lines.size()));
      cut.set(maxLines - 1, Svg.fit(rest + " \u2026\u2026", width, size));
      lines = cut;
    }
    for (int i = 0; i < lines.size(); i++) {
      lines.set(i, Svg.fit(lines.get(i), width, size));
    }
    return lines;
  }
}
