package spiral.report;

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
import spiral.options.OptionsReport.GoalWeight;
import spiral.options.Regret;
import spiral.options.StudyReport;
import spiral.sim.Proportion;

/**
 * The charts of the HTML reports, each an inline SVG in a {@code <figure class="chart">} whose
 * {@code data-points} attribute counts the data marks drawn. A chart with nothing to draw becomes a
 * short "no data" paragraph instead of an empty figure. Text sizes are at least 14 user units, for
 * projectors.
 */
final class Charts {
  private Charts() {}

  /** Width of every chart in user units; the SVG scales to the page. */
  static final double W = 1300;

  static final List<String> OUTCOMES =
      List.of("CONTAINED", "DEESCALATED", "SETTLEMENT", "PROTRACTED", "NUCLEAR_USE");

  private static final List<String> KINETIC = List.of("none", "less", "proportional", "more");

  /** The figure around a chart; {@code captionHtml} must already be escaped. */
  static String figure(String name, Svg svg, String label, String captionHtml) {
    if (svg.marks() == 0) {
      return "<p class=\"nodata\">" + esc(label) + ": no data to draw.</p>\n";
    }
    return "<figure class=\"chart\" data-chart=\"" + esc(name) + "\" data-points=\"" + svg.marks()
        + "\">\n" + svg.render(label) + "\n<figcaption>" + captionHtml + "</figcaption>\n</figure>\n";
  }

  static String outcomeLabel(String outcome) {
    return switch (outcome) {
      case "CONTAINED" -> "contained";
      case "DEESCALATED" -> "de-escalated after widening";
      case "SETTLEMENT" -> "settlement";
      case "PROTRACTED" -> "protracted";
      case "NUCLEAR_USE" -> "nuclear use";
      default -> outcome.toLowerCase(java.util.Locale.ROOT);
    };
  }

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
    for (int level = 0; level < n; level++) {
      names.add(wrap(ladder.rung(level).name(), nameW - 20, font, 2));
      hOf[level] = rowH + (names.get(level).size() - 1) * (font + 2);
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
          + ", inadvertent risk " + pct(r.inadvertentRisk()));
      s.rect(xName, y0 + 2, nameW, h - 4, Palette.tint(colour, attack ? 0.6 : 0.84));
      s.rect(xLevel, y0 + 2, levelW, h - 4, colour);
      s.text(xLevel + levelW / 2, mid + font * 0.35, Integer.toString(level), font, "middle", true,
          Palette.textOn(colour));
      List<String> lines = names.get(level);
      for (int i = 0; i < lines.size(); i++) {
        double yText = mid + font * 0.35 + (i - (lines.size() - 1) / 2.0) * (font + 2);
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
            + ". Hover a rung for its inadvertent-escalation risk.");
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

