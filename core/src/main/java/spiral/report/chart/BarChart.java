package spiral.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * Bars with optional 95% interval whiskers, one or more series side by side (one colour per
 * series, named in the legend above the plot). A small positive value stays visible (at least
 * 1.5 units high) and every bar whose label fits over it carries its value, never rounded to 0.
 * Category labels that do not fit under their bars are turned 35 degrees (upright, and then only
 * every k-th, where there are too many to keep a line apart).
 *
 * @param yMax the least top of the value axis (null: from the data)
 */
public record BarChart(
    String name, String title, String xLabel, String yLabel, Double yMax, List<Series> series)
    implements ChartSpec {

  /** One series: its name (shown in the legend when there are several) and its bars. */
  public record Series(String name, List<Bar> bars) {
    /** A missing list of bars is an empty one. */
    public Series {
      bars = bars == null ? List.of() : bars;
    }
  }

  /** One bar: its category, value and optional interval. */
  public record Bar(String label, double value, Double lo, Double hi) {
    /** A bar without an interval. */
    public Bar(String label, double value) {
      this(label, value, null, null);
    }
  }

  private static final double TURN = Math.toRadians(35);

  @Override
  public Chart draw() {
    Plot.header(name, title, xLabel, yLabel);
    Plot.finiteOrNull(yMax, "yMax");
    List<Series> ss = Plot.list(series, "series", 1, ChartSpec.MAX_SERIES);
    int n = Plot.list(ss.get(0).bars(), "series[0].bars", 0, ChartSpec.MAX_MARKS).size();
    double hi = yMax == null ? 0 : yMax;
    boolean anyCi = false;
    for (int k = 0; k < ss.size(); k++) {
      Plot.text(ss.get(k).name(), "series[" + k + "].name", false);
      List<Bar> bs = Plot.list(ss.get(k).bars(), "series[" + k + "].bars", n, n);
      for (int i = 0; i < n; i++) {
        Bar b = bs.get(i);
        String f = "series[" + k + "].bars[" + i + "]";
        Plot.text(b.label(), f + ".label", true);
        Plot.finite(b.value(), f + ".value");
        if ((b.lo() == null) != (b.hi() == null)) {
          throw new ChartSpecException(f, "give both lo and hi, or neither");
        }
        Plot.finiteOrNull(b.lo(), f + ".lo");
        Plot.finiteOrNull(b.hi(), f + ".hi");
        if (b.value() < 0) {
          throw new ChartSpecException(f + ".value", "bars start at 0: must not be negative");
        }
        anyCi |= b.lo() != null;
        hi = Math.max(hi, Math.max(b.value(), b.hi() == null ? b.value() : b.hi()));
      }
    }
    Plot.marks((long) n * ss.size());
    List<String> labels = new ArrayList<>();
    for (Bar b : ss.get(0).bars()) {
      labels.add(b.label());
    }

    List<Plot.Key> keys = new ArrayList<>();
    if (ss.size() > 1) {
      for (int k = 0; k < ss.size(); k++) {
        keys.add(new Plot.Key(ss.get(k).name() == null || ss.get(k).name().isEmpty() ? "series " + (k + 1)
            : ss.get(k).name(), Plot.Swatch.BOX, Plot.CATEGORICAL[k % Plot.CATEGORICAL.length]));
      }
    }
    if (anyCi) {
      keys.add(new Plot.Key("95% interval", Plot.Swatch.WHISKER, Palette.INK));
    }
    double band = (Plot.RIGHT - Plot.LEFT) / Math.max(1, n);
    double widest = 0;
    for (String l : labels) {
      widest = Math.max(widest, Svg.textWidth(l, Plot.TEXT));
    }
    boolean turn = widest > band - 6;
    // turned 35 degrees while neighbours stay a line apart, else upright; too many to part even
    // upright, only every k-th is written (each bar keeps its tooltip and its row in the table)
    double angle = band * Math.sin(TURN) >= Plot.TEXT + 2 ? TURN : Math.PI / 2;
    int every = turn ? Math.max(1, (int) Math.ceil((Plot.TEXT + 2) / (band * Math.sin(angle)))) : 1;
    double under = turn ? Math.min(170, widest * Math.sin(angle) + 14) : 20;
    double labelRoom = turn ? (under - 14) / Math.sin(angle) : band - 6;
    double top = 10 + Plot.legendHeight(keys);
    double bottom = top + Plot.PLOT_H;
    double height = bottom + under + 34;
    Svg s = new Svg(Plot.W, height);
    Plot.legend(s, keys, 8);

    boolean labelled = (long) n * ss.size() <= 24;
    // a value label stands over its bar; where it is wider than the bar (bars side by side) it is
    // turned upright, so it never reaches its neighbour's, and the axis leaves room above
    double bw = band * 0.7 / ss.size();
    double widestValue = 0;
    for (Series se : ss) {
      for (Bar b : se.bars()) {
        widestValue = Math.max(widestValue, Svg.textWidth(Plot.label(b.value()), Plot.MARK_TEXT));
      }
    }
    boolean upright = labelled && widestValue + 4 > (ss.size() > 1 ? bw : band);
    double headroom = upright ? Plot.PLOT_H / Math.max(1, Plot.PLOT_H - widestValue - 12) : 1.12;
    double[] ticks = Svg.ticks(0, hi > 0 ? hi * (labelled ? headroom : 1) : 1, 5);
    DoubleUnaryOperator y = Plot.scale(0, ticks[ticks.length - 1], bottom, top);
    Plot.yAxis(s, ticks, y, top, bottom, yLabel == null ? "" : yLabel);
    Plot.xAxis(s, bottom, height - 8, xLabel == null ? "" : xLabel);
    for (int i = 0; i < n; i++) {
      double cx = Plot.LEFT + band * (i + 0.5);
      s.line(cx, bottom, cx, bottom + 4, Palette.GREY, 1);
      String l = Svg.fit(labels.get(i), labelRoom, Plot.TEXT);
      if (i % every != 0) {
        continue;
      }
      if (turn) {
        s.text(cx + 4, bottom + 16, l, Plot.TEXT, "end", false, Palette.INK, -Math.toDegrees(angle));
      } else {
        s.text(cx, bottom + Plot.X_TICK, l, Plot.TEXT, "middle");
      }
    }
    for (int k = 0; k < ss.size(); k++) {
      Series se = ss.get(k);
      String colour = ss.size() == 1 ? Palette.BLUE : Plot.CATEGORICAL[k % Plot.CATEGORICAL.length];
      String who = se.name() == null || se.name().isEmpty() ? "" : se.name() + ": ";
      for (int i = 0; i < n; i++) {
        Bar b = se.bars().get(i);
        double x0 = Plot.LEFT + band * i + band * 0.15 + bw * k;
        double h = b.value() > 0 ? Math.max(1.5, bottom - y.applyAsDouble(b.value())) : 0;
        String tip = who + b.label() + ": " + Plot.label(b.value())
            + (b.lo() != null ? " (95% interval " + Plot.label(b.lo()) + " to " + Plot.label(b.hi()) + ")" : "");
        s.group(tip);
        s.cls("bar s" + k).rect(x0, bottom - h, bw, h, colour).mark();
        double markTop = bottom - h;
        if (b.lo() != null) {
          double cx = x0 + bw / 2;
          double ylo = y.applyAsDouble(b.lo());
          double yhi = y.applyAsDouble(b.hi());
          double cap = Math.min(4, bw / 3);
          s.cls("whisker").path("M" + c(cx) + "," + c(ylo) + "V" + c(yhi) + "M" + c(cx - cap) + "," + c(ylo) + "H"
              + c(cx + cap) + "M" + c(cx - cap) + "," + c(yhi) + "H" + c(cx + cap), null, 1, Palette.INK, 1.3, null);
          markTop = Math.min(markTop, yhi);
        }
        String text = Plot.label(b.value());
        if (labelled && upright) {
          s.cls("bar-value").text(x0 + bw / 2 + Plot.MARK_TEXT * 0.35, markTop - 5, text, Plot.MARK_TEXT, "start", false,
              Palette.INK, -90);
        } else if (labelled) {
          s.cls("bar-value").textHalo(x0 + bw / 2, Math.max(top + 12, markTop - 5), text, Plot.MARK_TEXT, "middle", false, Palette.INK);
        }
        s.end();
      }
    }
    return table(s, ss, labels, anyCi);
  }

  private Chart table(Svg s, List<Series> ss, List<String> labels, boolean anyCi) {
    List<String> cols = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    cols.add(xLabel == null || xLabel.isEmpty() ? "category" : xLabel);
    numeric.add(false);
    List<Integer> dec = new ArrayList<>();
    for (Series se : ss) {
      List<Double> vals = new ArrayList<>();
      for (Bar b : se.bars()) {
        vals.add(b.value());
        if (b.lo() != null) {
          vals.add(b.lo());
          vals.add(b.hi());
        }
      }
      dec.add(Plot.columnDecimals(vals));
      cols.add(se.name() == null || se.name().isEmpty() ? (yLabel == null || yLabel.isEmpty() ? "value" : yLabel) : se.name());
      numeric.add(true);
      if (anyCi) {
        cols.add("95% interval");
        numeric.add(true);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      List<String> r = new ArrayList<>();
      r.add(labels.get(i));
      for (int k = 0; k < ss.size(); k++) {
        Bar b = ss.get(k).bars().get(i);
        r.add(Plot.cell(b.value(), dec.get(k)));
        if (anyCi) {
          r.add(b.lo() == null ? "" : Plot.interval(b.lo(), b.hi(), dec.get(k)));
        }
      }
      rows.add(r);
    }
    return new Chart(name, title, s.standalone(title), s.marks(), cols, numeric, rows);
  }

  private static String c(double v) {
    return spiral.report.Html.coord(v);
  }
}
