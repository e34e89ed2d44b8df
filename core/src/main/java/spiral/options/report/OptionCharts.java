package spiral.options.report;

import static spiral.report.Figure.W;
import static spiral.report.Figure.figure;
import static spiral.report.Figure.wrap;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;
import static spiral.report.Html.pctInterval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import spiral.ladder.Ladder;
import spiral.ladder.Rung;
import spiral.options.OptionResult;
import spiral.report.Box;
import spiral.report.Palette;
import spiral.report.Svg;
import spiral.sim.Proportion;

/**
 * The ladder (all rungs top-down, coloured by group, with the thresholds and the attack's rung)
 * and the deterrence/escalation trade-off of the options report, with the kinetic levels' order
 * and labels. Each chart is a {@link spiral.report.Figure}. Cost: linear in rungs, and in options
 * for the trade-off (its label placement quadratic in options).
 */
final class OptionCharts {
  private OptionCharts() {}

  private static final List<String> KINETIC = List.of("none", "less", "proportional", "more");

  // ---------------------------------------------------------------- the ladder

  /** All rungs top-down, coloured by group, with the thresholds and the attack's rung. */
  static String ladder(Ladder ladder, int attackRung) {
    int n = ladder.rungs().size();
    double rowH = n <= 20 ? 36 : n <= 30 ? 28 : 24;
    double font = n <= 20 ? 17 : 15;
    double top = 50;
    double xLevel = 190;
    double levelW = 50;
    double xName = xLevel + levelW + 8;
    double nameW = 560;
    double xDmg = xName + nameW + 24;
    double dmgW = 170;
    double xGroup = xDmg + dmgW + 62;
    int topLevel = ladder.top();

    // a name too long for one line takes two, and its row grows
    double[] yOf = new double[n + 1];
    double[] hOf = new double[n];
    List<List<String>> names = new ArrayList<>();
    // the lines of a wrapped name a line height apart, so that their boxes do not overlap
    double lineH = Math.ceil(font * 1.25);
    for (int level = 0; level < n; level++) {
      names.add(wrap(ladder.rung(level).name(), nameW - 20, font, 2));
      hOf[level] = rowH + (names.get(level).size() - 1) * lineH;
    }
    double y = top;
    for (int level = topLevel; level >= 0; level--) {
      yOf[level] = y;
      y += hOf[level];
    }
    Svg s = new Svg(W, y + 16);

    Map<String, String> groupColour = groupColours(ladder);
    double maxDamage = 0;
    for (Rung r : ladder.rungs()) {
      maxDamage = Math.max(maxDamage, r.damage());
    }
    double logMax = Math.log10(1 + maxDamage);

    s.text(xLevel + levelW / 2, top - 16, "rung", 16, "middle", true, Palette.INK);
    s.text(xName + 10, top - 16, "what happens at the rung", 16, "start", true, Palette.INK);
    s.text(xDmg, top - 16, "damage (log scale)", 16, "start", true, Palette.INK);
    s.text(xGroup + 16, top - 16, "group", 16, "start", true, Palette.INK);

    for (int level = topLevel; level >= 0; level--) {
      Rung r = ladder.rung(level);
      double y0 = yOf[level];
      double h = hOf[level];
      double mid = y0 + h / 2;
      String colour = groupColour.get(r.group());
      boolean attack = level == attackRung;
      s.tip("rung " + level + ": " + r.name() + " (" + r.group() + "); damage " + num(r.damage(), 2)
          + ", inadvertent risk " + pct(r.inadvertentRisk())
          + (r.warRisk() > 0 ? ", war risk " + pct(r.warRisk()) : ""));
      s.rect(xName, y0 + 2, nameW, h - 4, Palette.tint(colour, attack ? 0.6 : 0.84));
      s.rect(xLevel, y0 + 2, levelW, h - 4, colour);
      s.text(xLevel + levelW / 2, mid + font * 0.35, Integer.toString(level), font, "middle", true,
          Palette.textOn(colour));
      List<String> lines = names.get(level);
      for (int i = 0; i < lines.size(); i++) {
        double yText = mid + font * 0.35 + (i - (lines.size() - 1) / 2.0) * lineH;
        s.text(xName + 10, yText, lines.get(i), font, "start", attack, Palette.INK);
      }
      double w = logMax > 0 ? Math.log10(1 + r.damage()) / logMax * dmgW : 0;
      s.rect(xDmg, mid - rowH * 0.28, Math.max(w, r.damage() > 0 ? 2 : 0), rowH * 0.56, colour);
      s.text(xDmg + w + 8, mid + 5.5, num(r.damage(), r.damage() < 10 ? 1 : 0), 15, "start", false,
          "#333");
      s.end();
      s.mark();
      if (attack) {
        s.rect(xLevel - 5, y0, xDmg + dmgW + 56 - xLevel + 5, h, null, Palette.BLACK, 3.5);
        s.rect(8, mid - rowH / 2 + 3, xLevel - 22, rowH - 6, Palette.BLACK);
        s.text(8 + (xLevel - 22) / 2, mid + 5.5, "THE ATTACK \u25B6", 16, "middle", true,
            "#FFFFFF");
      }
    }

    // thresholds: a line under the first rung of each zone, labelled on the left
    Map<Integer, List<String>> thresholds = new TreeMap<>();
    thresholds.computeIfAbsent(ladder.directWar(), k -> new ArrayList<>()).add("direct war");
    thresholds.computeIfAbsent(ladder.nuclear(), k -> new ArrayList<>()).add("nuclear use");
    thresholds.computeIfAbsent(ladder.strategic(), k -> new ArrayList<>()).add("strategic");
    for (Map.Entry<Integer, List<String>> t : thresholds.entrySet()) {
      double yLine = yOf[t.getKey()] + hOf[t.getKey()];
      s.line(8, yLine, xDmg + dmgW + 56, yLine, Palette.BLACK, 3, "12 6");
      // the label sits above the line, in the zone it opens, unless the attack's badge is there
      double yLabel = t.getKey() == attackRung ? yLine + 19 : yLine - 7;
      String label = (t.getKey() == attackRung ? "\u25BC " : "\u25B2 ") + String.join(" + ", t.getValue());
      s.textHalo(xLevel - 14, yLabel, label, 16, "end", true, Palette.INK);
    }

    // groups: a bracket per run of consecutive rungs in one group
    int level = topLevel;
    while (level >= 0) {
      String group = ladder.rung(level).group();
      int low = level;
      while (low - 1 >= 0 && ladder.rung(low - 1).group().equals(group)) {
        low--;
      }
      double y0 = yOf[level];
      double y1 = yOf[low] + hOf[low];
      String colour = groupColour.get(group);
      s.rect(xGroup, y0 + 3, 8, y1 - y0 - 6, colour);
      int maxLines = Math.max(1, (int) ((y1 - y0 - 4) / 19));
      String text = group.isEmpty() ? "(no group)" : group;
      double gw = W - xGroup - 20;
      double size = maxLines == 1 && Svg.textWidth(text, 15) > gw ? 14 : 15;
      List<String> lines = wrap(text, gw, size, maxLines);
      double yText = (y0 + y1) / 2 - (lines.size() - 1) * 9.5 + 5;
      for (int i = 0; i < lines.size(); i++) {
        s.text(xGroup + 16, yText + i * 19, lines.get(i), size, "start", false, Palette.INK);
      }
      level = low - 1;
    }
    return figure("ladder", s, "Escalation ladder " + ladder.name(),
        "The escalation ladder <b>" + esc(ladder.name()) + "</b>, highest rung at the top, "
            + "coloured by group. Dashed lines: the first rungs of direct war (" + ladder.directWar()
            + "), nuclear use (" + ladder.nuclear() + ") and strategic exchange ("
            + ladder.strategic() + "). The attack that opens the crisis is at rung " + attackRung
            + ". Hover a rung for its inadvertent-escalation risk and, where it has one, its war risk.");
  }

