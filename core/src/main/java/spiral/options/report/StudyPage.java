package spiral.options.report;

import static spiral.options.report.OptionCells.actorName;
import static spiral.options.report.OptionCells.byRank;
import static spiral.options.report.OptionCells.meanCell;
import static spiral.options.report.OptionCells.propCell;
import static spiral.options.report.OptionCells.rungAct;
import static spiral.report.Html.count;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;
import static spiral.report.Html.signedFine;
import static spiral.report.Page.callout;
import static spiral.report.Page.closeFooter;
import static spiral.report.Page.dl;
import static spiral.report.Page.page;
import static spiral.sim.report.OutcomeText.outcomeDefinitions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import spiral.options.OptionResult;
import spiral.options.StudyReport;
import spiral.scenario.Scenario;

/**
 * The HTML report of a study over several scenarios (the RAND cases A&ndash;D), one self-contained
 * page (see {@link spiral.report.Page}): the scenario &times; option score matrix, P(nuclear use) of
 * key options against the attack's rung, how the answer shifts as the attack grows, and per
 * scenario the best, the most robust and the top five, with the scenarios' illustrative
 * assumptions. Same input, same bytes. Cost: linear in scenarios &times; options.
 */
public final class StudyPage {
  private StudyPage() {}

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
    b.append("<div class=\"scroll\" tabindex=\"0\"><table class=\"data summary\">\n<thead><tr><th>scenario</th>"
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
    b.append(StudyCharts.scoreMatrix(report));
    b.append("</section>\n");

    b.append("<section id=\"nuclear\">\n<h2>Risk of nuclear use as the attack grows</h2>\n");
    b.append(StudyCharts.nuclearByRung(report));
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
      b.append("<div class=\"scroll\" tabindex=\"0\"><table class=\"data\">\n<thead><tr><th class=\"n\">rank</th>"
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
            .append(propCell(OptionCharts.warOrNuclear(o), true)).append(propCell(o.nuclearUse(), true))
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
}
