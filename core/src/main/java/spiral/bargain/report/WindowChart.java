package spiral.bargain.report;

import static spiral.bargain.report.PartyStyle.PARTY_DASHES;
import static spiral.bargain.report.PartyStyle.ZONE;
import static spiral.bargain.report.PartyStyle.clamp01;
import static spiral.bargain.report.PartyStyle.darker;
import static spiral.bargain.report.PartyStyle.finite;
import static spiral.bargain.report.PartyStyle.levelText;
import static spiral.bargain.report.PartyStyle.monthParts;
import static spiral.bargain.report.PartyStyle.partyColour;
import static spiral.bargain.report.PartyStyle.shortName;
import static spiral.bargain.report.PartyStyle.xy;
import static spiral.report.Figure.W;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import spiral.bargain.NegotiationReport;
import spiral.bargain.NegotiationReport.FearonRange;
import spiral.bargain.NegotiationReport.IssueLevels;
import spiral.bargain.NegotiationReport.Month;
import spiral.bargain.NegotiationReport.PartyResult;
import spiral.report.Figure;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * The window for talks month by month (each party's reservation value and the leverage on one
 * 0&ndash;1 axis, the months with a zone shaded, the zone's share of the agreement space as bars)
 * and the Fearon range of one issue on the 0&ndash;1 share axis. Each a {@link
 * spiral.report.Figure}. Cost: linear in months &times; parties, and in the issue's levels.
 */
final class WindowChart {
  private WindowChart() {}

  // ---------------------------------------------------------------- the window

  /**
   * Month by month: each party's reservation value and the leverage on one 0&ndash;1 axis, the
   * months with a zone shaded, and below, the zone's share of the agreement space as bars.
   */
  static String window(NegotiationReport r, Function<String, String> name, String leverageLabel) {
    List<Month> ms = r.window() == null ? List.of() : r.window();
    List<PartyResult> ps = r.parties() == null ? List.of() : r.parties();
    String label = "The window for talks, month by month";
    int n = ms.size();
    if (n == 0) {
      return Figure.figure("window", new Svg(W, 100), label, "");
    }
    double h = 720;
    Svg s = new Svg(W, h);
    double left = 96;
    double right = W - 240;
    double pTop = 110;
    double pBottom = 450;
    double bTop = 500;
    double bBottom = 600;
    double band = (right - left) / n;
    java.util.function.IntToDoubleFunction cx = i -> left + (i + 0.5) * band;
    DoubleUnaryOperator sy = v -> pBottom - clamp01(v) * (pBottom - pTop);

    // legend: two rows
    double lx = left;
    double ly = 26;
    for (int p = 0; p < ps.size(); p++) {
      String nm = shortName(name.apply(ps.get(p).id()));
      s.line(lx, ly, lx + 40, ly, partyColour(p), 3.5, PARTY_DASHES[p % PARTY_DASHES.length]);
      seriesMarker(s, p, lx + 20, ly, partyColour(p));
      String t = nm + " reservation";
      s.text(lx + 50, ly + 6, t, 16, "start");
      lx += 50 + Svg.textWidth(t, 16) + 28;
    }
    ly += 34;
    lx = left;
    s.line(lx, ly, lx + 40, ly, Palette.BLACK, 3, "2 5");
    leverageMarker(s, lx + 20, ly);
    s.text(lx + 50, ly + 6, leverageLabel, 16, "start");
    lx += 50 + Svg.textWidth(leverageLabel, 16) + 28;
    s.rect(lx, ly - 11, 30, 22, ZONE, "#444", 1);
    s.text(lx + 40, ly + 6, "a zone of agreement exists", 16, "start");
    lx += 40 + Svg.textWidth("a zone of agreement exists", 16) + 28;
    s.rect(lx, ly - 9, 14, 18, Palette.GREEN);
    s.text(lx + 22, ly + 6, "zone's share of the space (below)", 16, "start");

    // zone shading, one rectangle per run of months
    int i0 = -1;
    for (int i = 0; i <= n; i++) {
      boolean open = i < n && ms.get(i).zoneExists();
      if (open && i0 < 0) {
        i0 = i;
      } else if (!open && i0 >= 0) {
        s.rect(left + i0 * band, pTop, (i - i0) * band, bBottom - pTop, ZONE);
        i0 = -1;
      }
    }
    // grid and axes
    for (int k = 0; k <= 5; k++) {
      double t = k / 5.0;
      double y = sy.applyAsDouble(t);
      s.line(left, y, right, y, Palette.GRID, 1);
      s.text(left - 10, y + 5.5, num(t, 1), 16, "end");
    }
    s.rect(left, pTop, right - left, pBottom - pTop, null, "#444", 1.5);
    s.text(26, (pTop + pBottom) / 2, "value, 0\u20131 \u2192", 17, "middle", true, Palette.INK, -90);

    // the month analysed
    int kIndex = -1;
    for (int i = 0; i < n; i++) {
      if (ms.get(i).month() == r.month()) {
        kIndex = i;
      }
    }
    if (kIndex >= 0) {
      double x = cx.applyAsDouble(kIndex);
      s.line(x, pTop - 8, x, bBottom, Palette.BLACK, 2, "6 4");
      String t = "month analysed \u25BC";
      boolean fitsRight = x + Svg.textWidth(t, 15) / 2 <= right;
      s.textHalo(fitsRight && x - Svg.textWidth(t, 15) / 2 >= left ? x : fitsRight ? left : right,
          pTop - 12, t, 15, fitsRight && x - Svg.textWidth(t, 15) / 2 >= left ? "middle"
              : fitsRight ? "start" : "end", true, Palette.INK);
    }

    // reservation values, then leverage on top
    List<double[]> ends = new ArrayList<>();
    for (int p = 0; p < ps.size(); p++) {
      String id = ps.get(p).id();
      String colour = partyColour(p);
      List<double[]> line = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Double v = ms.get(i).reservations() == null ? null : ms.get(i).reservations().get(id);
        if (v != null && finite(v)) {
          line.add(new double[] {cx.applyAsDouble(i), sy.applyAsDouble(v), i, v});
        }
      }
      if (line.size() > 1) {
        s.polyline(xy(line), colour, 3.5, PARTY_DASHES[p % PARTY_DASHES.length]);
      }
      for (double[] pt : line) {
        Month m = ms.get((int) pt[2]);
        s.tip(m.label() + ": " + shortName(name.apply(id)) + "'s reservation value " + num(pt[3], 3));
        seriesMarker(s, p, pt[0], pt[1], colour);
        s.end();
        s.mark();
      }
      if (!line.isEmpty()) {
        ends.add(new double[] {line.get(line.size() - 1)[1], p});
      }
    }
    List<double[]> lev = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double v = ms.get(i).leverage();
      if (finite(v)) {
        lev.add(new double[] {cx.applyAsDouble(i), sy.applyAsDouble(v), i, v});
      }
    }
    if (lev.size() > 1) {
      s.polyline(xy(lev), Palette.BLACK, 3, "2 5");
    }
    for (double[] pt : lev) {
      s.tip(ms.get((int) pt[2]).label() + ": leverage p = " + num(pt[3], 3));
      leverageMarker(s, pt[0], pt[1]);
      s.end();
      s.mark();
    }
    if (!lev.isEmpty()) {
      ends.add(new double[] {lev.get(lev.size() - 1)[1], -1});
    }
    // direct labels at the right end, nudged apart
    ends.sort((p, q) -> Double.compare(p[0], q[0]));
    double prev = Double.NEGATIVE_INFINITY;
    for (double[] e : ends) {
      double y = Math.max(e[0], prev + 22);
      prev = y;
      int p = (int) e[1];
      String t = p < 0 ? "leverage" : shortName(name.apply(ps.get(p).id()));
      s.text(right + 12, y + 5.5, Svg.fit(t, W - right - 20, 16), 16, "start", true,
          p < 0 ? Palette.INK : darker(partyColour(p)));
    }

    // the zone's share as bars
    double maxShare = 0;
    for (Month m : ms) {
      if (finite(m.zoneShare())) {
        maxShare = Math.max(maxShare, m.zoneShare());
      }
    }
    double[] ticks = Svg.ticks(0, maxShare > 0 ? maxShare * 100 : 1, 2);
    double tMax = ticks[ticks.length - 1];
    int td = Svg.decimals(ticks);
    for (double t : ticks) {
      double y = bBottom - t / tMax * (bBottom - bTop);
      s.line(left, y, right, y, Palette.GRID, 1);
      s.text(left - 10, y + 5.5, num(t, td) + "%", 15, "end");
    }
    s.rect(left, bTop, right - left, bBottom - bTop, null, "#444", 1.5);
    s.text(right + 12, (bTop + bBottom) / 2 - 4, "zone's share", 16, "start", true, "#00573F");
    s.text(right + 12, (bTop + bBottom) / 2 + 16, "of the space", 16, "start", true, "#00573F");
    boolean anyZone = false;
    for (int i = 0; i < n; i++) {
      Month m = ms.get(i);
      double v = finite(m.zoneShare()) ? m.zoneShare() : 0;
      if (!m.zoneExists() && v <= 0) {
        continue;
      }
      anyZone = true;
      double bh = Math.max(2, v * 100 / tMax * (bBottom - bTop));
      double bw = Math.max(4, band * 0.56);
      s.tip(m.label() + ": a zone of agreement with " + pct(v) + " of the agreement space");
      s.rect(cx.applyAsDouble(i) - bw / 2, bBottom - bh, bw, bh, Palette.GREEN);
      s.end();
      s.mark();
    }
    if (!anyZone) {
      s.textHalo((left + right) / 2, (bTop + bBottom) / 2 + 6,
          "no zone of agreement in any month of the window", 16, "middle", true, Palette.INK);
    }
    // month labels, thinned to fit
    int every = Math.max(1, (int) Math.ceil(46 / band));
    String lastYear = "";
    for (int i = 0; i < n; i++) {
      double x = cx.applyAsDouble(i);
      s.line(x, bBottom, x, bBottom + 5, "#444", 1.5);
      if (i % every != 0) {
        continue;
      }
      String[] parts = monthParts(ms.get(i).label());
      s.text(x, bBottom + 24, parts[0], 16, "middle", i == kIndex, Palette.INK);
      if (!parts[1].equals(lastYear)) {
        s.text(x, bBottom + 44, parts[1], 16, "middle", true, Palette.INK);
        lastYear = parts[1];
      }
    }
    s.text((left + right) / 2, h - 22, "month of the window \u2192", 18, "middle", true, Palette.INK);
    return Figure.figure("window", s, label,
        "Each party's reservation value month by month (what it expects from fighting on; it "
            + "accepts an agreement worth at least that), and battlefield leverage on the same "
            + "0&ndash;1 axis (dotted black: " + esc(leverageLabel) + "). Shaded months have a "
            + "zone of agreement: some agreement gives every party at least its reservation "
            + "value. The bars below give the zone's share of the agreement space. Hover a point "
            + "for its value.");
  }

  private static void seriesMarker(Svg s, int p, double x, double y, String colour) {
    switch (p % 3) {
      case 0 -> s.circle(x, y, 7, colour, "#FFFFFF", 1.5);
      case 1 -> s.rect(x - 6.5, y - 6.5, 13, 13, colour, "#FFFFFF", 1.5);
      default -> s.polygon(List.of(new double[] {x, y - 9}, new double[] {x + 9, y + 7},
          new double[] {x - 9, y + 7}), colour, "#FFFFFF", 1.5);
    }
  }

  private static void leverageMarker(Svg s, double x, double y) {
    s.polygon(List.of(new double[] {x, y - 8}, new double[] {x + 8, y}, new double[] {x, y + 8},
        new double[] {x - 8, y}), "#FFFFFF", Palette.BLACK, 2.5);
  }

  // ---------------------------------------------------------------- Fearon

  /**
   * The Fearon range on the 0&ndash;1 share axis: the range as a bar, p marked, the issue's
   * levels as ticks (those inside the range highlighted), and the incomplete-information demand.
   */
  static String fearon(FearonRange f, IssueLevels issue, List<Double> shares, Function<String, String> name) {
    String pn = shortName(name.apply(f.party()));
    String on = shortName(name.apply(f.other()));
    List<String> levels = issue == null || issue.levels() == null ? List.of() : issue.levels();
    List<String> inside = f.levelsInRange() == null ? List.of() : f.levelsInRange();
    double left = 80;
    double right = W - 80;
    double demandY = 64;
    double barTop = 92;
    double barH = 44;
    double axisY = 214;
    DoubleUnaryOperator sx = x -> left + clamp01(x) * (right - left);

    // level labels under the axis, in as many rows as they need
    List<double[]> labelAt = new ArrayList<>();
    List<Double> rowEnds = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      double x = share(shares, i, levels.size());
      String t = levelText(issue, levels.get(i));
      double w = Svg.textWidth(t, 16) * 1.05;
      double cxl = sx.applyAsDouble(x);
      double x0 = Math.max(4, Math.min(W - 4 - w, cxl - w / 2));
      int row = 0;
      while (row < rowEnds.size() && rowEnds.get(row) > x0 - 12) {
        row++;
      }
      if (row == rowEnds.size()) {
        rowEnds.add(0.0);
      }
      rowEnds.set(row, x0 + w);
      labelAt.add(new double[] {x0 + w / 2, row});
    }
    double labelsTop = axisY + 58;
    double h = labelsTop + Math.max(1, rowEnds.size()) * 24 + 56;
    Svg s = new Svg(W, h);

    // axis
    for (int k = 0; k <= 10; k++) {
      double x = sx.applyAsDouble(k / 10.0);
      s.line(x, barTop - 6, x, axisY, Palette.GRID, 1);
      s.line(x, axisY, x, axisY + 6, "#444", 1.5);
      s.text(x, axisY + 26, num(k / 10.0, 1), 15, "middle", false, "#333");
    }
    s.line(left, axisY, right, axisY, "#444", 2);

    double[] range = f.range();
    if (range != null && range.length >= 2 && finite(range[0]) && finite(range[1])) {
      double x0 = sx.applyAsDouble(Math.min(range[0], range[1]));
      double x1 = sx.applyAsDouble(Math.max(range[0], range[1]));
      s.tip("the bargaining range (" + num(range[0], 3) + ", " + num(range[1], 3)
          + "): every split in it is better for both than fighting");
      s.rect(x0, barTop, Math.max(2, x1 - x0), barH, Palette.tint(Palette.BLUE, 0.55), Palette.BLUE, 2.5);
      s.end();
      s.mark();
      String lo = "p \u2212 c(" + pn + ") = " + num(range[0], 2);
      String hi = "p + c(" + on + ") = " + num(range[1], 2);
      double mid = barTop + barH / 2 + 6;
      if (x0 - 10 - Svg.textWidth(lo, 16) >= 2) {
        s.text(x0 - 10, mid, lo, 16, "end", true, Palette.INK);
      } else {
        s.text(x0 + 8, mid, lo, 16, "start", true, Palette.INK);
      }
      if (x1 + 10 + Svg.textWidth(hi, 16) <= W - 2) {
        s.text(x1 + 10, mid, hi, 16, "start", true, Palette.INK);
      } else {
        s.text(x1 - 8, mid, hi, 16, "end", true, Palette.INK);
      }
    }
    if (finite(f.p())) {
      double x = sx.applyAsDouble(f.p());
      s.tip(pn + "'s chance of prevailing p = " + num(f.p(), 3));
      s.line(x, barTop - 8, x, barTop + barH + 8, Palette.BLACK, 4);
      s.end();
      s.mark();
      s.textHalo(x, barTop + barH + 28, "p = " + num(f.p(), 2), 16, "middle", true, Palette.INK);
    }
    double[] d = f.demand();
    if (d != null && d.length >= 2 && finite(d[0])) {
      double x = sx.applyAsDouble(d[0]);
      s.tip(pn + "'s take-it-or-leave-it demand x* = " + num(d[0], 3) + ", P(war) " + pct(d[1])
          + (d.length > 2 ? ", expected utility " + num(d[2], 3) : ""));
      s.polygon(List.of(new double[] {x - 11, demandY + 8}, new double[] {x + 11, demandY + 8},
          new double[] {x, demandY + 26}), Palette.VERMILLION, Palette.BLACK, 1.5);
      s.end();
      s.mark();
      String t = "demand x* = " + num(d[0], 2) + ", P(war) " + pct(d[1]);
      double tw = Svg.textWidth(t, 16);
      double tx = Math.max(4 + tw / 2, Math.min(W - 4 - tw / 2, x));
      s.textHalo(tx, demandY, t, 16, "middle", true, "#A13F00");
    }
    for (int i = 0; i < levels.size(); i++) {
      double x = sx.applyAsDouble(share(shares, i, levels.size()));
      boolean in = inside.contains(levels.get(i));
      String t = levelText(issue, levels.get(i));
      s.tip(t + ": share " + num(share(shares, i, levels.size()), 3)
          + (in ? ", inside the range" : ", outside the range"));
      s.line(x, axisY - 16, x, axisY + 8, in ? Palette.GREEN : "#6E6E6E", in ? 4 : 2.5);
      s.circle(x, axisY - 16, in ? 9 : 7, in ? Palette.GREEN : "#FFFFFF", in ? Palette.BLACK : "#6E6E6E",
          in ? 2 : 2);
      s.end();
      s.mark();
      double[] la = labelAt.get(i);
      double ly = labelsTop + la[1] * 24;
      s.line(x, axisY + 30, la[0], ly - 16, in ? Palette.GREEN : "#9A9A9A", 1.2, "2 3");
      s.text(la[0], ly, t, 16, "middle", in, in ? "#00573F" : "#333");
    }
    String issueName = issue == null ? f.issue() : issue.name();
    s.text((left + right) / 2, h - 18, pn + "'s share x of " + Svg.fit(issueName, 500, 17) + " (0: all to "
        + on + ", 1: all to " + pn + ") \u2192", 17, "middle", true, Palette.INK);
    return Figure.figure("fearon", s, "The Fearon bargaining range",
        "The bargaining range of Fearon (1995) on " + esc(issueName) + ": with " + esc(pn)
            + "'s chance of prevailing p and each side's cost of war c, every split x inside the "
            + "blue bar gives both sides more than fighting does. Ticks: the issue's levels at their "
            + "share for " + esc(pn) + " (green and bold: inside the range)."
            + (d != null ? " Triangle: " + esc(pn) + "'s best take-it-or-leave-it demand when "
                + esc(on) + "'s cost is uncertain, and the chance that it is refused (war)." : ""));
  }

  private static double share(List<Double> shares, int i, int n) {
    if (shares != null && i < shares.size() && shares.get(i) != null && finite(shares.get(i))) {
      return shares.get(i);
    }
    return n <= 1 ? 0 : (double) i / (n - 1);
  }
}