  private static Map<String, String> groupColours(Ladder ladder) {
    Map<String, String> colours = new LinkedHashMap<>();
    for (Rung r : ladder.rungs()) {
      if (!colours.containsKey(r.group())) {
        colours.put(r.group(), Palette.LADDER[colours.size() % Palette.LADDER.length]);
      }
    }
    return colours;
  }

  // ---------------------------------------------------------------- the deterrence/escalation trade-off

  /** P(direct war or nuclear use) of an option; P(direct war) for a result without it. */
  static Proportion warOrNuclear(OptionResult o) {
    return o.warOrNuclear() != null ? o.warOrNuclear() : o.directWar();
  }

  /**
   * The deterrence/escalation trade-off: P(further attacks) (x) against P(direct war or nuclear
   * use) (y), both lower-is-better, with their 95% intervals as whiskers, the Pareto front and
   * the points coloured by kinetic level.
   */
  static String tradeOff(List<OptionResult> options, List<String> pareto, String best) {
    double h = 860;
    Svg s = new Svg(W, h);
    double left = 110;
    double right = W - 40;
    double plotTop = 92;
    double bottom = h - 86;

    List<OptionResult> pts = new ArrayList<>();
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = 0;
    double yMax = 0;
    for (OptionResult o : options) {
      double x = o.furtherAttacks() == null ? Double.NaN : o.furtherAttacks().p();
      double y = warOrNuclear(o) == null ? Double.NaN : warOrNuclear(o).p();
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        continue;
      }
      pts.add(o);
      xMin = Math.min(xMin, Math.min(x, lo(o.furtherAttacks().ci95(), x)));
      xMax = Math.max(xMax, Math.max(x, hi(o.furtherAttacks().ci95(), x)));
      yMax = Math.max(yMax, Math.max(y, hi(warOrNuclear(o).ci95(), y)));
    }
    String title = "The trade-off: further attacks against war or nuclear use";
    if (pts.isEmpty()) {
      return figure("trade-off", s, title, "");
    }
    // x spans the options (further attacks are rarely near 0); y starts at 0, where escalation is
    double xPad = Math.max(xMax - xMin, 0.01) * 0.06;
    double[] xt = Svg.ticks(Math.max(0, xMin - xPad) * 100,
        xMax > 0 ? (xMax + xPad) * 100 : 1, 7);
    double[] yt = Svg.ticks(0, yMax > 0 ? yMax * 100 * 1.06 : 1, 6);
    int xd = Svg.decimals(xt);
    int yd = Svg.decimals(yt);
    double x0 = xt[0];
    double x1 = xt[xt.length - 1];
    double y0 = yt[0];
    double y1 = yt[yt.length - 1];
    java.util.function.DoubleUnaryOperator sx = v -> left + (v * 100 - x0) / (x1 - x0) * (right - left);
    java.util.function.DoubleUnaryOperator sy = v -> bottom - (v * 100 - y0) / (y1 - y0) * (bottom - plotTop);
    java.util.function.ToDoubleFunction<OptionResult> px0 = o -> sx.applyAsDouble(o.furtherAttacks().p());
    java.util.function.ToDoubleFunction<OptionResult> py0 = o -> sy.applyAsDouble(warOrNuclear(o).p());

