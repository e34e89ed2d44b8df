package spiral.options.report;

import static spiral.options.report.OptionCells.actorName;
import static spiral.options.report.OptionCells.byRank;
import static spiral.options.report.OptionCells.ci;
import static spiral.options.report.OptionCells.decimalsFor;
import static spiral.options.report.OptionCells.find;
import static spiral.options.report.OptionCells.mean;
import static spiral.options.report.OptionCells.meanCell;
import static spiral.options.report.OptionCells.p;
import static spiral.options.report.OptionCells.propCell;
import static spiral.options.report.OptionCells.rungAct;
import static spiral.options.report.OptionCells.targetName;
import static spiral.report.Html.count;
import static spiral.report.Html.esc;
import static spiral.report.Html.interval;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;
import static spiral.report.Html.pctInterval;
import static spiral.report.Html.signed;
import static spiral.report.Html.signedFine;
import static spiral.report.Html.sortKey;
import static spiral.report.Page.callout;
import static spiral.report.Page.card;
import static spiral.report.Page.closeFooter;
import static spiral.report.Page.dl;
import static spiral.report.Page.firstNonBlank;
import static spiral.report.Page.page;
import static spiral.sim.report.OutcomeText.outcomeDefinitions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import spiral.game.ExchangeGame;
import spiral.ladder.Ladder;
import spiral.options.GameComparison;
import spiral.options.OptionResult;
import spiral.options.OptionsReport;
import spiral.options.Regret;
import spiral.report.Palette;
import spiral.scenario.Actor;
import spiral.scenario.Scenario;
import spiral.scenario.Target;

/**
 * The HTML report of one scenario's response-options analysis, one self-contained page (see
 * {@link spiral.report.Page}): what was analysed, the scenario and its illustrative assumptions,
 * the ladder, the ranked option table, the deterrence/escalation trade-off with its Pareto front,
 * the one-shot game's answer beside the simulation's, outcomes with their definitions, highest
 * rungs, the robustness analysis when present, and the goals. All text from the scenario is
 * escaped; the output is a pure function of the input (same input, same bytes). Cost: linear in
 * options &times; rungs; a few hundred kilobytes and milliseconds for the built-in scenarios.
 */
public final class OptionsPage {
  private OptionsPage() {}

  /**
   * The report of one scenario's response-options analysis: what was analysed, the scenario and
   * its illustrative assumptions, the ladder, the ranked option table, the deterrence/escalation
   * trade-off (P(further attacks) against P(direct war or nuclear use)) with its Pareto front, the
   * one-shot game's answer beside the simulation's, outcomes with their definitions, highest
   * rungs, the robustness analysis when present, and the goals.
   *
   * @param scenario the scenario that was analysed
   * @param report the analysis
   * @return the HTML page
   */
  public static String options(Scenario scenario, OptionsReport report) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(report, "report");
    List<OptionResult> options = byRank(report.options());
    Ladder ladder = scenario.ladder();
    String name = firstNonBlank(report.scenarioName(), scenario.name(), scenario.id());
    StringBuilder b = new StringBuilder(256 * 1024);

    b.append("<header>\n<p class=\"kicker\">Spiral &middot; response options</p>\n<h1>")
        .append(esc(name)).append("</h1>\n");
    String responder = actorName(scenario, report.responder());
    String initiator = actorName(scenario, report.initiator());
    b.append("<p class=\"lead\">Which answer to the attack serves the goals best, and at what "
            + "risk? Each of the ")
        .append(options.size()).append(" response options of <b>").append(esc(responder))
        .append("</b> was played as its posture against <b>").append(esc(initiator))
        .append("</b>&rsquo;s attack at rung ").append(report.initiatingRung()).append(" (")
        .append(esc(rungAct(ladder, report.initiatingRung(), initiator)))
        .append("): the first response, and the ceiling of the later answers; ")
        .append(count(report.runs())).append(" runs per option. Every option sees the same random "
            + "draws run by run (common random numbers), so the differences between options are "
            + "not luck of the draw. Each option is scored on the goals below; the table ranks "
            + "them and marks a <b>real difference</b> only where the whole 95% interval of the "
            + "gap to the best lies beyond the minimum meaningful difference of ")
        .append(num(report.meaningfulDifference(), 3)).append(".</p>\n");
    b.append(cards(options, report));
    b.append("</header>\n");

