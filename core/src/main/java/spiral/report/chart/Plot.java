package spiral.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * What the kit's charts share: the canvas size, the plot area below a legend that cannot cover
 * it, axes with nice ticks, one meaning per colour, number labels and table formats, and the
 * checks of a specification. Package-private; every chart of the kit draws through it.
 */
final class Plot {
  private Plot() {}

  /** Width of every kit chart in user units (the page scales it). */
  static final double W = 640;
  /** Left edge of the plot (room for the y tick labels and the y axis label). */
  static final double LEFT = 84;
  /** Right edge of the plot. */
  static final double RIGHT = W - 22;
  /** Height of the plot area. */
  static final double PLOT_H = 250;
  /** Size of tick labels and the legend (about 12 px where a page shows the chart 560 px wide). */
  static final double TEXT = 14;
  /** Size of axis labels. */
  static final double LABEL = 15;
  /** Size of the labels on marks (values over bars, names beside points). */
  static final double MARK_TEXT = 13;
  /**
   * Baseline of the x tick labels below the plot: far enough that the first of them and the
   * lowest y tick label (which end 8 units left of the plot) keep apart at the corner.
   */
  static final double X_TICK = 22;
  /** Height of one legend row. */
  static final double KEY_ROW = 22;

  /** Categorical colours in order: Okabe&ndash;Ito, the yellow last (weak on white). */
  static final String[] CATEGORICAL = {
    Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.PURPLE, Palette.SKY_BLUE, Palette.VERMILLION,
    Palette.BLACK, Palette.YELLOW
  };

  /** How a legend entry shows its marks. */
  enum Swatch { BOX, LINE, DOT, FRONT, WHISKER, BAND }

  /** One legend entry. */
  record Key(String name, Swatch swatch, String colour) {}

  /** The colour of a named group: outcomes and kinetic levels keep their report colours. */
  static String groupColour(String id, int orderAmongOthers) {
    String up = id == null ? "" : id.toUpperCase(Locale.ROOT);
    if (!Palette.outcome(up).equals(Palette.GREY)) {
      return Palette.outcome(up);
    }
    return switch (id == null ? "" : id) {
      case "none", "less", "proportional", "more" -> Palette.kinetic(id);
      case "median" -> Palette.INK;
      default -> CATEGORICAL[Math.floorMod(orderAmongOthers, CATEGORICAL.length)];
    };
  }

  /** Colours for the groups in order of first appearance. */
  static Map<String, String> groupColours(List<String> ids) {
    Map<String, String> out = new LinkedHashMap<>();
    int others = 0;
    for (String id : ids) {
      if (id != null && !out.containsKey(id)) {
        String c = groupColour(id, others);
        if (c.equals(CATEGORICAL[Math.floorMod(others, CATEGORICAL.length)])) {
          others++;
        }
        out.put(id, c);
      }
    }
    return out;
  }

  /** The legend's height when its entries flow in rows across the chart's width. */
  static double legendHeight(List<Key> keys) {
    return keys.isEmpty() ? 0 : rows(keys).size() * KEY_ROW + 6;
  }