    for (double t : xt) {
      double x = left + (t - x0) / (x1 - x0) * (right - left);
      s.line(x, plotTop, x, bottom, Palette.GRID, 1);
      s.text(x, bottom + 24, num(t, xd) + "%", 16, "middle");
    }
    for (double t : yt) {
      double y = bottom - (t - y0) / (y1 - y0) * (bottom - plotTop);
      s.line(left, y, right, y, Palette.GRID, 1);
      s.text(left - 10, y + 5.5, num(t, yd) + "%", 16, "end");
    }
    s.rect(left, plotTop, right - left, bottom - plotTop, null, "#444", 1.5);
    s.text((left + right) / 2, h - 28,
        "Deterrence fails: P(further attacks), share of runs \u2192", 18, "middle", true, Palette.INK);
    s.text(28, (plotTop + bottom) / 2, "Escalation: P(direct war or nuclear use) \u2192", 18,
        "middle", true, Palette.INK, -90);
    String better = "better: fewer further attacks, less war \u2199 (lower left)";
    s.textHalo(left + 12, plotTop + 24, better, 16, "start", false, "#333");

    // legend: kinetic levels on the first row, the marks on the second
    double ly = 26;
    List<String> levels = new ArrayList<>();
    for (OptionResult o : pts) {
      String k = KINETIC.contains(o.kinetic()) ? o.kinetic() : "absolute";
      if (!levels.contains(k)) {
        levels.add(k);
      }
    }
    levels.sort((a, b) -> Integer.compare(kineticOrder(a), kineticOrder(b)));
    s.text(left, ly + 6, "kinetic response:", 16, "start", true, Palette.INK);
    double lx = left + Svg.textWidth("kinetic response:", 16) * 1.1 + 16;
    for (String k : levels) {
      s.circle(lx + 9, ly, 9, Palette.kinetic(k), Palette.INK, 1.5);
      String label = kineticLabel(k);
      s.text(lx + 24, ly + 6, label, 16, "start");
      lx += 24 + Svg.textWidth(label, 16) + 30;
    }
    ly += 34;
    lx = left;
    s.line(lx, ly, lx + 44, ly, Palette.BLACK, 3);
    s.circle(lx + 22, ly, 10, "#FFFFFF", Palette.BLACK, 3.5);
    s.text(lx + 54, ly + 6, "Pareto front", 16, "start");
    lx += 54 + Svg.textWidth("Pareto front", 16) + 34;
    s.circle(lx + 16, ly, 8, "#FFFFFF", Palette.INK, 1.5);
    s.circle(lx + 16, ly, 15, null, Palette.BLACK, 2.5);
    s.text(lx + 40, ly + 6, "best weighted score", 16, "start");
    lx += 40 + Svg.textWidth("best weighted score", 16) + 34;
    s.line(lx, ly, lx + 36, ly, "#8A8A8A", 1.5);
    s.line(lx + 18, ly - 12, lx + 18, ly + 12, "#8A8A8A", 1.5);
    s.text(lx + 46, ly + 6, "95% intervals (hover a point for its figures)", 16, "start");

