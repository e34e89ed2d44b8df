package spiral.report.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import spiral.report.Box;
import spiral.report.Html;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * Points with optional 95% interval whiskers on both axes and a Pareto front (its points ringed
 * and joined in x order). With one series, a point's colour is its group's (a kinetic level keeps
 * its report colour) and every point is labelled where its label fits beside it without covering
 * another label, a point or the plot's edge, the front's first (only the front's beyond
 * {@value #MAX_LABELLED} points); with several series, each series
 * has one colour. The legend above the plot names every colour and mark.
 *
 * @param zeroY whether the y axis starts at 0
 * @param groups the legend's names of the points' groups, in order (may be empty)
 */
public record ScatterChart(
    String name, String title, String xLabel, String yLabel, Boolean zeroY, List<Group> groups,
    List<Series> series) implements ChartSpec {

  /** A chart; a missing zeroY is false. */
  public ScatterChart {
    zeroY = Boolean.TRUE.equals(zeroY);
  }

  /** One series: its name (shown when there are several) and its points. */
  public record Series(String name, List<Point> points) {
    /** A missing list of points is an empty one. */
    public Series {
      points = points == null ? List.of() : points;
    }
  }

  /**
   * One point: its label, position, optional intervals, whether it is on the Pareto front, and
   * its group's id (null for none).
   */
  public record Point(String label, double x, double y, Double xLo, Double xHi, Double yLo, Double yHi,
      Boolean front, String group) {
    /** A point; a missing front is false. */
    public Point {
      front = Boolean.TRUE.equals(front);
    }

    /** A point without intervals or group. */
    public Point(String label, double x, double y, boolean front) {
      this(label, x, y, null, null, null, null, front, null);
    }
  }

  /** Above this many points only the front's are labelled (the rest keep tooltips and rows). */
  static final int MAX_LABELLED = 60;

  @Override
  public Chart draw() {
    Plot.header(name, title, xLabel, yLabel);
    List<Group> gs = Plot.list(groups, "groups", 0, ChartSpec.MAX_SERIES);
    List<Series> ss = Plot.list(series, "series", 1, ChartSpec.MAX_SERIES);
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = zeroY ? 0 : Double.POSITIVE_INFINITY;
    double y1 = zeroY ? 0 : Double.NEGATIVE_INFINITY;
    long count = 0;
    boolean anyCi = false;
    List<String> groupIds = Plot.groupIds(gs);
    for (int k = 0; k < ss.size(); k++) {
      Plot.text(ss.get(k).name(), "series[" + k + "].name", false);
      List<Point> ps = Plot.list(ss.get(k).points(), "series[" + k + "].points", 0, ChartSpec.MAX_MARKS);
      count += ps.size();
      for (int i = 0; i < ps.size(); i++) {
        Point p = ps.get(i);
        String f = "series[" + k + "].points[" + i + "]";
        Plot.text(p.label(), f + ".label", true);
        Plot.text(p.group(), f + ".group", false);
        if (p.group() != null && !groupIds.contains(p.group())) {
          groupIds.add(p.group());
        }
        x0 = Math.min(x0, Math.min(Plot.finite(p.x(), f + ".x"), or(Plot.finiteOrNull(p.xLo(), f + ".xLo"), p.x())));
        x1 = Math.max(x1, Math.max(p.x(), or(Plot.finiteOrNull(p.xHi(), f + ".xHi"), p.x())));
        y0 = Math.min(y0, Math.min(Plot.finite(p.y(), f + ".y"), or(Plot.finiteOrNull(p.yLo(), f + ".yLo"), p.y())));
        y1 = Math.max(y1, Math.max(p.y(), or(Plot.finiteOrNull(p.yHi(), f + ".yHi"), p.y())));
        if ((p.xLo() == null) != (p.xHi() == null) || (p.yLo() == null) != (p.yHi() == null)) {
          throw new ChartSpecException(f, "give both ends of an interval, or neither");
        }
        anyCi |= p.xLo() != null || p.yLo() != null;
      }
    }
    Plot.marks(count);
    boolean one = ss.size() == 1;
    Map<String, String> colours = Plot.groupColours(groupIds);
    List<Plot.Key> keys = new ArrayList<>();
    if (one) {
      for (String id : groupIds) {
        keys.add(new Plot.Key(Plot.groupName(id, gs), Plot.Swatch.DOT, colours.get(id)));
      }
    } else {
      for (int k = 0; k < ss.size(); k++) {
        keys.add(new Plot.Key(ss.get(k).name() == null || ss.get(k).name().isEmpty() ? "series " + (k + 1) : ss.get(k).name(),
            Plot.Swatch.DOT, Plot.CATEGORICAL[k % Plot.CATEGORICAL.length]));
      }
    }
    boolean anyFront = ss.stream().anyMatch(se -> se.points().stream().anyMatch(Point::front));
    if (anyFront) {
      keys.add(new Plot.Key("Pareto front", Plot.Swatch.FRONT, Palette.INK));
    }
    if (one && groupIds.isEmpty()) {
      keys.add(new Plot.Key(anyFront ? "dominated" : "point", Plot.Swatch.DOT, Palette.GREY));
    }
    if (anyCi) {
      keys.add(new Plot.Key("95% interval", Plot.Swatch.WHISKER, Palette.GREY));
    }
    double top = 10 + Plot.legendHeight(keys);
    double bottom = top + Plot.PLOT_H;
    double height = bottom + 52;
    Svg s = new Svg(Plot.W, height);
    Plot.legend(s, keys, 8);
    if (count == 0) {
      x0 = 0;
      x1 = 1;
      y0 = 0;
      y1 = 1;
    }
    double padX = (x1 > x0 ? x1 - x0 : 1) * 0.08;
    double padY = (y1 > y0 ? y1 - y0 : 1) * 0.08;
    double[] xt = Svg.ticks(x0 >= 0 ? Math.max(0, x0 - padX) : x0 - padX, x1 + padX, 6);
    double[] yt = Svg.ticks(zeroY ? 0 : y0 - padY, y1 + padY, 5);
    DoubleUnaryOperator x = Plot.scale(xt[0], xt[xt.length - 1], Plot.LEFT, Plot.RIGHT);
    DoubleUnaryOperator y = Plot.scale(yt[0], yt[yt.length - 1], bottom, top);
    Plot.yAxis(s, yt, y, top, bottom, yLabel == null ? "" : yLabel);
    Plot.xAxis(s, bottom, height - 8, xLabel == null ? "" : xLabel);
    int dec = Svg.decimals(xt);
    for (double t : xt) {
      s.line(x.applyAsDouble(t), bottom, x.applyAsDouble(t), bottom + 4, Palette.GREY, 1);
      s.text(x.applyAsDouble(t), bottom + Plot.X_TICK, Plot.tick(t, dec), Plot.TEXT, "middle", false, Palette.GREY);
    }
    Box plot = new Box(Plot.LEFT, top, Plot.RIGHT, bottom);
    for (int k = 0; k < ss.size(); k++) {
      Series se = ss.get(k);
      String seriesColour = Plot.CATEGORICAL[k % Plot.CATEGORICAL.length];
      for (Point p : se.points()) {
        if (p.xLo() != null) {
          s.cls("whisker ci").line(x.applyAsDouble(p.xLo()), y.applyAsDouble(p.y()), x.applyAsDouble(p.xHi()),
              y.applyAsDouble(p.y()), Palette.GREY, 1);
        }
        if (p.yLo() != null) {
          s.cls("whisker ci").line(x.applyAsDouble(p.x()), y.applyAsDouble(p.yLo()), x.applyAsDouble(p.x()),
              y.applyAsDouble(p.yHi()), Palette.GREY, 1);
        }
      }
      List<Point> front = new ArrayList<>(se.points().stream().filter(Point::front).toList());
      front.sort(Comparator.comparingDouble(Point::x));
      if (front.size() > 1) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < front.size(); i++) {
          d.append(i == 0 ? 'M' : 'L').append(Html.coord(x.applyAsDouble(front.get(i).x()))).append(',')
              .append(Html.coord(y.applyAsDouble(front.get(i).y())));
        }
        s.cls("front-line s" + k).path(d.toString(), null, 1, one ? Palette.INK : seriesColour, 1.5, null);
      }
      String who = se.name() == null || se.name().isEmpty() ? "" : se.name() + ": ";
      for (Point p : se.points()) {
        String colour = !one ? seriesColour : p.group() != null ? colours.get(p.group()) : Palette.GREY;
        s.group(who + p.label() + ": " + (xLabel == null ? "x" : xLabel) + " " + Plot.label(p.x()) + ci(p.xLo(), p.xHi()) + ", "
            + (yLabel == null ? "y" : yLabel) + " " + Plot.label(p.y()) + ci(p.yLo(), p.yHi())
            + (p.front() ? " (Pareto front)" : ""));
        s.cls((p.front() ? "dot front s" : "dot s") + k + (p.group() != null ? " g-" + safe(p.group()) : ""))
            .circle(x.applyAsDouble(p.x()), y.applyAsDouble(p.y()), p.front() ? 5.5 : 4, colour,
                p.front() ? Palette.INK : "#FFFFFF", p.front() ? 1.8 : 0.8).mark();
        s.end();
      }
      if (one) {
        labels(s, se.points(), front, x, y, plot);
      }
    }
    return table(s, ss, anyCi);
  }

  /** Labels each point where it fits: right or left of it, above or below, the front's first. */
  private static void labels(Svg s, List<Point> points, List<Point> front, DoubleUnaryOperator x,
      DoubleUnaryOperator y, Box plot) {
    List<Box> taken = new ArrayList<>();
    for (Point q : points) {
      double qx = x.applyAsDouble(q.x());
      double qy = y.applyAsDouble(q.y());
      taken.add(new Box(qx - 5, qy - 5, qx + 5, qy + 5));
    }
    List<Point> order = new ArrayList<>(front);
    if (points.size() <= MAX_LABELLED) {
      for (Point p : points) {
        if (!p.front()) {
          order.add(p);
        }
      }
    }
    double size = Plot.MARK_TEXT;
    for (Point p : order) {
      double w = Svg.textWidth(p.label(), size);
      double px = x.applyAsDouble(p.x());
      double py = y.applyAsDouble(p.y());
      double[][] places = {{8, -6, 0}, {8, 15, 0}, {-8, -6, 1}, {-8, 15, 1}, {-w / 2, -10, 2}, {-w / 2, 21, 2}};
      for (double[] pl : places) {
        double left = pl[2] == 1 ? px + pl[0] - w : pl[2] == 2 ? px - w / 2 : px + pl[0];
        // the text's box as a browser may draw it (ascent 0.95, descent 0.3 of the size), a unit to spare
        Box box = new Box(left - 1, py + pl[1] - size * 0.95 - 1, left + w + 1, py + pl[1] + size * 0.3 + 1);
        if (box.fits(plot, taken)) {
          taken.add(box);
          s.cls(p.front() ? "point-label front" : "point-label")
              .textHalo(pl[2] == 2 ? px : px + pl[0], py + pl[1], p.label(), size, pl[2] == 0 ? "start" : pl[2] == 1 ? "end" : "middle",
                  p.front(), Palette.INK);
          break;
        }
      }
    }
  }

  private Chart table(Svg s, List<Series> ss, boolean anyCi) {
    boolean several = ss.size() > 1;
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Series se : ss) {
      for (Point p : se.points()) {
        xs.add(p.x());
        ys.add(p.y());
        if (p.xLo() != null) {
          xs.add(p.xLo());
          xs.add(p.xHi());
        }
        if (p.yLo() != null) {
          ys.add(p.yLo());
          ys.add(p.yHi());
        }
      }
    }
    int dx = Plot.columnDecimals(xs);
    int dy = Plot.columnDecimals(ys);
    List<String> cols = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    if (several) {
      cols.add("series");
      numeric.add(false);
    }
    cols.add("point");
    numeric.add(false);
    cols.add(xLabel == null || xLabel.isEmpty() ? "x" : xLabel);
    numeric.add(true);
    if (anyCi) {
      cols.add("95% interval");
      numeric.add(true);
    }
    cols.add(yLabel == null || yLabel.isEmpty() ? "y" : yLabel);
    numeric.add(true);
    if (anyCi) {
      cols.add("95% interval");
      numeric.add(true);
    }
    cols.add("Pareto front");
    numeric.add(false);
    List<List<String>> rows = new ArrayList<>();
    for (Series se : ss) {
      for (Point p : se.points()) {
        List<String> r = new ArrayList<>();
        if (several) {
          r.add(se.name() == null ? "" : se.name());
        }
        r.add(p.label());
        r.add(Plot.cell(p.x(), dx));
        if (anyCi) {
          r.add(p.xLo() == null ? "" : Plot.interval(p.xLo(), p.xHi(), dx));
        }
        r.add(Plot.cell(p.y(), dy));
        if (anyCi) {
          r.add(p.yLo() == null ? "" : Plot.interval(p.yLo(), p.yHi(), dy));
        }
        r.add(p.front() ? "yes" : "");
        rows.add(r);
      }
    }
    return new Chart(name, title, s.standalone(title), s.marks(), cols, numeric, rows);
  }


  private static String safe(String id) {
    return id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
  }

  private static double or(Double v, double dflt) {
    return v == null ? dflt : v;
  }

  private static String ci(Double lo, Double hi) {
    return lo == null ? "" : " (95% interval " + Plot.label(lo) + " to " + Plot.label(hi) + ")";
  }
}
