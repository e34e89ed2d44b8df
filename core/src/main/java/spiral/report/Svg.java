package spiral.report;

import static spiral.report.Html.coord;
import static spiral.report.Html.esc;

import java.util.List;

/**
 * A small builder for one inline SVG chart: rectangles, lines, text, circles and paths in user
 * units, with a count of the data marks drawn (points, bars, cells) for the figure's
 * {@code data-points} attribute. Not thread-safe; one instance per chart.
 */
public final class Svg {
  /** Font stack shared with the page: no web fonts, so the file stays self-contained. */
  public static final String FONT =
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

  private final StringBuilder b = new StringBuilder(8192);
  private String pendingClass;
  private final double width;
  private final double height;
  private int marks;

  /** An empty chart of this size in user units (its {@code viewBox}). */
  public Svg(double width, double height) {
    this.width = width;
    this.height = height;
  }

  /**
   * Gives the next element drawn this class attribute (hooks for a page's scripts and tests; the
   * drawing itself never depends on a style sheet). Letters, digits, '-', '_' and spaces only.
   */
  public Svg cls(String classes) {
    if (classes != null && !classes.matches("[A-Za-z0-9_ -]*")) {
      throw new IllegalArgumentException("class names: letters, digits, '-', '_' and spaces, got '" + classes + "'");
    }
    pendingClass = classes == null || classes.isBlank() ? null : classes.strip();
    return this;
  }

  /** A path ({@code d} in SVG path syntax); a null fill is none, a null stroke none. */
  public Svg path(String d, String fill, double fillOpacity, String stroke, double strokeWidth, String dash) {
    open("path").append(" d=\"").append(d).append("\" fill=\"").append(fill == null ? "none" : fill).append('"');
    if (fill != null && fillOpacity < 1) {
      b.append(" fill-opacity=\"").append(coord(fillOpacity)).append('"');
    }
    stroke(stroke, strokeWidth, dash);
    b.append("/>\n");
    return this;
  }

  /** Opens a group whose tooltip is this text and whose class is the pending one; close with {@link #end()}. */
  public Svg group(String tooltip) {
    open("g").append('>');
    if (tooltip != null) {
      b.append("<title>").append(esc(tooltip)).append("</title>");
    }
    b.append('\n');
    return this;
  }

  private StringBuilder open(String tag) {
    b.append('<').append(tag);
    if (pendingClass != null) {
      b.append(" class=\"").append(pendingClass).append('"');
      pendingClass = null;
    }
    return b;
  }

  /** Counts one data mark. */
  public Svg mark() {
    marks++;
    return this;
  }

  /** The data marks counted so far. */
  public int marks() {
    return marks;
  }

  /** A filled rectangle without a stroke; a negative size draws nothing. */
  public Svg rect(double x, double y, double w, double h, String fill) {
    return rect(x, y, w, h, fill, null, 0);
  }

  /** A rectangle; a null fill is none, a null stroke none. */
  public Svg rect(double x, double y, double w, double h, String fill, String stroke, double strokeWidth) {
    open("rect").append(" x=\"").append(coord(x)).append("\" y=\"").append(coord(y))
        .append("\" width=\"").append(coord(Math.max(0, w))).append("\" height=\"")
        .append(coord(Math.max(0, h))).append("\" fill=\"").append(fill == null ? "none" : fill)
        .append('"');
    stroke(stroke, strokeWidth, null);
    b.append("/>\n");
    return this;
  }