    // whiskers under everything
    for (OptionResult o : pts) {
      double px = px0.applyAsDouble(o);
      double py = py0.applyAsDouble(o);
      double[] cx = o.furtherAttacks().ci95();
      double[] cy = warOrNuclear(o).ci95();
      if (finite(cx)) {
        s.line(sx.applyAsDouble(cx[0]), py, sx.applyAsDouble(cx[1]), py, "#8A8A8A", 1.5);
      }
      if (finite(cy)) {
        s.line(px, sy.applyAsDouble(cy[0]), px, sy.applyAsDouble(cy[1]), "#8A8A8A", 1.5);
      }
    }
    // the Pareto front, by increasing P(further attacks) (so decreasing escalation risk)
    List<OptionResult> front = new ArrayList<>();
    for (String id : pareto == null ? List.<String>of() : pareto) {
      for (OptionResult o : pts) {
        if (o.id().equals(id)) {
          front.add(o);
        }
      }
    }
    front.sort((a, b) -> Double.compare(a.furtherAttacks().p(), b.furtherAttacks().p()));
    if (front.size() > 1) {
      List<double[]> line = new ArrayList<>();
      for (OptionResult o : front) {
        line.add(new double[] {px0.applyAsDouble(o), py0.applyAsDouble(o)});
      }
      s.polyline(line, Palette.BLACK, 3, null);
    }