    List<String> illustrative =
        report.illustrative() != null && !report.illustrative().isEmpty()
            ? report.illustrative()
            : scenario.illustrative();
    b.append(callout(illustrative));

    b.append("<section id=\"scenario\">\n<h2>The scenario</h2>\n");
    b.append(scenarioSection(scenario));
    b.append("</section>\n");

    b.append("<section id=\"ladder\">\n<h2>The escalation ladder</h2>\n");
    b.append(OptionCharts.ladder(ladder, report.initiatingRung()));
    b.append("</section>\n");

    b.append("<section id=\"options\">\n<h2>The options, ranked</h2>\n");
    b.append("<p>Ranked by weighted score: each goal's mean is normalised across the options "
        + "(the worst option scores 0 on it, the best the goal's weight), and the score is their "
        + "sum, with its 95% interval. &ldquo;Gap to the best&rdquo; is paired over the common "
        + "random numbers; it is marked <b>real difference</b> only when its whole 95% interval "
        + "lies beyond the <b>minimum meaningful difference</b> of ")
        .append(num(report.meaningfulDifference(), 3))
        .append(" (<code>model.meaningfulDifference</code>), otherwise <i>within noise</i>. "
            + "&ldquo;Gap from&rdquo; names the goal that contributes most to an option's gap "
            + "behind the best. Probabilities are shares of runs. Click a column header to "
            + "sort.</p>\n");
    b.append(optionTable(options, report.best(), report.paretoFront(), scenario,
        report.responder()));
    b.append("</section>\n");

    b.append("<section id=\"trade-off\">\n<h2>The trade-off: deterrence against escalation</h2>\n");
    b.append(OptionCharts.tradeOff(options, report.paretoFront(), report.best()));
    b.append("</section>\n");

    GameComparison game = gameComparison(scenario, report);
    if (game != null) {
      b.append("<section id=\"game\">\n<h2>The one-shot game beside the simulation</h2>\n");
      b.append(gameSection(game));
      b.append("</section>\n");
    }

    b.append("<section id=\"outcomes\">\n<h2>How the crisis ends</h2>\n");
    b.append(OutcomeCharts.outcomes(options));
    b.append(outcomeDefinitions());
    b.append("</section>\n");

    b.append("<section id=\"max-rung\">\n<h2>How high it goes</h2>\n");
    b.append(OutcomeCharts.maxRung(options, ladder, report.initiatingRung()));
    b.append("</section>\n");

    if (report.regret() != null) {
      b.append("<section id=\"regret\">\n<h2>Robustness: regret over the uncertainties</h2>\n");
      b.append(regretSection(report.regret()));
      b.append("</section>\n");
    }

    b.append("<section id=\"goals\">\n<h2>The goals</h2>\n");
    List<OptionsReport.GoalWeight> goals = report.goals() == null ? List.of() : report.goals();
    b.append(OutcomeCharts.goals(goals));
    b.append(goalScoreTable(options, goals));
    b.append("</section>\n");