  /** A solid line. */
  public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    return line(x1, y1, x2, y2, stroke, strokeWidth, null);
  }

  /** A line, dashed when {@code dash} (an SVG dash array) is not null. */
  public Svg line(
      double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
    open("line").append(" x1=\"").append(coord(x1)).append("\" y1=\"").append(coord(y1))
        .append("\" x2=\"").append(coord(x2)).append("\" y2=\"").append(coord(y2)).append('"');
    stroke(stroke, strokeWidth, dash);
    b.append("/>\n");
    return this;
  }

  /** A circle; a null fill is none, a null stroke none. */
  public Svg circle(double cx, double cy, double r, String fill, String stroke, double strokeWidth) {
    open("circle").append(" cx=\"").append(coord(cx)).append("\" cy=\"").append(coord(cy))
        .append("\" r=\"").append(coord(r)).append("\" fill=\"")
        .append(fill == null ? "none" : fill).append('"');
    stroke(stroke, strokeWidth, null);
    b.append("/>\n");
    return this;
  }

  /** An open line through the points ({x, y} pairs). */
  public Svg polyline(List<double[]> points, String stroke, double strokeWidth, String dash) {
    open("polyline").append(" fill=\"none\" stroke-linejoin=\"round\" points=\"");
    points(points);
    b.append('"');
    stroke(stroke, strokeWidth, dash);
    b.append("/>\n");
    return this;
  }

  /** A closed shape through the points ({x, y} pairs). */
  public Svg polygon(List<double[]> points, String fill, String stroke, double strokeWidth) {
    open("polygon").append(" points=\"");
    points(points);
    b.append("\" fill=\"").append(fill == null ? "none" : fill).append('"');
    stroke(stroke, strokeWidth, null);
    b.append("/>\n");
    return this;
  }

  /** Text anchored at (x, y): anchor is start, middle or end. */
  public Svg text(double x, double y, String text, double size, String anchor) {
    return text(x, y, text, size, anchor, false, "#111");
  }

  /** Text in this colour, bold or not; the text is escaped here. */
  public Svg text(double x, double y, String text, double size, String anchor, boolean bold, String fill) {
    return text(x, y, text, size, anchor, bold, fill, 0);
  }

  /** Text, rotated by {@code rotate} degrees about its anchor when non-zero. */
  public Svg text(
      double x,
      double y,
      String text,
      double size,
      String anchor,
      boolean bold,
      String fill,
      double rotate) {
    open("text").append(" x=\"").append(coord(x)).append("\" y=\"").append(coord(y))
        .append("\" font-size=\"").append(coord(size)).append('"');
    if (!"start".equals(anchor)) {
      b.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (bold) {
      b.append(" font-weight=\"700\"");
    }
    if (!"#111".equals(fill)) {
      b.append(" fill=\"").append(fill).append('"');
    }
    if (rotate != 0) {
      b.append(" transform=\"rotate(").append(coord(rotate)).append(' ').append(coord(x))
          .append(' ').append(coord(y)).append(")\"");
    }
    b.append('>').append(esc(text)).append("</text>\n");
    return this;
  }

  /** Bold-optional text with a white outline, readable over grid lines and whiskers. */
  public Svg textHalo(double x, double y, String text, double size, String anchor, boolean bold, String fill) {
    open("text").append(" x=\"").append(coord(x)).append("\" y=\"").append(coord(y))
        .append("\" font-size=\"").append(coord(size)).append('"');
    if (!"start".equals(anchor)) {
      b.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (bold) {
      b.append(" font-weight=\"700\"");
    }
    b.append(" fill=\"").append(fill).append("\" stroke=\"#FFFFFF\" stroke-width=\"4\"")
        .append(" stroke-linejoin=\"round\" paint-order=\"stroke\">").append(esc(text))
        .append("</text>\n");
    return this;
  }

  /** Opens a group whose tooltip (shown on hover) is this text; close it with {@link #end()}. */
  public Svg tip(String tooltip) {
    b.append("<g><title>").append(esc(tooltip)).append("</title>\n");
    return this;
  }

  /** Closes the group opened by {@link #tip(String)}. */
  public Svg end() {
    b.append("</g>\n");
    return this;
  }

  /** The {@code <svg>} element, scaled to its container's width. */
  public String render(String label) {
    return "<svg viewBox=\"0 0 " + coord(width) + " "
        + coord(height) + "\" width=\"" + coord(width) + "\" height=\"" + coord(height)
        + "\" role=\"img\" aria-label=\"" + esc(label) + "\" font-family=\"" + FONT + "\">\n"
        + b + "</svg>";
  }

  /**
   * The chart as a file of its own: the {@code <svg>} element with its namespace and a white
   * background, for saving as SVG or drawing onto a canvas, and for a page to import as it is.
   */
  public String standalone(String label) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + coord(width) + " "
        + coord(height) + "\" width=\"" + coord(width) + "\" height=\"" + coord(height)
        + "\" role=\"img\" aria-label=\"" + esc(label) + "\" font-family=\"" + FONT + "\">\n"
        + "<rect x=\"0\" y=\"0\" width=\"" + coord(width) + "\" height=\"" + coord(height)
        + "\" fill=\"#FFFFFF\"/>\n" + b + "</svg>";
  }

  /** Approximate width of text in this font at this size (no font metrics offline). */
  public static double textWidth(String s, double size) {
    return s.length() * size * 0.56;
  }

  /** The text, cut with an ellipsis so that it fits in this width. */
  public static String fit(String s, double maxWidth, double size) {
    if (textWidth(s, size) <= maxWidth) {
      return s;
    }
    int n = Math.max(1, (int) (maxWidth / (size * 0.56)) - 1);
    return n >= s.length() ? s : s.substring(0, n).stripTrailing() + "\u2026";
  }

  /** "Nice" axis ticks covering [lo, hi]: 1, 2 or 5 times a power of ten apart. */
  public static double[] ticks(double lo, double hi, int target) {
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    double raw = (hi - lo) / Math.max(1, target);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= raw) {
        step = m * mag;
        break;
      }
    }
    double start = Math.floor(lo / step + 1e-9) * step;
    double stop = Math.ceil(hi / step - 1e-9) * step;
    int n = (int) Math.round((stop - start) / step) + 1;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = start + i * step;
      if (Math.abs(t[i]) < step * 1e-9) {
        t[i] = 0;
      }
    }
    return t;
  }

  /** Decimals needed to print ticks this far apart. */
  public static int decimals(double[] ticks) {
    if (ticks.length < 2) {
      return 0;
    }
    double step = ticks[1] - ticks[0];
    int d = 0;
    while (d < 6 && Math.abs(step * Math.pow(10, d) - Math.round(step * Math.pow(10, d))) > 1e-6) {
      d++;
    }
    return d;
  }

  private void points(List<double[]> points) {
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(coord(points.get(i)[0])).append(',').append(coord(points.get(i)[1]));
    }
  }

  private void stroke(String stroke, double strokeWidth, String dash) {
    if (stroke != null) {
      b.append(" stroke=\"").append(stroke).append("\" stroke-width=\"")
          .append(coord(strokeWidth)).append('"');
      if (dash != null) {
        b.append(" stroke-dasharray=\"").append(dash).append('"');
      }
    }
  }
}
