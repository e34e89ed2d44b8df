package spiral.bargain.report;

import static spiral.report.Html.count;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;
import static spiral.report.Html.sortKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import spiral.bargain.Negotiation;
import spiral.bargain.NegotiationReport;
import spiral.scenario.Actor;
import spiral.scenario.Scenario;
import spiral.sim.report.OutcomeText;

/**
 * The tables and lists of the negotiation and positions pages: issues and their levels, parties,
 * weights, proposals, solutions, the months of the window, and the parties' display names. Cost:
 * linear in the rows shown times the issues.
 */
final class NegotiationTables {
  private NegotiationTables() {}

  static String negotiationScenario(Scenario scenario) {
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

  static String issueTable(List<NegotiationReport.IssueLevels> issues) {
    if (issues.isEmpty()) {
      return "<p>No issues.</p>\n";
    }
    StringBuilder b = new StringBuilder("<p>Every agreement picks one level of each issue. Levels run "
        + "in order along the issue; a numeric issue is searched on its grid.</p>\n"
        + "<div class=\"scroll\" tabindex=\"0\"><table class=\"data\">\n<thead><tr><th>issue</th><th>kind</th>"
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
            : "<span class=\"chip\">" + esc(PartyStyle.levelText(is, shown.get(i))) + "</span>");
      }
      b.append("</span></td></tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  static String partyTable(NegotiationReport r, List<NegotiationReport.PartyResult> parties,
      Negotiation neg, Function<String, String> name) {
    StringBuilder b = new StringBuilder();
    b.append("<p>A party&rsquo;s reservation value is its value of no agreement. It moves month by "
        + "month with battlefield leverage and falls with war weariness; a simulated one is the "
        + "expected value of fighting on, the sum over the outcomes of the escalation scenario of "
        + "their probability times their value to the party.</p>\n");
    b.append("<div class=\"scroll\" tabindex=\"0\"><table class=\"data\">\n<thead><tr><th>party</th>"
        + "<th class=\"n\">reservation value, ").append(esc(r.monthLabel()))
        .append("</th><th class=\"n\">at month 0</th><th>how it is set</th>"
            + "<th>simulated outcomes: probability &times; value</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < parties.size(); i++) {
      NegotiationReport.PartyResult p = parties.get(i);
      b.append("<tr><td><span class=\"sw\" style=\"background:")
          .append(PartyStyle.partyColour(i)).append("\"></span><b>").append(esc(name.apply(p.id())))
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
          b.append("<li><span class=\"is\">").append(esc(OutcomeText.outcomeLabel(outcome))).append("</span> ")
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
    for (String o : OutcomeText.OUTCOMES) {
      if (keys.contains(o)) {
        out.add(o);
      }
    }
    List<String> rest = new ArrayList<>();
    for (String key : keys) {
      if (!OutcomeText.OUTCOMES.contains(key)) {
        rest.add(key);
      }
    }
    rest.sort(Comparator.naturalOrder());
    out.addAll(rest);
    return out;
  }

  static String weightTable(List<NegotiationReport.PartyResult> parties,
      List<NegotiationReport.IssueLevels> issues, Negotiation neg, Function<String, String> name) {
    if (neg == null || issues.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<h3>What each party cares about</h3>\n<p>The weight of each "
        + "issue in the party&rsquo;s utility (each row sums to 100%).</p>\n"
        + "<div class=\"scroll\" tabindex=\"0\"><table class=\"data weights\">\n<thead><tr><th>party</th>");
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
      b.append("<tr><td><b>").append(esc(PartyStyle.shortName(name.apply(p.id())))).append("</b></td>");
      for (NegotiationReport.IssueLevels is : issues) {
        Double w = party.weights().get(is.id());
        double v = w == null || !Double.isFinite(w) ? 0 : w;
        b.append("<td class=\"n\">").append(w == null ? "n/a" : pct(w))
            .append("<span class=\"wbar\"><span style=\"width:").append(num(Math.min(1, v) * 100, 1))
            .append("%;background:").append(PartyStyle.partyColour(i)).append("\"></span></span></td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }

  static String proposalTable(NegotiationReport r, List<NegotiationReport.PartyResult> parties,
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
    b.append("<div class=\"scroll\" tabindex=\"0\"><table class=\"data sortable proposals\" id=\"proposal-table\">\n"
        + "<thead><tr><th class=\"n\" data-type=\"num\">#</th><th>proposal</th><th>levels</th>");
    for (NegotiationReport.PartyResult p : parties) {
      b.append("<th class=\"n\" data-type=\"num\">").append(esc(PartyStyle.shortName(name.apply(p.id()))))
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
  static String levelList(Map<String, String> levels, List<NegotiationReport.IssueLevels> issues) {
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
            .append("</span> ").append(esc(PartyStyle.levelText(is, level))).append("</li>");
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

  static String solutionsText(NegotiationReport r, List<NegotiationReport.PartyResult> parties,
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
    b.append("<div class=\"scroll\" tabindex=\"0\"><table class=\"data solutions\">\n<thead><tr><th>agreement over the zone</th>"
        + "<th>what it maximises</th>");
    for (NegotiationReport.PartyResult p : parties) {
      b.append("<th class=\"n\">").append(esc(PartyStyle.shortName(name.apply(p.id())))).append("</th>");
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

  static String monthTable(List<NegotiationReport.Month> window, List<NegotiationReport.PartyResult> parties,
      List<NegotiationReport.IssueLevels> issues, int analysed, Function<String, String> name) {
    if (window.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<h3>Month by month: the best deal for each party</h3>\n"
        + "<p>In each month with a zone of agreement, the Nash agreement and the agreement in the "
        + "zone that is best for each party (its utility in bold), listed by the levels where it "
        + "differs from the month&rsquo;s Nash agreement. U: the utilities, in party order ("
        + esc(partyList(parties, name)) + ").</p>\n<div class=\"scroll\" tabindex=\"0\"><table class=\"data months\">\n"
        + "<thead><tr><th>month</th>"
        + "<th class=\"n\">leverage</th><th>zone</th><th>Nash agreement</th>");
    for (NegotiationReport.PartyResult p : parties) {
      b.append("<th>best for ").append(esc(PartyStyle.shortName(name.apply(p.id())))).append("</th>");
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

  /** Display names: the report's parties, the negotiation's, the scenario's actors, else the id. */
  static Function<String, String> partyNames(Scenario scenario, List<NegotiationReport.PartyResult> parties) {
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
      // a country code (uk, us, eu) reads better in capitals, a person's id (boris-johnson) as a name
      if (id.length() <= 3 && id.chars().allMatch(Character::isLetter)) {
        return id.toUpperCase(java.util.Locale.ROOT);
      }
      StringBuilder b = new StringBuilder();
      for (String w : id.split("[-_]+")) {
        if (!w.isEmpty()) {
          b.append(b.length() > 0 ? " " : "").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
      }
      return b.length() > 0 ? b.toString() : id;
    };
  }

  static String partyList(List<NegotiationReport.PartyResult> parties, Function<String, String> name) {
    List<String> out = new ArrayList<>();
    for (NegotiationReport.PartyResult p : parties) {
      out.add(PartyStyle.shortName(name.apply(p.id())));
    }
    return String.join(", ", out);
  }

  static String leverageLabel(Negotiation neg, Function<String, String> name) {
    if (neg != null && neg.leverage() != null && neg.leverage().favours() != null) {
      return "leverage: chance that " + PartyStyle.shortName(name.apply(neg.leverage().favours()))
          + " prevails";
    }
    return "leverage p";
  }

  static <T> List<T> listOf(List<T> list) {
    return list == null ? List.of() : list;
  }
}
