package spiral.report;

import static spiral.report.Html.count;
import static spiral.report.Html.esc;
import static spiral.report.Html.interval;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;
import static spiral.report.Html.pctInterval;
import static spiral.report.Html.signed;
import static spiral.report.Html.signedFine;
import static spiral.report.Html.sortKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import spiral.bargain.Negotiation;
import spiral.bargain.NegotiationReport;
import spiral.bargain.PositionsReport;
import spiral.explore.DiscoveryReport;
import spiral.explore.MorrisEffect;
import spiral.explore.PrimBox;
import spiral.explore.PrimResult;
import spiral.explore.SensitivityReport;
import spiral.explore.SobolIndex;
import spiral.explore.SobolPair;
import spiral.explore.Tornado;
import spiral.ladder.Ladder;
import spiral.game.ExchangeGame;
import spiral.options.GameComparison;
import spiral.options.OptionResult;
import spiral.options.OptionsReport;
import spiral.options.Regret;
import spiral.options.StudyReport;
import spiral.scenario.Actor;
import spiral.scenario.Scenario;
import spiral.scenario.Target;
import spiral.sim.MeanValue;
import spiral.sim.Outcome;
import spiral.sim.Proportion;

/**
 * Renders response-options, negotiation and positions analyses, each as one self-contained HTML
 * page: inline CSS, inline SVG
 * charts drawn here, and two short inline scripts (sortable tables, and a self-check that sets
 * {@code <body data-ready="1">} when every chart has data). Nothing is loaded from outside the
 * file (a content security policy forbids it), so the page opens offline; it is fully readable
 * with scripts off. Large type, strong contrast and the Okabe&ndash;Ito palette make it readable on
 * a projector and for colour-blind readers.
 *
 * <p>Every chart is an {@code <svg>} inside {@code <figure class="chart" data-chart="NAME"
 * data-points="N">}, N being the number of data marks drawn. All text from the scenario is
 * escaped. Numbers use {@link java.util.Locale#ROOT}; the output is a pure function of the input
 * (same input, same bytes). Cost: linear in options &times; rungs (plus scenarios &times; options
 * for a study), and for a negotiation in frontier points plus months &times; parties &times;
 * issues; a few hundred kilobytes and milliseconds for the built-in scenarios.
 */
public final class HtmlReport {
  private HtmlReport() {}

  // ================================================================ spiral options

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
    b.append(Charts.ladder(ladder, report.initiatingRung()));
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
    b.append(Charts.tradeOff(options, report.paretoFront(), report.best()));
    b.append("</section>\n");

    GameComparison game = gameComparison(scenario, report);
    if (game != null) {
      b.append("<section id=\"game\">\n<h2>The one-shot game beside the simulation</h2>\n");
      b.append(gameSection(game));
      b.append("</section>\n");
    }

    b.append("<section id=\"outcomes\">\n<h2>How the crisis ends</h2>\n");
    b.append(Charts.outcomes(options));
    b.append(outcomeDefinitions());
    b.append("</section>\n");

    b.append("<section id=\"max-rung\">\n<h2>How high it goes</h2>\n");
    b.append(Charts.maxRung(options, ladder, report.initiatingRung()));
    b.append("</section>\n");

    if (report.regret() != null) {
      b.append("<section id=\"regret\">\n<h2>Robustness: regret over the uncertainties</h2>\n");
      b.append(regretSection(report.regret()));
      b.append("</section>\n");
    }

