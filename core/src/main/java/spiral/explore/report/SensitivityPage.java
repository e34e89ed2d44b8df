package spiral.explore.report;

import static spiral.report.Html.count;
import static spiral.report.Html.esc;
import static spiral.report.Html.interval;
import static spiral.report.Html.num;
import static spiral.report.Html.sortKey;
import static spiral.report.Page.card;
import static spiral.report.Page.closeFooter;
import static spiral.report.Page.dl;
import static spiral.report.Page.page;
import static spiral.report.Page.sweepCallout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import spiral.explore.MorrisEffect;
import spiral.explore.SensitivityReport;
import spiral.explore.SobolIndex;
import spiral.explore.SobolPair;
import spiral.explore.Tornado;

/**
 * The HTML report of a sweep's sensitivity analysis for one output, one self-contained page (see
 * {@link spiral.report.Page}): the one-at-a-time tornado when present, the global analysis of the
 * design (Sobol S1 and ST with bootstrap intervals, Morris &mu;* against &sigma;, or rank
 * correlations) as a chart and a table, the scenario's illustrative assumptions, and the design,
 * seed and runs the numbers rest on. Same input, same bytes. Cost: linear in parameters.
 */
public final class SensitivityPage {
  private SensitivityPage() {}

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
      b.append("<h3>Second-order indices</h3>\n<div class=\"scroll\" tabindex=\"0\"><table class=\"data "
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
    StringBuilder b = new StringBuilder("<div class=\"scroll\" tabindex=\"0\"><table class=\"data sortable\" "
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
}
