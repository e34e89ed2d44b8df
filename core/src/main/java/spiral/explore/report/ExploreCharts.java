package spiral.explore.report;

import static spiral.report.Figure.W;
import static spiral.report.Figure.figure;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import spiral.explore.MorrisEffect;
import spiral.explore.PrimBox;
import spiral.explore.PrimResult;
import spiral.explore.SensitivityReport;
import spiral.explore.SobolIndex;
import spiral.explore.Tornado;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * The charts of the sensitivity and discovery reports: the one-at-a-time tornado, Morris &mu;*
 * against &sigma;, Sobol first-order and total indices with their bootstrap intervals, rank
 * correlations, and PRIM's peeling trajectory and chosen box. Each is an inline SVG in a {@code
 * <figure class="chart">} (see {@link spiral.report.Figure#figure}). Cost: O(d) marks for d parameters, O(boxes)
 * for the trajectory.
 */
final class ExploreCharts {
  private ExploreCharts() {}

  private static final double X_BAR = 480;
  private static final double BAR_W = 680;
  private static final double NAME_W = X_BAR - 30;

  /** A horizontal value axis from lo to hi over [X_BAR, X_BAR + BAR_W], with grid lines. */
  private static DoubleUnaryOperator axis(Svg s, double lo, double hi, double top, double bottom,
      String label) {
    double[] ticks = Svg.ticks(lo, hi, 6);
    double t0 = ticks[0];
    double t1 = ticks[ticks.length - 1];
    DoubleUnaryOperator x = v -> X_BAR + (v - t0) / (t1 - t0) * BAR_W;
    int d = Svg.decimals(ticks);
    for (double t : ticks) {
      double xt = x.applyAsDouble(t);
      s.line(xt, top - 4, xt, bottom, t == 0 ? "#444" : Palette.GRID, 1);
      s.text(xt, bottom + 24, num(t, d), 16, "middle");
    }
    s.text(X_BAR + BAR_W / 2, bottom + 52, label, 16, "middle", true, Palette.INK);
    return x;
  }

  private static double fin(double v) {
    return Double.isFinite(v) ? v : 0;
  }

  /** The tornado: each parameter's bar from the output at its low value to that at its high. */
  static String tornado(Tornado t, List<SensitivityReport.Range> ranges, String output) {
    List<Tornado.Bar> bars = t == null ? List.of() : t.bars();
    double rowH = 44;
    double top = 70;
    double bottom = top + bars.size() * rowH;
    Svg s = new Svg(W, bottom + 70);
    double lo = t == null ? 0 : fin(t.base());
    double hi = lo;
    for (Tornado.Bar b : bars) {
      lo = Math.min(lo, Math.min(fin(b.low()), fin(b.high())));
      hi = Math.max(hi, Math.max(fin(b.low()), fin(b.high())));
    }
    if (hi - lo < 1e-9) {
      hi = lo + 0.01;
    }
    s.rect(X_BAR, 18, 24, 18, Palette.BLUE);
    s.text(X_BAR + 32, 33, "parameter at its low value", 17, "start");
    s.rect(X_BAR + 290, 18, 24, 18, Palette.ORANGE);
    s.text(X_BAR + 322, 33, "at its high value", 17, "start");
    s.text(X_BAR - 12, top - 14, "parameter", 16, "end", true, Palette.INK);
    DoubleUnaryOperator x = axis(s, lo, hi, top, bottom, output + " (the others at base)");
    if (t != null) {
      double xb = x.applyAsDouble(fin(t.base()));
      for (int i = 0; i < bars.size(); i++) {
        Tornado.Bar b = bars.get(i);
        SensitivityReport.Range r = range(ranges, b.parameter());
        double y = top + i * rowH;
        s.text(X_BAR - 12, y + rowH / 2 + 6, Svg.fit(b.parameter(), NAME_W, 16), 16, "end");
        double xl = x.applyAsDouble(fin(b.low()));
        double xh = x.applyAsDouble(fin(b.high()));
        s.tip(b.parameter() + (r == null ? "" : " from " + num(r.low(), 3) + " to "
            + num(r.high(), 3) + " (base " + num(r.base(), 3) + ")") + ": " + output + " "
            + num(b.low(), 4) + " at low, " + num(b.high(), 4) + " at high, swing "
            + num(b.swing(), 4));
        s.rect(Math.min(xb, xl), y + 8, Math.max(2, Math.abs(xl - xb)), rowH - 16, Palette.BLUE);
        s.rect(Math.min(xb, xh), y + 8, Math.max(2, Math.abs(xh - xb)), rowH - 16,
            Palette.ORANGE);
        s.end();
        s.mark();
        s.textHalo(Math.max(xl, xh) + 8, y + rowH / 2 + 6, "swing " + num(b.swing(), 4), 15,
            "start", false, "#222");
      }
      s.line(xb, top - 8, xb, bottom, Palette.BLACK, 2);
      s.textHalo(xb, top - 10, "base " + num(t.base(), 4), 15, "middle", true, Palette.INK);
    }
    return figure("tornado", s, "One-at-a-time tornado of " + output,
        "Each parameter moved alone from its low to its high value while the others stay at"
            + " base; bars sorted by swing, widest first. Local sensitivity: it sees no"
            + " interactions between parameters.");
  }

  private static SensitivityReport.Range range(List<SensitivityReport.Range> ranges, String p) {
    if (ranges != null) {
      for (SensitivityReport.Range r : ranges) {
        if (r.parameter().equals(p)) {
          return r;
        }
      }
    }
    return null;
  }

  /** Morris: &mu;* (importance) against &sigma; (interaction or non-linearity), one point each. */
  static String morris(List<MorrisEffect> effects, String output) {
    List<MorrisEffect> es = effects == null ? List.of() : effects;
    double left = 120;
    double plotW = W - left - 340;
    double top = 40;
    double plotH = 480;
    Svg s = new Svg(W, top + plotH + 80);
    double max = 0;
    for (MorrisEffect e : es) {
      max = Math.max(max, Math.max(fin(e.muStar()), fin(e.sigma())));
    }
    double[] ticks = Svg.ticks(0, max > 0 ? max : 0.01, 6);
    double tMax = ticks[ticks.length - 1];
    int d = Svg.decimals(ticks);
    DoubleUnaryOperator px = v -> left + v / tMax * plotW;
    DoubleUnaryOperator py = v -> top + plotH - v / tMax * plotH;
    for (double t : ticks) {
      s.line(px.applyAsDouble(t), top, px.applyAsDouble(t), top + plotH,
          t == 0 ? "#444" : Palette.GRID, 1);
      s.line(left, py.applyAsDouble(t), left + plotW, py.applyAsDouble(t),
          t == 0 ? "#444" : Palette.GRID, 1);
      s.text(px.applyAsDouble(t), top + plotH + 24, num(t, d), 16, "middle");
      s.text(left - 10, py.applyAsDouble(t) + 5, num(t, d), 16, "end");
    }
    s.line(px.applyAsDouble(0), py.applyAsDouble(0), px.applyAsDouble(tMax),
        py.applyAsDouble(tMax), Palette.GREY, 1.5, "8 6");
    s.text(px.applyAsDouble(tMax) + 8, py.applyAsDouble(tMax) + 16, "\u03c3 = \u03bc*", 16,
        "start", false, Palette.GREY);
    s.text(left + plotW / 2, top + plotH + 56, "\u03bc* (mean absolute elementary effect):"
        + " importance", 16, "middle", true, Palette.INK);
    s.text(28, top + plotH / 2, "\u03c3: interactions or non-linearity", 16, "middle", true,
        Palette.INK, -90);
    for (int i = 0; i < es.size(); i++) {
      MorrisEffect e = es.get(i);
      double cx = px.applyAsDouble(fin(e.muStar()));
      double cy = py.applyAsDouble(fin(e.sigma()));
      String colour = Palette.LADDER[1 + i % (Palette.LADDER.length - 1)];
      s.tip(e.parameter() + ": \u03bc* " + num(e.muStar(), 4) + ", \u03c3 " + num(e.sigma(), 4)
          + ", \u03bc " + num(e.mu(), 4));
      s.circle(cx, cy, 9, colour, Palette.BLACK, 1.5);
      s.end();
      s.mark();
      s.textHalo(cx + 14, cy - 10, Svg.fit(e.parameter(), 330, 15), 15, "start", false,
          Palette.INK);
    }
    return figure("morris", s, "Morris mu* against sigma for " + output,
        "Each parameter's elementary effects on " + esc(output) + " over the Morris trajectories:"
            + " far right matters most; high up acts through interactions or non-linearly. Effects"
            + " per unit of each parameter's range.");
  }

  /** Sobol S1 and ST per parameter, with their bootstrap intervals as whiskers. */
  static String sobol(List<SobolIndex> indices, String output) {
    List<SobolIndex> xs = indices == null ? List.of() : indices;
    double rowH = 56;
    double top = 70;
    double bottom = top + xs.size() * rowH;
    Svg s = new Svg(W, bottom + 70);
    double lo = 0;
    double hi = 1;
    for (SobolIndex i : xs) {
      lo = Math.min(lo, Math.min(fin(i.first().low()), fin(i.total().low())));
      hi = Math.max(hi, Math.max(fin(i.first().high()), fin(i.total().high())));
    }
    s.rect(X_BAR, 18, 24, 18, Palette.BLUE);
    s.text(X_BAR + 32, 33, "first order S1", 17, "start");
    s.rect(X_BAR + 200, 18, 24, 18, Palette.ORANGE);
    s.text(X_BAR + 232, 33, "total ST", 17, "start");
    s.text(X_BAR + 340, 33, "whiskers: 95% bootstrap interval", 17, "start");
    s.text(X_BAR - 12, top - 14, "parameter", 16, "end", true, Palette.INK);
    DoubleUnaryOperator x = axis(s, lo, hi, top, bottom, "share of the variance of " + output);
    double x0 = x.applyAsDouble(0);
    for (int k = 0; k < xs.size(); k++) {
      SobolIndex i = xs.get(k);
      double y = top + k * rowH;
      s.text(X_BAR - 12, y + rowH / 2 + 6, Svg.fit(i.parameter(), NAME_W, 16), 16, "end");
      bar(s, x, x0, y + 6, i.first().value(), i.first().low(), i.first().high(), Palette.BLUE,
          i.parameter() + ": S1 " + num(i.first().value(), 4) + " [" + num(i.first().low(), 4)
              + ", " + num(i.first().high(), 4) + "]");
      bar(s, x, x0, y + 29, i.total().value(), i.total().low(), i.total().high(),
          Palette.ORANGE, i.parameter() + ": ST " + num(i.total().value(), 4) + " ["
              + num(i.total().low(), 4) + ", " + num(i.total().high(), 4) + "]");
    }
    return figure("sobol", s, "Sobol indices of " + output,
        "S1: the share of the output's variance due to the parameter alone; ST: including all its"
            + " interactions. ST well above S1 means the parameter acts through interactions."
            + " Whiskers: 95% bootstrap intervals; estimates may fall slightly outside [0, 1]"
            + " with few points.");
  }

  private static void bar(Svg s, DoubleUnaryOperator x, double x0, double y, double v,
      double lo, double hi, String colour, String tip) {
    double xv = x.applyAsDouble(fin(v));
    s.tip(tip);
    s.rect(Math.min(x0, xv), y, Math.max(2, Math.abs(xv - x0)), 18, colour);
    s.end();
    s.mark();
    double xl = x.applyAsDouble(fin(lo));
    double xh = x.applyAsDouble(fin(hi));
    s.line(xl, y + 9, xh, y + 9, Palette.BLACK, 2);
    s.line(xl, y + 3, xl, y + 15, Palette.BLACK, 2);
    s.line(xh, y + 3, xh, y + 15, Palette.BLACK, 2);
  }

  /** Spearman rank correlations, one bar per parameter from 0. */
  static String ranks(List<SensitivityReport.Rank> ranks, String output) {
    List<SensitivityReport.Rank> rs = ranks == null ? List.of() : ranks;
    double rowH = 40;
    double top = 40;
    double bottom = top + rs.size() * rowH;
    Svg s = new Svg(W, bottom + 70);
    s.text(X_BAR - 12, top - 14, "parameter", 16, "end", true, Palette.INK);
    DoubleUnaryOperator x = axis(s, -1, 1, top, bottom, "Spearman rank correlation with "
        + output);
    double x0 = x.applyAsDouble(0);
    for (int k = 0; k < rs.size(); k++) {
      SensitivityReport.Rank r = rs.get(k);
      double y = top + k * rowH;
      double xv = x.applyAsDouble(fin(r.rho()));
      s.text(X_BAR - 12, y + rowH / 2 + 6, Svg.fit(r.parameter(), NAME_W, 16), 16, "end");
      s.tip(r.parameter() + ": " + num(r.rho(), 4));
      s.rect(Math.min(x0, xv), y + 8, Math.max(2, Math.abs(xv - x0)), rowH - 16,
          r.rho() >= 0 ? Palette.ORANGE : Palette.BLUE);
      s.end();
      s.mark();
    }
    return figure("rank-correlation", s, "Rank correlations with " + output,
        "Spearman's rank correlation of each parameter with " + esc(output) + " over the sweep's"
            + " points: a global but monotone-only measure.");
  }

  /** PRIM's trajectory: density against coverage of every box, the chosen one marked. */
  static String primTrajectory(PrimResult prim, int chosen, double minCoverage, double baseRate) {
    List<PrimBox> boxes = prim == null ? List.of() : prim.trajectory();
    double left = 120;
    double plotW = W - left - 120;
    double top = 50;
    double plotH = 440;
    Svg s = new Svg(W, top + plotH + 80);
    double[] ticks = Svg.ticks(0, 1, 5);
    DoubleUnaryOperator px = v -> left + v * plotW;
    DoubleUnaryOperator py = v -> top + plotH - v * plotH;
    for (double t : ticks) {
      s.line(px.applyAsDouble(t), top, px.applyAsDouble(t), top + plotH,
          t == 0 ? "#444" : Palette.GRID, 1);
      s.line(left, py.applyAsDouble(t), left + plotW, py.applyAsDouble(t),
          t == 0 ? "#444" : Palette.GRID, 1);
      s.text(px.applyAsDouble(t), top + plotH + 24, num(t, 1), 16, "middle");
      s.text(left - 10, py.applyAsDouble(t) + 5, num(t, 1), 16, "end");
    }
    s.text(left + plotW / 2, top + plotH + 56, "coverage: share of the points of interest inside"
        + " the box", 16, "middle", true, Palette.INK);
    s.text(28, top + plotH / 2, "density: share of the box's points of interest", 16, "middle",
        true, Palette.INK, -90);
    s.line(px.applyAsDouble(minCoverage), top, px.applyAsDouble(minCoverage), top + plotH,
        Palette.VERMILLION, 1.5, "8 6");
    s.textHalo(px.applyAsDouble(minCoverage) + 6, top + plotH - 12, "minimum coverage "
        + num(minCoverage, 2), 15, "start", false, Palette.VERMILLION);
    s.line(left, py.applyAsDouble(baseRate), left + plotW, py.applyAsDouble(baseRate),
        Palette.GREY, 1.5, "3 5");
    s.textHalo(left + 8, py.applyAsDouble(baseRate) - 6, "base rate " + num(baseRate, 3), 15,
        "start", false, Palette.GREY);
    List<double[]> line = new java.util.ArrayList<>();
    for (PrimBox b : boxes) {
      line.add(new double[] {px.applyAsDouble(b.coverage()), py.applyAsDouble(b.density())});
    }
    if (line.size() > 1) {
      s.polyline(line, Palette.BLUE, 2, null);
    }
    for (PrimBox b : boxes) {
      boolean c = b.index() == chosen;
      s.tip("box " + b.index() + (b.index() <= prim.peels() ? "" : " (pasted)") + ": coverage "
          + num(b.coverage(), 3) + ", density " + num(b.density(), 3) + ", mass "
          + num(b.mass(), 3) + (c ? " (chosen)" : ""));
      s.circle(px.applyAsDouble(b.coverage()), py.applyAsDouble(b.density()), c ? 11 : 5,
          c ? Palette.ORANGE : Palette.BLUE, Palette.BLACK, c ? 2.5 : 1);
      s.end();
      s.mark();
    }
    PrimBox c = chosen >= 0 && chosen < boxes.size() ? boxes.get(chosen) : null;
    if (c != null) {
      s.textHalo(px.applyAsDouble(c.coverage()) + 16, py.applyAsDouble(c.density()) - 12,
          "chosen: box " + c.index(), 16, "start", true, Palette.INK);
    }
    return figure("prim-trajectory", s, "PRIM peeling trajectory",
        "Each dot is a box of the peeling trajectory, from the box around all the points (coverage"
            + " 1, density at the base rate) towards smaller, denser boxes. The chosen box is the"
            + " densest with at least the minimum coverage.");
  }

  /** The chosen box's limits on each parameter, within the sweep's declared ranges. */
  static String primBox(PrimResult prim, int chosen) {
    List<String> names = prim == null ? List.of() : prim.names();
    double rowH = 48;
    double top = 50;
    double bottom = top + names.size() * rowH;
    Svg s = new Svg(W, bottom + 40);
    PrimBox box = prim == null ? null : prim.box(chosen);
    s.rect(X_BAR, 14, 24, 18, Palette.tint(Palette.GREY, 0.6));
    s.text(X_BAR + 32, 29, "the sweep's range", 17, "start");
    s.rect(X_BAR + 220, 14, 24, 18, Palette.ORANGE);
    s.text(X_BAR + 252, 29, "the chosen box", 17, "start");
    for (int j = 0; j < names.size(); j++) {
      double lo = prim.rangeLow()[j];
      double hi = prim.rangeHigh()[j];
      double span = hi > lo ? hi - lo : 1;
      double y = top + j * rowH;
      PrimResult.Range limits = prim.limits(box).get(j);
      double bl = Math.max(lo, limits.low());
      double bh = Math.min(hi, limits.high());
      boolean restricted = prim.restricts(box, j);
      s.text(X_BAR - 12, y + rowH / 2 + 6, Svg.fit(names.get(j), NAME_W, 16), 16, "end",
          restricted, Palette.INK);
      s.rect(X_BAR, y + 10, BAR_W, rowH - 20, Palette.tint(Palette.GREY, 0.6));
      double x0 = X_BAR + (bl - lo) / span * BAR_W;
      double x1 = X_BAR + (bh - lo) / span * BAR_W;
      s.tip(names.get(j) + ": box " + num(bl, 4) + " to " + num(bh, 4) + " of " + num(lo, 4)
          + " to " + num(hi, 4) + (restricted ? "" : " (not restricted)"));
      s.rect(x0, y + 10, Math.max(2, x1 - x0), rowH - 20,
          restricted ? Palette.ORANGE : Palette.tint(Palette.ORANGE, 0.5));
      s.end();
      s.mark();
      s.text(X_BAR + BAR_W + 10, y + rowH / 2 + 6, "[" + num(bl, 3) + ", " + num(bh, 3) + "]",
          15, "start", restricted, "#222");
    }
    return figure("prim-box", s, "The chosen box",
        "The chosen box's range of each parameter (orange) within the range the sweep covered"
            + " (grey); parameters in bold are restricted.");
  }
}