  private static List<List<Key>> rows(List<Key> keys) {
    List<List<Key>> rows = new ArrayList<>();
    List<Key> row = new ArrayList<>();
    double x = LEFT;
    for (Key k : keys) {
      double w = keyWidth(k);
      if (!row.isEmpty() && x + w > RIGHT) {
        rows.add(row);
        row = new ArrayList<>();
        x = LEFT;
      }
      row.add(k);
      x += w;
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return rows;
  }

  private static double keyWidth(Key k) {
    return 26 + Svg.textWidth(fitKey(k.name()), TEXT) + 18;
  }

  private static String fitKey(String name) {
    return Svg.fit(name, RIGHT - LEFT - 50, TEXT);
  }

  /** Draws the legend from (LEFT, top): above the plot, so it never covers a mark. */
  static void legend(Svg s, List<Key> keys, double top) {
    double y = top;
    for (List<Key> row : rows(keys)) {
      double x = LEFT;
      double cy = y + KEY_ROW / 2;
      for (Key k : row) {
        s.cls("key");
        s.group(null);
        switch (k.swatch()) {
          case BOX -> s.rect(x, cy - 6, 18, 12, k.colour());
          case LINE -> s.line(x, cy, x + 18, cy, k.colour(), 2.5);
          case DOT -> s.circle(x + 9, cy, 5, k.colour(), null, 0);
          case FRONT -> s.line(x, cy, x + 18, cy, Palette.INK, 1.5).circle(x + 9, cy, 5.5, "#FFFFFF", Palette.INK, 1.8);
          case WHISKER -> s.line(x + 9, cy - 7, x + 9, cy + 7, k.colour(), 1.5).line(x + 5, cy - 7, x + 13, cy - 7, k.colour(), 1.5)
              .line(x + 5, cy + 7, x + 13, cy + 7, k.colour(), 1.5);
          case BAND -> s.rect(x, cy - 7, 18, 14, k.colour());
          default -> throw new IllegalStateException();
        }
        s.text(x + 24, cy + 4, fitKey(k.name()), TEXT, "start");
        s.end();
        x += keyWidth(k);
      }
      y += KEY_ROW;
    }
  }

  /** A linear map from [d0, d1] onto [r0, r1]. */
  static DoubleUnaryOperator scale(double d0, double d1, double r0, double r1) {
    double hi = d1 > d0 ? d1 : d0 + 1;
    return v -> r0 + (v - d0) / (hi - d0) * (r1 - r0);
  }

  /** The y axis: grid lines, tick labels, the axis line and its label, rotated. */
  static void yAxis(Svg s, double[] ticks, DoubleUnaryOperator y, double top, double bottom, String label) {
    int dec = Svg.decimals(ticks);
    for (double t : ticks) {
      s.line(LEFT, y.applyAsDouble(t), RIGHT, y.applyAsDouble(t), Palette.GRID, 1);
      s.text(LEFT - 8, y.applyAsDouble(t) + 4, tick(t, dec), TEXT, "end", false, Palette.GREY);
    }
    s.line(LEFT, top, LEFT, bottom, Palette.GREY, 1);
    double mid = (top + bottom) / 2;
    s.cls("axis-label").text(18, mid, Svg.fit(label, bottom - top + 30, LABEL), LABEL, "middle", false, Palette.INK, -90);
  }

  /** The x axis line and its label below the tick labels. */
  static void xAxis(Svg s, double bottom, double labelY, String label) {
    s.line(LEFT, bottom, RIGHT, bottom, Palette.GREY, 1);
    s.cls("axis-label").text((LEFT + RIGHT) / 2, labelY, Svg.fit(label, RIGHT - LEFT, LABEL), LABEL, "middle", false, Palette.INK, 0);
  }

  /** A tick's text with the decimals its step needs. */
  static String tick(double v, int decimals) {
    return trimmed(String.format(Locale.ROOT, "%." + Math.min(6, decimals) + "f", v));
  }

  private static String trimmed(String s) {
    return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
  }

  /**
   * A value as a mark's label: small values keep their size ({@code 2.0e-4}), never rounded to
   * 0; up to 3 significant decimals otherwise.
   */
  static String label(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a < 0.001) {
      int e = (int) Math.floor(Math.log10(a));
      double m = v / Math.pow(10, e);
      if (Math.abs(m) >= 9.95) {
        m /= 10;
        e++;
      }
      return trimmed(String.format(Locale.ROOT, "%.1fe%d", m, e));
    }
    return trimmed(String.format(Locale.ROOT, a < 0.01 ? "%.4f" : a < 100 ? "%.3f" : "%.1f", v));
  }

  /**
   * Decimals that show every value of a column to two significant digits (0.0011, 0.62, 0.0005:
   * four), the same for the whole column; 0 when all are whole, at most 6.
   */
  static int columnDecimals(List<Double> values) {
    boolean whole = true;
    int d = 0;
    for (double v : values) {
      if (!Double.isFinite(v) || v == 0) {
        continue;
      }
      if (v != Math.rint(v) || Math.abs(v) >= 1e15) {
        whole = false;
      }
      int scale = new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros().scale();
      d = Math.max(d, scale);
    }
    return whole ? 0 : Math.max(1, Math.min(6, d));
  }

  /** A table cell: a number in its column's format, {@code n/a} when not finite. */
  static String cell(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    if (v != 0 && Math.abs(v) < 0.5 * Math.pow(10, -decimals)) {
      return label(v);
    }
    return trimmed(String.format(Locale.ROOT, "%." + decimals + "f", v));
  }

  /** An interval's cell: "lo–hi" in the column's format. */
  static String interval(double lo, double hi, int decimals) {
    return cell(lo, decimals) + "\u2013" + cell(hi, decimals);
  }

  // ------------------------------------------------------------------------------------------
  // checks

  /** Checks what every chart has: its name, title and axis labels (null ones are left out). */
  static void header(String name, String title, String xLabel, String yLabel) {
    name(name);
    text(title, "title", true);
    text(xLabel, "xLabel", false);
    text(yLabel, "yLabel", false);
  }

