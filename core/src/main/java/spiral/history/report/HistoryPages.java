package spiral.history.report;

import static spiral.report.Html.count;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import spiral.history.BaseRate;
import spiral.history.Codes;
import spiral.history.HistoricalTarget;
import spiral.history.IcbCrisis;
import spiral.history.IcbData;
import spiral.history.ReferenceClass;
import spiral.report.Html;
import spiral.report.Page;
import spiral.report.chart.IntervalChart;

/**
 * The self-contained HTML page of a reference class of past crises: its size, its base rates with
 * exact intervals (zero counts with their upper bounds), the crises in it, the ICB codes' mapping
 * onto Spiral's outcomes and the data's citation. Cost: O(crises).
 */
public final class HistoryPages {
  private HistoryPages() {}

  /** One row of an interval chart: a label, a point and up to two intervals. */
  /** The page of a reference class. */
  public static String history(ReferenceClass rc) {
    Objects.requireNonNull(rc, "rc");
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<header>\n<p class=\"kicker\">Spiral &middot; history</p>\n<h1>Reference class: ")
        .append(esc(rc.filter())).append("</h1>\n<p class=\"lead\">")
        .append(count(rc.size())).append(" crises of the International Crisis Behavior data (version ")
        .append(esc(rc.dataVersion())).append("), with the share of each that ended in each outcome Spiral"
            + " simulates. Intervals are exact (Clopper&ndash;Pearson) and Bayesian (Jeffreys), 95%; a"
            + " count of zero is shown with its one-sided 95% upper bound, never as impossible.</p>\n</header>\n");
    BaseRate nuclear = rc.rate(HistoricalTarget.NUCLEAR_USE);
    BaseRate war = rc.rate(HistoricalTarget.DIRECT_WAR);
    b.append("<div class=\"cards\">\n")
        .append(Page.card("Crises in the class", count(rc.size()), esc(rc.filter())))
        .append(Page.card("Nuclear use", count(nuclear.count()) + " of " + count(nuclear.crises()),
            nuclear.count() == 0 && nuclear.crises() > 0 ? "at most " + Html.pct(nuclear.upper95()) + " (one-sided 95%)" : ""))
        .append(Page.card("Full-scale war", Html.pct(war.p()), Html.pctInterval(war.clopperPearson()) + " Clopper&ndash;Pearson"))
        .append("</div>\n");

    b.append("<section>\n<h2>Base rates</h2>\n");
    List<IntervalChart.Row> rows = new ArrayList<>();
    for (BaseRate r : rc.rates()) {
      if (r.crises() > 0) {
        rows.add(new IntervalChart.Row(r.target(), r.p(), r.clopperPearson()[0], r.clopperPearson()[1]));
      }
    }
    b.append(new IntervalChart("base-rates", "Base rates of the reference class with exact 95% intervals",
        "share of the class's crises (%)", "share and Clopper\u2013Pearson 95% interval", null, rows).draw()
        .figure("Share of the class's crises with each outcome; the bar is the exact 95% interval, the dot the share."));
    b.append("<table class=\"data\">\n<thead><tr><th>outcome</th><th>ICB coding</th><th>crises</th><th>count</th>"
        + "<th>share</th><th>95% Clopper&ndash;Pearson</th><th>95% Jeffreys</th><th>Spiral's counterpart</th></tr></thead>\n<tbody>\n");
    for (BaseRate r : rc.rates()) {
      HistoricalTarget t = HistoricalTarget.of(r.target());
      b.append("<tr><td>").append(esc(r.target())).append("</td><td>").append(esc(t.icbDefinition()))
          .append("</td><td class=\"num\">").append(count(r.crises())).append("</td><td class=\"num\">")
          .append(count(r.count())).append("</td><td class=\"num\">").append(Html.pct(r.p()))
          .append(r.count() == 0 && r.crises() > 0 ? " (at most " + Html.pct(r.upper95()) + ")" : "")
          .append("</td><td class=\"num\">").append(Html.pctInterval(r.clopperPearson())).append("</td><td class=\"num\">")
          .append(Html.pctInterval(r.jeffreys())).append("</td><td>").append(esc(t.spiralDefinition())).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n<p class=\"note\">A crisis whose code is missing leaves that outcome's"
        + " denominator. The mapping of ICB codes onto Spiral's outcomes is a modelling choice (docs/HISTORY.md):"
        + " ICB codes a crisis as a whole, Spiral a run turn by turn.</p>\n</section>\n");

    b.append("<section>\n<h2>The crises</h2>\n<table class=\"data sortable\">\n<thead><tr><th>ICB no.</th><th>crisis</th>"
        + "<th>trigger</th><th>region</th><th>violence</th><th>form of outcome</th><th>nuclear-armed actors</th></tr></thead>\n<tbody>\n");
    for (IcbCrisis c : rc.crises()) {
      b.append("<tr><td class=\"num\">").append(c.number()).append("</td><td>").append(esc(c.name()))
          .append("</td><td>").append(esc(c.triggerDate())).append("</td><td>").append(esc(Codes.label(Codes.SUBREGION, c.region())))
          .append("</td><td>").append(esc(Codes.label(Codes.VIOLENCE, c.violence()))).append("</td><td>")
          .append(esc(Codes.label(Codes.FORM, c.form()))).append("</td><td class=\"num\">").append(c.nuclearActors()).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");
    b.append(citation());
    return Page.page("Spiral history: " + rc.filter(), b.toString());
  }

  /** The data's citation, as every page that uses ICB carries it. */
  static String citation() {
    return "<footer class=\"note\"><p><b>Data:</b> " + esc(IcbData.CITATION) + "</p></footer>\n";
  }


}