    b.append("<section id=\"goals\">\n<h2>The goals</h2>\n");
    List<OptionsReport.GoalWeight> goals = report.goals() == null ? List.of() : report.goals();
    b.append(Charts.goals(goals));
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
              + "nuclear use " + pct(p(Charts.warOrNuclear(best)))));
    }
    List<String> front = report.paretoFront() == null ? List.of() : report.paretoFront();
    if (!front.isEmpty()) {
      OptionResult safest = find(options, front.get(0));
      b.append(card("Least escalation on the Pareto front", esc(front.get(0)),
          safest == null ? "" : "war or nuclear use " + pct(p(Charts.warOrNuclear(safest)))
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

  static String card(String key, String valueHtml, String subHtml) {
    return "<div class=\"card\"><div class=\"k\">" + esc(key) + "</div><div class=\"v\">"
        + valueHtml + "</div><div class=\"s\">" + subHtml + "</div></div>\n";
  }

  private static String callout(List<String> illustrative) {
    StringBuilder b = new StringBuilder();
    b.append("<aside class=\"callout\" id=\"illustrative\" role=\"note\">\n")
        .append("<h2>&#9888; Illustrative assumptions</h2>\n")
        .append("<p><b>These numbers show what the model implies under the assumptions below, not "
            + "a forecast.</b> The following parameters are illustrative:</p>\n<ul>\n");
    if (illustrative == null || illustrative.isEmpty()) {
      b.append("<li>(the scenario lists none: treat every weight, probability and cost as "
          + "illustrative)</li>\n");
    } else {
      for (String s : illustrative) {
        b.append("<li>").append(esc(s)).append("</li>\n");
      }
    }
    return b.append("</ul>\n</aside>\n").toString();
  }

  /**
   * The illustrative-assumptions callout of a report on sweep results: the scenario's list, or,
   * when {@code illustrative} is null (the sweep file was not beside the results), a warning that
   * it cannot be listed.
   */
  private static String sweepCallout(List<String> illustrative) {
    if (illustrative != null) {
      return callout(illustrative);
    }
    return "<aside class=\"callout\" id=\"illustrative\" role=\"note\">\n<h2>&#9888; "
        + "Illustrative assumptions</h2>\n<p><b>The sweep file was not found next to the "
        + "results, so the scenario's illustrative assumptions cannot be listed:</b> treat every "
        + "weight, probability and cost as illustrative.</p>\n</aside>\n";
  }

  /**
   * Closes a report's settings list and footer with the sentence saying which inputs make the
   * page reproducible, and that it loads nothing from outside itself.
   */
  private static void closeFooter(StringBuilder b, String sameInputs) {
    b.append("</dl>\n<p class=\"muted\">").append(sameInputs)
        .append(" This page loads nothing from outside itself.</p>\n</footer>\n");
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
    b.append("<div class=\"scroll\"><table class=\"data sortable options\" id=\"option-table\">\n"
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
      b.append("<td data-sort=\"").append(Charts.kineticOrder(k)).append("\"><span class=\"sw\" "
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
      b.append(propCell(Charts.warOrNuclear(o), true));
      b.append(propCell(o.nuclearUse(), true));
      b.append(propCell(o.settlement(), false));
      b.append(meanCell(o.credibility(), 3, false));
      b.append("</tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  private static String meanCell(MeanValue m, int decimals) {
    return meanCell(m, decimals, true);
  }

  private static String meanCell(MeanValue m, int decimals, boolean showInterval) {
    double v = mean(m);
    String ci = interval(ci(m), decimals);
    StringBuilder b = new StringBuilder("<td class=\"n\" data-sort=\"").append(sortKey(v)).append('"');
    if (!showInterval && !ci.isEmpty()) {
      b.append(" title=\"95% interval ").append(ci).append('"');
    }
    b.append('>').append(num(v, decimals));
    if (showInterval && !ci.isEmpty()) {
      b.append("<span class=\"ci\">").append(ci).append("</span>");
    }
    return b.append("</td>").toString();
  }

  private static String propCell(Proportion pr, boolean showInterval) {
    double v = p(pr);
    String ci = pctInterval(ci(pr));
    StringBuilder b = new StringBuilder("<td class=\"n\" data-sort=\"").append(sortKey(v)).append('"');
    if (!showInterval && !ci.isEmpty()) {
      b.append(" title=\"95% interval ").append(ci).append('"');
    }
    b.append('>').append(pct(v));
    if (showInterval && !ci.isEmpty()) {
      b.append("<span class=\"ci\">").append(ci).append("</span>");
    }
    return b.append("</td>").toString();
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
    b.append(Charts.regret(r));
    List<Regret.Driver> drivers = r.drivers() == null ? List.of() : r.drivers();
    b.append("<h3>What drives the choice</h3>\n");
    if (drivers.isEmpty()) {
      b.append("<p>No drivers: the scenario has no uncertain parameters.</p>\n");
    } else {
      b.append("<p>The uncertain parameters, strongest first. &rho;: Spearman rank correlation of "
          + "the parameter with the regret of the nominally best option (positive: the higher the "
          + "parameter, the worse the nominal answer). The last two columns give the best option "
          + "over the lower and the upper half of the parameter&rsquo;s draws.</p>\n");
      b.append("<div class=\"scroll\"><table class=\"data drivers\">\n<thead><tr><th>parameter</th>"
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
            + "<div class=\"scroll\"><table class=\"data\">\n<thead><tr><th>option</th>");
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

  // ================================================================ spiral sensitivity

  /**
   * The report of a sweep's sensitivity analysis for one output: the one-at-a-time tornado when
   * present, the global analysis of the design (Sobol S1 and ST with bootstrap intervals, Morris
   * &mu;* against &sigma;, or rank correlations) as a chart and a table, the scenario's
   * illustrative assumptions, and the design, seed and runs the numbers rest on.
   *
   * @param report the analysis
   * @return the HTML page
   */
  public static String sensitivity(SensitivityReport report) {
    Objects.requireNonNull(report, "report");
    String out = report.output();
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<header>\n<p class=\"kicker\">Spiral &middot; sensitivity</p>\n<h1>")
        .append("What drives ").append(esc(out)).append("</h1>\n");
    b.append("<p class=\"lead\">Which of the sweep's parameters move <b>").append(esc(out))
        .append("</b>, over ").append(count(report.points())).append(" design points")
        .append(report.scenario() == null ? "" : " of <b>" + esc(report.scenario()) + "</b>")
        .append(".</p>\n");
    StringBuilder cards = new StringBuilder("<div class=\"cards\">\n");
    cards.append(card("Method", esc(switch (report.method()) {
      case "sobol" -> "Sobol indices";
      case "morris" -> "Morris screening";
      default -> "rank correlation";
    }), esc(report.design() == null ? "design not known" : report.design())));
    String top = topParameter(report);
    if (top != null) {
      cards.append(card("Most influential", "<code>" + esc(top) + "</code>",
          "by " + esc(switch (report.method()) {
            case "sobol" -> "total index ST";
            case "morris" -> "\u03bc*";
            default -> "|rank correlation|";
          })));
    }
    if (report.tornado() != null && !report.tornado().bars().isEmpty()) {
      Tornado.Bar widest = report.tornado().bars().get(0);
      cards.append(card("Widest one-at-a-time swing", num(widest.swing(), 4),
          "<code>" + esc(widest.parameter()) + "</code> around base " + num(report.tornado().base(),
              4)));
    }
    b.append(cards.append("</div>\n")).append("</header>\n");

    b.append(sweepCallout(report.illustrative()));

    if (report.tornado() != null) {
      b.append("<section id=\"tornado\">\n<h2>One at a time</h2>\n");
      b.append(ExploreCharts.tornado(report.tornado(), report.ranges(), out));
      b.append("</section>\n");
    }
    switch (report.method()) {
      case "sobol" -> {
        b.append("<section id=\"sobol\">\n<h2>Sobol indices</h2>\n");
        b.append(ExploreCharts.sobol(report.sobol(), out));
        if (!report.warnings().isEmpty()) {
          b.append("<aside class=\"callout\" id=\"sensitivity-warnings\" role=\"note\">\n"
              + "<h2>&#9888; Intervals too wide to read</h2>\n<ul>\n");
          report.warnings().forEach(w -> b.append("<li>").append(esc(w)).append("</li>\n"));
          b.append("</ul>\n</aside>\n");
        }
      }
      case "morris" -> {
        b.append("<section id=\"morris\">\n<h2>Morris screening</h2>\n");
        b.append(ExploreCharts.morris(report.morris(), out));
      }
      default -> {
        b.append("<section id=\"rank-correlation\">\n<h2>Rank correlations</h2>\n");
        b.append(ExploreCharts.ranks(report.ranks(), out));
      }
    }
    b.append(sensitivityTable(report));
    if (report.second() != null && !report.second().isEmpty()) {
      b.append("<h3>Second-order indices</h3>\n<div class=\"scroll\"><table class=\"data "
          + "sortable\" id=\"second-order-table\">\n<thead><tr><th>parameter</th><th>with</th>"
          + "<th class=\"n\" data-type=\"num\">S2<span class=\"ci\">95% interval</span></th>"
          + "</tr></thead>\n<tbody>\n");
      for (SobolPair q : report.second()) {
        b.append("<tr><td><code>").append(esc(q.parameter())).append("</code></td><td><code>")
            .append(esc(q.other())).append("</code></td>")
            .append(numCell(q.second().value(), 4, interval(new double[] {q.second().low(),
                q.second().high()}, 4)))
            .append("</tr>\n");
      }
      b.append("</tbody>\n</table></div>\n");
    }
    b.append("</section>\n");
    b.append(sensitivityFooter(report));
    return page("Spiral sensitivity: " + out, b.toString());
  }

  private static String topParameter(SensitivityReport r) {
    return switch (r.method()) {
      case "sobol" -> r.sobol() == null ? null : r.sobol().stream()
          .max(Comparator.comparingDouble(i -> i.total().value())).map(SobolIndex::parameter)
          .orElse(null);
      case "morris" -> r.morris() == null ? null : r.morris().stream()
          .max(Comparator.comparingDouble(MorrisEffect::muStar)).map(MorrisEffect::parameter)
          .orElse(null);
      default -> r.ranks() == null ? null : r.ranks().stream()
          .max(Comparator.comparingDouble(x -> Math.abs(x.rho())))
          .map(SensitivityReport.Rank::parameter).orElse(null);
    };
  }

  private static String sensitivityTable(SensitivityReport r) {
    StringBuilder b = new StringBuilder("<div class=\"scroll\"><table class=\"data sortable\" "
        + "id=\"sensitivity-table\">\n<thead><tr><th>parameter</th>");
    boolean tornado = r.tornado() != null;
    switch (r.method()) {
      case "sobol" -> b.append("<th class=\"n\" data-type=\"num\">S1<span class=\"ci\">95% "
          + "interval</span></th><th class=\"n\" data-type=\"num\">ST<span class=\"ci\">95% "
          + "interval</span></th>");
      case "morris" -> b.append("<th class=\"n\" data-type=\"num\">\u03bc*</th>"
          + "<th class=\"n\" data-type=\"num\">\u03c3</th><th class=\"n\" data-type=\"num\">"
          + "\u03bc</th>");
      default -> b.append("<th class=\"n\" data-type=\"num\">Spearman</th>");
    }
    if (tornado) {
      b.append("<th class=\"n\">range (base)</th><th class=\"n\" data-type=\"num\">at low</th>"
          + "<th class=\"n\" data-type=\"num\">at high</th><th class=\"n\" data-type=\"num\">"
          + "swing</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    List<String> names = new ArrayList<>();
    switch (r.method()) {
      case "sobol" -> r.sobol().forEach(i -> names.add(i.parameter()));
      case "morris" -> r.morris().forEach(i -> names.add(i.parameter()));
      default -> r.ranks().forEach(i -> names.add(i.parameter()));
    }
    for (String p : names) {
      b.append("<tr><td><code>").append(esc(p)).append("</code></td>");
      switch (r.method()) {
        case "sobol" -> {
          SobolIndex i = r.sobol().stream().filter(x -> x.parameter().equals(p)).findFirst()
              .orElseThrow();
          b.append(numCell(i.first().value(), 4, interval(new double[] {i.first().low(),
              i.first().high()}, 4)));
          b.append(numCell(i.total().value(), 4, interval(new double[] {i.total().low(),
              i.total().high()}, 4)));
        }
        case "morris" -> {
          MorrisEffect e = r.morris().stream().filter(x -> x.parameter().equals(p)).findFirst()
              .orElseThrow();
          b.append(numCell(e.muStar(), 4, null)).append(numCell(e.sigma(), 4, null))
              .append(numCell(e.mu(), 4, null));
        }
        default -> {
          SensitivityReport.Rank k = r.ranks().stream().filter(x -> x.parameter().equals(p))
              .findFirst().orElseThrow();
          b.append(numCell(k.rho(), 4, null));
        }
      }
      if (tornado) {
        Tornado.Bar bar = r.tornado().bars().stream().filter(x -> x.parameter().equals(p))
            .findFirst().orElse(null);
        SensitivityReport.Range range = r.ranges() == null ? null : r.ranges().stream()
            .filter(x -> x.parameter().equals(p)).findFirst().orElse(null);
        b.append("<td class=\"n\">").append(range == null ? "" : num(range.low(), 3) + " &ndash; "
            + num(range.high(), 3) + " (" + num(range.base(), 3) + ")").append("</td>");
        b.append(bar == null ? "<td></td><td></td><td></td>" : numCell(bar.low(), 4, null)
            + numCell(bar.high(), 4, null) + numCell(bar.swing(), 4, null));
      }
      b.append("</tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  private static String numCell(double v, int decimals, String ciHtml) {
    return "<td class=\"n\" data-sort=\"" + sortKey(v) + "\">" + num(v, decimals)
        + (ciHtml == null ? "" : "<span class=\"ci\">" + ciHtml + "</span>") + "</td>";
  }

  private static String sensitivityFooter(SensitivityReport r) {
    StringBuilder b = new StringBuilder("<footer>\n<h2>How this report was made</h2>\n<dl>\n");
    dl(b, "Spiral version", esc(spiral.Version.get()));
    dl(b, "Input", "<code>" + esc(r.input()) + "</code>");
    dl(b, "Output", "<code>" + esc(r.output()) + "</code>");
    dl(b, "Scenario", r.scenario() == null ? "not known (no sweep file next to the results)"
        : esc(r.scenario()));
    dl(b, "Design", r.design() == null ? "not known" : esc(r.design())
        + (r.designSeed() == null ? "" : ", design seed " + r.designSeed()));
    dl(b, "Design points", count(r.points()));
    dl(b, "Runs per point", r.runs() == null ? "not known" : count(r.runs()));
    dl(b, "Seed", r.seed() == null ? "not known" : r.seed()
        + " (common random numbers: run k of every point uses the generator seeded from (seed, k))");
    dl(b, "Method", esc(switch (r.method()) {
      case "sobol" -> "Sobol indices: first order after Saltelli et al. (2010), total after "
          + "Jansen (1999); 95% bootstrap intervals";
      case "morris" -> "Morris elementary effects, \u03bc* (Campolongo et al. 2007) and \u03c3";
      default -> "Spearman rank correlation";
    }));
    dl(b, "Tornado", r.tornado() == null ? "not drawn (needs the sweep file)"
        : "each parameter at its low and high value, the others at base (the middle of their "
            + "ranges), with the sweep's runs and seed");
    closeFooter(b, "The same sweep, results and options give the same file.");
    return b.toString();
  }

  // ================================================================ spiral discover

  /**
   * The report of a PRIM scenario discovery on a sweep's results: the chosen box as parameter
   * ranges with its coverage, density and mass, the peeling trajectory (density against coverage,
   * the chosen box marked), the scenario's illustrative assumptions, and the settings.
   *
   * @param report the discovery
   * @return the HTML page
   */
  public static String discovery(DiscoveryReport report) {
    Objects.requireNonNull(report, "report");
    PrimResult prim = report.prim();
    PrimBox box = prim.box(report.chosen());
    double baseRate = report.points() == 0 ? 0 : (double) report.interesting() / report.points();
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<header>\n<p class=\"kicker\">Spiral &middot; discovery</p>\n<h1>Where <code>")
        .append(esc(report.where())).append("</code></h1>\n");
    b.append("<p class=\"lead\">The box of parameter ranges in which <b>")
        .append(esc(report.where())).append("</b> holds most often: ")
        .append(count(report.interesting())).append(" of ").append(count(report.points()))
        .append(" design points").append(report.scenario() == null ? ""
            : " of <b>" + esc(report.scenario()) + "</b>").append(".</p>\n");
    StringBuilder cards = new StringBuilder("<div class=\"cards\">\n");
    cards.append(card("Density in the box", pct(box.density()),
        "base rate " + pct(baseRate) + " over all the points"));
    cards.append(card("Coverage", pct(box.coverage()),
        "of the points of interest lie in the box"));
    cards.append(card("Mass", pct(box.mass()), box.count() + " of " + count(report.points())
        + " points in the box"));
    b.append(cards.append("</div>\n")).append("</header>\n");
    b.append(sweepCallout(report.illustrative()));
    b.append("<section id=\"box\">\n<h2>The box</h2>\n");
    b.append(ExploreCharts.primBox(prim, report.chosen()));
    List<PrimResult.Range> limits = prim.limits(box);
    boolean boot = report.stability() != null;
    b.append("<div class=\"scroll\"><table class=\"data\" id=\"box-table\">\n<thead><tr>"
        + "<th>parameter</th><th class=\"n\">box low</th><th class=\"n\">box high</th>"
        + "<th class=\"n\">sweep range</th><th class=\"n\">quasi-p</th>"
        + (boot ? "<th class=\"n\">restricted in resamples</th>" : "")
        + "</tr></thead>\n<tbody>\n");
    if (prim.restrictions(box).isEmpty()) {
      b.append("<tr><td colspan=\"").append(boot ? 6 : 5).append("\">no parameter is "
          + "restricted: the condition is not concentrated in a box</td></tr>\n");
    }
    double[] rangeLow = prim.rangeLow();
    double[] rangeHigh = prim.rangeHigh();
    for (int j = 0; j < limits.size(); j++) {
      PrimResult.Range r = limits.get(j);
      boolean restricted = prim.restricts(box, j);
      b.append("<tr").append(restricted ? "" : " class=\"muted\"").append("><td><code>")
          .append(esc(r.parameter())).append("</code>").append(restricted ? ""
              : " (not restricted)").append("</td><td class=\"n\">")
          .append(num(r.low(), 4)).append("</td><td class=\"n\">").append(num(r.high(), 4))
          .append("</td><td class=\"n\">").append(num(rangeLow[j], 4)).append(" &ndash; ")
          .append(num(rangeHigh[j], 4)).append("</td><td class=\"n\">")
          .append(restricted ? String.format(Locale.ROOT, "%.2g", report.quasiP()[j]) : "")
          .append("</td>");
      if (boot) {
        b.append("<td class=\"n\">").append(pct(report.stability()[j])).append("</td>");
      }
      b.append("</tr>\n");
    }
    if (boot) {
      b.append("<tr><td colspan=\"6\">").append("restricted in resamples: the share of ")
          .append(report.resamples()).append(" bootstrap resamples (seed ")
          .append(report.bootstrapSeed()).append(") whose box restricts the parameter; "
              + "quasi-p: Bryant &amp; Lempert's one-sided binomial test of the restriction"
              + "</td></tr>\n");
    }
    b.append("</tbody>\n</table></div>\n</section>\n");
    b.append("<section id=\"trajectory\">\n<h2>The peeling trajectory</h2>\n");
    b.append(ExploreCharts.primTrajectory(prim, report.chosen(), report.minCoverage(), baseRate));
    b.append("</section>\n");
    StringBuilder f = new StringBuilder("<footer>\n<h2>How this report was made</h2>\n<dl>\n");
    dl(f, "Spiral version", esc(spiral.Version.get()));
    dl(f, "Input", "<code>" + esc(report.input()) + "</code>");
    dl(f, "Condition", "<code>" + esc(report.where()) + "</code>");
    dl(f, "Scenario", report.scenario() == null ? "not known (no sweep file next to the results)"
        : esc(report.scenario()));
    dl(f, "Method", "PRIM (Friedman &amp; Fisher 1999): peel fraction " + num(report.alpha(), 3)
        + ", smallest box mass " + num(report.minMass(), 3) + ", then pasting; the chosen box is "
        + "the densest with coverage at least " + num(report.minCoverage(), 2));
    dl(f, "Trajectory", prim.trajectory().size() + " boxes (" + prim.peels() + " peels, "
        + (prim.trajectory().size() - 1 - prim.peels()) + " pastes); chosen box "
        + report.chosen());
    f.append("</dl>\n<p class=\"muted\">The same results and options give the same file. This "
        + "page loads nothing from outside itself.</p>\n</footer>\n");
    b.append(f);
    return page("Spiral discovery: " + report.where(), b.toString());
  }

  // ================================================================ spiral study

  /**
   * The report of a study over several scenarios (the RAND cases A&ndash;D): the
   * scenario &times; option score matrix, P(nuclear use) of key options against the attack's
   * rung, how the answer shifts as the attack grows, and per scenario the best, the most robust
   * and the top five, with the scenarios' illustrative assumptions.
   *
   * @param scenarios the scenarios of the study (for their descriptions and assumptions)
   * @param report the study
   * @return the HTML page
   */
  public static String study(List<Scenario> scenarios, StudyReport report) {
    Objects.requireNonNull(report, "report");
    List<Scenario> all = scenarios == null ? List.of() : scenarios;
    Map<String, Scenario> byId = new LinkedHashMap<>();
    for (Scenario s : all) {
      byId.putIfAbsent(s.id(), s);
    }
    List<StudyReport.Row> rows = report.scenarios() == null ? List.of() : report.scenarios();
    StringBuilder b = new StringBuilder(256 * 1024);
    b.append("<header>\n<p class=\"kicker\">Spiral &middot; study</p>\n<h1>Response options across ")
        .append(rows.size()).append(rows.size() == 1 ? " scenario" : " scenarios").append("</h1>\n");
    b.append("<p class=\"lead\">How should the answer change as the attack grows? Each of the ")
        .append(report.options().size()).append(" response options was played as the first "
            + "response in every scenario, ")
        .append(count(report.runs())).append(" runs per option per scenario with common random "
            + "numbers, and scored on each scenario&rsquo;s goals")
        .append(report.samples() > 0
            ? "; robustness over " + report.samples() + " parameter sets per scenario."
            : ".")
        .append("</p>\n");
    if (report.shift() != null && !report.shift().isBlank()) {
      b.append("<p class=\"shift\">").append(esc(report.shift())).append("</p>\n");
    }
    b.append("<div class=\"scroll\"><table class=\"data summary\">\n<thead><tr><th>scenario</th>"
        + "<th class=\"n\">attack rung</th><th>best</th><th>most robust</th>"
        + "<th class=\"n\">P(nuclear use) of the best</th></tr></thead>\n<tbody>\n");
    for (StudyReport.Row r : rows) {
      Double nuc = r.nuclearUse() == null || r.best() == null ? null : r.nuclearUse().get(r.best());
      b.append("<tr><td><b>").append(esc(r.scenario())).append("</b><br>").append(esc(r.name()))
          .append("</td><td class=\"n\">").append(r.rung()).append("</td><td><b>")
          .append(esc(r.best())).append("</b></td><td>").append(esc(r.mostRobust()))
          .append("</td><td class=\"n\">").append(nuc == null ? "n/a" : pct(nuc))
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table></div>\n</header>\n");

    Set<String> illustrative = new LinkedHashSet<>();
    for (Scenario s : all) {
      illustrative.addAll(s.illustrative());
    }
    for (StudyReport.Row r : rows) {
      if (r.detail() != null && r.detail().illustrative() != null) {
        illustrative.addAll(r.detail().illustrative());
      }
    }
    b.append(callout(new ArrayList<>(illustrative)));

    b.append("<section id=\"matrix\">\n<h2>Every option in every scenario</h2>\n");
    b.append(Charts.scoreMatrix(report));
    b.append("</section>\n");

    b.append("<section id=\"nuclear\">\n<h2>Risk of nuclear use as the attack grows</h2>\n");
    b.append(Charts.nuclearByRung(report));
    if (report.shift() != null && !report.shift().isBlank()) {
      b.append("<p class=\"shift small\">").append(esc(report.shift())).append("</p>\n");
    }
    b.append("</section>\n");

    b.append("<section id=\"scenarios\">\n<h2>Scenario by scenario</h2>\n");
    b.append("<p>The top five options of each scenario. A gap to the best is marked <b>real "
        + "difference</b> only when its whole 95% interval lies beyond the scenario's minimum "
        + "meaningful difference (<code>model.meaningfulDifference</code>, given with each table); "
        + "&ldquo;gap from&rdquo; names the goal that contributes most to it. The outcomes behind "
        + "the probabilities are defined below.</p>\n");
    b.append(outcomeDefinitions());
    for (StudyReport.Row r : rows) {
      b.append(studyRow(r, byId.get(r.scenario())));
    }
    b.append("</section>\n");

    b.append("<footer>\n<h2>How this report was made</h2>\n<dl>\n");
    dl(b, "Spiral version", esc(report.version()));
    dl(b, "Scenarios", esc(String.join(", ", rows.stream().map(StudyReport.Row::scenario).toList())));
    dl(b, "Runs per option per scenario", count(report.runs()));
    dl(b, "Seed", Long.toString(report.seed()));
    dl(b, "Random numbers", "common: run k of every option uses the generator seeded from (seed, k)");
    dl(b, "Robustness", report.samples() > 0
        ? report.samples() + " parameter sets per scenario (Latin hypercube)"
        : "not run (most robust = best)");
    closeFooter(b, "The same scenarios, seed, runs and version give the same numbers and"
        + " the same file.");
    return page("Spiral study: response options across " + rows.size() + " scenarios", b.toString());
  }

  private static String studyRow(StudyReport.Row r, Scenario scenario) {
    StringBuilder b = new StringBuilder();
    b.append("<section class=\"scenario\" id=\"s-").append(esc(r.scenario())).append("\">\n<h3>")
        .append("Rung ").append(r.rung()).append(" &middot; <code>").append(esc(r.scenario()))
        .append("</code></h3>\n<p class=\"meta\">").append(esc(r.name())).append("</p>\n");
    if (scenario != null) {
      var event = scenario.initiatingEvent();
      b.append("<p class=\"prose\"><b>The attack:</b> ").append(esc(rungAct(scenario.ladder(),
          event.rung(), actorName(scenario, event.attacker())))).append("</p>\n");
    }
    if (scenario != null && !scenario.initiatingEvent().description().isBlank()) {
      b.append("<p class=\"prose\">").append(esc(scenario.initiatingEvent().description()))
          .append("</p>\n");
    }
    Double bestScore = r.scores() == null || r.best() == null ? null : r.scores().get(r.best());
    b.append("<p class=\"verdict\">Best: <b>").append(esc(r.best())).append("</b>")
        .append(bestScore == null ? "" : " (score " + num(bestScore, 3) + ")")
        .append(" &middot; most robust: <b>").append(esc(r.mostRobust())).append("</b>")
        .append(r.mostRobust() != null && r.mostRobust().equals(r.best()) ? " (the same)" : "")
        .append("</p>\n");
    List<OptionResult> top = r.detail() == null ? List.of() : byRank(r.detail().options());
    if (!top.isEmpty()) {
      b.append("<p class=\"muted\">Minimum meaningful difference: ")
          .append(num(r.detail().meaningfulDifference(), 3))
          .append(r.detail().paretoFront() == null || r.detail().paretoFront().isEmpty() ? ""
              : " &middot; Pareto front of further attacks against war or nuclear use: "
                  + esc(String.join(", ", r.detail().paretoFront())))
          .append("</p>\n");
      b.append("<div class=\"scroll\"><table class=\"data\">\n<thead><tr><th class=\"n\">rank</th>"
          + "<th>option</th><th class=\"n\">score<span class=\"ci\">95% interval</span></th>"
          + "<th class=\"n\">gap to the best</th><th>gap from</th>"
          + "<th class=\"n\">P(further attacks)<span class=\"ci\">95% interval</span></th>"
          + "<th class=\"n\">P(war or nuclear)<span class=\"ci\">95% interval</span></th>"
          + "<th class=\"n\">P(nuclear use)<span class=\"ci\">95% interval</span></th>"
          + "<th class=\"n\">P(settlement)</th><th class=\"n\">credibility</th></tr></thead>\n"
          + "<tbody>\n");
      for (OptionResult o : top.subList(0, Math.min(5, top.size()))) {
        boolean isBest = o.id().equals(r.best());
        var d = o.differenceFromBest();
        b.append("<tr").append(isBest ? " class=\"best\"" : "").append("><td class=\"n\">")
            .append(o.rank()).append("</td><td title=\"").append(esc(o.name())).append("\"><b>")
            .append(esc(o.id())).append("</b>")
            .append(o.id().equals(r.mostRobust()) ? " <span class=\"badge front\">most robust</span>" : "")
            .append("</td>").append(meanCell(o.score(), 3)).append("<td class=\"n\">");
        if (isBest || d == null) {
          b.append("&mdash;");
        } else {
          b.append(signedFine(d.mean(), 3)).append(d.significant()
              ? "<span class=\"tags\"><span class=\"badge real\">real difference</span></span>"
              : "<span class=\"muted\">within noise</span>");
        }
        b.append("</td><td>").append(isBest || o.gapDriver() == null ? "&mdash;"
                : "<code>" + esc(o.gapDriver()) + "</code>").append("</td>")
            .append(propCell(o.furtherAttacks(), true))
            .append(propCell(Charts.warOrNuclear(o), true)).append(propCell(o.nuclearUse(), true))
            .append(propCell(o.settlement(), false))
            .append(meanCell(o.credibility(), 3, false)).append("</tr>\n");
      }
      b.append("</tbody>\n</table></div>\n");
    } else if (r.scores() != null && !r.scores().isEmpty()) {
      List<Map.Entry<String, Double>> ranked = new ArrayList<>(r.scores().entrySet());
      ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
          .thenComparing(Map.Entry.comparingByKey()));
      b.append("<table class=\"data\">\n<thead><tr><th>option</th><th class=\"n\">score</th>"
          + "</tr></thead>\n<tbody>\n");
      for (Map.Entry<String, Double> e : ranked.subList(0, Math.min(5, ranked.size()))) {
        b.append("<tr><td><b>").append(esc(e.getKey())).append("</b></td><td class=\"n\">")
            .append(num(e.getValue() == null ? Double.NaN : e.getValue(), 3)).append("</td></tr>\n");
      }
      b.append("</tbody>\n</table>\n");
    }
    return b.append("</section>\n").toString();
  }

  // ================================================================ spiral negotiate

  /**
   * The report of a negotiation analysis at month K: headline cards (is there a zone of
   * agreement, when is the window open, the Nash agreement), the illustrative assumptions, the
   * issue space, the parties and their reservation values, the proposals and who accepts them,
   * the utility space of the first two parties, the window month by month with the best deal for
   * each party, the Fearon range and Rubinstein's split.
   *
   * @param scenario the scenario that was analysed (for its description and its negotiation's
   *     names, weights, Fearon shares and discount factors; it may lack a negotiation section)
   * @param report the analysis
   * @return the HTML page
   */
  public static String negotiation(Scenario scenario, NegotiationReport report) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(report, "report");
    Negotiation neg = scenario.negotiation();
    List<NegotiationReport.PartyResult> parties = listOf(report.parties());
    List<NegotiationReport.IssueLevels> issues = listOf(report.issues());
    List<NegotiationReport.Month> window = listOf(report.window());
    Function<String, String> name = partyNames(scenario, parties);
    String title = firstNonBlank(report.name(), scenario.name(), scenario.id());
    String k = esc(report.monthLabel());
    NegotiationReport.Space space = report.space();
    StringBuilder b = new StringBuilder(256 * 1024);

    b.append("<header>\n<p class=\"kicker\">Spiral &middot; negotiation</p>\n<h1>").append(esc(title))
        .append("</h1>\n");
    b.append("<p class=\"lead\">Is there a deal that every party prefers to fighting on, and when? "
            + "The agreement space is every combination of the levels of the ")
        .append(issues.size()).append(issues.size() == 1 ? " issue" : " issues");
    if (space != null) {
      b.append(" (").append(count(space.points())).append(space.points() == 1 ? " agreement)" : " agreements)");
    }
    b.append(". A party&rsquo;s utility of an agreement is its weighted value of the agreement&rsquo;s "
            + "levels, from 0 to 1; it accepts an agreement worth at least its <b>reservation "
            + "value</b>, what it expects from no agreement. The <b>zone of agreement</b> is what ")
        .append(parties.size() == 2 ? "both parties" : "all " + parties.size() + " parties")
        .append(" (").append(esc(partyList(parties, name))).append(") accept. Analysed: <b>month ")
        .append(report.month()).append(", ").append(k).append("</b>");
    if (!window.isEmpty()) {
      b.append("; the window runs from ").append(esc(window.get(0).label())).append(" to ")
          .append(esc(window.get(window.size() - 1).label())).append(" (").append(window.size())
          .append(window.size() == 1 ? " month)" : " months)");
    }
    b.append(".</p>\n");
    b.append(negotiationCards(report, parties, window, name));
    b.append("</header>\n");

    List<String> illustrative = report.illustrative() != null && !report.illustrative().isEmpty()
        ? report.illustrative()
        : scenario.illustrative();
    b.append(callout(illustrative));
    b.append(negotiationScenario(scenario));

    b.append("<section id=\"issues\">\n<h2>The issue space</h2>\n");
    b.append(issueTable(issues));
    b.append("</section>\n");

    b.append("<section id=\"parties\">\n<h2>The parties and their reservation values</h2>\n");
    b.append(partyTable(report, parties, neg, name));
    b.append(weightTable(parties, issues, neg, name));
    b.append("</section>\n");

    b.append("<section id=\"proposals\">\n<h2>The proposals at ").append(k).append("</h2>\n");
    b.append(proposalTable(report, parties, issues, name));
    b.append("</section>\n");

    b.append("<section id=\"utility-space\">\n<h2>The utility space</h2>\n");
    b.append(NegotiationCharts.utilitySpace(report, name));
    b.append(solutionsText(report, parties, issues, name));
    b.append("</section>\n");

    b.append("<section id=\"window\">\n<h2>The window for talks</h2>\n");
    b.append(NegotiationCharts.window(report, name, leverageLabel(neg, name)));
    b.append(monthTable(window, parties, issues, report.month(), name));
    b.append(standsList(window));
    b.append("</section>\n");

    b.append("<section id=\"fearon\">\n<h2>The Fearon bargaining range</h2>\n");
    b.append(fearonSection(report.fearon(), issues, neg, name));
    b.append("</section>\n");

    b.append("<section id=\"rubinstein\">\n<h2>Rubinstein&rsquo;s alternating offers</h2>\n");
    b.append(rubinsteinSection(report.rubinstein(), issues, neg, name));
    b.append("</section>\n");

    b.append(negotiationFooter(scenario, report, window));
    return page("Spiral negotiation: " + title, b.toString());
  }

  private static String negotiationCards(NegotiationReport r, List<NegotiationReport.PartyResult> parties,
      List<NegotiationReport.Month> window, Function<String, String> name) {
    StringBuilder b = new StringBuilder("<div class=\"cards\">\n");
    NegotiationReport.Space sp = r.space();
    String k = esc(r.monthLabel());
    if (sp != null && sp.zoneExists()) {
      b.append(card("Zone of agreement, " + r.monthLabel(), "<span class=\"ok\">yes</span>",
          count(sp.zonePoints()) + " of " + count(sp.points()) + " agreements (" + pct(sp.zoneShare())
              + " of the space)"));
    } else {
      b.append(card("Zone of agreement, " + r.monthLabel(), "<span class=\"no\">no</span>",
          "no agreement gives every party its reservation value in " + k));
    }
    List<List<String>> open = listOf(r.openMonths());
    List<String> ranges = new ArrayList<>();
    for (List<String> range : open) {
      if (range == null || range.isEmpty()) {
        continue;
      }
      String from = range.get(0);
      String to = range.get(range.size() - 1);
      ranges.add(Objects.equals(from, to) ? esc(from) : esc(from) + "&thinsp;&ndash;&thinsp;" + esc(to));
    }
    long openCount = window.stream().filter(NegotiationReport.Month::zoneExists).count();
    String span = window.isEmpty() ? "" : " of the " + window.size() + " months, "
        + esc(window.get(0).label()) + " to " + esc(window.get(window.size() - 1).label());
    b.append(card("Window for talks", ranges.isEmpty() ? "<span class=\"no\">never open</span>"
            : String.join(", ", ranges),
        ranges.isEmpty() ? "no zone of agreement in any month" + span
            : "a zone exists in " + openCount + span));
    if (r.nash() != null) {
      StringBuilder v = new StringBuilder();
      for (NegotiationReport.PartyResult p : parties) {
        Double u = r.nash().utilities() == null ? null : r.nash().utilities().get(p.id());
        v.append("<span class=\"pu\">").append(esc(NegotiationCharts.shortName(name.apply(p.id()))))
            .append(" <b>").append(u == null ? "n/a" : num(u, 2)).append("</b></span> ");
      }
      b.append(card("Nash agreement, " + r.monthLabel(), "<span class=\"small\">" + v.toString().trim()
          + "</span>", "utility per party; reservation values " + reservations(parties, name)));
    } else {
      b.append(card("Nash agreement, " + r.monthLabel(), "<span class=\"no\">none</span>",
          "there is no zone of agreement in " + k + " to bargain over"));
    }
    List<NegotiationReport.ProposalResult> proposals = listOf(r.proposals());
    if (!proposals.isEmpty()) {
      List<String> all = new ArrayList<>();
      for (NegotiationReport.ProposalResult p : proposals) {
        if (p.acceptedByAll()) {
          all.add(p.id());
        }
      }
      b.append(card("Proposals every party accepts", all.size() + " of " + proposals.size(),
          all.isEmpty() ? "each proposal falls short of some party&rsquo;s reservation value in " + k
              : esc(String.join(", ", all))));
    }
    return b.append("</div>\n").toString();
  }

  /** The dated stands that close the zone, as they change over the window; empty when none. */
  private static String standsList(List<NegotiationReport.Month> window) {
    StringBuilder b = new StringBuilder();
    List<String> shown = List.of();
    for (NegotiationReport.Month m : window) {
      List<String> st = m.stands() == null ? List.of() : m.stands();
      if (!st.equals(shown)) {
        b.append("<li>from ").append(esc(m.label())).append(": ")
            .append(st.isEmpty() ? "none" : esc(String.join("; ", st))).append("</li>\n");
        shown = st;
      }
    }
    return b.length() == 0 ? "" : "<p>Dated stands that close the zone (a party&rsquo;s non-negotiable issue or its "
        + "refusal of talks, in force by the end of the month):</p>\n<ul class=\"stands\">\n" + b + "</ul>\n";
  }

  private static String reservations(List<NegotiationReport.PartyResult> parties, Function<String, String> name) {
    List<String> out = new ArrayList<>();
    for (NegotiationReport.PartyResult p : parties) {
      out.add(esc(NegotiationCharts.shortName(name.apply(p.id()))) + " " + num(p.reservation(), 2));
    }
    return String.join(", ", out);
  }

  private static String negotiationScenario(Scenario scenario) {
    StringBuilder b = new StringBuilder("<section id=\"scenario\">\n<h2>The scenario</h2>\n");
    b.append("<p class=\"meta\"><code>").append(esc(scenario.id())).append("</code> &middot; ")
        .append(esc(scenario.name())).append("</p>\n");
    if (!scenario.description().isBlank()) {
      b.append("<p class=\"prose\">").append(esc(scenario.description())).append("</p>\n");
    }
    if (!scenario.source().isBlank()) {
      b.append("<p class=\"prose source\"><b>Source:</b> ").append(esc(scenario.source())).append("</p>\n");
    }
    return b.append("</section>\n").toString();
  }

  private static String issueTable(List<NegotiationReport.IssueLevels> issues) {
    if (issues.isEmpty()) {
      return "<p>No issues.</p>\n";
    }
    StringBuilder b = new StringBuilder("<p>Every agreement picks one level of each issue. Levels run "
        + "in order along the issue; a numeric issue is searched on its grid.</p>\n"
        + "<div class=\"scroll\"><table class=\"data\">\n<thead><tr><th>issue</th><th>kind</th>"
        + "<th class=\"n\">levels</th><th>the levels, in order</th></tr></thead>\n<tbody>\n");
    for (NegotiationReport.IssueLevels is : issues) {
      List<String> levels = listOf(is.levels());
      b.append("<tr><td><b>").append(esc(is.name())).append("</b><br><code>").append(esc(is.id()))
          .append("</code></td><td>").append(esc(is.kind())).append("</td><td class=\"n\">")
          .append(levels.size()).append("</td><td><span class=\"chips\">");
      List<String> shown = new ArrayList<>();
      if (levels.size() > 12) {
        shown.addAll(levels.subList(0, 3));
        shown.add(null);
        shown.addAll(levels.subList(levels.size() - 2, levels.size()));
      } else {
        shown.addAll(levels);
      }
      for (int i = 0; i < shown.size(); i++) {
        if (i > 0) {
          b.append(" <span class=\"arrow\">&rarr;</span> ");
        }
        b.append(shown.get(i) == null ? "&hellip;"
            : "<span class=\"chip\">" + esc(NegotiationCharts.levelText(is, shown.get(i))) + "</span>");
      }
      b.append("</span></td></tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  private static String partyTable(NegotiationReport r, List<NegotiationReport.PartyResult> parties,
      Negotiation neg, Function<String, String> name) {
    StringBuilder b = new StringBuilder();
    b.append("<p>A party&rsquo;s reservation value is its value of no agreement. It moves month by "
        + "month with battlefield leverage and falls with war weariness; a simulated one is the "
        + "expected value of fighting on, the sum over the outcomes of the escalation scenario of "
        + "their probability times their value to the party.</p>\n");
    b.append("<div class=\"scroll\"><table class=\"data\">\n<thead><tr><th>party</th>"
        + "<th class=\"n\">reservation value, ").append(esc(r.monthLabel()))
        .append("</th><th class=\"n\">at month 0</th><th>how it is set</th>"
            + "<th>simulated outcomes: probability &times; value</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < parties.size(); i++) {
      NegotiationReport.PartyResult p = parties.get(i);
      b.append("<tr><td><span class=\"sw\" style=\"background:")
          .append(NegotiationCharts.partyColour(i)).append("\"></span><b>").append(esc(name.apply(p.id())))
          .append("</b><br><code>").append(esc(p.id())).append("</code></td><td class=\"n\"><b>")
          .append(num(p.reservation(), 3)).append("</b></td><td class=\"n\">")
          .append(num(p.initialReservation(), 3)).append("</td><td>").append(esc(p.source()))
          .append("</td><td>");
      Map<String, Double> sim = p.simulated() == null ? Map.of() : p.simulated();
      if (sim.isEmpty()) {
        b.append("&mdash;");
      } else {
        Map<String, Double> values = Map.of();
        if (neg != null) {
          for (spiral.bargain.Party q : neg.parties()) {
            if (q.id().equals(p.id()) && q.fromSimulation() != null) {
              values = q.fromSimulation().values();
            }
          }
        }
        b.append("<ul class=\"lv\">");
        for (String outcome : outcomeOrder(sim.keySet())) {
          Double pr = sim.get(outcome);
          Double v = values.get(outcome);
          b.append("<li><span class=\"is\">").append(esc(Charts.outcomeLabel(outcome))).append("</span> ")
              .append(pr == null ? "n/a" : pct(pr))
              .append(v == null ? "" : " &times; " + num(v, 2)).append("</li>");
        }
        b.append("</ul>");
      }
      b.append("</td></tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  private static List<String> outcomeOrder(Set<String> keys) {
    List<String> out = new ArrayList<>();
    for (String o : Charts.OUTCOMES) {
      if (keys.contains(o)) {
        out.add(o);
      }
    }
    List<String> rest = new ArrayList<>();
    for (String key : keys) {
      if (!Charts.OUTCOMES.contains(key)) {
        rest.add(key);
      }
    }
    rest.sort(Comparator.naturalOrder());
    out.addAll(rest);
    return out;
  }

  private static String weightTable(List<NegotiationReport.PartyResult> parties,
      List<NegotiationReport.IssueLevels> issues, Negotiation neg, Function<String, String> name) {
    if (neg == null || issues.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<h3>What each party cares about</h3>\n<p>The weight of each "
        + "issue in the party&rsquo;s utility (each row sums to 100%).</p>\n"
        + "<div class=\"scroll\"><table class=\"data weights\">\n<thead><tr><th>party</th>");
    for (NegotiationReport.IssueLevels is : issues) {
      b.append("<th class=\"n\" title=\"").append(esc(is.name())).append("\">").append(esc(is.id()))
          .append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < parties.size(); i++) {
      NegotiationReport.PartyResult p = parties.get(i);
      spiral.bargain.Party party = null;
      for (spiral.bargain.Party q : neg.parties()) {
        if (q.id().equals(p.id())) {
          party = q;
        }
      }
      if (party == null) {
        continue;
      }
      b.append("<tr><td><b>").append(esc(NegotiationCharts.shortName(name.apply(p.id())))).append("</b></td>");
      for (NegotiationReport.IssueLevels is : issues) {
        Double w = party.weights().get(is.id());
        double v = w == null || !Double.isFinite(w) ? 0 : w;
        b.append("<td class=\"n\">").append(w == null ? "n/a" : pct(w))
            .append("<span class=\"wbar\"><span style=\"width:").append(num(Math.min(1, v) * 100, 1))
            .append("%;background:").append(NegotiationCharts.partyColour(i)).append("\"></span></span></td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  private static String proposalTable(NegotiationReport r, List<NegotiationReport.PartyResult> parties,
      List<NegotiationReport.IssueLevels> issues, Function<String, String> name) {
    List<NegotiationReport.ProposalResult> proposals = listOf(r.proposals());
    if (proposals.isEmpty()) {
      return "<p>The scenario names no proposals.</p>\n";
    }
    StringBuilder b = new StringBuilder();
    b.append("<p>Each named proposal with its level on every issue and its utility to each party in ")
        .append(esc(r.monthLabel())).append(": <span class=\"ok\">&#10003;</span> the party accepts "
            + "it (utility at least its reservation value), <span class=\"no\">&#10007;</span> it "
            + "does not. The numbers match the circles of the utility-space chart. Click a column "
            + "header to sort.</p>\n");
    b.append("<div class=\"scroll\"><table class=\"data sortable proposals\" id=\"proposal-table\">\n"
        + "<thead><tr><th class=\"n\" data-type=\"num\">#</th><th>proposal</th><th>levels</th>");
    for (NegotiationReport.PartyResult p : parties) {
      b.append("<th class=\"n\" data-type=\"num\">").append(esc(NegotiationCharts.shortName(name.apply(p.id()))))
          .append("<span class=\"ci\">needs ").append(num(p.reservation(), 3)).append("</span></th>");
    }
    b.append("<th data-type=\"num\">accepted by all</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < proposals.size(); i++) {
      NegotiationReport.ProposalResult p = proposals.get(i);
      b.append("<tr").append(p.acceptedByAll() ? " class=\"acc\"" : "").append("><td class=\"n\" data-sort=\"")
          .append(i + 1).append("\"><b>").append(i + 1).append("</b></td><td class=\"pname\"><b>")
          .append(esc(p.name())).append("</b><span class=\"ci\">");
      List<String> meta = new ArrayList<>();
      if (p.by() != null && !p.by().isBlank()) {
        meta.add("by " + esc(name.apply(p.by())));
      }
      if (p.date() != null && !p.date().isBlank()) {
        meta.add(esc(p.date()));
      }
      meta.add("<code>" + esc(p.id()) + "</code>");
      b.append(String.join(" &middot; ", meta)).append("</span></td><td>")
          .append(levelList(p.levels(), issues)).append("</td>");
      for (NegotiationReport.PartyResult q : parties) {
        Double u = p.utilities() == null ? null : p.utilities().get(q.id());
        Boolean ok = p.accepts() == null ? null : p.accepts().get(q.id());
        b.append("<td class=\"n\" data-sort=\"").append(sortKey(u == null ? Double.NaN : u)).append("\">")
            .append(u == null ? "n/a" : num(u, 3)).append(' ').append(acceptMark(ok)).append("</td>");
      }
      b.append("<td data-sort=\"").append(p.acceptedByAll() ? 1 : 0).append("\">")
          .append(p.acceptedByAll() ? "<span class=\"ok\">&#10003; yes</span>" : "<span class=\"no\">&#10007; no</span>")
          .append("</td></tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  private static String acceptMark(Boolean ok) {
    if (ok == null) {
      return "";
    }
    return ok ? "<span class=\"ok\" title=\"accepts\">&#10003;</span>"
        : "<span class=\"no\" title=\"rejects\">&#10007;</span>";
  }

  /** The levels of an agreement as a list, in issue order (unknown issues last, by id). */
  private static String levelList(Map<String, String> levels, List<NegotiationReport.IssueLevels> issues) {
    if (levels == null || levels.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<ul class=\"lv\">");
    Set<String> seen = new LinkedHashSet<>();
    for (NegotiationReport.IssueLevels is : issues) {
      String level = levels.get(is.id());
      if (level != null) {
        seen.add(is.id());
        b.append("<li><span class=\"is\" title=\"").append(esc(is.name())).append("\">").append(esc(is.id()))
            .append("</span> ").append(esc(NegotiationCharts.levelText(is, level))).append("</li>");
      }
    }
    List<String> rest = new ArrayList<>();
    for (String id : levels.keySet()) {
      if (!seen.contains(id)) {
        rest.add(id);
      }
    }
    rest.sort(Comparator.naturalOrder());
    for (String id : rest) {
      b.append("<li><span class=\"is\">").append(esc(id)).append("</span> ").append(esc(levels.get(id)))
          .append("</li>");
    }
    return b.append("</ul>").toString();
  }

  private static String solutionsText(NegotiationReport r, List<NegotiationReport.PartyResult> parties,
      List<NegotiationReport.IssueLevels> issues, Function<String, String> name) {
    StringBuilder b = new StringBuilder();
    NegotiationReport.Space sp = r.space();
    if (sp != null) {
      b.append("<p>Of the ").append(count(sp.points())).append(" agreements, ")
          .append(count(sp.paretoPoints())).append(" are Pareto-optimal")
          .append(sp.zoneExists()
              ? " and " + count(sp.zonePoints()) + " (" + pct(sp.zoneShare()) + ") lie in the zone of agreement in "
                  + esc(r.monthLabel())
              : "; none lies in the zone of agreement in " + esc(r.monthLabel()))
          .append(". The chart shows up to ").append(NegotiationReport.FRONTIER_POINTS)
          .append(" of the Pareto-optimal agreements, spread along the frontier.</p>\n");
    }
    if (r.nash() == null) {
      b.append("<p class=\"shift small\">No zone of agreement in ").append(esc(r.monthLabel()))
          .append(": no Nash, Kalai&ndash;Smorodinsky or egalitarian agreement.</p>\n");
      return b.toString();
    }
    b.append("<div class=\"scroll\"><table class=\"data solutions\">\n<thead><tr><th>agreement over the zone</th>"
        + "<th>what it maximises</th>");
    for (NegotiationReport.PartyResult p : parties) {
      b.append("<th class=\"n\">").append(esc(NegotiationCharts.shortName(name.apply(p.id())))).append("</th>");
    }
    b.append("<th>levels</th></tr></thead>\n<tbody>\n");
    Object[][] rows = {
      {"&#9733; Nash", "the product of the gains over the reservation values", r.nash()},
      {"&#9633; Kalai&ndash;Smorodinsky", "the smallest gain as a share of the party&rsquo;s best gain in the zone",
        r.kalaiSmorodinsky()},
      {"&#9651; egalitarian", "the smallest gain over the reservation value", r.egalitarian()}};
    for (Object[] row : rows) {
      NegotiationReport.Agreement ag = (NegotiationReport.Agreement) row[2];
      if (ag == null) {
        continue;
      }
      b.append("<tr><td><b>").append(row[0]).append("</b></td><td>").append(row[1]).append("</td>");
      for (NegotiationReport.PartyResult p : parties) {
        Double u = ag.utilities() == null ? null : ag.utilities().get(p.id());
        b.append("<td class=\"n\">").append(u == null ? "n/a" : num(u, 3)).append("</td>");
      }
      b.append("<td>").append(ag == r.nash() ? levelList(ag.levels(), issues) : diffList(ag, r.nash(), issues))
          .append("</td></tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  private static String monthTable(List<NegotiationReport.Month> window, List<NegotiationReport.PartyResult> parties,
      List<NegotiationReport.IssueLevels> issues, int analysed, Function<String, String> name) {
    if (window.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<h3>Month by month: the best deal for each party</h3>\n"
        + "<p>In each month with a zone of agreement, the Nash agreement and the agreement in the "
        + "zone that is best for each party (its utility in bold), listed by the levels where it "
        + "differs from the month&rsquo;s Nash agreement. U: the utilities, in party order ("
        + esc(partyList(parties, name)) + ").</p>\n<div class=\"scroll\"><table class=\"data months\">\n"
        + "<thead><tr><th>month</th>"
        + "<th class=\"n\">leverage</th><th>zone</th><th>Nash agreement</th>");
    for (NegotiationReport.PartyResult p : parties) {
      b.append("<th>best for ").append(esc(NegotiationCharts.shortName(name.apply(p.id())))).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    NegotiationReport.Agreement previousNash = null;
    String previousLabel = "";
    for (NegotiationReport.Month m : window) {
      boolean isK = m.month() == analysed;
      b.append("<tr").append(isK ? " class=\"best\"" : "").append("><td><b>").append(esc(m.label()))
          .append("</b>").append(isK ? "<span class=\"ci\">analysed</span>" : "").append("</td><td class=\"n\">")
          .append(num(m.leverage(), 2)).append("</td><td>")
          .append(m.zoneExists() ? "<span class=\"ok\">yes</span><span class=\"ci\">" + pct(m.zoneShare())
              + " of the space</span>" : "<span class=\"no\">no</span>")
          .append("</td>");
      if (m.nash() != null && previousNash != null && Objects.equals(m.nash().levels(), previousNash.levels())) {
        b.append(agreementCell(m.nash(), parties, null, "<div class=\"same\">unchanged from "
            + esc(previousLabel) + "</div>"));
      } else {
        b.append(agreementCell(m.nash(), parties, null, m.nash() == null ? "" : levelList(m.nash().levels(), issues)));
        previousLabel = m.label();
      }
      previousNash = m.nash();
      for (NegotiationReport.PartyResult p : parties) {
        NegotiationReport.Agreement ag = m.bestFor() == null ? null : m.bestFor().get(p.id());
        b.append(agreementCell(ag, parties, p.id(), ag == null ? "" : diffList(ag, m.nash(), issues)));
      }
      b.append("</tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  /** A cell with an agreement's utilities (the one of party {@code bold} in bold) and its levels. */
  private static String agreementCell(NegotiationReport.Agreement ag, List<NegotiationReport.PartyResult> parties,
      String bold, String levelsHtml) {
    if (ag == null) {
      return "<td class=\"none\">&mdash;</td>";
    }
    StringBuilder b = new StringBuilder("<td><div class=\"us\">");
    List<String> us = new ArrayList<>();
    for (NegotiationReport.PartyResult p : parties) {
      Double u = ag.utilities() == null ? null : ag.utilities().get(p.id());
      String v = u == null ? "n/a" : num(u, 2);
      us.add(p.id().equals(bold) ? "<b>" + v + "</b>" : v);
    }
    b.append("U ").append(String.join(" &middot; ", us)).append("</div>");
    return b.append(levelsHtml).append("</td>").toString();
  }

  /** The levels of an agreement where they differ from the Nash agreement's. */
  private static String diffList(NegotiationReport.Agreement ag, NegotiationReport.Agreement nash,
      List<NegotiationReport.IssueLevels> issues) {
    if (nash == null || nash.levels() == null || ag.levels() == null) {
      return levelList(ag.levels(), issues);
    }
    Map<String, String> differ = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : ag.levels().entrySet()) {
      if (!Objects.equals(e.getValue(), nash.levels().get(e.getKey()))) {
        differ.put(e.getKey(), e.getValue());
      }
    }
    return differ.isEmpty() ? "<div class=\"same\">the Nash agreement</div>"
        : levelList(differ, issues) + "<div class=\"same\">otherwise as Nash</div>";
  }

  private static String fearonSection(NegotiationReport.FearonRange f, List<NegotiationReport.IssueLevels> issues,
      Negotiation neg, Function<String, String> name) {
    if (f == null) {
      return "<p>The scenario sets up no Fearon range.</p>\n";
    }
    NegotiationReport.IssueLevels issue = null;
    for (NegotiationReport.IssueLevels is : issues) {
      if (is.id().equals(f.issue())) {
        issue = is;
      }
    }
    List<Double> shares = null;
    if (neg != null && neg.fearon() != null && Objects.equals(neg.fearon().issue(), f.issue())) {
      shares = neg.fearon().shares();
    }
    String pn = esc(NegotiationCharts.shortName(name.apply(f.party())));
    String on = esc(NegotiationCharts.shortName(name.apply(f.other())));
    double[] range = f.range();
    boolean hasRange = range != null && range.length >= 2;
    StringBuilder b = new StringBuilder("<p>Fearon (1995): war is costly, so if both sides agree on ")
        .append(pn).append("&rsquo;s chance of prevailing, p = ").append(num(f.p(), 3))
        .append(", every split that gives ").append(pn).append(" a share x of <b>")
        .append(esc(issue == null ? f.issue() : issue.name())).append("</b> between p &minus; c(")
        .append(pn).append(") and p + c(").append(on).append(")");
    if (hasRange) {
      b.append(", here ").append(num(range[0], 3)).append(" to ").append(num(range[1], 3));
      if (neg != null && neg.fearon() != null && Objects.equals(neg.fearon().issue(), f.issue())) {
        b.append(" (costs of war ").append(num(neg.fearon().costParty(), 3)).append(" and ")
            .append(num(neg.fearon().costOther(), 3)).append(", the range cut to the feasible shares 0 to 1)");
      } else {
        b.append(" (cut to the feasible shares 0 to 1)");
      }
    }
    b.append(", is better for both than fighting. ");
    List<String> inside = listOf(f.levelsInRange());
    if (inside.isEmpty()) {
      b.append("No level of the issue lies inside the range.");
    } else {
      List<String> shown = new ArrayList<>();
      for (String l : inside) {
        shown.add("<b>" + esc(NegotiationCharts.levelText(issue, l)) + "</b>");
      }
      b.append(inside.size() == 1 ? "The level inside it: " : "The levels inside it: ")
          .append(String.join(", ", shown)).append('.');
    }
    b.append("</p>\n");
    b.append(NegotiationCharts.fearon(f, issue, shares, name));
    double[] d = f.demand();
    if (d != null && d.length >= 2) {
      b.append("<p>With incomplete information &mdash; ").append(pn).append(" knows only that ").append(on)
          .append("&rsquo;s cost of war is spread evenly between 0 and c&#772; &mdash; ").append(pn)
          .append("&rsquo;s best take-it-or-leave-it demand is <b>x* = ").append(num(d[0], 3))
          .append("</b>, which ").append(on).append(" refuses, and war follows, with probability <b>")
          .append(pct(d[1])).append("</b>");
      if (d.length > 2) {
        b.append("; ").append(pn).append("&rsquo;s expected utility ").append(num(d[2], 3));
      }
      b.append(".</p>\n");
    } else {
      b.append("<p class=\"muted\">No cost uncertainty is given, so there is no incomplete-information "
          + "demand.</p>\n");
    }
    return b.toString();
  }

  private static String rubinsteinSection(NegotiationReport.RubinsteinSplit rb,
      List<NegotiationReport.IssueLevels> issues, Negotiation neg, Function<String, String> name) {
    if (rb == null) {
      return "<p>The scenario sets up no Rubinstein bargaining.</p>\n";
    }
    NegotiationReport.IssueLevels issue = null;
    for (NegotiationReport.IssueLevels is : issues) {
      if (is.id().equals(rb.issue())) {
        issue = is;
      }
    }
    String pn = esc(NegotiationCharts.shortName(name.apply(rb.proposer())));
    String rn = esc(NegotiationCharts.shortName(name.apply(rb.responder())));
    String unit = issue == null || issue.unit() == null || issue.unit().isBlank() ? "" : " " + esc(issue.unit());
    StringBuilder b = new StringBuilder("<p>Rubinstein (1982): ").append(pn).append(" and ").append(rn)
        .append(" take turns making offers on <b>").append(esc(issue == null ? rb.issue() : issue.name()))
        .append("</b>, ").append(pn).append(" first; each month of delay costs each side by its "
            + "discount factor &delta;");
    if (neg != null) {
      Double dp = null;
      Double dr = null;
      for (spiral.bargain.Party q : neg.parties()) {
        if (q.id().equals(rb.proposer())) {
          dp = q.discount();
        }
        if (q.id().equals(rb.responder())) {
          dr = q.discount();
        }
      }
      if (dp != null && dr != null) {
        b.append(" (").append(pn).append(" ").append(num(dp, 2)).append(", ").append(rn).append(" ")
            .append(num(dr, 2)).append(")");
      }
    }
    b.append(". In the subgame-perfect equilibrium ").append(pn).append(" offers a split x that leaves ")
        .append(rn).append(" indifferent between accepting and making its own offer y next month, "
            + "u<sub>r</sub>(x) = &delta;<sub>r</sub> u<sub>r</sub>(y), while y leaves ").append(pn)
        .append(" indifferent, u<sub>p</sub>(y) = &delta;<sub>p</sub> u<sub>p</sub>(x); both are solved on the "
            + "parties&rsquo; own value functions (with linear values the proposer&rsquo;s share is (1 &minus; "
            + "&delta;<sub>r</sub>) / (1 &minus; &delta;<sub>p</sub>&delta;<sub>r</sub>)). The split is worth <b>")
        .append(num(rb.proposerShare(), 3)).append("</b> to ").append(pn).append(" and <b>")
        .append(num(rb.responderValue(), 3)).append("</b> to ").append(rn).append(" on their 0&ndash;1 scales.</p>\n");
    double share = Double.isFinite(rb.proposerShare()) ? Math.max(0, Math.min(1, rb.proposerShare())) : 0;
    b.append("<div class=\"split\"><span class=\"bar wide\"><span style=\"width:").append(num(share * 100, 1))
        .append("%;background:").append(Palette.BLUE).append("\"></span></span> <b>").append(pn).append("</b> ")
        .append(pct(rb.proposerShare())).append(" &middot; <b>").append(rn).append("</b> ")
        .append(pct(rb.responderValue())).append("</div>\n");
    b.append("<p class=\"verdict\">The split: <b>").append(num(rb.value(), 2)).append(unit)
        .append("</b>, from ").append(rn).append("&rsquo;s ideal toward ").append(pn)
        .append("&rsquo;s; on the issue&rsquo;s grid, <b>")
        .append(esc(NegotiationCharts.levelText(issue, rb.level()))).append("</b>.</p>\n");
    return b.toString();
  }

  private static String negotiationFooter(Scenario scenario, NegotiationReport r, List<NegotiationReport.Month> window) {
    StringBuilder b = new StringBuilder("<footer>\n<h2>How this report was made</h2>\n<dl>\n");
    dl(b, "Spiral version", esc(r.version()));
    dl(b, "Scenario", "<code>" + esc(firstNonBlank(r.scenario(), scenario.id())) + "</code>");
    dl(b, "Month analysed", r.month() + " (" + esc(r.monthLabel()) + ")");
    List<String> seeds = new ArrayList<>();
    for (NegotiationReport.PartyResult p : listOf(r.parties())) {
      if (p.simulated() != null && !p.simulated().isEmpty()) {
        seeds.add(esc(p.id()) + ": " + esc(p.source()));
      }
    }
    dl(b, "Seed", seeds.isEmpty() ? "none: no reservation value is simulated" : String.join("; ", seeds));
    if (!window.isEmpty()) {
      dl(b, "Window", esc(window.get(0).label()) + " to " + esc(window.get(window.size() - 1).label()) + ", "
          + window.size() + (window.size() == 1 ? " month" : " months"));
    }
    NegotiationReport.Space sp = r.space();
    if (sp != null) {
      dl(b, "Agreement space", count(sp.points()) + " agreements, every one evaluated; "
          + count(sp.paretoPoints()) + " Pareto-optimal (" + listOf(r.paretoFrontier()).size() + " drawn)");
    }
    dl(b, "Solutions", "Nash (1950), Kalai &amp; Smorodinsky (1975) and egalitarian agreements "
        + "searched over the zone; Rubinstein (1982); Fearon (1995)");
    closeFooter(b, "The same scenario, month, window and version give the same numbers"
        + " and the same file.");
    return b.toString();
  }

  // ================================================================ spiral positions

  /**
   * The report of the dated public positions: a timeline with one lane per actor, the gap
   * between the two parties over time, and every position with the levels it maps onto.
   *
   * @param scenario the scenario (for its description and the parties' and actors' names)
   * @param report the positions
   * @return the HTML page
   */
  public static String positions(Scenario scenario, PositionsReport report) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(report, "report");
    List<PositionsReport.Entry> entries = listOf(report.positions());
    List<PositionsReport.Gap> gaps = listOf(report.gaps());
    List<NegotiationReport.IssueLevels> issues = listOf(report.issues());
    List<String> between = listOf(report.between());
    Function<String, String> name = partyNames(scenario, List.of());
    String title = firstNonBlank(report.name(), scenario.name(), scenario.id());
    String an = between.size() > 0 ? esc(NegotiationCharts.shortName(name.apply(between.get(0)))) : "";
    String bn = between.size() > 1 ? esc(NegotiationCharts.shortName(name.apply(between.get(1)))) : "";
    StringBuilder b = new StringBuilder(128 * 1024);

    b.append("<header>\n<p class=\"kicker\">Spiral &middot; positions</p>\n<h1>").append(esc(title))
        .append("</h1>\n");
    b.append("<p class=\"lead\">What each side has said in public, mapped onto the issue space of ")
        .append(issues.size()).append(issues.size() == 1 ? " issue" : " issues")
        .append(", and how far apart <b>").append(an).append("</b> and <b>").append(bn)
        .append("</b> stand after each statement.</p>\n");

    long mapped = entries.stream().filter(e -> e.levels() != null && !e.levels().isEmpty()).count();
    StringBuilder cards = new StringBuilder("<div class=\"cards\">\n");
    cards.append(card("Dated positions", Integer.toString(entries.size()),
        mapped + " map onto the issue space, " + (entries.size() - mapped) + " onto no agreement"));
    if (!gaps.isEmpty()) {
      PositionsReport.Gap first = gaps.get(0);
      PositionsReport.Gap last = gaps.get(gaps.size() - 1);
      PositionsReport.Gap min = first;
      PositionsReport.Gap max = first;
      for (PositionsReport.Gap g : gaps) {
        if (g.gap() < min.gap()) {
          min = g;
        }
        if (g.gap() > max.gap()) {
          max = g;
        }
      }
      cards.append(card("Latest gap, " + last.date(), num(last.gap(), 2),
          "between " + an + " and " + bn + " (0: the same position, 1: opposite ends); first "
              + num(first.gap(), 2) + " on " + esc(first.date())));
      List<String> compared = report.compared() == null ? List.of() : report.compared();
      cards.append(card("Narrowest gap", num(min.gap(), 2),
          "on " + esc(min.date()) + "; widest " + num(max.gap(), 2) + " on " + esc(max.date())
              + (compared.isEmpty() ? "" : "; over the same " + compared.size() + " issues throughout: "
                  + esc(String.join(", ", compared)))));
    } else {
      cards.append(card("Gap between " + NegotiationCharts.shortName(name.apply(between.isEmpty() ? "" : between.get(0)))
          + " and " + NegotiationCharts.shortName(name.apply(between.size() > 1 ? between.get(1) : "")),
          "<span class=\"no\">n/a</span>", "the two never both stated a position that maps onto a shared issue"));
    }
    b.append(cards.append("</div>\n")).append("</header>\n");

    List<String> illustrative = report.illustrative() != null && !report.illustrative().isEmpty()
        ? report.illustrative()
        : scenario.illustrative();
    b.append(callout(illustrative));

    List<String> actors = new ArrayList<>(between);
    for (PositionsReport.Entry e : entries) {
      if (e.actor() != null && !actors.contains(e.actor())) {
        actors.add(e.actor());
      }
    }
    Map<String, NegotiationReport.IssueLevels> byId = new LinkedHashMap<>();
    for (NegotiationReport.IssueLevels is : issues) {
      byId.put(is.id(), is);
    }
    Function<PositionsReport.Entry, String> describe = e -> {
      StringBuilder t = new StringBuilder(e.date() + " \u00B7 " + name.apply(e.actor()) + ": " + e.statement());
      if (e.levels() == null || e.levels().isEmpty()) {
        t.append(" \u2014 maps onto no agreement");
      } else {
        List<String> parts = new ArrayList<>();
        for (NegotiationReport.IssueLevels is : issues) {
          String l = e.levels().get(is.id());
          if (l != null) {
            parts.add(is.id() + " " + NegotiationCharts.levelText(is, l));
          }
        }
        t.append(" \u2014 ").append(e.proposal() != null && !e.proposal().isBlank()
            ? "proposal " + e.proposal() + ": " : "maps onto: ").append(String.join(", ", parts));
      }
      return t.toString();
    };

    b.append("<section id=\"timeline\">\n<h2>Who said what, when</h2>\n");
    b.append(NegotiationCharts.positionsTimeline(report, actors, name, describe));
    b.append("</section>\n");

    b.append("<section id=\"gap\">\n<h2>How far apart ").append(an).append(" and ").append(bn)
        .append(" stand</h2>\n");
    b.append(NegotiationCharts.gap(report, name));
    b.append("</section>\n");

    b.append("<section id=\"positions\">\n<h2>The positions</h2>\n");
    b.append(positionTable(entries, issues, actors, name));
    b.append("</section>\n");

    b.append("<section id=\"issues\">\n<h2>The issue space</h2>\n");
    b.append(issueTable(issues));
    b.append("</section>\n");

    b.append(negotiationScenario(scenario));

    b.append("<footer>\n<h2>How this report was made</h2>\n<dl>\n");
    dl(b, "Spiral version", esc(report.version()));
    dl(b, "Scenario", "<code>" + esc(firstNonBlank(report.scenario(), scenario.id())) + "</code>");
    dl(b, "Seed", "none: nothing is drawn at random");
    dl(b, "Positions", entries.size() + " dated, " + mapped + " mapped onto the issue space");
    dl(b, "Gap", "after each dated position of " + an + " or " + bn + ", each party&rsquo;s latest stated "
        + "level per issue; the mean over the same issues at every date ("
        + esc(String.join(", ", report.compared() == null ? List.of() : report.compared()))
        + ") of the distance between their levels along the issue (0 to 1)");
    closeFooter(b, "The same scenario and version give the same numbers and the same file.");
    return page("Spiral positions: " + title, b.toString());
  }

  private static String positionTable(List<PositionsReport.Entry> entries, List<NegotiationReport.IssueLevels> issues,
      List<String> actors, Function<String, String> name) {
    if (entries.isEmpty()) {
      return "<p>The scenario lists no dated positions.</p>\n";
    }
    StringBuilder b = new StringBuilder("<p>Every dated position and what it maps onto: a proposal, "
        + "the levels of the issues it speaks to, or no agreement at all. Utilities are given where a "
        + "position speaks to every issue. Click a column header to sort.</p>\n"
        + "<div class=\"scroll\"><table class=\"data sortable positions\" id=\"position-table\">\n"
        + "<thead><tr><th>date</th><th>actor</th><th>statement</th><th>source</th><th>maps onto</th>"
        + "</tr></thead>\n<tbody>\n");
    for (PositionsReport.Entry e : entries) {
      int a = actors.indexOf(e.actor());
      b.append("<tr><td class=\"date\">").append(esc(e.date())).append("</td><td class=\"actor\"><span class=\"sw\" style=\"background:")
          .append(NegotiationCharts.actorColour(Math.max(0, a))).append("\"></span><b>")
          .append(esc(NegotiationCharts.shortName(name.apply(e.actor())))).append("</b></td><td class=\"stmt\">")
          .append(esc(e.statement())).append("</td><td class=\"src\">").append(esc(e.source())).append("</td><td>");
      if (e.levels() == null || e.levels().isEmpty()) {
        b.append("<span class=\"badge warn\">maps onto no agreement</span>");
      } else {
        if (e.proposal() != null && !e.proposal().isBlank()) {
          b.append("proposal <code>").append(esc(e.proposal())).append("</code>");
        }
        b.append(levelList(e.levels(), issues));
        if (e.utilities() != null && !e.utilities().isEmpty()) {
          List<String> us = new ArrayList<>();
          List<String> ids = new ArrayList<>(e.utilities().keySet());
          for (String id : ids) {
            Double u = e.utilities().get(id);
            us.add(esc(NegotiationCharts.shortName(name.apply(id))) + " " + (u == null ? "n/a" : num(u, 2)));
          }
          b.append("<div class=\"us\">U ").append(String.join(" &middot; ", us)).append("</div>");
        }
      }
      b.append("</td></tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  /** Display names: the report's parties, the negotiation's, the scenario's actors, else the id. */
  private static Function<String, String> partyNames(Scenario scenario, List<NegotiationReport.PartyResult> parties) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Actor a : scenario.actors()) {
      names.put(a.id(), a.name());
    }
    if (scenario.negotiation() != null) {
      for (spiral.bargain.Party p : scenario.negotiation().parties()) {
        names.put(p.id(), p.name());
      }
    }
    for (NegotiationReport.PartyResult p : parties) {
      if (p.name() != null && !p.name().isBlank()) {
        names.put(p.id(), p.name());
      }
    }
    return id -> {
      if (id == null) {
        return "";
      }
      String n = names.get(id);
      if (n != null && !n.isBlank()) {
        return n;
      }
      // a country code (uk, us, eu) reads better in capitals
      return id.length() <= 3 && id.chars().allMatch(Character::isLetter) ? id.toUpperCase(java.util.Locale.ROOT) : id;
    };
  }

  private static String partyList(List<NegotiationReport.PartyResult> parties, Function<String, String> name) {
    List<String> out = new ArrayList<>();
    for (NegotiationReport.PartyResult p : parties) {
      out.add(NegotiationCharts.shortName(name.apply(p.id())));
    }
    return String.join(", ", out);
  }

  private static String leverageLabel(Negotiation neg, Function<String, String> name) {
    if (neg != null && neg.leverage() != null && neg.leverage().favours() != null) {
      return "leverage: chance that " + NegotiationCharts.shortName(name.apply(neg.leverage().favours()))
          + " prevails";
    }
    return "leverage p";
  }

  private static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }

  // ================================================================ the page

  private static final String CSS = """
      *{box-sizing:border-box}
      html{font-size:18px;-webkit-text-size-adjust:100%}
      body{margin:0;font-family:%FONT%;color:#111;background:#fff;line-height:1.45}
      main{max-width:1440px;margin:0 auto;padding:20px 32px 40px}
      h1{font-size:2.1rem;line-height:1.2;margin:.1em 0 .4em}
      h2{font-size:1.6rem;line-height:1.25;margin:1.6em 0 .5em;padding-top:.5em;border-top:4px solid #111}
      h3{font-size:1.25rem;margin:1.2em 0 .4em}
      code{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.92em}
      .kicker{font-size:1rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:#0072B2;margin:0}
      .lead{font-size:1.15rem;max-width:74em}
      .prose{max-width:74em}
      .source{font-size:.9rem;color:#333}
      .meta{color:#333;margin:.2em 0 .6em}
      .muted{color:#444;font-size:14px;display:block}
      .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(270px,1fr));gap:16px;margin:18px 0 8px}
      .card{border:3px solid #111;border-radius:10px;padding:12px 16px;background:#fff}
      .card .k{font-size:15px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:#0072B2}
      .card .v{font-size:1.5rem;font-weight:800;overflow-wrap:anywhere;margin:.15em 0}
      .card .s{font-size:16px;color:#222}
      .callout{border:3px solid #111;border-left:16px solid #E69F00;background:#FFF4D6;padding:6px 24px 10px;margin:28px 0;border-radius:8px}
      .callout h2{border:0;margin:.4em 0 .2em;padding:0}
      .callout li{margin:.2em 0}
      .attack{border:3px solid #D55E00;border-radius:8px;padding:4px 18px;margin:16px 0;background:#FDF0E8}
      .attack .k{font-weight:800;color:#B34700;text-transform:uppercase;letter-spacing:.05em;font-size:15px;margin-top:8px}
      .two{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:28px}
      @media (max-width:1100px){.two{grid-template-columns:1fr}}
      .scroll{overflow-x:auto}
      table.data{border-collapse:collapse;width:100%;font-size:16px;margin:8px 0 16px}
      table.data th,table.data td{padding:6px 6px;border-bottom:1px solid #bbb;text-align:left;vertical-align:top}
      table.data th{background:#EDEDED;border-bottom:3px solid #111;font-size:15px;vertical-align:bottom}
      table.data .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      table.data th.n{white-space:normal}
      table.data .id{white-space:nowrap}
      table.options{font-size:15px}
      table.options td code{font-size:14px}
      .tags{display:block}
      td.n .badge{margin-top:3px}
      table.data tbody tr:nth-child(even){background:#F7F7F7}
      table.data tr.best td{background:#DDEFFA;font-weight:600}
      table.sortable th{cursor:pointer}
      table.sortable th[aria-sort=ascending]::after{content:" \\25B2"}
      table.sortable th[aria-sort=descending]::after{content:" \\25BC"}
      .ci{display:block;font-size:14px;color:#333;font-weight:400;white-space:nowrap}
      .badge{display:inline-block;padding:0 8px;margin:2px 0;border-radius:12px;font-size:14px;font-weight:700;border:2px solid #111;white-space:nowrap}
      .badge.best{background:#111;color:#fff}
      .badge.front{background:#fff}
      .badge.real{background:#D55E00;border-color:#D55E00;color:#fff}
      .badge.warn{background:#FFF4D6;border-color:#E69F00}
      .sw{display:inline-block;width:14px;height:14px;border:1.5px solid #111;border-radius:50%;margin-right:6px;vertical-align:-1px}
      .bar{display:inline-block;width:160px;height:16px;background:#EEE;border:1px solid #888;vertical-align:middle}
      .bar span{display:block;height:100%}
      .shift{font-size:1.3rem;font-weight:700;border-left:10px solid #0072B2;padding:8px 18px;background:#EAF4FB;max-width:74em}
      .shift.small{font-size:1.05rem;font-weight:600}
      .verdict{font-size:1.1rem}
      figure.chart{margin:14px 0 30px}
      figure.chart svg{display:block;width:100%;height:auto;max-width:100%}
      figcaption{font-size:16px;color:#222;margin-top:8px;max-width:74em}
      .nodata{border:2px dashed #888;padding:10px 14px;color:#333}
      .ok{color:#00694D;font-weight:800}
      .no{color:#A13F00;font-weight:800}
      .card .v .small{font-size:1.15rem;font-weight:700;display:block}
      .card .v .pu{display:inline-block;margin-right:14px;white-space:nowrap}
      ul.lv{list-style:none;margin:2px 0 0;padding:0;font-size:15px;line-height:1.35}
      ul.lv .is{color:#444;font-size:14px}
      ul.lv .is::after{content:":"}
      .us{font-size:15px;white-space:nowrap}
      .chip{display:inline-block;border:1.5px solid #555;border-radius:6px;padding:0 7px;margin:2px 0;background:#F4F4F4}
      .arrow{color:#555}
      .wbar{display:block;height:8px;background:#EEE;margin-top:3px}
      .wbar span{display:block;height:100%}
      table.data tr.acc td{background:#E3F4EC}
      table.data td.none{color:#555}
      table.data td.pname{min-width:12em;max-width:26em}
      ul.lv li{white-space:nowrap}
      .same{font-size:14px;color:#444;font-style:italic}
      table.months td:first-child{white-space:nowrap}
      table.months tr.best td{font-weight:400}
      td.actor{white-space:nowrap}
      table.data td.stmt{min-width:18em}
      table.data td.src{font-size:15px;color:#333;min-width:10em}
      table.data td.date{white-space:nowrap;font-variant-numeric:tabular-nums}
      .bar.wide{width:420px;height:22px}
      .split{font-size:1.1rem;margin:8px 0}
      .defs{border:2px solid #111;border-radius:8px;padding:4px 18px 8px;margin:8px 0 24px;background:#FAFAFA;max-width:74em}
      .defs h3{margin:.6em 0 .3em}
      .defs dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:0;font-size:16px}
      .defs dt{font-weight:700;white-space:nowrap}
      .defs dd{margin:0}
      .sw.sq{border-radius:3px}
      ul.game{max-width:74em}
      ul.game li{margin:.3em 0}
      footer{margin-top:40px}
      footer dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;font-size:16px}
      footer dt{font-weight:700}
      footer dd{margin:0}
      @media print{.callout,.card,table.data tr{break-inside:avoid}figure.chart{break-inside:avoid}}
      """;

  /** Sorts a table by a clicked header; numbers by their data-sort key, missing values last. */
  private static final String SORT_JS = """
      (function () {
        var tables = document.querySelectorAll('table.sortable');
        for (var t = 0; t < tables.length; t++) {
          (function (table) {
            var heads = table.tHead.rows[0].cells;
            for (var i = 0; i < heads.length; i++) {
              (function (th, col) {
                th.tabIndex = 0;
                th.title = 'Sort by this column';
                var sort = function () {
                  var asc = th.getAttribute('aria-sort') !== 'ascending';
                  for (var j = 0; j < heads.length; j++) { heads[j].removeAttribute('aria-sort'); }
                  th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  var key = function (row) {
                    var cell = row.cells[col];
                    var v = cell.getAttribute('data-sort');
                    if (v === null) { return cell.textContent.trim().toLowerCase(); }
                    return v === '' ? null : parseFloat(v);
                  };
                  rows.sort(function (a, b) {
                    var x = key(a), y = key(b);
                    if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
                    var c = x < y ? -1 : x > y ? 1 : 0;
                    return asc ? c : -c;
                  });
                  for (var r = 0; r < rows.length; r++) { body.appendChild(rows[r]); }
                };
                th.addEventListener('click', sort);
                th.addEventListener('keydown', function (e) {
                  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
                });
              })(heads[i], i);
            }
          })(tables[t]);
        }
      })();
      """;

  /** Sets body[data-ready] to "1" when every chart has data marks and an svg, else lists them. */
  private static final String READY_JS = """
      (function () {
        var bad = [];
        var figures = document.querySelectorAll('figure.chart');
        for (var i = 0; i < figures.length; i++) {
          var f = figures[i];
          var n = parseInt(f.getAttribute('data-points'), 10);
          if (!(n > 0) || !f.querySelector('svg')) { bad.push(f.getAttribute('data-chart')); }
        }
        if (figures.length === 0) { bad.push('no charts'); }
        document.body.setAttribute('data-ready', bad.length ? 'failed: ' + bad.join(', ') : '1');
      })();
      """;

  static String page(String title, String main) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        + "<meta name=\"generator\" content=\"Spiral\">\n"
        + "<title>" + esc(title) + "</title>\n<style>\n"
        + CSS.replace("%FONT%", Svg.FONT) + "</style>\n</head>\n"
        + "<body data-ready=\"0\">\n<main>\n" + main + "</main>\n"
        + "<script>\n" + SORT_JS + "</script>\n<script>\n" + READY_JS + "</script>\n"
        + "</body>\n</html>\n";
  }

  // ================================================================ helpers

  private static void dl(StringBuilder b, String key, String valueHtml) {
    b.append("<dt>").append(esc(key)).append("</dt><dd>").append(valueHtml).append("</dd>\n");
  }

  private static List<OptionResult> byRank(List<OptionResult> options) {
    List<OptionResult> sorted = new ArrayList<>(options == null ? List.of() : options);
    sorted.sort(Comparator.comparingInt(OptionResult::rank));
    return sorted;
  }

  private static OptionResult find(List<OptionResult> options, String id) {
    for (OptionResult o : options) {
      if (o.id().equals(id)) {
        return o;
      }
    }
    return null;
  }

  private static String actorName(Scenario scenario, String id) {
    if (id == null) {
      return "";
    }
    for (Actor a : scenario.actors()) {
      if (a.id().equals(id)) {
        return a.name();
      }
    }
    return id;
  }

  private static String targetName(Scenario scenario, String id) {
    for (Target t : scenario.targets()) {
      if (t.id().equals(id)) {
        return t.name();
      }
    }
    return id;
  }

  /** The act at a rung said from its actor's side ("Russia: strikes on ..."), as a move is named. */
  private static String rungAct(Ladder ladder, int level, String actor) {
    return level >= 0 && level <= ladder.top() ? ladder.rung(level).actBy(actor) : "off the ladder";
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

  /** The five outcomes of a run and what each means ({@link Outcome#definition()}). */
  private static String outcomeDefinitions() {
    StringBuilder b = new StringBuilder("<div class=\"defs\" id=\"outcome-definitions\">\n"
        + "<h3>What the outcomes mean</h3>\n<dl>\n");
    for (Outcome o : Outcome.values()) {
      b.append("<dt><span class=\"sw sq\" style=\"background:").append(Palette.outcome(o.name()))
          .append("\"></span>").append(esc(Charts.outcomeLabel(o.name()))).append(" <code>")
          .append(esc(o.name())).append("</code></dt><dd>").append(esc(o.definition()))
          .append("</dd>\n");
    }
    return b.append("</dl>\n<p class=\"muted\">k is the scenario's <code>containTurns</code> "
        + "(3 by default). Direct war, in P(direct war or nuclear use), is an act at or above the "
        + "ladder's direct-war rung.</p>\n</div>\n").toString();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }

  /** Decimals for an interval around a difference: 3, more when the bounds would print as 0. */
  private static int decimalsFor(double mean, double[] ci) {
    double smallest = Math.abs(mean);
    if (ci != null) {
      for (double c : ci) {
        if (c != 0 && Double.isFinite(c)) {
          smallest = smallest == 0 ? Math.abs(c) : Math.min(smallest, Math.abs(c));
        }
      }
    }
    int d = 3;
    while (d < 6 && smallest != 0 && smallest < 0.5 * Math.pow(10, -d)) {
      d++;
    }
    return d;
  }

  private static double mean(MeanValue m) {
    return m == null ? Double.NaN : m.mean();
  }

  private static double[] ci(MeanValue m) {
    return m == null ? null : m.ci95();
  }

  private static double p(Proportion pr) {
    return pr == null ? Double.NaN : pr.p();
  }

  private static double[] ci(Proportion pr) {
    return pr == null ? null : pr.ci95();
  }
}