  /** The groups' ids in order, each group checked. */
  static List<String> groupIds(List<ChartSpec.Group> groups) {
    List<String> ids = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      text(groups.get(g).id(), "groups[" + g + "].id", true);
      text(groups.get(g).name(), "groups[" + g + "].name", true);
      ids.add(groups.get(g).id());
    }
    return ids;
  }

  /** The legend's name of a group: its declared name, else its id. */
  static String groupName(String id, List<ChartSpec.Group> groups) {
    for (ChartSpec.Group g : groups) {
      if (g.id().equals(id)) {
        return g.name();
      }
    }
    return id;
  }

  static void name(String name) {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,59}")) {
      throw new ChartSpecException("name", "lower-case letters, digits and '-', at most 60, got "
          + quote(name));
    }
  }

  static String text(String value, String field, boolean required) {
    if (value == null) {
      if (required) {
        throw new ChartSpecException(field, "is required");
      }
      return "";
    }
    if (value.length() > ChartSpec.MAX_TEXT) {
      throw new ChartSpecException(field, "at most " + ChartSpec.MAX_TEXT + " characters, got "
          + value.length());
    }
    return value;
  }

  static double finite(double v, String field) {
    if (!Double.isFinite(v)) {
      throw new ChartSpecException(field, "must be a finite number");
    }
    return v;
  }

  static Double finiteOrNull(Double v, String field) {
    return v == null ? null : finite(v, field);
  }

  static <T> List<T> list(List<T> l, String field, int min, int max) {
    if (l == null) {
      if (min > 0) {
        throw new ChartSpecException(field, "is required");
      }
      return List.of();
    }
    if (l.size() < min || l.size() > max) {
      throw new ChartSpecException(field, "must hold " + min + " to " + max + " entries, got " + l.size());
    }
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i) == null) {
        throw new ChartSpecException(field + "[" + i + "]", "must not be null");
      }
    }
    return l;
  }

  static double[] pair(double[] p, String field) {
    if (p == null || p.length != 2) {
      throw new ChartSpecException(field, "must be a pair [x, y]");
    }
    finite(p[0], field + "[0]");
    finite(p[1], field + "[1]");
    return p;
  }

  static void marks(long marks) {
    if (marks > ChartSpec.MAX_MARKS) {
      throw new ChartSpecException("series", "at most " + ChartSpec.MAX_MARKS + " marks in one chart, got " + marks);
    }
  }

  static String classes(String cls, String field) {
    if (cls != null && !cls.matches("[a-z0-9_ -]{0,60}")) {
      throw new ChartSpecException(field, "class names: lower-case letters, digits, '-', '_' and spaces, got "
          + quote(cls));
    }
    return cls;
  }

  private static String quote(String s) {
    if (s == null) {
      return "nothing";
    }
    return "'" + (s.length() > 40 ? s.substring(0, 40) + "\u2026" : s) + "'";
  }

  /** Rows of a given table, numbers formatted per column. */
  static Chart table(String name, String title, Svg s, ChartSpec.Table t) {
    List<String> cols = t == null ? List.of() : list(t.columns(), "table.columns", 0, 64);
    List<List<Object>> rows = t == null ? List.of() : list(t.rows(), "table.rows", 0, ChartSpec.MAX_MARKS);
    List<Boolean> numeric = new ArrayList<>();
    List<Integer> decimals = new ArrayList<>();
    for (int c = 0; c < cols.size(); c++) {
      text(cols.get(c), "table.columns[" + c + "]", true);
      List<Double> vals = new ArrayList<>();
      boolean allNumbers = !rows.isEmpty();
      for (List<Object> r : rows) {
        Object v = c < r.size() ? r.get(c) : null;
        if (v instanceof Number n) {
          vals.add(n.doubleValue());
        } else {
          allNumbers = false;
        }
      }
      numeric.add(allNumbers);
      decimals.add(columnDecimals(vals));
    }
    marks((long) rows.size() * Math.max(1, cols.size()));
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<Object> r = list(rows.get(i), "table.rows[" + i + "]", 0, cols.size());
      List<String> o = new ArrayList<>();
      for (int c = 0; c < r.size(); c++) {
        Object v = r.get(c);
        o.add(v instanceof Number n ? cell(n.doubleValue(), decimals.get(c))
            : text(String.valueOf(v), "table.rows[" + i + "][" + c + "]", true));
      }
      out.add(o);
    }
    return new Chart(name, title, s.standalone(title), s.marks(), cols, numeric, out);
  }
}
