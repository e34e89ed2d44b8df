package spiral.report.chart;

import java.util.ArrayList;
import java.util.List;
import spiral.report.Html;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * Rows of probabilities with their intervals on one horizontal axis from 0 to 1 (or to a nice
 * ceiling when all are small), in percent: each row a dot on its 95% interval and, optionally, a
 * second estimate as a band with a line at its value (e.g. a reference class's share against the
 * model's posterior band). The legend above the plot names both.
 *
 * @param first the legend's name of the dots and their intervals
 * @param second the legend's name of the bands (null when no row has one)
 */
public record IntervalChart(String name, String title, String xLabel, String first, String second,
    List<Row> rows) implements ChartSpec {

  /** One row: its label, the first value and interval, and optionally the second. */
  public record Row(String label, double p, double lo, double hi, Double p2, Double lo2, Double hi2) {
    /** A row without a second estimate. */
    public Row(String label, double p, double lo, double hi) {
      this(label, p, lo, hi, null, null, null);
    }
  }

  private static final double LABEL_W = 170;

  @Override
  public Chart draw() {
    Plot.header(name, title, xLabel, null);
    Plot.text(first, "first", true);
    Plot.text(second, "second", false);
    List<Row> rs = Plot.list(rows, "rows", 0, 1000);
    double max = 0;
    boolean two = false;
    for (int i = 0; i < rs.size(); i++) {
      Row r = rs.get(i);
      String f = "rows[" + i + "]";
      Plot.text(r.label(), f + ".label", true);
      for (double v : new double[] {r.p(), r.lo(), r.hi()}) {
        probability(v, f);
      }
      if (r.p2() != null || r.lo2() != null || r.hi2() != null) {
        if (r.p2() == null || r.lo2() == null || r.hi2() == null) {
          throw new ChartSpecException(f, "give p2, lo2 and hi2 together, or none");
        }
        for (double v : new double[] {r.p2(), r.lo2(), r.hi2()}) {
          probability(v, f);
        }
        two = true;
        max = Math.max(max, r.hi2());
      }
      max = Math.max(max, r.hi());
    }
    List<Plot.Key> keys = new ArrayList<>();
    keys.add(new Plot.Key(first, Plot.Swatch.DOT, Palette.BLUE));
    if (two) {
      keys.add(new Plot.Key(second == null || second.isEmpty() ? "second estimate" : second, Plot.Swatch.BAND, Palette.ORANGE));
    }
    double top = 10 + Plot.legendHeight(keys);
    double rowH = two ? 34 : 26;
    double y0 = top + 8;
    double bottomPlot = y0 + rs.size() * rowH;
    double height = bottomPlot + 44;
    Svg s = new Svg(Plot.W, height);
    Plot.legend(s, keys, 8);
    double top1 = max <= 0 ? 1 : Math.min(1, niceCeiling(max * 1.1));
    double left = LABEL_W;
    double plotW = Plot.RIGHT - left;
    double[] ticks = Svg.ticks(0, top1, 5);
    int dec = Math.max(0, Svg.decimals(ticks) - 2);
    for (double t : ticks) {
      double x = left + plotW * t / top1;
      s.line(x, y0 - 6, x, bottomPlot, Palette.GRID, 1);
      s.text(x, bottomPlot + 16, Html.num(t * 100, dec) + "%", Plot.TEXT, "middle", false, Palette.GREY);
    }
    s.cls("axis-label").text(left + plotW / 2, height - 8, xLabel == null || xLabel.isEmpty() ? "share (%)" : xLabel,
        Plot.LABEL, "middle", false, Palette.INK, 0);
    for (int i = 0; i < rs.size(); i++) {
      Row r = rs.get(i);
      double y = y0 + i * rowH + rowH / 2;
      s.text(left - 8, y + 4, Svg.fit(r.label(), left - 12, Plot.TEXT), Plot.TEXT, "end");
      double yo = two ? y - 6 : y;
      s.group(r.label() + ": " + Html.pct(r.p()) + " " + Html.pctInterval(new double[] {r.lo(), r.hi()}));
      s.cls("interval").line(left + plotW * r.lo() / top1, yo, left + plotW * r.hi() / top1, yo, Palette.BLUE, 2.5);
      s.cls("dot").circle(left + plotW * r.p() / top1, yo, 4.5, Palette.BLUE, "#FFFFFF", 1).mark();
      s.end();
      if (r.p2() != null) {
        s.group(r.label() + ": " + Html.pct(r.p2()) + " " + Html.pctInterval(new double[] {r.lo2(), r.hi2()}));
        double x1 = left + plotW * r.lo2() / top1;
        double x2 = left + plotW * r.hi2() / top1;
        s.cls("band2").rect(x1, y + 3, Math.max(2, x2 - x1), 7, Palette.ORANGE);
        s.line(left + plotW * r.p2() / top1, y + 1, left + plotW * r.p2() / top1, y + 12, Palette.INK, 1.5).mark();
        s.end();
      }
    }
    return table(s, rs, two);
  }

  private Chart table(Svg s, List<Row> rs, boolean two) {
    List<String> cols = new ArrayList<>(List.of("", first, "95% interval"));
    List<Boolean> numeric = new ArrayList<>(List.of(false, true, true));
    if (two) {
      cols.addAll(List.of(second == null || second.isEmpty() ? "second estimate" : second, "its interval"));
      numeric.addAll(List.of(true, true));
    }
    List<List<String>> out = new ArrayList<>();
    for (Row r : rs) {
      List<String> row = new ArrayList<>(List.of(r.label(), Html.pct(r.p()), Html.pctInterval(new double[] {r.lo(), r.hi()})));
      if (two) {
        row.add(r.p2() == null ? "" : Html.pct(r.p2()));
        row.add(r.p2() == null ? "" : Html.pctInterval(new double[] {r.lo2(), r.hi2()}));
      }
      out.add(row);
    }
    return new Chart(name, title, s.standalone(title), s.marks(), cols, numeric, out);
  }

  private static void probability(double v, String field) {
    Plot.finite(v, field);
    if (v < 0 || v > 1) {
      throw new ChartSpecException(field, "probabilities lie in [0, 1], got " + v);
    }
  }

  private static double niceCeiling(double v) {
    double e = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * e >= v) {
        return m * e;
      }
    }
    return 10 * e;
  }
}
