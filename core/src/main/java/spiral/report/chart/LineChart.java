package spiral.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import spiral.report.Html;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * Lines over a numeric x, drawn straight or as steps, with three optional backgrounds: shaded x
 * ranges (e.g. months when talks are open), bars of a share on a second 0&ndash;1 scale, and a
 * quantile band (e.g. 10%&ndash;90% of the runs still going). A line's colour is its group's (an
 * outcome keeps its report colour, {@code median} is ink) or, with no group, its own; the legend
 * above the plot names each colour once. The x axis's labels are thinned so they never touch.
 *
 * @param step draw lines and the band as steps (values hold until the next x)
 * @param xLabels names of x values ("3" to "Mar 2022"); only named values get ticks when given
 * @param rangesName the legend's name for the shaded ranges
 * @param groups the legend's names of the lines' groups
 * @param table the chart's table (the kit cannot derive one from lines)
 */
public record LineChart(
    String name, String title, String xLabel, String yLabel, Boolean step, Map<String, String> xLabels,
    List<Range> ranges, String rangesName, Area area, Band band, List<Group> groups, List<Line> series,
    Table table) implements ChartSpec {

  /** A chart; a missing step is false. */
  public LineChart {
    step = Boolean.TRUE.equals(step);
  }

  /** One line: its name, points ([x, y] pairs in x order), group id (or null) and class hooks. */
  public record Line(String name, List<double[]> points, String group, String cls) {
    /** A missing list of points is an empty one. */
    public Line {
      points = points == null ? List.of() : points;
    }
  }

  /** A shaded range of x with a tooltip. */
  public record Range(double from, double to, String label) {}

  /** Bars of a share (0 to 1 of the plot's height) at each x. */
  public record Area(String name, List<double[]> points) {
    /** A missing list of points is an empty one. */
    public Area {
      points = points == null ? List.of() : points;
    }
  }

  /** A band between a lower and an upper edge, given at the same x values. */
  public record Band(String name, List<double[]> lo, List<double[]> hi) {
    /** A missing list of points is an empty one. */
    public Band {
      lo = lo == null ? List.of() : lo;
      hi = hi == null ? List.of() : hi;
    }
  }

  @Override
  public Chart draw() {
    Plot.header(name, title, xLabel, yLabel);
    List<Line> ls = Plot.list(series, "series", 0, ChartSpec.MAX_SERIES * 4);
    List<Range> rs = Plot.list(ranges, "ranges", 0, 1000);
    List<Group> gs = Plot.list(groups, "groups", 0, ChartSpec.MAX_SERIES);
    Plot.text(rangesName, "rangesName", false);
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    long count = 0;
    List<String> groupIds = Plot.groupIds(gs);
    List<List<double[]>> all = new ArrayList<>();
    for (int k = 0; k < ls.size(); k++) {
      Line l = ls.get(k);
      String f = "series[" + k + "]";
      Plot.text(l.name(), f + ".name", true);
      Plot.text(l.group(), f + ".group", false);
      Plot.classes(l.cls(), f + ".cls");
      if (l.group() != null && !groupIds.contains(l.group())) {
        groupIds.add(l.group());
      }
      List<double[]> ps = Plot.list(l.points(), f + ".points", 0, ChartSpec.MAX_MARKS);
      for (int i = 0; i < ps.size(); i++) {
        Plot.pair(ps.get(i), f + ".points[" + i + "]");
      }
      all.add(ps);
      count += ps.size();
    }
    if (band != null) {
      Plot.text(band.name(), "band.name", true);
      List<double[]> lo = Plot.list(band.lo(), "band.lo", 0, ChartSpec.MAX_MARKS);
      List<double[]> hi = Plot.list(band.hi(), "band.hi", lo.size(), lo.size());
      for (int i = 0; i < lo.size(); i++) {
        Plot.pair(lo.get(i), "band.lo[" + i + "]");
        Plot.pair(hi.get(i), "band.hi[" + i + "]");
      }
      all.add(lo);
      all.add(hi);
      count += 2L * lo.size();
    }
    for (List<double[]> ps : all) {
      for (double[] p : ps) {
        x0 = Math.min(x0, p[0]);
        x1 = Math.max(x1, p[0]);
        y0 = Math.min(y0, p[1]);
        y1 = Math.max(y1, p[1]);
      }
    }
    if (area != null) {
      Plot.text(area.name(), "area.name", true);
      List<double[]> ps = Plot.list(area.points(), "area.points", 0, ChartSpec.MAX_MARKS);
      for (int i = 0; i < ps.size(); i++) {
        Plot.pair(ps.get(i), "area.points[" + i + "]");
        x0 = Math.min(x0, ps.get(i)[0]);
        x1 = Math.max(x1, ps.get(i)[0]);
        if (ps.get(i)[1] < 0 || ps.get(i)[1] > 1) {
          throw new ChartSpecException("area.points[" + i + "][1]", "a share: must lie in [0, 1]");
        }
      }
      count += ps.size();
    }
    for (int i = 0; i < rs.size(); i++) {
      Plot.finite(rs.get(i).from(), "ranges[" + i + "].from");
      Plot.finite(rs.get(i).to(), "ranges[" + i + "].to");
      Plot.text(rs.get(i).label(), "ranges[" + i + "].label", false);
    }
    if (xLabels != null) {
      if (xLabels.size() > ChartSpec.MAX_MARKS) {
        throw new ChartSpecException("xLabels", "too many");
      }
      for (Map.Entry<String, String> e : xLabels.entrySet()) {
        Plot.text(e.getValue(), "xLabels." + e.getKey(), true);
      }
    }
    Plot.marks(count);
    if (!(x1 >= x0)) {
      x0 = 0;
      x1 = 1;
    }
    if (!(y1 >= y0)) {
      y0 = 0;
      y1 = 1;
    }

    Map<String, String> colours = Plot.groupColours(groupIds);
    List<Plot.Key> keys = new ArrayList<>();
    int own = 0;
    String[] lineColour = new String[ls.size()];
    for (int k = 0; k < ls.size(); k++) {
      Line l = ls.get(k);
      if (l.group() == null) {
        lineColour[k] = Plot.CATEGORICAL[own++ % Plot.CATEGORICAL.length];
        keys.add(new Plot.Key(l.name(), Plot.Swatch.LINE, lineColour[k]));
      } else {
        lineColour[k] = colours.get(l.group());
      }
    }
    for (String id : groupIds) {
      if (ls.stream().anyMatch(l -> id.equals(l.group()))) {
        keys.add(new Plot.Key(Plot.groupName(id, gs), Plot.Swatch.LINE, colours.get(id)));
      }
    }
    String bandFill = Palette.tint(Palette.BLUE, 0.72);
    String areaFill = Palette.tint(Palette.GREEN, 0.6);
    String rangeFill = Palette.tint(Palette.ORANGE, 0.72);
    if (band != null && !band.lo().isEmpty()) {
      keys.add(new Plot.Key(band.name(), Plot.Swatch.BAND, bandFill));
    }
    if (area != null && !area.points().isEmpty()) {
      keys.add(new Plot.Key(area.name() + " (bars, 0 to 1 of the plot's height)", Plot.Swatch.BOX, areaFill));
    }
    if (!rs.isEmpty()) {
      keys.add(new Plot.Key(rangesName == null || rangesName.isEmpty() ? "shaded range" : rangesName, Plot.Swatch.BAND, rangeFill));
    }

    double top = 10 + Plot.legendHeight(keys);
    double bottom = top + Plot.PLOT_H;
    double height = bottom + 52;
    Svg s = new Svg(Plot.W, height);
    Plot.legend(s, keys, 8);
    double pad = (y1 > y0 ? y1 - y0 : 1) * 0.05;
    double[] yt = Svg.ticks(step ? Math.min(0, y0) : y0 - pad, y1 + pad, 5);
    // half a step of room on each side for the area's bars, or around a single x
    boolean bars = area != null && !area.points().isEmpty();
    double xPad = x1 > x0 ? (bars ? 0.5 * (x1 - x0) / Math.max(1, area.points().size() - 1) : 0) : 0.5;
    DoubleUnaryOperator x = Plot.scale(x0 - xPad, x1 + xPad, Plot.LEFT, Plot.RIGHT);
    DoubleUnaryOperator y = Plot.scale(yt[0], yt[yt.length - 1], bottom, top);
    if (step) {
      yt = java.util.Arrays.stream(yt).filter(t -> t == Math.rint(t)).toArray();
    }
    Plot.yAxis(s, yt, y, top, bottom, yLabel == null ? "" : yLabel);
    Plot.xAxis(s, bottom, height - 8, xLabel == null ? "" : xLabel);
    xTicks(s, x, x0, x1, bottom);

    for (Range r : rs) {
      double a = Math.max(Plot.LEFT, x.applyAsDouble(r.from()));
      double b = Math.min(Plot.RIGHT, x.applyAsDouble(r.to()));
      if (b > a) {
        s.group(r.label());
        s.cls("open").rect(a, top, Math.max(2, b - a), bottom - top, rangeFill);
        s.end();
      }
    }
    if (area != null && !area.points().isEmpty()) {
      double bw = Math.max(2, (Plot.RIGHT - Plot.LEFT) / Math.max(1, area.points().size()) * 0.6);
      for (double[] p : area.points()) {
        double h = p[1] * (bottom - top);
        s.group(area.name() + ": " + Plot.label(p[1]));
        s.cls("zone").rect(x.applyAsDouble(p[0]) - bw / 2, bottom - h, bw, h, areaFill).mark();
        s.end();
      }
    }
    if (band != null && !band.lo().isEmpty()) {
      s.group(band.name());
      s.cls("band").path(bandPath(x, y), bandFill, 1, null, 0, null);
      s.end();
      for (int i = 0; i < band.lo().size(); i++) {
        s.mark();
      }
    }
    for (int k = 0; k < ls.size(); k++) {
      Line l = ls.get(k);
      if (l.points().isEmpty()) {
        continue;
      }
      boolean median = "median".equals(l.group());
      s.group(l.name());
      double width = median ? 2.6 : 2;
      if (lineColour[k].equalsIgnoreCase(Palette.YELLOW)) {
        // a light line (the palette's yellow) gets a dark edge so it reads on white
        s.path(linePath(l.points(), x, y), null, 1, Palette.GREY, width + 2, null);
      }
      s.cls(l.cls() == null || l.cls().isBlank() ? "series s" + k : l.cls())
          .path(linePath(l.points(), x, y), null, 1, lineColour[k], width, null);
      s.end();
      for (int i = 0; i < l.points().size(); i++) {
        s.mark();
      }
    }
    return Plot.table(name, title, s, table);
  }

  /** Integer x ticks (or the named ones), thinned so their labels keep apart. */
  private void xTicks(Svg s, DoubleUnaryOperator x, double x0, double x1, double bottom) {
    List<Double> at = new ArrayList<>();
    List<String> text = new ArrayList<>();
    if (xLabels != null && !xLabels.isEmpty()) {
      for (long v = (long) Math.ceil(x0); v <= x1 && at.size() < 10_000; v++) {
        String t = xLabels.get(Long.toString(v));
        if (t != null) {
          at.add((double) v);
          text.add(Svg.fit(t, 120, Plot.TEXT));
        }
      }
    } else {
      double[] t = Svg.ticks(x0, x1, 8);
      int dec = Svg.decimals(t);
      for (double v : t) {
        if (v >= x0 - 1e-9 && v <= x1 + 1e-9) {
          at.add(v);
          text.add(Plot.tick(v, dec));
        }
      }
    }
    double widest = 0;
    for (String t : text) {
      widest = Math.max(widest, Svg.textWidth(t, Plot.TEXT));
    }
    int every = 1;
    if (at.size() > 1) {
      double gap = (x.applyAsDouble(at.get(at.size() - 1)) - x.applyAsDouble(at.get(0))) / (at.size() - 1);
      every = Math.max(1, (int) Math.ceil((widest + 10) / Math.max(1e-9, gap)));
    }
    for (int i = 0; i < at.size(); i += every) {
      double px = x.applyAsDouble(at.get(i));
      s.line(px, bottom, px, bottom + 4, Palette.GREY, 1);
      s.text(px, bottom + Plot.X_TICK, text.get(i), Plot.TEXT, "middle", false, Palette.GREY);
    }
  }

  private String linePath(List<double[]> ps, DoubleUnaryOperator x, DoubleUnaryOperator y) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < ps.size(); i++) {
      double px = x.applyAsDouble(ps.get(i)[0]);
      double py = y.applyAsDouble(ps.get(i)[1]);
      if (i == 0) {
        d.append('M').append(Html.coord(px)).append(',').append(Html.coord(py));
      } else if (step) {
        d.append('H').append(Html.coord(px)).append('V').append(Html.coord(py));
      } else {
        d.append('L').append(Html.coord(px)).append(',').append(Html.coord(py));
      }
    }
    return d.toString();
  }

  /** The band's outline: the upper edge left to right, then the lower edge back. */
  private String bandPath(DoubleUnaryOperator x, DoubleUnaryOperator y) {
    StringBuilder d = new StringBuilder(linePath(band.hi(), x, y));
    List<double[]> lo = band.lo();
    int n = lo.size();
    double lastX = x.applyAsDouble(lo.get(n - 1)[0]);
    if (step) {
      d.append('V').append(Html.coord(y.applyAsDouble(lo.get(n - 1)[1])));
      for (int i = n - 2; i >= 0; i--) {
        d.append('H').append(Html.coord(x.applyAsDouble(lo.get(i + 1)[0])))
            .append('V').append(Html.coord(y.applyAsDouble(lo.get(i)[1])));
      }
      d.append('H').append(Html.coord(x.applyAsDouble(lo.get(0)[0])));
    } else {
      d.append('L').append(Html.coord(lastX)).append(',').append(Html.coord(y.applyAsDouble(lo.get(n - 1)[1])));
      for (int i = n - 2; i >= 0; i--) {
        d.append('L').append(Html.coord(x.applyAsDouble(lo.get(i)[0]))).append(',')
            .append(Html.coord(y.applyAsDouble(lo.get(i)[1])));
      }
    }
    return d.append('Z').toString();
  }
}
