package spiral.bargain.report;

import static spiral.bargain.report.NegotiationTables.issueTable;
import static spiral.bargain.report.NegotiationTables.leverageLabel;
import static spiral.bargain.report.NegotiationTables.listOf;
import static spiral.bargain.report.NegotiationTables.monthTable;
import static spiral.bargain.report.NegotiationTables.negotiationScenario;
import static spiral.bargain.report.NegotiationTables.partyList;
import static spiral.bargain.report.NegotiationTables.partyNames;
import static spiral.bargain.report.NegotiationTables.partyTable;
import static spiral.bargain.report.NegotiationTables.proposalTable;
import static spiral.bargain.report.NegotiationTables.solutionsText;
import static spiral.bargain.report.NegotiationTables.weightTable;
import static spiral.report.Html.count;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;
import static spiral.report.Page.callout;
import static spiral.report.Page.card;
import static spiral.report.Page.closeFooter;
import static spiral.report.Page.dl;
import static spiral.report.Page.firstNonBlank;
import static spiral.report.Page.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import spiral.bargain.Negotiation;
import spiral.bargain.NegotiationReport;
import spiral.report.Palette;
import spiral.scenario.Scenario;

/**
 * The HTML report of a negotiation analysis at month K, one self-contained page (see {@link
 * spiral.report.Page}): headline cards (is there a zone of agreement, when is the window open, the
 * Nash agreement), the illustrative assumptions, the issue space, the parties and their
 * reservation values, the proposals and who accepts them, the utility space of the first two
 * parties, the window month by month with the best deal for each party, the Fearon range and
 * Rubinstein's split. All text from the scenario is escaped; same input, same bytes. Cost: linear
 * in frontier points plus months &times; parties &times; issues.
 */
public final class NegotiationPage {
  private NegotiationPage() {}

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
    b.append(UtilitySpaceChart.utilitySpace(report, name));
    b.append(solutionsText(report, parties, issues, name));
    b.append("</section>\n");

    b.append("<section id=\"window\">\n<h2>The window for talks</h2>\n");
    b.append(WindowChart.window(report, name, leverageLabel(neg, name)));
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
        v.append("<span class=\"pu\">").append(esc(PartyStyle.shortName(name.apply(p.id()))))
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
      out.add(esc(PartyStyle.shortName(name.apply(p.id()))) + " " + num(p.reservation(), 2));
    }
    return String.join(", ", out);
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
    String pn = esc(PartyStyle.shortName(name.apply(f.party())));
    String on = esc(PartyStyle.shortName(name.apply(f.other())));
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
        shown.add("<b>" + esc(PartyStyle.levelText(issue, l)) + "</b>");
      }
      b.append(inside.size() == 1 ? "The level inside it: " : "The levels inside it: ")
          .append(String.join(", ", shown)).append('.');
    }
    b.append("</p>\n");
    b.append(WindowChart.fearon(f, issue, shares, name));
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
    String pn = esc(PartyStyle.shortName(name.apply(rb.proposer())));
    String rn = esc(PartyStyle.shortName(name.apply(rb.responder())));
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
        .append(esc(PartyStyle.levelText(issue, rb.level()))).append("</b>.</p>\n");
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
}