    b.append(optionsFooter(scenario, report));
    return page("Spiral response options: " + name, b.toString());
  }

  private static String cards(List<OptionResult> options, OptionsReport report) {
    StringBuilder b = new StringBuilder("<div class=\"cards\">\n");
    OptionResult best = find(options, report.best());
    if (best == null && !options.isEmpty()) {
      best = options.get(0);
    }
    if (best != null) {
      String runnerUp = "";
      if (options.size() > 1) {
        OptionResult second = options.get(0) == best ? options.get(1) : options.get(0);
        boolean real = second.differenceFromBest() != null && second.differenceFromBest().significant();
        runnerUp = "<div class=\"s\">" + (real ? "really ahead of" : "not clearly ahead of")
            + " the runner-up, " + esc(second.id()) + "</div>";
      }
      b.append(card("Best weighted score", esc(best.id()),
          "score " + num(mean(best.score()), 3) + " " + interval(ci(best.score()), 3) + runnerUp));
      b.append(card("Nuclear use under the best", pct(p(best.nuclearUse())),
          "95% interval " + pctInterval(ci(best.nuclearUse())) + " &middot; direct war or "
              + "nuclear use " + pct(p(OptionCharts.warOrNuclear(best)))));
    }
    List<String> front = report.paretoFront() == null ? List.of() : report.paretoFront();
    if (!front.isEmpty()) {
      OptionResult safest = find(options, front.get(0));
      b.append(card("Least escalation on the Pareto front", esc(front.get(0)),
          safest == null ? "" : "war or nuclear use " + pct(p(OptionCharts.warOrNuclear(safest)))
              + " &middot; further attacks " + pct(p(safest.furtherAttacks()))
              + "<div class=\"s\">" + front.size() + " option" + (front.size() == 1 ? "" : "s")
              + " on the front</div>"));
    }
    if (report.regret() != null && report.regret().minimaxRegret() != null) {
      Regret.OptionRegret r = null;
      for (Regret.OptionRegret o : report.regret().options()) {
        if (o.id().equals(report.regret().minimaxRegret())) {
          r = o;
        }
      }
      b.append(card("Most robust (minimax regret)", esc(report.regret().minimaxRegret()),
          r == null ? "" : "maximum regret " + num(r.maxRegret(), 3) + " over "
              + report.regret().samples() + " parameter sets"));
    }
    return b.append("</div>\n").toString();
  }

  private static String scenarioSection(Scenario scenario) {
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"meta\"><code>").append(esc(scenario.id())).append("</code> &middot; ")
        .append(esc(scenario.name())).append("</p>\n");
    if (!scenario.description().isBlank()) {
      b.append("<p class=\"prose\">").append(esc(scenario.description())).append("</p>\n");
    }
    if (!scenario.source().isBlank()) {
      b.append("<p class=\"prose source\"><b>Source:</b> ").append(esc(scenario.source()))
          .append("</p>\n");
    }
    var event = scenario.initiatingEvent();
    List<String> struck = new ArrayList<>();
    for (String t : event.targets()) {
      struck.add(targetName(scenario, t));
    }
    b.append("<div class=\"attack\"><div class=\"k\">The attack that opens the crisis</div>\n")
        .append("<p><b>").append(esc(actorName(scenario, event.attacker()))).append("</b> strikes ")
        .append(esc(String.join(", ", struck))).append(" &mdash; <b>rung ").append(event.rung())
        .append("</b>: ").append(esc(rungAct(scenario.ladder(), event.rung(),
            actorName(scenario, event.attacker())))).append(".</p>\n");
    if (!event.description().isBlank()) {
      b.append("<p>").append(esc(event.description())).append("</p>\n");
    }
    b.append("</div>\n");

    b.append("<div class=\"two\">\n<div>\n<h3>Actors</h3>\n<table class=\"data\">\n<thead><tr>"
        + "<th>actor</th><th>side</th><th>role</th><th>nuclear</th><th>countries</th>"
        + "</tr></thead>\n<tbody>\n");
    for (Actor a : scenario.actors()) {
      b.append("<tr><td><b>").append(esc(a.name())).append("</b><br><code>").append(esc(a.id()))
          .append("</code></td><td>").append(esc(a.side().name().toLowerCase(java.util.Locale.ROOT)))
          .append("</td><td>").append(a.principal() ? "decides for its side" : "ally")
          .append("</td><td>").append(a.nuclear() ? "yes" : "no").append("</td><td>")
          .append(esc(String.join(", ", a.countries()))).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</div>\n<div>\n<h3>Targets</h3>\n");
    if (scenario.targets().isEmpty()) {
      b.append("<p>None listed.</p>\n");
    } else {
      b.append("<table class=\"data\">\n<thead><tr><th>target</th><th>where</th><th>owner</th>"
          + "<th class=\"n\">casualties</th><th>named in the source?</th></tr></thead>\n<tbody>\n");
      for (Target t : scenario.targets()) {
        b.append("<tr><td><b>").append(esc(t.name())).append("</b>")
            .append(t.kind().isBlank() ? "" : "<br>" + esc(t.kind())).append("</td><td>")
            .append(esc(t.country())).append("</td><td>").append(esc(actorName(scenario, t.owner())))
            .append("</td><td class=\"n\">").append(count(t.casualties())).append("</td><td>")
            .append(t.illustrative()
                ? "<span class=\"badge warn\">illustrative pick</span>"
                : "yes")
            .append("</td></tr>\n");
      }
      b.append("</tbody>\n</table>\n");
    }
    b.append("</div>\n</div>\n");
    return b.toString();
  }

  private static String optionTable(List<OptionResult> options, String best, List<String> pareto,
      Scenario scenario, String responderId) {
    String responder = actorName(scenario, responderId);
    Set<String> front = new LinkedHashSet<>(pareto == null ? List.of() : pareto);
    StringBuilder b = new StringBuilder();
    b.append("<div class=\"scroll\" tabindex=\"0\"><table class=\"data sortable options\" id=\"option-table\">\n"
        + "<thead><tr>"
        + "<th class=\"n\" data-type=\"num\">rank</th>"
        + "<th>option</th>"
        + "<th data-type=\"num\">kinetic<span class=\"ci\">package</span></th>"
        + "<th class=\"n\" data-type=\"num\">rung</th>"
        + "<th class=\"n\" data-type=\"num\">score<span class=\"ci\">95% interval</span></th>"
        + "<th class=\"n\" data-type=\"num\">gap to the best<span class=\"ci\">95% interval</span></th>"
        + "<th>gap from</th>"
        + "<th class=\"n\" data-type=\"num\">P(further attacks)<span class=\"ci\">95% interval</span></th>"
        + "<th class=\"n\" data-type=\"num\">P(war or nuclear)<span class=\"ci\">95% interval</span></th>"
        + "<th class=\"n\" data-type=\"num\">P(nuclear use)<span class=\"ci\">95% interval</span></th>"
        + "<th class=\"n\" data-type=\"num\">P(settle&shy;ment)</th>"
        + "<th class=\"n\" data-type=\"num\">credi&shy;bility</th>"
        + "</tr></thead>\n<tbody>\n");
    for (OptionResult o : options) {
      boolean isBest = o.id().equals(best);
      b.append("<tr").append(isBest ? " class=\"best\"" : "").append(">");
      b.append("<td class=\"n\" data-sort=\"").append(o.rank()).append("\">").append(o.rank())
          .append("</td>");
      b.append("<td title=\"").append(esc(o.name())).append("\"><b class=\"id\">")
          .append(esc(o.id())).append("</b>");
      if (isBest || front.contains(o.id())) {
        b.append("<span class=\"tags\">")
            .append(isBest ? "<span class=\"badge best\">best</span> " : "")
            .append(front.contains(o.id()) ? "<span class=\"badge front\">Pareto front</span>" : "")
            .append("</span>");
      }
      b.append("</td>");
      String k = o.kinetic() == null ? "" : o.kinetic();
      b.append("<td data-sort=\"").append(OptionCharts.kineticOrder(k)).append("\"><span class=\"sw\" "
              + "style=\"background:").append(Palette.kinetic(k)).append("\"></span>")
          .append(esc(k)).append("<span class=\"ci\">").append(esc(o.nonKinetic()))
          .append("</span></td>");
      b.append("<td class=\"n\" data-sort=\"").append(o.rung()).append("\" title=\"")
          .append(esc(rungAct(scenario.ladder(), o.rung(), responder))).append("\">")
          .append(o.rung()).append("</td>");
      b.append(meanCell(o.score(), 3));
      var d = o.differenceFromBest();
      if (isBest) {
        b.append("<td class=\"n\" data-sort=\"0\">&mdash;</td>");
      } else if (d == null) {
        b.append("<td class=\"n\" data-sort=\"\">n/a</td>");
      } else {
        b.append("<td class=\"n\" data-sort=\"").append(sortKey(d.mean())).append("\">")
            .append(signedFine(d.mean(), 3)).append("<span class=\"ci\">")
            .append(interval(d.ci95(), decimalsFor(d.mean(), d.ci95()))).append("</span>")
            .append(d.significant()
                ? "<span class=\"badge real\">real difference</span>"
                : "<span class=\"muted\">within noise</span>")
            .append("</td>");
      }
      b.append("<td>").append(isBest || o.gapDriver() == null ? "&mdash;"
          : "<code>" + esc(o.gapDriver()) + "</code>").append("</td>");
      b.append(propCell(o.furtherAttacks(), true));
      b.append(propCell(OptionCharts.warOrNuclear(o), true));
      b.append(propCell(o.nuclearUse(), true));
      b.append(propCell(o.settlement(), false));
      b.append(meanCell(o.credibility(), 3, false));
      b.append("</tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  private static String samplingOf(Regret r) {
    return r.sampling() == null ? "Latin hypercube" : r.sampling();
  }

  private static String regretSection(Regret r) {
    StringBuilder b = new StringBuilder();
    b.append("<p>Robust decision making (Lempert, Popper &amp; Bankes 2003): ")
        .append(r.samples()).append(" sets of the uncertain parameters drawn by ").append(esc(samplingOf(r)))
        .append("; every option scored in every set. The most robust option is the one "
            + "whose worst shortfall against the best option of a set is smallest: <b>")
        .append(esc(r.minimaxRegret())).append("</b>.</p>\n");
    b.append(OutcomeCharts.regret(r));
    List<Regret.Driver> drivers = r.drivers() == null ? List.of() : r.drivers();
    b.append("<h3>What drives the choice</h3>\n");
    if (drivers.isEmpty()) {
      b.append("<p>No drivers: the scenario has no uncertain parameters.</p>\n");
    } else {
      b.append("<p>The uncertain parameters, strongest first. &rho;: Spearman rank correlation of "
          + "the parameter with the regret of the nominally best option (positive: the higher the "
          + "parameter, the worse the nominal answer). The last two columns give the best option "
          + "over the lower and the upper half of the parameter&rsquo;s draws.</p>\n");
      b.append("<div class=\"scroll\" tabindex=\"0\"><table class=\"data drivers\">\n<thead><tr><th>parameter</th>"
          + "<th class=\"n\">&rho;</th><th>strength</th><th>best when low</th>"
          + "<th>best when high</th></tr></thead>\n<tbody>\n");
      for (Regret.Driver d : drivers) {
        double rho = d.rankCorrelation();
        double w = Double.isFinite(rho) ? Math.min(1, Math.abs(rho)) * 100 : 0;
        boolean flips = d.bestWhenLow() != null && !d.bestWhenLow().equals(d.bestWhenHigh());
        b.append("<tr><td><code>").append(esc(d.parameter())).append("</code></td><td class=\"n\">")
            .append(signed(rho, 2)).append("</td><td><span class=\"bar\"><span style=\"width:")
            .append(num(w, 1)).append("%;background:")
            .append(rho < 0 ? Palette.BLUE : Palette.VERMILLION).append("\"></span></span></td><td>")
            .append(esc(d.bestWhenLow())).append("</td><td>").append(esc(d.bestWhenHigh()))
            .append(flips ? " <span class=\"badge warn\">flips</span>" : "").append("</td></tr>\n");
      }
      b.append("</tbody>\n</table></div>\n");
    }
    return b.toString();
  }

  private static String goalScoreTable(List<OptionResult> options, List<OptionsReport.GoalWeight> goals) {
    if (goals.isEmpty() || options.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    int k = options.size();
    b.append("<h3>How ").append(k == 1 ? "the option does" : "each option does")
        .append(" on each goal</h3>\n<p>Mean value of each goal metric over the runs, from 0 "
            + "(worst) to 1 (best), before the normalisation across options that makes the score. "
            + "Punishment is P / (P + D&#8320;), P the damage inflicted, D&#8320; the opening "
            + "attack&rsquo;s; credibility and cohesion are their values at the end.</p>\n"
            + "<div class=\"scroll\" tabindex=\"0\"><table class=\"data\">\n<thead><tr><th>option</th>");
    for (OptionsReport.GoalWeight g : goals) {
      b.append("<th class=\"n\">").append(esc(g.metric())).append("<span class=\"ci\">weight ")
          .append(pct(g.weight())).append("</span></th>");
    }
    b.append("<th class=\"n\">score</th></tr></thead>\n<tbody>\n");
    for (OptionResult o : options.subList(0, k)) {
      b.append("<tr><td><b>").append(o.rank()).append(". ").append(esc(o.id())).append("</b></td>");
      for (OptionsReport.GoalWeight g : goals) {
        Double v = o.goalScores() == null ? null : o.goalScores().get(g.metric());
        b.append("<td class=\"n\">").append(v == null ? "n/a" : num(v, 3)).append("</td>");
      }
      b.append("<td class=\"n\"><b>").append(num(mean(o.score()), 3)).append("</b></td></tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  private static String optionsFooter(Scenario scenario, OptionsReport report) {
    StringBuilder b = new StringBuilder("<footer>\n<h2>How this report was made</h2>\n<dl>\n");
    dl(b, "Spiral version", esc(report.version()));
    dl(b, "Scenario", "<code>" + esc(report.scenario()) + "</code> (ladder <code>"
        + esc(scenario.ladder().id()) + "</code>, horizon " + scenario.horizon() + " turns)");
    dl(b, "Runs per option", count(report.runs()));
    dl(b, "Seed", Long.toString(report.seed()));
    dl(b, "Random numbers", "common: run k of every option uses the generator seeded from (seed, k)");
    dl(b, "Options", report.options().size() + " of " + esc(actorName(scenario, report.responder())));
    Regret r = report.regret();
    if (r != null) {
      dl(b, "Robustness", r.samples() + " parameter sets (" + esc(samplingOf(r)) + "), "
          + count(r.runsPerSample()) + " runs per option in each, over: <code>"
          + esc(String.join(", ", r.parameters() == null ? List.of() : r.parameters())) + "</code>");
    } else {
      dl(b, "Robustness", "not run");
    }
    closeFooter(b, "The same scenario, seed, runs and version give the same numbers and"
        + " the same file.");
    return b.toString();
  }

  /**
   * The one-shot game's answer beside the simulation's, or null when the scenario makes no
   * exchange game (the comparison is an aside: a report is still written without it).
   */
  private static GameComparison gameComparison(Scenario scenario, OptionsReport report) {
    if (report.best() == null || find(report.options(), report.best()) == null) {
      return null;
    }
    try {
      return GameComparison.of(ExchangeGame.compile(scenario, 6).read(), report);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  private static String gameSection(GameComparison g) {
    StringBuilder b = new StringBuilder();
    b.append("<p class=\"verdict\">").append(g.same()
        ? "<span class=\"badge front\">same answer</span> "
        : "<span class=\"badge warn\">different answers</span> ")
        .append("The one-shot game (<code>spiral game</code>: one exchange, best replies, the "
            + "responder's own utility) names <b>").append(esc(g.gameAnswer()))
        .append("</b>; the simulation names <b>").append(esc(g.simulatedAnswer()))
        .append("</b>.</p>\n<ul class=\"game\">\n");
    // the first line says what the sentence above says
    for (String line : g.lines().subList(1, g.lines().size())) {
      b.append("<li>").append(esc(line)).append("</li>\n");
    }
    return b.append("</ul>\n").toString();
  }
}
