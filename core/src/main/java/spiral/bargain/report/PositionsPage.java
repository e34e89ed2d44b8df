package spiral.bargain.report;

import static spiral.bargain.report.NegotiationTables.issueTable;
import static spiral.bargain.report.NegotiationTables.levelList;
import static spiral.bargain.report.NegotiationTables.listOf;
import static spiral.bargain.report.NegotiationTables.negotiationScenario;
import static spiral.bargain.report.NegotiationTables.partyNames;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;
import static spiral.report.Page.callout;
import static spiral.report.Page.card;
import static spiral.report.Page.closeFooter;
import static spiral.report.Page.dl;
import static spiral.report.Page.firstNonBlank;
import static spiral.report.Page.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import spiral.bargain.NegotiationReport;
import spiral.bargain.PositionsReport;
import spiral.scenario.Scenario;

/**
 * The HTML report of the dated public positions, one self-contained page (see {@link
 * spiral.report.Page}): a timeline with one lane per actor, the gap between the two parties over
 * time, and every position with the levels it maps onto. All text is escaped; same input, same
 * bytes. Cost: linear in positions &times; issues.
 */
public final class PositionsPage {
  private PositionsPage() {}

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
    String an = between.size() > 0 ? esc(PartyStyle.shortName(name.apply(between.get(0)))) : "";
    String bn = between.size() > 1 ? esc(PartyStyle.shortName(name.apply(between.get(1)))) : "";
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
      cards.append(card("Gap between " + PartyStyle.shortName(name.apply(between.isEmpty() ? "" : between.get(0)))
          + " and " + PartyStyle.shortName(name.apply(between.size() > 1 ? between.get(1) : "")),
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
            parts.add(is.id() + " " + PartyStyle.levelText(is, l));
          }
        }
        t.append(" \u2014 ").append(e.proposal() != null && !e.proposal().isBlank()
            ? "proposal " + e.proposal() + ": " : "maps onto: ").append(String.join(", ", parts));
      }
      return t.toString();
    };

    b.append("<section id=\"timeline\">\n<h2>Who said what, when</h2>\n");
    b.append(PositionsCharts.positionsTimeline(report, actors, name, describe));
    b.append("</section>\n");

    b.append("<section id=\"gap\">\n<h2>How far apart ").append(an).append(" and ").append(bn)
        .append(" stand</h2>\n");
    b.append(PositionsCharts.gap(report, name));
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
        + "<div class=\"scroll\" tabindex=\"0\"><table class=\"data sortable positions\" id=\"position-table\">\n"
        + "<thead><tr><th>date</th><th>actor</th><th>statement</th><th>source</th><th>maps onto</th>"
        + "</tr></thead>\n<tbody>\n");
    for (PositionsReport.Entry e : entries) {
      int a = actors.indexOf(e.actor());
      b.append("<tr><td class=\"date\">").append(esc(e.date())).append("</td><td class=\"actor\"><span class=\"sw\" style=\"background:")
          .append(PartyStyle.actorColour(Math.max(0, a))).append("\"></span><b>")
          .append(esc(PartyStyle.shortName(name.apply(e.actor())))).append("</b></td><td class=\"stmt\">")
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
            us.add(esc(PartyStyle.shortName(name.apply(id))) + " " + (u == null ? "n/a" : num(u, 2)));
          }
          b.append("<div class=\"us\">U ").append(String.join(" &middot; ", us)).append("</div>");
        }
      }
      b.append("</td></tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }
}