  /** Greedy word wrap into at most maxLines lines of this width; the last line is cut to fit. */
  static List<String> wrap(String text, double width, double size, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (Svg.textWidth(candidate, size) <= width || line.length() == 0) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    if (lines.size() > maxLines) {
      List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
      String rest = String.join(" ", lines.subList(maxLines - 1, lines.size()));
      cut.set(maxLines - 1, Svg.fit(rest + " \u2026\u2026", width, size));
      lines = cut;
    }
    for (int i = 0; i < lines.size(); i++) {
      lines.set(i, Svg.fit(lines.get(i), width, size));
    }
    return lines;
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

  // ---------------------------------------------------------------- outcomes

  /** One stacked bar of the five outcomes per option, in the given order. */
  static String outcomes(List<OptionResult> options) {
    double rowH = 34;
    double top = 78;
    double xLabel = 20;
    double xBar = 330;
    double barW = 800;
    double xRight = xBar + barW + 30;
    Svg s = new Svg(W, top + options.size() * rowH + 60);

    double lx = xBar;
    for (String out : OUTCOMES) {
      s.rect(lx, 18, 24, 24, Palette.outcome(out), Palette.INK, 1);
      s.text(lx + 32, 36, outcomeLabel(out), 17, "start");
      lx += 32 + Svg.textWidth(outcomeLabel(out), 17) + 34;
    }
    s.text(xRight, top - 12, "nuclear use", 16, "start", true, Palette.VERMILLION);
    s.text(xBar - 12, top - 12, "option (by rank)", 16, "end", true, Palette.INK);
    for (int i = 0; i <= 4; i++) {
      double x = xBar + barW * i / 4;
      s.line(x, top - 4, x, top + options.size() * rowH, i == 0 ? "#444" : Palette.GRID, 1);
      s.text(x, top + options.size() * rowH + 24, (i * 25) + "%", 16, "middle");
    }
    s.text(xBar + barW / 2, top + options.size() * rowH + 50, "share of runs", 16, "middle",
        true, Palette.INK);

    for (int i = 0; i < options.size(); i++) {
      OptionResult o = options.get(i);
      double y = top + i * rowH;
      s.text(xBar - 12, y + rowH / 2 + 6, Svg.fit(o.rank() + ". " + o.id(), xBar - xLabel - 12, 17),
          17, "end");
      double total = 0;
      for (String out : OUTCOMES) {
        total += share(o, out);
      }
      double scale = total > 1 ? 1 / total : 1;
      double x = xBar;
      boolean any = false;
      for (String out : OUTCOMES) {
        double p = share(o, out) * scale;
        if (!(p > 0)) {
          continue;
        }
        double w = p * barW;
        String colour = Palette.outcome(out);
        s.tip(o.id() + ": " + outcomeLabel(out) + " " + pct(p) + " "
            + pctInterval(o.outcomes().get(out).ci95()));
        s.rect(x, y + 4, Math.max(w, 1.5), rowH - 8, colour);
        if (w >= 52) {
          s.text(x + w / 2, y + rowH / 2 + 5.5, pct(p), 15.5, "middle", false, Palette.textOn(colour));
        }
        s.end();
        s.mark();
        x += w;
        any = true;
      }
      if (!any) {
        s.rect(xBar, y + 4, barW, rowH - 8, "#FFFFFF", Palette.GREY, 1);
        s.text(xBar + 12, y + rowH / 2 + 5.5, "no runs recorded", 15, "start", false, "#333");
        s.mark();
      }
      Proportion nuc = o.outcomes() == null ? null : o.outcomes().get("NUCLEAR_USE");
      s.text(xRight, y + rowH / 2 + 6, nuc == null ? "n/a" : pct(nuc.p()), 17, "start", true,
          Palette.VERMILLION);
    }
    return figure("outcomes", s, "How the crisis ends, by option",
        "How the runs end for each option, as shares of its runs (summing to 100%); the five "
            + "outcomes are defined below the chart. The share of nuclear use is repeated on the "
            + "right, since it is often too thin to see.");
  }

  private static double share(OptionResult o, String outcome) {
    if (o.outcomes() == null) {
      return 0;
    }
    Proportion p = o.outcomes().get(outcome);
    return p == null || !Double.isFinite(p.p()) ? 0 : Math.max(0, p.p());
  }

  // ---------------------------------------------------------------- highest rung

  /** Heatmap of options &times; highest executed rung, share of runs, square-root colour scale. */
  static String maxRung(List<OptionResult> options, Ladder ladder, int attackRung) {
    List<Map<Integer, Double>> shares = new ArrayList<>();
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (OptionResult o : options) {
      Map<Integer, Double> row = new TreeMap<>();
      long total = 0;
      Map<String, Long> m = o.maxRung() == null ? Map.of() : o.maxRung();
      for (Map.Entry<String, Long> e : new TreeMap<>(m).entrySet()) {
        total += Math.max(0, e.getValue() == null ? 0 : e.getValue());
      }
      for (Map.Entry<String, Long> e : new TreeMap<>(m).entrySet()) {
        Integer level = parseInt(e.getKey());
        long runs = e.getValue() == null ? 0 : e.getValue();
        if (level == null || runs <= 0 || total == 0) {
          continue;
        }
        row.merge(level, (double) runs / total, Double::sum);
        lo = Math.min(lo, level);
        hi = Math.max(hi, level);
      }
      shares.add(row);
    }
    double rowH = 32;
    double xGrid = 330;
    if (lo > hi) {
      return figure("max-rung", new Svg(W, 100), "Highest rung reached", "");
    }
    if (attackRung >= 0 && attackRung <= ladder.top()) {
      lo = Math.min(lo, attackRung);
      hi = Math.max(hi, attackRung);
    }
    int ncols = hi - lo + 1;
    double cellW = Math.max(22, Math.min(84, (W - xGrid - 30) / ncols));
    List<String[]> thresholds = new ArrayList<>();
    for (String[] t : new String[][] {
      {"direct war", Integer.toString(ladder.directWar())},
      {"nuclear use", Integer.toString(ladder.nuclear())},
      {"strategic", Integer.toString(ladder.strategic())}}) {
      int level = Integer.parseInt(t[1]);
      if (level > lo && level <= hi) {
        thresholds.add(t);
      }
    }
    boolean attackShown = attackRung >= lo && attackRung <= hi;
    double labelRows = 50 + 24 * thresholds.size() + (attackShown ? 24 : 0);
    double top = labelRows + 34;
    double gridH = options.size() * rowH;
    Svg s = new Svg(W, top + gridH + 96);

    s.text(xGrid + ncols * cellW / 2, 24, "highest rung executed in the run \u2192", 17, "middle",
        true, Palette.INK);
    s.text(xGrid - 12, top - 14, "option (by rank)", 16, "end", true, Palette.INK);
    for (int c = 0; c < ncols; c++) {
      int level = lo + c;
      double x = xGrid + c * cellW;
      boolean attack = level == attackRung;
      if (attack) {
        s.rect(x, top - 34, cellW, 28, Palette.BLACK);
      }
      s.text(x + cellW / 2, top - 14, Integer.toString(level), cellW >= 30 ? 16 : 14, "middle",
          true, attack ? "#FFFFFF" : Palette.INK);
    }
    if (attackShown) {
      double x = xGrid + (attackRung - lo) * cellW + cellW / 2;
      s.text(x, labelRows - 2, "the attack \u25BC", 16, "middle", true, Palette.INK);
    }

    for (int i = 0; i < options.size(); i++) {
      OptionResult o = options.get(i);
      double y = top + i * rowH;
      s.text(xGrid - 12, y + rowH / 2 + 6, Svg.fit(o.rank() + ". " + o.id(), xGrid - 32, 17), 17,
          "end");
      for (int c = 0; c < ncols; c++) {
        int level = lo + c;
        double x = xGrid + c * cellW;
        double p = shares.get(i).getOrDefault(level, 0.0);
        if (p <= 0) {
          s.rect(x + 1, y + 1, cellW - 2, rowH - 2, "#FFFFFF", "#E3E3E3", 1);
          continue;
        }
        String colour = Palette.sequential(Math.sqrt(p));
        String rungName = level <= ladder.top() ? " (" + ladder.rung(level).name() + ")" : "";
        s.tip(o.id() + ": highest rung " + level + rungName + " in " + pct(p) + " of runs");
        s.rect(x + 1, y + 1, cellW - 2, rowH - 2, colour);
        if (cellW >= 46) {
          s.text(x + cellW / 2, y + rowH / 2 + 5.5, cellPct(p), 15, "middle", false,
              Palette.textOn(colour));
        }
        s.end();
        s.mark();
      }
    }
    // thresholds: vertical lines at the left edge of their first rung, labelled above the grid
    for (int k = 0; k < thresholds.size(); k++) {
      String[] t = thresholds.get(k);
      double x = xGrid + (Integer.parseInt(t[1]) - lo) * cellW;
      double yLabel = 50 + 24 * k;
      s.line(x, yLabel - 14, x, top + gridH + 4, Palette.VERMILLION, 3, "10 5");
      s.textHalo(x + 6, yLabel, t[0] + " \u2192", 16, "start", true, Palette.VERMILLION);
    }
    // colour legend, square-root scale
    double ly = top + gridH + 30;
    double lw = 420;
    for (int k = 0; k < 60; k++) {
      s.rect(xGrid + lw * k / 60, ly, lw / 60 + 0.6, 18, Palette.sequential((k + 0.5) / 60));
    }
    s.rect(xGrid, ly, lw, 18, null, "#444", 1);
    for (double v : new double[] {0.01, 0.1, 0.25, 0.5, 1}) {
      double x = xGrid + lw * Math.sqrt(v);
      s.line(x, ly + 18, x, ly + 24, "#444", 1);
      s.text(x, ly + 42, cellPct(v), 15, "middle");
    }
    s.text(xGrid + lw + 24, ly + 15, "share of runs (colour on a square-root scale)", 16, "start",
        false, "#333");
    return figure("max-rung", s, "Highest rung reached, by option",
        "How high each run went: for each option (rows, by rank), the share of its runs whose "
            + "highest executed rung was each rung (columns). Darker is more. The black column "
            + "header is the attack's rung; dashed lines mark the thresholds.");
  }

  private static String cellPct(double p) {
    if (p >= 0.0995) {
      return num(p * 100, 0) + "%";
    }
    if (p >= 0.001) {
      return num(p * 100, 1) + "%";
    }
    return "<0.1%";
  }

  private static Integer parseInt(String s) {
    try {
      return Integer.valueOf(s.trim());
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- regret

  /** Mean and maximum regret per option, the minimax-regret option marked. */
  static String regret(Regret regret) {
    List<Regret.OptionRegret> rows = regret.options() == null ? List.of() : regret.options();
    double rowH = 46;
    double top = 84;
    double xBar = 330;
    double barW = 640;
    double xRight = xBar + barW + 150;
    Svg s = new Svg(W, top + rows.size() * rowH + 64);
    double max = 0;
    for (Regret.OptionRegret r : rows) {
      max = Math.max(max, Math.max(fin(r.meanRegret()), fin(r.maxRegret())));
    }
    double[] ticks = Svg.ticks(0, max > 0 ? max : 0.01, 6);
    double tMax = ticks[ticks.length - 1];
    int d = Math.max(2, Svg.decimals(ticks));

    s.rect(xBar, 18, 24, 18, Palette.BLUE);
    s.text(xBar + 32, 33, "mean regret", 17, "start");
    s.rect(xBar + 180, 18, 24, 18, Palette.ORANGE);
    s.text(xBar + 212, 33, "maximum regret", 17, "start");
    s.text(xBar + 400, 33, "\u2605 minimax regret: the most robust option", 17, "start", true,
        Palette.INK);
    s.text(xRight, top - 14, "best in", 16, "start", true, Palette.INK);
    s.text(xBar - 12, top - 14, "option", 16, "end", true, Palette.INK);
    for (double t : ticks) {
      double x = xBar + t / tMax * barW;
      s.line(x, top - 4, x, top + rows.size() * rowH, t == 0 ? "#444" : Palette.GRID, 1);
      s.text(x, top + rows.size() * rowH + 24, num(t, d), 16, "middle");
    }
    s.text(xBar + barW / 2, top + rows.size() * rowH + 52,
        "regret: the best score in the parameter set minus the option's score", 16, "middle", true,
        Palette.INK);
    for (int i = 0; i < rows.size(); i++) {
      Regret.OptionRegret r = rows.get(i);
      double y = top + i * rowH;
      boolean minimax = r.id().equals(regret.minimaxRegret());
      if (minimax) {
        s.rect(12, y + 1, W - 24, rowH - 2, Palette.tint(Palette.YELLOW, 0.6), Palette.BLACK, 2.5);
      }
      s.text(xBar - 12, y + rowH / 2 + 6, Svg.fit((minimax ? "\u2605 " : "") + r.id(), xBar - 40, 17),
          17, "end", minimax, Palette.INK);
      double wMean = fin(r.meanRegret()) / tMax * barW;
      double wMax = fin(r.maxRegret()) / tMax * barW;
      s.tip(r.id() + ": mean regret " + num(r.meanRegret(), 4) + ", maximum regret "
          + num(r.maxRegret(), 4) + ", best in " + pct(r.bestShare()) + " of the parameter sets");
      s.rect(xBar, y + 6, Math.max(wMean, 2), 15, Palette.BLUE);
      s.rect(xBar, y + 24, Math.max(wMax, 2), 15, Palette.ORANGE);
      s.end();
      s.mark().mark();
      s.text(xBar + Math.max(wMean, 2) + 6, y + 19, num(r.meanRegret(), d + 1), 15, "start", false, "#222");
      s.text(xBar + Math.max(wMax, 2) + 6, y + 37, num(r.maxRegret(), d + 1), 15, "start", false, "#222");
      s.text(xRight, y + rowH / 2 + 6, pct(r.bestShare()) + " of sets", 16, "start");
    }
    return figure("regret", s, "Regret across the parameter sets",
        "Robustness over " + regret.samples() + " parameter sets drawn from the scenario's "
            + "uncertainty ranges, " + Html.count(regret.runsPerSample()) + " runs per option in "
            + "each. An option's regret in a set is how far it falls short of that set's best "
            + "option. The minimax-regret option (\u2605) has the smallest worst case.");
  }

  private static double fin(double v) {
    return Double.isFinite(v) ? Math.max(0, v) : 0;
  }

  // ---------------------------------------------------------------- goals

  /** The goals' weights as bars with their descriptions. */
  static String goals(List<GoalWeight> goals) {
    double rowH = 42;
    double top = 44;
    double xBar = 260;
    double barW = 380;
    double xDesc = xBar + barW + 90;
    Svg s = new Svg(W, top + goals.size() * rowH + 16);
    double max = 0;
    for (GoalWeight g : goals) {
      max = Math.max(max, fin(g.weight()));
    }
    s.text(xBar - 12, top - 14, "goal", 16, "end", true, Palette.INK);
    s.text(xBar, top - 14, "weight", 16, "start", true, Palette.INK);
    s.text(xDesc, top - 14, "what it stands for", 16, "start", true, Palette.INK);
    for (int i = 0; i < goals.size(); i++) {
      GoalWeight g = goals.get(i);
      double y = top + i * rowH;
      double w = max > 0 ? fin(g.weight()) / max * barW : 0;
      s.text(xBar - 12, y + rowH / 2 + 6, Svg.fit(g.metric(), xBar - 24, 17), 17, "end", true,
          Palette.INK);
      s.tip(g.metric() + ": weight " + pct(g.weight()) + " \u2014 " + g.description());
      s.rect(xBar, y + 7, Math.max(w, 2), rowH - 14, Palette.BLUE);
      s.end();
      s.mark();
      s.text(xBar + Math.max(w, 2) + 8, y + rowH / 2 + 6, pct(g.weight()), 17, "start", true,
          Palette.INK);
      s.text(xDesc, y + rowH / 2 + 6, Svg.fit(g.description() == null ? "" : g.description(),
          W - xDesc - 10, 17), 17, "start");
    }
    return figure("goals", s, "The goals and their weights",
        "The goals the options are scored on, with their weights (summing to 100%). An option's "
            + "score is the weighted sum of its goal values, each in [0, 1].");
  }

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
