package spiral.bargain.report;

import static spiral.bargain.report.PartyStyle.MONTHS;
import static spiral.bargain.report.PartyStyle.actorColour;
import static spiral.bargain.report.PartyStyle.clamp01;
import static spiral.bargain.report.PartyStyle.finite;
import static spiral.bargain.report.PartyStyle.shortName;
import static spiral.report.Figure.W;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import spiral.bargain.PositionsReport;
import spiral.report.Figure;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * The charts of the positions report: the timeline with one lane per actor and a marker per
 * statement, and the gap between the two parties after each dated position as a step line. Each a
 * {@link spiral.report.Figure}. Cost: linear in positions.
 */
final class PositionsCharts {
  private PositionsCharts() {}

  // ---------------------------------------------------------------- positions

  /** A date as an epoch day: YYYY-MM-DD, or YYYY-MM as the middle of the month; null if neither. */
  static Long day(String date) {
    if (date == null) {
      return null;
    }
    try {
      if (date.length() == 7) {
        return YearMonth.parse(date).atDay(15).toEpochDay();
      }
      return LocalDate.parse(date).toEpochDay();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The date axis shared by the timeline and the gap chart: {first day, last day}. */
  static double[] dateDomain(PositionsReport r) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (PositionsReport.Entry e : entries(r)) {
      Long d = day(e.date());
      if (d != null) {
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
    }
    for (PositionsReport.Gap g : gaps(r)) {
      Long d = day(g.date());
      if (d != null) {
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
    }
    if (lo > hi) {
      return null;
    }
    double pad = Math.max(12, (hi - lo) * 0.03);
    return new double[] {lo - pad, hi + pad};
  }

  private static List<PositionsReport.Entry> entries(PositionsReport r) {
    return r.positions() == null ? List.of() : r.positions();
  }

  private static List<PositionsReport.Gap> gaps(PositionsReport r) {
    return r.gaps() == null ? List.of() : r.gaps();
  }

  /** Month ticks (every 1, 3, 6 or 12 months) over the domain, labelled "Mar" with the year. */
  private static void dateAxis(Svg s, double[] dom, double left, double right, double top, double bottom) {
    LocalDate from = LocalDate.ofEpochDay((long) Math.ceil(dom[0])).withDayOfMonth(1);
    double days = dom[1] - dom[0];
    double perMonth = (right - left) / (days / 30.44);
    int step = perMonth >= 46 ? 1 : perMonth * 3 >= 46 ? 3 : perMonth * 6 >= 46 ? 6 : 12;
    String lastYear = "";
    for (LocalDate d = from; d.toEpochDay() <= dom[1]; d = d.plusMonths(1)) {
      if (d.toEpochDay() < dom[0] || (d.getMonthValue() - 1) % step != 0) {
        continue;
      }
      double x = left + (d.toEpochDay() - dom[0]) / days * (right - left);
      s.line(x, top, x, bottom, Palette.GRID, 1);
      s.line(x, bottom, x, bottom + 6, "#444", 1.5);
      s.text(x, bottom + 24, step == 12 ? Integer.toString(d.getYear()) : MONTHS[d.getMonthValue() - 1],
          16, "middle");
      String year = Integer.toString(d.getYear());
      if (step < 12 && !year.equals(lastYear)) {
        s.text(x, bottom + 44, year, 16, "middle", true, Palette.INK);
        lastYear = year;
      }
    }
  }

  /** One lane per actor, a marker per statement (filled when it maps onto the issue space). */
  static String positionsTimeline(PositionsReport r, List<String> actors, Function<String, String> name,
      Function<PositionsReport.Entry, String> describe) {
    String label = "Public positions over time";
    double[] dom = dateDomain(r);
    if (dom == null || actors.isEmpty()) {
      return Figure.figure("positions-timeline", new Svg(W, 100), label, "");
    }
    double laneH = 58;
    double top = 66;
    double left = 250;
    double right = W - 40;
    double bottom = top + actors.size() * laneH;
    double h = bottom + 66;
    Svg s = new Svg(W, h);
    double days = dom[1] - dom[0];
    DoubleUnaryOperator sx = d -> left + (d - dom[0]) / days * (right - left);

    s.circle(left + 10, 26, 10, Palette.GREY, Palette.INK, 1.5);
    s.text(left + 28, 32, "maps onto the issue space", 16, "start");
    double lx = left + 28 + Svg.textWidth("maps onto the issue space", 16) + 36;
    s.circle(lx + 10, 26, 9, "#FFFFFF", Palette.GREY, 3.5);
    s.text(lx + 28, 32, "maps onto no agreement (hover a marker for the statement)", 16, "start");

    for (int a = 0; a < actors.size(); a++) {
      double y0 = top + a * laneH;
      if (a % 2 == 0) {
        s.rect(left, y0, right - left, laneH, "#F2F2F2");
      }
    }
    dateAxis(s, dom, left, right, top, bottom);
    for (int a = 0; a < actors.size(); a++) {
      double mid = top + a * laneH + laneH / 2;
      s.line(left, mid, right, mid, "#BDBDBD", 1);
      String nm = Svg.fit(shortName(name.apply(actors.get(a))), left - 64, 17);
      s.rect(left - 14 - Svg.textWidth(nm, 17) * 1.08 - 28, mid - 9, 18, 18, actorColour(a), Palette.INK, 1);
      s.text(left - 14, mid + 6, nm, 17, "end", true, Palette.INK);
    }
    s.rect(left, top, right - left, bottom - top, null, "#444", 1.5);

    double[] lastX = new double[actors.size()];
    int[] stack = new int[actors.size()];
    java.util.Arrays.fill(lastX, Double.NEGATIVE_INFINITY);
    for (PositionsReport.Entry e : entries(r)) {
      Long d = day(e.date());
      int a = actors.indexOf(e.actor());
      if (d == null || a < 0) {
        continue;
      }
      double x = sx.applyAsDouble(d);
      double mid = top + a * laneH + laneH / 2;
      stack[a] = x - lastX[a] < 18 ? stack[a] + 1 : 0;
      lastX[a] = x;
      double y = mid + (stack[a] == 0 ? 0 : (stack[a] % 2 == 1 ? -14 : 14));
      boolean mapped = e.levels() != null && !e.levels().isEmpty();
      String colour = actorColour(a);
      s.tip(describe.apply(e));
      if (mapped) {
        s.circle(x, y, 10, colour, Palette.INK, 1.5);
      } else {
        s.circle(x, y, 9, "#FFFFFF", colour, 3.5);
      }
      s.end();
      s.mark();
    }
    return Figure.figure("positions-timeline", s, label,
        "Every dated public position, one lane per actor. Filled markers map onto the issue space "
            + "(a proposal or some issues' levels); hollow ones map onto no agreement, such as a "
            + "refusal to talk. Hover a marker for the statement; the table below lists them all.");
  }

  /** The gap between the two parties after each dated position, as a step line with points. */
  static String gap(PositionsReport r, Function<String, String> name) {
    List<String> between = r.between() == null ? List.of() : r.between();
    String an = between.size() > 0 ? shortName(name.apply(between.get(0))) : "";
    String bn = between.size() > 1 ? shortName(name.apply(between.get(1))) : "";
    String label = "The gap between " + an + " and " + bn;
    double[] dom = dateDomain(r);
    List<double[]> pts = new ArrayList<>();
    List<PositionsReport.Gap> shown = new ArrayList<>();
    for (PositionsReport.Gap g : gaps(r)) {
      Long d = day(g.date());
      if (d != null && finite(g.gap())) {
        pts.add(new double[] {d, g.gap()});
        shown.add(g);
      }
    }
    if (dom == null || pts.isEmpty()) {
      return Figure.figure("gap", new Svg(W, 100), label, "");
    }
    double h = 470;
    Svg s = new Svg(W, h);
    double left = 250;
    double right = W - 40;
    double top = 30;
    double bottom = h - 96;
    double days = dom[1] - dom[0];
    DoubleUnaryOperator sx = d -> left + (d - dom[0]) / days * (right - left);
    DoubleUnaryOperator sy = v -> bottom - clamp01(v) * (bottom - top);
    dateAxis(s, dom, left, right, top, bottom);
    for (int k = 0; k <= 5; k++) {
      double t = k / 5.0;
      double y = sy.applyAsDouble(t);
      s.line(left, y, right, y, Palette.GRID, 1);
      s.text(left - 10, y + 5.5, num(t, 1), 16, "end");
    }
    s.rect(left, top, right - left, bottom - top, null, "#444", 1.5);
    List<String> title = Figure.wrap("gap between " + an + " and " + bn + " \u2192", bottom - top, 17, 2);
    for (int l = 0; l < title.size(); l++) {
      s.text(40 + l * 24 - (title.size() - 1) * 12, (top + bottom) / 2, title.get(l), 17, "middle", true,
          Palette.INK, -90);
    }
    s.text(left - 50, top + 6, "opposite ends", 15, "end", false, "#333");
    s.text(left - 50, bottom + 5, "same position", 15, "end", false, "#333");

    List<double[]> step = new ArrayList<>();
    for (int i = 0; i < pts.size(); i++) {
      double x = sx.applyAsDouble(pts.get(i)[0]);
      double y = sy.applyAsDouble(pts.get(i)[1]);
      if (i > 0) {
        step.add(new double[] {x, step.get(step.size() - 1)[1]});
      }
      step.add(new double[] {x, y});
    }
    if (step.size() > 1) {
      s.polyline(step, Palette.BLACK, 3.5, null);
    }
    double lastLabel = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < pts.size(); i++) {
      PositionsReport.Gap g = shown.get(i);
      double x = sx.applyAsDouble(pts.get(i)[0]);
      double y = sy.applyAsDouble(pts.get(i)[1]);
      List<String> dates = g.positions() == null ? List.of() : g.positions();
      s.tip("after " + g.date() + ": gap " + num(g.gap(), 3) + " over " + g.issues()
          + (g.issues() == 1 ? " issue" : " issues")
          + (dates.size() >= 2 ? " (" + an + "'s position of " + dates.get(0) + ", " + bn
              + "'s of " + dates.get(1) + ")" : ""));
      s.circle(x, y, 8, Palette.BLACK, "#FFFFFF", 2);
      s.end();
      s.mark();
      if (x - lastLabel >= 44) {
        s.textHalo(x, y - 15, num(g.gap(), 2), 15, "middle", true, Palette.INK);
        lastLabel = x;
      }
    }
    return Figure.figure("gap", s, label,
        "The distance between " + esc(an) + "'s and " + esc(bn) + "'s latest stated positions "
            + "after each dated position: the mean over the issues both speak to of how far apart "
            + "their levels lie along the issue, from 0 (the same level) to 1 (opposite ends). "
            + "Hover a point for the issues counted and the positions compared.");
  }
}
