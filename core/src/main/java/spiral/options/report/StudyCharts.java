package spiral.options.report;

import static spiral.report.Figure.W;
import static spiral.report.Figure.figure;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;

import java.util.ArrayList;
import java.util.List;
import spiral.options.StudyReport;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * The charts of the study report: the scenario &times; option heat map of scores (best per row
 * outlined, most robust marked) and P(nuclear use) of a few key options and of each row's best
 * against the attack's rung. Each chart is a {@link spiral.report.Figure}. Cost: linear in
 * scenarios &times; options.
 */
final class StudyCharts {
  private StudyCharts() {}

  // ---------------------------------------------------------------- study: score matrix

  /** Scenario &times; option heatmap of scores; best per row outlined, most robust marked. */
  static String scoreMatrix(StudyReport report) {
    List<String> options = report.options();
    List<StudyReport.Row> rows = report.scenarios();
    double xGrid = 250;
    double rowH = 54;
    double labelH = 0;
    for (String id : options) {
      labelH = Math.min(200, Math.max(labelH, Svg.textWidth(id, 16) * 0.71));
    }
    double cellW = Math.max(40, Math.min(84, (W - xGrid - 20) / Math.max(1, options.size())));
    double top = 16;
    double gridH = rows.size() * rowH;
    double width = Math.max(W, xGrid + options.size() * cellW + 20);
    double legendY = top + gridH + labelH + 40;
    Svg s = new Svg(width, legendY + 76);

    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (StudyReport.Row r : rows) {
      for (String id : options) {
        Double v = r.scores() == null ? null : r.scores().get(id);
        if (v != null && Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    double span = hi - lo > 1e-12 ? hi - lo : 1;

    // option names under the columns, slanted down to the left into the free space
    for (int c = 0; c < options.size(); c++) {
      double x = xGrid + c * cellW + cellW / 2 + 5;
      s.text(x, top + gridH + 16, Svg.fit(options.get(c), 200 / 0.71, 16), 16, "end", false,
          Palette.INK, -45);
    }
    for (int i = 0; i < rows.size(); i++) {
      StudyReport.Row r = rows.get(i);
      double y = top + i * rowH;
      s.text(xGrid - 14, y + rowH / 2 - 2, Svg.fit(r.scenario(), xGrid - 30, 17), 17, "end", true,
          Palette.INK);
      s.text(xGrid - 14, y + rowH / 2 + 18, "attack at rung " + r.rung(), 15, "end", false, "#333");
      for (int c = 0; c < options.size(); c++) {
        String id = options.get(c);
        double x = xGrid + c * cellW;
        Double v = r.scores() == null ? null : r.scores().get(id);
        if (v == null || !Double.isFinite(v)) {
          s.rect(x + 1, y + 1, cellW - 2, rowH - 2, "#FFFFFF", "#E3E3E3", 1);
          s.text(x + cellW / 2, y + rowH / 2 + 5, "n/a", 14, "middle", false, "#555");
          continue;
        }
        String colour = Palette.sequential((v - lo) / span);
        boolean best = id.equals(r.best());
        boolean robust = id.equals(r.mostRobust());
        s.tip(r.scenario() + " \u00D7 " + id + ": score " + num(v, 4) + (best ? " (best)" : "")
            + (robust ? " (most robust)" : ""));
        s.rect(x + 1, y + 1, cellW - 2, rowH - 2, colour);
        s.text(x + cellW / 2, y + rowH / 2 + 5.5, num(v, cellW >= 44 ? 3 : 2), cellW >= 52 ? 15 : 14,
            "middle", best && cellW >= 56, Palette.textOn(colour));
        s.end();
        s.mark();
        if (best) {
          s.rect(x + 2, y + 2, cellW - 4, rowH - 4, null, Palette.BLACK, 4);
          s.rect(x + 5, y + 5, cellW - 10, rowH - 10, null, "#FFFFFF", 1.5);
        }
        if (robust) {
          List<double[]> tri = List.of(
              new double[] {x + cellW - 20, y + 3}, new double[] {x + cellW - 3, y + 3},
              new double[] {x + cellW - 3, y + 20});
          s.polygon(tri, Palette.VERMILLION, "#FFFFFF", 1.5);
        }
      }
    }
    double ly = legendY;
    s.rect(xGrid, ly - 16, 34, 26, Palette.sequential(0.6), Palette.BLACK, 4);
    s.text(xGrid + 44, ly + 3, "best score in the row", 16, "start");
    double lx = xGrid + 44 + Svg.textWidth("best score in the row", 16) + 40;
    s.rect(lx, ly - 16, 34, 26, Palette.sequential(0.3));
    s.polygon(List.of(new double[] {lx + 17, ly - 16}, new double[] {lx + 34, ly - 16},
        new double[] {lx + 34, ly + 1}), Palette.VERMILLION, "#FFFFFF", 1.5);
    s.text(lx + 44, ly + 3, report.samples() > 0 ? "most robust (minimax regret)"
        : "most robust (no robustness analysis: the best)", 16, "start");
    double gx = xGrid;
    double gy = ly + 34;
    double gw = 300;
    for (int k = 0; k < 50; k++) {
      s.rect(gx + gw * k / 50, gy, gw / 50 + 0.6, 16, Palette.sequential((k + 0.5) / 50));
    }
    s.rect(gx, gy, gw, 16, null, "#444", 1);
    s.text(gx - 8, gy + 14, num(lo, 3), 15, "end");
    s.text(gx + gw + 8, gy + 14, num(hi, 3) + "  weighted score (higher is better)", 15, "start");
    return figure("score-matrix", s, "Scores of every option in every scenario",
        "The weighted score of each response option (columns) in each scenario (rows, by the "
            + "attack's rung); darker is better. The outlined cell is the row's best score; the "
            + "corner triangle marks the most robust option.");
  }

  // ---------------------------------------------------------------- study: nuclear use by rung

  private static final String[] SERIES_COLOURS = {Palette.BLUE, Palette.ORANGE, Palette.VERMILLION,
    Palette.GREEN, Palette.PURPLE, Palette.SKY_BLUE};
  private static final String[] SERIES_DASHES = {null, "10 6", "3 5", "14 5 3 5", "6 4", "2 3"};

  /** P(nuclear use) of a few key options and of each row's best, against the attack's rung. */
  static String nuclearByRung(StudyReport report) {
    List<StudyReport.Row> rows = report.scenarios();
    List<String> keys = new ArrayList<>();
    for (String id : List.of("none-none", "proportional-none", "more-none")) {
      if (report.options().contains(id)) {
        keys.add(id);
      }
    }
    if (keys.isEmpty() && !report.options().isEmpty()) {
      List<String> o = report.options();
      for (String id : List.of(o.get(0), o.get(o.size() / 2), o.get(o.size() - 1))) {
        if (!keys.contains(id)) {
          keys.add(id);
        }
      }
    }
    List<String> names = new ArrayList<>(keys);
    names.add("best option of each scenario");
    List<double[]> values = new ArrayList<>();
    for (String id : keys) {
      double[] v = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        Double p = rows.get(i).nuclearUse() == null ? null : rows.get(i).nuclearUse().get(id);
        v[i] = p == null ? Double.NaN : p;
      }
      values.add(v);
    }
    double[] bestV = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      StudyReport.Row r = rows.get(i);
      Double p = r.nuclearUse() == null || r.best() == null ? null : r.nuclearUse().get(r.best());
      bestV[i] = p == null ? Double.NaN : p;
    }
    values.add(bestV);

    double h = 620;
    Svg s = new Svg(W, h);
    double left = 110;
    double right = W - 260;
    double plotTop = 90;
    double bottom = h - 110;
    double max = 0;
    for (double[] v : values) {
      for (double x : v) {
        if (Double.isFinite(x)) {
          max = Math.max(max, x);
        }
      }
    }
    double[] yt = Svg.ticks(0, max > 0 ? max * 100 * 1.12 : 1, 6);
    int yd = Svg.decimals(yt);
    double yMax = yt[yt.length - 1];
    int n = rows.size();
    java.util.function.IntToDoubleFunction sx =
        i -> n == 1 ? (left + right) / 2 : left + 60 + i * (right - left - 120) / (n - 1.0);
    java.util.function.DoubleUnaryOperator sy = p -> bottom - p * 100 / yMax * (bottom - plotTop);

    for (double t : yt) {
      double y = bottom - t / yMax * (bottom - plotTop);
      s.line(left, y, right, y, Palette.GRID, 1);
      s.text(left - 10, y + 5.5, num(t, yd) + "%", 16, "end");
    }
    s.rect(left, plotTop, right - left, bottom - plotTop, null, "#444", 1.5);
    for (int i = 0; i < n; i++) {
      double x = sx.applyAsDouble(i);
      s.line(x, bottom, x, bottom + 6, "#444", 1.5);
      s.text(x, bottom + 26, "rung " + rows.get(i).rung(), 17, "middle", true, Palette.INK);
      s.text(x, bottom + 48, Svg.fit(rows.get(i).scenario(), (right - left) / Math.max(1, n) - 8, 15),
          15, "middle", false, "#333");
    }
    s.text((left + right) / 2, h - 20, "the attack that opens the crisis, by rung \u2192", 18,
        "middle", true, Palette.INK);
    s.text(30, (plotTop + bottom) / 2, "P(nuclear use), share of runs \u2192", 18, "middle", true,
        Palette.INK, -90);

    // legend across the top
    double lx = left;
    for (int k = 0; k < names.size(); k++) {
      boolean bestSeries = k == names.size() - 1;
      String colour = bestSeries ? Palette.BLACK : SERIES_COLOURS[k % SERIES_COLOURS.length];
      String dash = bestSeries ? null : SERIES_DASHES[k % SERIES_DASHES.length];
      s.line(lx, 34, lx + 44, 34, colour, bestSeries ? 4 : 3, dash);
      marker(s, k, bestSeries, lx + 22, 34, colour);
      s.text(lx + 54, 40, names.get(k), 16, "start", bestSeries, Palette.INK);
      lx += 54 + Svg.textWidth(names.get(k), 16) + 30;
    }

    List<double[]> ends = new ArrayList<>();
    for (int k = 0; k < values.size(); k++) {
      boolean bestSeries = k == values.size() - 1;
      String colour = bestSeries ? Palette.BLACK : SERIES_COLOURS[k % SERIES_COLOURS.length];
      String dash = bestSeries ? null : SERIES_DASHES[k % SERIES_DASHES.length];
      double[] v = values.get(k);
      List<double[]> line = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (Double.isFinite(v[i])) {
          line.add(new double[] {sx.applyAsDouble(i), sy.applyAsDouble(v[i])});
        }
      }
      if (line.size() > 1) {
        s.polyline(line, colour, bestSeries ? 4 : 3, dash);
      }
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(v[i])) {
          continue;
        }
        String what = bestSeries ? "best (" + rows.get(i).best() + ")" : names.get(k);
        s.tip(rows.get(i).scenario() + ", " + what + ": P(nuclear use) " + pct(v[i]));
        marker(s, k, bestSeries, sx.applyAsDouble(i), sy.applyAsDouble(v[i]), colour);
        s.end();
        s.mark();
        if (bestSeries) {
          s.textHalo(sx.applyAsDouble(i), sy.applyAsDouble(v[i]) - 16, rows.get(i).best(), 15,
              "middle", true, Palette.INK);
        }
      }
      if (!line.isEmpty()) {
        double[] last = line.get(line.size() - 1);
        ends.add(new double[] {last[1], k});
      }
    }
    // direct labels at the right end, nudged apart
    ends.sort((a, b) -> Double.compare(a[0], b[0]));
    double prev = Double.NEGATIVE_INFINITY;
    for (double[] e : ends) {
      double y = Math.max(e[0], prev + 22);
      prev = y;
      int k = (int) e[1];
      boolean bestSeries = k == values.size() - 1;
      String colour = bestSeries ? Palette.BLACK : SERIES_COLOURS[k % SERIES_COLOURS.length];
      s.text(right + 12, y + 5.5, Svg.fit(bestSeries ? "best" : names.get(k), W - right - 20, 16), 16,
          "start", true, colour);
    }
    return figure("nuclear-by-rung", s, "Risk of nuclear use against the attack's rung",
        "The share of runs ending in nuclear use for a few key options and for each scenario's "
            + "best-scoring option (labelled with its id), as the attack that opens the crisis "
            + "grows.");
  }

  private static void marker(Svg s, int k, boolean best, double x, double y, String colour) {
    if (best) {
      s.polygon(List.of(new double[] {x, y - 10}, new double[] {x + 10, y},
          new double[] {x, y + 10}, new double[] {x - 10, y}), colour, "#FFFFFF", 1.5);
      return;
    }
    switch (k % 3) {
      case 0 -> s.circle(x, y, 7.5, colour, "#FFFFFF", 1.5);
      case 1 -> s.rect(x - 7, y - 7, 14, 14, colour, "#FFFFFF", 1.5);
      default -> s.polygon(List.of(new double[] {x, y - 9}, new double[] {x + 9, y + 7},
          new double[] {x - 9, y + 7}), colour, "#FFFFFF", 1.5);
    }
  }
}
