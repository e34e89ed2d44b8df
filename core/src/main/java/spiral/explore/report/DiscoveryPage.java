package spiral.explore.report;

import static spiral.report.Html.count;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;
import static spiral.report.Html.pct;
import static spiral.report.Page.card;
import static spiral.report.Page.dl;
import static spiral.report.Page.page;
import static spiral.report.Page.sweepCallout;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import spiral.explore.DiscoveryReport;
import spiral.explore.PrimBox;
import spiral.explore.PrimResult;

/**
 * The HTML report of a PRIM scenario discovery on a sweep's results, one self-contained page (see
 * {@link spiral.report.Page}): the chosen box as parameter ranges with its coverage, density and
 * mass, the peeling trajectory (density against coverage, the chosen box marked), the scenario's
 * illustrative assumptions, and the settings. Same input, same bytes. Cost: linear in the boxes
 * of the trajectory and the box's restrictions.
 */
public final class DiscoveryPage {
  private DiscoveryPage() {}

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
    b.append("<div class=\"scroll\" tabindex=\"0\"><table class=\"data\" id=\"box-table\">\n<thead><tr>"
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
}
