package spiral.options.report;

import static spiral.report.Figure.W;
import static spiral.report.Figure.figure;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;
import static spiral.report.Html.pctInterval;
import static spiral.sim.report.OutcomeText.OUTCOMES;
import static spiral.sim.report.OutcomeText.outcomeLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import spiral.ladder.Ladder;
import spiral.options.OptionResult;
import spiral.options.OptionsReport.GoalWeight;
import spiral.options.Regret;
import spiral.report.Html;
import spiral.report.Palette;
import spiral.report.Svg;
import spiral.sim.Proportion;

/**
 * The outcome charts of the options report: one stacked bar of the five outcomes per option, the
 * heat map of options &times; highest executed rung, mean and maximum regret per option (the
 * minimax-regret option marked) and the goals' weights. Each chart is a {@link
 * spiral.report.Figure}. Cost: linear in options &times; rungs.
 */
final class OutcomeCharts {
  private OutcomeCharts() {}

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
}