    // points, then labels placed where they collide with nothing
    List<Box> taken = new ArrayList<>();
    for (OptionResult o : pts) {
      double px = px0.applyAsDouble(o);
      double py = py0.applyAsDouble(o);
      boolean onFront = front.contains(o);
      double r = onFront ? 10 : 8.5;
      s.tip(o.rank() + ". " + o.id() + " (" + kineticLabel(o.kinetic()) + ") \u2014 P(further attacks) "
          + pct(o.furtherAttacks().p()) + " " + pctInterval(o.furtherAttacks().ci95())
          + "; P(direct war or nuclear use) " + pct(warOrNuclear(o).p()) + " "
          + pctInterval(warOrNuclear(o).ci95())
          + (o.score() == null ? "" : "; score " + num(o.score().mean(), 3))
          + (onFront ? "; on the Pareto front" : ""));
      s.circle(px, py, r, Palette.kinetic(o.kinetic()), Palette.INK, onFront ? 3.5 : 1.5);
      s.end();
      s.mark();
      if (o.id().equals(best)) {
        s.circle(px, py, r + 7, null, Palette.BLACK, 2.5);
      }
      taken.add(new Box(px - r - 7, py - r - 7, px + r + 7, py + r + 7));
    }
    List<OptionResult> order = new ArrayList<>(pts);
    order.sort((a, b) -> {
      int pa = a.id().equals(best) ? 0 : front.contains(a) ? 1 : 2;
      int pb = b.id().equals(best) ? 0 : front.contains(b) ? 1 : 2;
      return pa != pb ? Integer.compare(pa, pb) : Integer.compare(a.rank(), b.rank());
    });
    Box plot = new Box(left + 2, plotTop + 2, right - 2, bottom - 2);
    taken.add(new Box(left, plotTop, left + 12 + Svg.textWidth(better, 16) + 8, plotTop + 32));
    // label positions by distance from the point: beside it, then above or below with a leader
    List<double[]> candidates = new ArrayList<>();
    for (double dy : new double[] {0, -24, 24, -46, 46, -68, 68, -92, 92, -118, 118, -144, 144}) {
      for (double dx : new double[] {0, 40, 90}) {
        for (int side : new int[] {1, -1}) {
          candidates.add(new double[] {side, dx, dy, Math.abs(dy) + dx * 0.8});
        }
      }
    }
    candidates.sort((a, b) -> Double.compare(a[3], b[3]));
    int unlabelled = 0;
    for (OptionResult o : order) {
      double px = px0.applyAsDouble(o);
      double py = py0.applyAsDouble(o);
      boolean isBest = o.id().equals(best);
      boolean strong = isBest || front.contains(o);
      String label = o.id();
      double size = 15.5;
      double tw = Svg.textWidth(label, size) * (strong ? 1.08 : 1) + 4;
      double gap = isBest ? 22 : 14;
      Box placed = null;
      double[] at = null;
      for (double[] c : candidates) {
        double ax = px + c[0] * (gap + c[1]);
        double bx0 = c[0] > 0 ? ax : ax - tw;
        Box box = new Box(bx0, py + c[2] - 10, bx0 + tw, py + c[2] + 10);
        if (box.fits(plot, taken)) {
          placed = box;
          at = new double[] {c[0], ax, py + c[2]};
          break;
        }
      }
      if (placed == null && strong) {
        // the best and the front are always labelled, even over a neighbour
        double ax = px + gap;
        boolean toRight = ax + tw <= plot.x1();
        ax = toRight ? ax : px - gap;
        placed = new Box(toRight ? ax : ax - tw, py - 10, toRight ? ax + tw : ax, py + 10);
        at = new double[] {toRight ? 1 : -1, ax, py};
      }
      if (placed == null) {
        unlabelled++;
        continue;
      }
      if (at[2] != py || Math.abs(at[1] - px) > gap + 1) {
        double ex = px + at[0] * 6;
        s.line(ex, py + Math.signum(at[2] - py) * 6, at[1], at[2], "#555", 1.2, "2 3");
      }
      s.textHalo(at[1], at[2] + 5.5, label, size, at[0] > 0 ? "start" : "end", strong, Palette.INK);
      taken.add(placed);
    }
    String caption = "Each point is a response option, coloured by its kinetic level: how often "
        + "the initiator attacks again after it (deterrence failing; left is better) against how "
        + "often the crisis reaches direct war or nuclear use (escalation; lower is better); the "
        + "whiskers are 95% intervals. The black line joins the Pareto front: the options that no "
        + "other option beats on both, the deterrence/escalation trade-off. The ringed point has "
        + "the best weighted score."
        + (unlabelled > 0 ? " " + unlabelled + " crowded point" + (unlabelled == 1 ? " is" : "s are")
            + " left unlabelled; the table above has their figures." : "");
    return figure("trade-off", s, title, caption);
  }

  static int kineticOrder(String k) {
    int i = KINETIC.indexOf(k);
    return i < 0 ? KINETIC.size() : i;
  }

  static String kineticLabel(String k) {
    return switch (k == null ? "" : k) {
      case "none" -> "none";
      case "less" -> "less than proportionate";
      case "proportional" -> "proportionate";
      case "more" -> "more than proportionate";
      case "absolute" -> "fixed rung";
      default -> k;
    };
  }

  private static boolean finite(double[] ci) {
    return ci != null && ci.length >= 2 && Double.isFinite(ci[0]) && Double.isFinite(ci[1]);
  }

  private static double lo(double[] ci, double fallback) {
    return finite(ci) ? ci[0] : fallback;
  }

  private static double hi(double[] ci, double fallback) {
    return finite(ci) ? ci[1] : fallback;
  }
}
