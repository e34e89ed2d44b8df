package spiral.bargain.report;

import static spiral.bargain.report.PartyStyle.ZONE;
import static spiral.bargain.report.PartyStyle.clamp01;
import static spiral.bargain.report.PartyStyle.darker;
import static spiral.bargain.report.PartyStyle.finite;
import static spiral.bargain.report.PartyStyle.levelText;
import static spiral.bargain.report.PartyStyle.partyColour;
import static spiral.bargain.report.PartyStyle.shortName;
import static spiral.report.Figure.W;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import spiral.bargain.NegotiationReport;
import spiral.bargain.NegotiationReport.Agreement;
import spiral.bargain.NegotiationReport.IssueLevels;
import spiral.bargain.NegotiationReport.PartyResult;
import spiral.bargain.NegotiationReport.ProposalResult;
import spiral.report.Box;
import spiral.report.Figure;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * The first two parties' utilities: the Pareto frontier, the proposals (numbered, with a key), the
 * reservation values as dashed lines with the zone quadrant shaded, and the Nash,
 * Kalai&ndash;Smorodinsky and egalitarian agreements, labelled without overlaps. A {@link
 * spiral.report.Figure}. Cost: linear in frontier points; label placement quadratic in the labels.
 */
final class UtilitySpaceChart {
  private UtilitySpaceChart() {}

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
      return Figure.figure("utility-space", new Svg(W, 100), label, "");
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
      List<String> lines = Figure.wrap(p.name() == null ? p.id() : p.name(), keyW - 40, 15, 2);
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
    return Figure.figure("utility-space", s, "The utility space of " + an + " and " + bn, caption);
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
}
