package spiral.report;

import static spiral.report.Html.esc;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import spiral.bargain.NegotiationReport;
import spiral.bargain.NegotiationReport.Agreement;
import spiral.bargain.NegotiationReport.FearonRange;
import spiral.bargain.NegotiationReport.IssueLevels;
import spiral.bargain.NegotiationReport.Month;
import spiral.bargain.NegotiationReport.PartyResult;
import spiral.bargain.NegotiationReport.ProposalResult;
import spiral.bargain.PositionsReport;

/**
 * The charts of the negotiation and positions reports: the utility space of the first two
 * parties, the window for talks month by month, the Fearon range, the timeline of public
 * positions and the gap between two parties. Same conventions as {@link Charts}: each chart an
 * inline SVG in a {@code <figure class="chart">} whose {@code data-points} counts the data marks,
 * a "no data" line instead of an empty chart, text of at least 14 user units.
 */
final class NegotiationCharts {
  private NegotiationCharts() {}

  static final double W = Charts.W;

  /** Party colours, in party order (the same in every chart and table of a report). */
  private static final String[] PARTY_COLOURS = {Palette.BLUE, Palette.VERMILLION, Palette.GREEN,
    Palette.PURPLE, Palette.ORANGE, Palette.SKY_BLUE, Palette.GREY};
  private static final String[] PARTY_DASHES = {null, "12 6", "4 4", "14 5 3 5", "8 4", "2 3", "16 4"};
  private static final String ZONE = Palette.tint(Palette.GREEN, 0.8);
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
    "Sep", "Oct", "Nov", "Dec"};

  static String partyColour(int i) {
    return PARTY_COLOURS[Math.floorMod(i, PARTY_COLOURS.length)];
  }

  /** A name short enough for a chart label: the part before a parenthesis, when there is one. */
  static String shortName(String name) {
    if (name == null) {
      return "";
    }
    int cut = name.indexOf(" (");
    return cut >= 3 ? name.substring(0, cut) : name;
  }

  // ---------------------------------------------------------------- the utility space

  /**
   * The first two parties' utilities: the Pareto frontier, the proposals (numbered, with a key),
   * the reservation values as dashed lines with the zone quadrant shaded, and the Nash,
   * Kalai&ndash;Smorodinsky and egalitarian agreements.
   */
  static String utilitySpace(NegotiationReport r, Function<String, String> name) {
    List<PartyResult> ps = r.parties() == null ? List.of() : r.parties();
    String label = "The utility space of the first two parties";
    if (ps.size() < 2) {
      return Charts.figure("utility-space", new Svg(W, 100), label, "");
    }
    PartyResult a = ps.get(0);
    PartyResult b = ps.get(1);
    String an = shortName(name.apply(a.id()));
    String bn = shortName(name.apply(b.id()));
    List<ProposalResult> proposals = r.proposals() == null ? List.of() : r.proposals();

    double left = 104;
    double top = 24;
    double size = 640;
    double right = left + size;
    double bottom = top + size;
    double xKey = right + 56;
    double keyW = W - xKey - 10;
    // the key: fixed rows, then two lines per proposal
    double keyH = 8 * 34 + 40 + proposals.size() * 46;
    double h = Math.max(bottom + 90, keyH + 30);
    Svg s = new Svg(W, h);
    DoubleUnaryOperator sx = u -> left + clamp01(u) * size;
    DoubleUnaryOperator sy = u -> bottom - clamp01(u) * size;
    double ra = a.reservation();
    double rb = b.reservation();

    // the zone for these two: the upper-right quadrant of the reservation values
    s.rect(sx.applyAsDouble(ra), top, right - sx.applyAsDouble(ra), sy.applyAsDouble(rb) - top, ZONE);
    for (int i = 0; i <= 10; i++) {
      double t = i / 10.0;
      s.line(sx.applyAsDouble(t), top, sx.applyAsDouble(t), bottom, Palette.GRID, 1);
      s.line(left, sy.applyAsDouble(t), right, sy.applyAsDouble(t), Palette.GRID, 1);
      s.text(sx.applyAsDouble(t), bottom + 24, num(t, 1), 16, "middle");
      s.text(left - 10, sy.applyAsDouble(t) + 5.5, num(t, 1), 16, "end");
    }
    s.rect(left, top, size, size, null, "#444", 1.5);
    s.text(left + size / 2, bottom + 58, "utility of " + an + " \u2192", 18, "middle", true,
        Palette.INK);
    s.text(30, top + size / 2, "utility of " + bn + " \u2192", 18, "middle", true, Palette.INK, -90);

    List<Box> taken = new ArrayList<>();
    // the frontier: filled where every party accepts, hollow where some party does not
    List<List<Double>> frontier = r.paretoFrontier() == null ? List.of() : r.paretoFrontier();
    List<double[]> accepted = new ArrayList<>();
    List<double[]> rejected = new ArrayList<>();
    for (List<Double> v : frontier) {
      if (v == null || v.size() < 2 || !finite(v.get(0)) || !finite(v.get(1))) {
        continue;
      }
      boolean all = true;
      for (int p = 0; p < Math.min(v.size(), ps.size()); p++) {
        all &= v.get(p) != null && v.get(p) >= ps.get(p).reservation() - 1e-9;
      }
      double[] pt = {v.get(0), v.get(1)};
      (all ? accepted : rejected).add(pt);
    }
    if (ps.size() == 2 && accepted.size() + rejected.size() > 1) {
      List<double[]> line = new ArrayList<>();
      line.addAll(accepted);
      line.addAll(rejected);
      line.sort((p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0]) : Double.compare(q[1], p[1]));
      List<double[]> xy = new ArrayList<>();
      for (double[] p : line) {
        xy.add(new double[] {sx.applyAsDouble(p[0]), sy.applyAsDouble(p[1])});
      }
      s.polyline(xy, Palette.tint(Palette.BLUE, 0.4), 2, null);
    }
    for (double[] p : rejected) {
      s.circle(sx.applyAsDouble(p[0]), sy.applyAsDouble(p[1]), 4, "#FFFFFF", "#6E6E6E", 1.5);
      s.mark();
    }
    for (double[] p : accepted) {
      s.circle(sx.applyAsDouble(p[0]), sy.applyAsDouble(p[1]), 5, Palette.BLUE, "#FFFFFF", 1);
      s.mark();
    }

    // reservation values: dashed lines now, their labels once the markers are placed
    double xa = sx.applyAsDouble(ra);
    double yb = sy.applyAsDouble(rb);
    s.line(xa, top, xa, bottom, partyColour(0), 3, "10 6");
    s.line(left, yb, right, yb, partyColour(1), 3, "10 6");

    // solutions, under the proposals' labels: egalitarian, then KS, then Nash on top
    Agreement[] solutions = {r.egalitarian(), r.kalaiSmorodinsky(), r.nash()};
    String[] solutionNames = {"egalitarian", "Kalai\u2013Smorodinsky", "Nash"};
    for (int k = 0; k < 3; k++) {
      double[] u = utilities(solutions[k], a.id(), b.id());
      if (u == null) {
        continue;
      }
      double px = sx.applyAsDouble(u[0]);
      double py = sy.applyAsDouble(u[1]);
      s.tip(solutionNames[k] + " agreement: " + describe(solutions[k], ps, r.issues(), name));
      solutionMarker(s, k, px, py);
      s.end();
      s.mark();
      taken.add(new Box(px - 17, py - 17, px + 17, py + 17));
    }

    // proposals: numbered markers, labelled where there is room, listed in the key; a proposal
    // at the same point as an earlier one is named in the earlier one's label instead
    List<double[]> at = new ArrayList<>();
    List<List<Integer>> same = new ArrayList<>();
    for (int i = 0; i < proposals.size(); i++) {
      ProposalResult p = proposals.get(i);
      double[] u = utilities(p.utilities(), a.id(), b.id());
      double[] xy = u == null ? null : new double[] {sx.applyAsDouble(u[0]), sy.applyAsDouble(u[1])};
      same.add(new ArrayList<>());
      for (int j = 0; j < i && xy != null; j++) {
        if (at.get(j) != null && Math.abs(at.get(j)[0] - xy[0]) < 4 && Math.abs(at.get(j)[1] - xy[1]) < 4) {
          same.get(j).add(i);
          xy = null;
        }
      }
      at.add(xy);
      if (xy != null) {
        taken.add(new Box(xy[0] - 15, xy[1] - 15, xy[0] + 15, xy[1] + 15));
      }
    }
    for (int i = 0; i < proposals.size(); i++) {
      ProposalResult p = proposals.get(i);
      if (at.get(i) == null) {
        continue;
      }
      double px = at.get(i)[0];
      double py = at.get(i)[1];
      s.tip((i + 1) + ". " + p.name() + (p.date() == null || p.date().isBlank() ? "" : " (" + p.date() + ")")
          + " \u2014 " + utilitiesText(p.utilities(), ps, name)
          + (p.acceptedByAll() ? "; accepted by every party" : "; not accepted by every party"));
      if (p.acceptedByAll()) {
        s.circle(px, py, 17, null, Palette.BLACK, 2.5);
      }
      s.circle(px, py, 13, Palette.ORANGE, Palette.BLACK, 2);
      s.text(px, py + 5.5, Integer.toString(i + 1), 15, "middle", true, Palette.INK);
      s.end();
      s.mark();
    }
    Box plot = new Box(left + 2, top + 2, right - 2, bottom - 2);
    String la = an + " reservation " + num(ra, 2);
    String lb = bn + " reservation " + num(rb, 2);
    double wa = Svg.textWidth(la, 16) + 4;
    double wb = Svg.textWidth(lb, 16) + 4;
    List<double[]> aSpots = new ArrayList<>();
    for (double y : new double[] {bottom - 14, top + 22, top + size * 0.5, bottom - 44, top + 52}) {
      aSpots.add(new double[] {xa + 8, y, 1});
      aSpots.add(new double[] {xa - 8, y, -1});
    }
    placeLabel(s, la, wa, aSpots, plot, taken, darker(partyColour(0)));
    List<double[]> bSpots = new ArrayList<>();
    for (double dy : new double[] {-8, 22}) {
      bSpots.add(new double[] {right - 8, yb + dy, -1});
      bSpots.add(new double[] {left + 8, yb + dy, 1});
      bSpots.add(new double[] {left + size * 0.5, yb + dy, 1});
    }
    placeLabel(s, lb, wb, bSpots, plot, taken, darker(partyColour(1)));
    if (ra < 0.98 && rb < 0.98) {
      String zone = "zone for " + an + " and " + bn;
      double wz = Svg.textWidth(zone, 16) + 4;
      List<double[]> zSpots = new ArrayList<>();
      zSpots.add(new double[] {right - 8, top + 22, -1});
      zSpots.add(new double[] {right - 8, Math.max(top + 22, yb - 34), -1});
      placeLabel(s, zone, wz, zSpots, plot, taken, "#00573F");
    }
    for (int i = 0; i < proposals.size(); i++) {
      if (at.get(i) == null) {
        continue;
      }
      String also = "";
      for (int j : same.get(i)) {
        also += (also.isEmpty() ? " (= " : ", ") + (j + 1);
      }
      also += also.isEmpty() ? "" : ")";
      String text = Svg.fit(proposalLabel(proposals.get(i).name()), 250 - Svg.textWidth(also, 15), 15) + also;
      double tw = Svg.textWidth(text, 15) + 4;
      double px = at.get(i)[0];
      double py = at.get(i)[1];
      for (double dy : new double[] {0, -26, 26, -48, 48}) {
        boolean placed = false;
        for (int side : new int[] {1, -1}) {
          double ax = px + side * 20;
          double x0 = side > 0 ? ax : ax - tw;
          Box box = new Box(x0, py + dy - 11, x0 + tw, py + dy + 9);
          if (box.fits(plot, taken)) {
            s.textHalo(ax, py + dy + 5, text, 15, side > 0 ? "start" : "end", false, Palette.INK);
            taken.add(box);
            placed = true;
            break;
          }
        }
        if (placed) {
          break;
        }
      }
    }

    // the key, on the right
    double ky = top + 14;
    s.rect(xKey, ky - 12, 30, 22, ZONE, "#444", 1);
    s.text(xKey + 40, ky + 5, Svg.fit("zone: both at or above their reservation", keyW - 40, 16), 16, "start");
    ky += 34;
    s.line(xKey, ky, xKey + 30, ky, Palette.INK, 3, "10 6");
    s.text(xKey + 40, ky + 5, "reservation value (value of no deal)", 16, "start");
    ky += 34;
    s.circle(xKey + 15, ky, 5, Palette.BLUE, "#FFFFFF", 1);
    s.text(xKey + 40, ky + 5, Svg.fit("Pareto-optimal, every party accepts", keyW - 40, 16), 16, "start");
    ky += 34;
    s.circle(xKey + 15, ky, 4, "#FFFFFF", "#6E6E6E", 1.5);
    s.text(xKey + 40, ky + 5, Svg.fit("Pareto-optimal, some party rejects", keyW - 40, 16), 16, "start");
    for (int k = 2; k >= 0; k--) {
      ky += 34;
      solutionMarker(s, k, xKey + 15, ky);
      String what = solutionNames[k] + " agreement" + (solutions[k] == null ? " (none: no zone)" : "");
      s.text(xKey + 40, ky + 5, what, 16, "start", k == 2, Palette.INK);
    }
    ky += 34;
    s.circle(xKey + 15, ky, 17, null, Palette.BLACK, 2.5);
    s.circle(xKey + 15, ky, 13, Palette.ORANGE, Palette.BLACK, 2);
    s.text(xKey + 40, ky + 5, "proposal (ringed: every party accepts)", 16, "start");
    ky += 40;
    s.text(xKey, ky, "Proposals", 17, "start", true, Palette.INK);
    for (int i = 0; i < proposals.size(); i++) {
      ProposalResult p = proposals.get(i);
      ky += 26;
      s.text(xKey + 6, ky, (i + 1) + ".", 16, "start", true, Palette.INK);
      List<String> lines = Charts.wrap(p.name() == null ? p.id() : p.name(), keyW - 40, 15, 2);
      for (int l = 0; l < lines.size(); l++) {
        s.text(xKey + 32, ky + l * 18, lines.get(l), 15, "start");
      }
      ky += 20;
    }
    String caption = "Each agreement's utility to " + esc(an) + " (across) and " + esc(bn)
        + " (up). Blue dots: Pareto-optimal agreements (no other agreement is better for one "
        + "party and no worse for the others)"
        + (ps.size() > 2 ? ", projected onto these two; filled where every party, "
            + esc(names(ps.subList(2, ps.size()), name)) + " included, accepts" : "")
        + ". Dashed lines: the reservation values, what each expects from no agreement; the "
        + "shaded quadrant above both is the zone of agreement for these two. Numbered circles: "
        + "the proposals. The star, square and triangle mark the Nash, Kalai&ndash;Smorodinsky and "
        + "egalitarian agreements over the zone" + (r.nash() == null ? " (none here: no agreement "
            + "gives every party its reservation value)" : "")
        + ". Hover a point for its figures.";
    return Charts.figure("utility-space", s, "The utility space of " + an + " and " + bn, caption);
  }

  /** Draws a bold label at the first spot {x, y, side} where it fits and collides with nothing. */
  private static void placeLabel(Svg s, String text, double w, List<double[]> spots, Box area, List<Box> taken,
      String colour) {
    for (double[] c : spots) {
      double x0 = c[2] > 0 ? c[0] : c[0] - w;
      Box box = new Box(x0, c[1] - 16, x0 + w, c[1] + 5);
      if (box.fits(area, taken)) {
        s.textHalo(c[0], c[1], text, 16, c[2] > 0 ? "start" : "end", true, colour);
        taken.add(box);
        return;
      }
    }
    double[] c = spots.get(0);
    s.textHalo(c[0], c[1], text, 16, c[2] > 0 ? "start" : "end", true, colour);
  }

  private static void solutionMarker(Svg s, int k, double x, double y) {
    switch (k) {
      case 0 -> s.polygon(List.of(new double[] {x, y - 17}, new double[] {x + 15, y + 10},
          new double[] {x - 15, y + 10}), null, Palette.PURPLE, 3.5);
      case 1 -> s.rect(x - 12, y - 12, 24, 24, null, Palette.VERMILLION, 3.5);
      default -> s.polygon(star(x, y, 13, 5.5), Palette.BLACK, "#FFFFFF", 1.5);
    }
  }

  private static List<double[]> star(double x, double y, double outer, double inner) {
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? outer : inner;
      double a = -Math.PI / 2 + i * Math.PI / 5;
      pts.add(new double[] {x + r * Math.cos(a), y + r * Math.sin(a)});
    }
    return pts;
  }

  /** The label of a proposal in the plot: its name up to a colon, when that is long enough. */
  private static String proposalLabel(String name) {
    if (name == null) {
      return "";
    }
    int colon = name.indexOf(':');
    return colon >= 12 ? name.substring(0, colon) : name;
  }

  private static double[] utilities(Agreement ag, String a, String b) {
    return ag == null ? null : utilities(ag.utilities(), a, b);
  }

  private static double[] utilities(Map<String, Double> u, String a, String b) {
    if (u == null) {
      return null;
    }
    Double ua = u.get(a);
    Double ub = u.get(b);
    return ua == null || ub == null || !finite(ua) || !finite(ub) ? null : new double[] {ua, ub};
  }

  static String utilitiesText(Map<String, Double> u, List<PartyResult> ps, Function<String, String> name) {
    List<String> parts = new ArrayList<>();
    for (PartyResult p : ps) {
      Double v = u == null ? null : u.get(p.id());
      parts.add(shortName(name.apply(p.id())) + " " + (v == null ? "n/a" : num(v, 3)));
    }
    return String.join(", ", parts);
  }

  /** Utilities, then the levels in issue order (any other issue after, by id). */
  private static String describe(Agreement ag, List<PartyResult> ps, List<IssueLevels> issues,
      Function<String, String> name) {
    StringBuilder b = new StringBuilder(utilitiesText(ag.utilities(), ps, name));
    if (ag.levels() != null && !ag.levels().isEmpty()) {
      List<String> parts = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (IssueLevels is : issues == null ? List.<IssueLevels>of() : issues) {
        String level = ag.levels().get(is.id());
        if (level != null) {
          parts.add(is.id() + " " + levelText(is, level));
          seen.add(is.id());
        }
      }
      List<String> rest = new ArrayList<>(ag.levels().keySet());
      rest.removeAll(seen);
      java.util.Collections.sort(rest);
      for (String id : rest) {
        parts.add(id + " " + ag.levels().get(id));
      }
      b.append("; ").append(String.join(", ", parts));
    }
    return b.toString();
  }

  private static String names(List<PartyResult> ps, Function<String, String> name) {
    List<String> out = new ArrayList<>();
    for (PartyResult p : ps) {
      out.add(shortName(name.apply(p.id())));
    }
    return String.join(", ", out);
  }

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
      return Charts.figure("window", new Svg(W, 100), label, "");
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
    return Charts.figure("window", s, label,
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

  /** {"Mar", "2022"} for "2022-03"; the label and "" when it is no month. */
  private static String[] monthParts(String label) {
    try {
      YearMonth ym = YearMonth.parse(label);
      return new String[] {MONTHS[ym.getMonthValue() - 1], Integer.toString(ym.getYear())};
    } catch (RuntimeException e) {
      return new String[] {label == null ? "" : label, ""};
    }
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
    return Charts.figure("fearon", s, "The Fearon bargaining range",
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

  /** A level as read: numeric with its unit, booleans as yes / no. */
  static String levelText(IssueLevels issue, String level) {
    if (level == null) {
      return "";
    }
    if (issue != null && "boolean".equalsIgnoreCase(issue.kind())) {
      return switch (level) {
        case "true" -> "yes";
        case "false" -> "no";
        default -> level;
      };
    }
    if (issue != null && "numeric".equalsIgnoreCase(issue.kind()) && issue.unit() != null
        && !issue.unit().isBlank()) {
      return level + " " + issue.unit();
    }
    return level;
  }

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
      return Charts.figure("positions-timeline", new Svg(W, 100), label, "");
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
    return Charts.figure("positions-timeline", s, label,
        "Every dated public position, one lane per actor. Filled markers map onto the issue space "
            + "(a proposal or some issues' levels); hollow ones map onto no agreement, such as a "
            + "refusal to talk. Hover a marker for the statement; the table below lists them all.");
  }

  static String actorColour(int a) {
    return partyColour(a);
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
      return Charts.figure("gap", new Svg(W, 100), label, "");
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
    List<String> title = Charts.wrap("gap between " + an + " and " + bn + " \u2192", bottom - top, 17, 2);
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
    return Charts.figure("gap", s, label,
        "The distance between " + esc(an) + "'s and " + esc(bn) + "'s latest stated positions "
            + "after each dated position: the mean over the issues both speak to of how far apart "
            + "their levels lie along the issue, from 0 (the same level) to 1 (opposite ends). "
            + "Hover a point for the issues counted and the positions compared.");
  }

  // ---------------------------------------------------------------- helpers

  private static List<double[]> xy(List<double[]> pts) {
    List<double[]> out = new ArrayList<>();
    for (double[] p : pts) {
      out.add(new double[] {p[0], p[1]});
    }
    return out;
  }

  /** A darker shade of a palette colour for text on white (contrast at least 4.5:1). */
  static String darker(String colour) {
    return switch (colour) {
      case Palette.ORANGE -> "#8A5F00";
      case Palette.SKY_BLUE -> "#1F6E9C";
      case Palette.GREEN -> "#00694D";
      case Palette.VERMILLION -> "#A13F00";
      case Palette.PURPLE -> "#8E3A6C";
      case Palette.YELLOW -> "#6B6500";
      case Palette.GREY -> "#555555";
      default -> colour;
    };
  }

  private static boolean finite(Double v) {
    return v != null && Double.isFinite(v);
  }

  private static double clamp01(double v) {
    return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
  }
}
