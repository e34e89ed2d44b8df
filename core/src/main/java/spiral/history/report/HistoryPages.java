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
import spiral.report.Figure;
import spiral.report.Html;
import spiral.report.Page;
import spiral.report.Palette;
import spiral.report.Svg;

/**
 * The self-contained HTML page of a reference class of past crises: its size, its base rates with
 * exact intervals (zero counts with their upper bounds), the crises in it, the ICB codes' mapping
 * onto Spiral's outcomes and the data's citation. Cost: O(crises).
 */
public final class HistoryPages {
  private HistoryPages() {}

  /** One row of an interval chart: a label, a point and up to two intervals. */
  record Row(String label, double p, double[] ci, String colour, double[] ci2, String colour2, double p2) {}

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
    List<Row> rows = new ArrayList<>();
    for (BaseRate r : rc.rates()) {
      if (r.crises() > 0) {
        rows.add(new Row(r.target(), r.p(), r.clopperPearson(), Palette.BLUE, null, null, Double.NaN));
      }
    }
    b.append(intervalChart("base-rates", rows, "Clopper\u2013Pearson 95% interval", null,
        "Base rates of the reference class with exact 95% intervals",
        "Share of the class's crises with each outcome; the bar is the exact 95% interval, the dot the share."));
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

  /**
   * A horizontal dot-and-interval chart of probabilities on [0, 1] (or [0, max] when all are
   * small), the legend above the plot.
   */
  static String intervalChart(String name, List<Row> rows, String legend1, String legend2, String label, String caption) {
    double max = 0;
    for (Row r : rows) {
      max = Math.max(max, Math.max(r.ci() != null ? r.ci()[1] : r.p(), r.ci2() != null ? r.ci2()[1] : 0));
    }
    double top = max <= 0 ? 1 : Math.min(1, niceCeiling(max * 1.1));
    double labelW = 150;
    double w = 720;
    double plotW = w - labelW - 30;
    double rowH = legend2 != null ? 34 : 26;
    double legendH = legend2 != null ? 40 : 22;
    double h = 28 + legendH + rows.size() * rowH + 40;
    Svg s = new Svg(w, h);
    double y0 = 22 + legendH;
    // the legend above the plot, one entry per line
    s.circle(labelW, 14, 4, Palette.BLUE, null, 0).line(labelW + 8, 14, labelW + 30, 14, Palette.BLUE, 2.5)
        .text(labelW + 36, 18, legend1, 12, "start");
    if (legend2 != null) {
      s.rect(labelW + 8, 27, 22, 8, Palette.ORANGE).line(labelW + 19, 25, labelW + 19, 37, Palette.INK, 1.5)
          .text(labelW + 36, 36, legend2, 12, "start");
    }
    double[] ticks = Svg.ticks(0, top, 5);
    int dec = Math.max(0, Svg.decimals(ticks) - 2);
    for (double t : ticks) {
      double x = labelW + plotW * t / top;
      s.line(x, y0 - 6, x, y0 + rows.size() * rowH, Palette.GRID, 1);
      s.text(x, y0 + rows.size() * rowH + 16, num(t * 100, dec) + "%", 11, "middle");
    }
    s.text(labelW + plotW / 2, y0 + rows.size() * rowH + 34, "share of crises or runs (%)", 12, "middle");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      double y = y0 + i * rowH + rowH / 2;
      s.text(labelW - 8, y + 4, Svg.fit(r.label(), labelW - 12, 12), 12, "end");
      double yo = legend2 != null ? y - 6 : y;
      if (r.ci() != null) {
        s.tip(r.label() + ": " + Html.pct(r.p()) + " " + Html.pctInterval(r.ci()));
        s.line(labelW + plotW * r.ci()[0] / top, yo, labelW + plotW * r.ci()[1] / top, yo, r.colour(), 2.5);
        s.circle(labelW + plotW * r.p() / top, yo, 4, r.colour(), "#fff", 1).mark();
        s.end();
      }
      if (r.ci2() != null) {
        s.tip(r.label() + ": " + Html.pct(r.p2()) + " " + Html.pctInterval(r.ci2()));
        double x1 = labelW + plotW * r.ci2()[0] / top;
        double x2 = labelW + plotW * r.ci2()[1] / top;
        s.rect(x1, y + 3, Math.max(2, x2 - x1), 7, r.colour2());
        s.line(labelW + plotW * r.p2() / top, y + 1, labelW + plotW * r.p2() / top, y + 12, Palette.INK, 1.5).mark();
        s.end();
      }
    }
    return Figure.figure(name, s, label, esc(caption));
  }

  private static double niceCeiling(double v) {
    double e = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * e >= v) {
        return m * e;
      }
    }
    return 10 * e;
  }
}
