package spiral.history.report;

import static spiral.report.Html.count;
import static spiral.report.Html.esc;
import static spiral.report.Html.num;

import java.util.ArrayList;
import java.util.List;
import spiral.history.AbcSmc;
import spiral.history.Calibration;
import spiral.report.Figure;
import spiral.report.Html;
import spiral.report.Page;
import spiral.report.Palette;
import spiral.report.Svg;
import spiral.report.chart.IntervalChart;

/**
 * The self-contained HTML page of a calibration: each parameter's posterior against its prior, the
 * pairwise scatter of the weighted particles, the posterior predictive rates against the reference
 * class's, and the generations' diagnostics. Cost: O(particles × parameters²).
 */
public final class CalibrationPages {
  private CalibrationPages() {}

  /** The page of a calibration report. */
  public static String calibration(Calibration.Report r) {
    AbcSmc.Result res = r.result();
    StringBuilder b = new StringBuilder(128 * 1024);
    b.append("<header>\n<p class=\"kicker\">Spiral &middot; calibration</p>\n<h1>")
        .append(esc(r.scenario())).append(" calibrated to ").append(esc(r.reference())).append("</h1>\n")
        .append("<p class=\"lead\">Approximate Bayesian computation (ABC-SMC) over the scenario's declared uncertainty"
            + " ranges, fitting the engine's outcome frequencies to those of ").append(count(r.classSize()))
        .append(" past crises; each candidate draws a synthetic class of the same size, so the posterior carries the"
            + " class's own sampling uncertainty.</p>\n</header>\n");
    AbcSmc.Generation last = lastComplete(res);
    b.append("<div class=\"cards\">\n")
        .append(Page.card("Particles", count(res.particles().length), "effective sample size " + num(res.ess(), 0)))
        .append(Page.card("Final tolerance", num(last.tolerance(), 3), "distance between observed and synthetic shares"))
        .append(Page.card("Simulations", count(res.simulations()), res.generations().size() - 1 + " generations after the prior's"))
        .append(Page.card("Predictive check", predictiveSummary(r), "predicted rates inside the class's 95% intervals"))
        .append("</div>\n");

    b.append("<section>\n<h2>Posterior predictive against the reference class</h2>\n");
    List<IntervalChart.Row> rows = new ArrayList<>();
    for (Calibration.Predictive p : r.predictive()) {
      rows.add(new IntervalChart.Row(p.target(), p.observed(), p.observedCi()[0], p.observedCi()[1], p.predicted(),
          p.predictedBand()[0], p.predictedBand()[1]));
    }
    b.append(new IntervalChart("predictive", "Posterior predictive rates against the reference class",
        "share of crises or runs (%)", "reference class: share and 95% Clopper\u2013Pearson interval",
        "model: posterior 95% band of P, line at the mean", rows).draw()
        .figure("For each outcome: the class's share with its exact 95% interval (dot and bar) and the model's probability across"
            + " posterior draws (band, mean as a line)."));
    b.append("<table class=\"data\">\n<thead><tr><th>outcome</th><th>class</th><th>95% interval</th><th>model (posterior mean)</th>"
        + "<th>model's 95% band</th><th>inside</th></tr></thead>\n<tbody>\n");
    for (Calibration.Predictive p : r.predictive()) {
      b.append("<tr><td>").append(esc(p.target())).append("</td><td class=\"num\">").append(p.count()).append(" of ").append(p.crises())
          .append("</td><td class=\"num\">").append(Html.pctInterval(p.observedCi())).append("</td><td class=\"num\">")
          .append(Html.pct(p.predicted())).append("</td><td class=\"num\">").append(Html.pctInterval(p.predictedBand()))
          .append("</td><td>").append(p.inside() ? "yes" : "<b>no</b>").append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");

    b.append("<section>\n<h2>Parameters: posterior against prior</h2>\n");
    for (int i = 0; i < r.marginals().size(); i++) {
      b.append(marginal(r, i));
    }
    b.append("<table class=\"data\">\n<thead><tr><th>parameter</th><th>prior</th><th>posterior mean</th><th>5%</th><th>median</th><th>95%</th></tr></thead>\n<tbody>\n");
    for (Calibration.Marginal m : r.marginals()) {
      b.append("<tr><td>").append(esc(m.parameter())).append("</td><td>").append(esc(m.prior())).append("</td><td class=\"num\">")
          .append(num(m.mean(), 3)).append("</td><td class=\"num\">").append(num(m.q05(), 3)).append("</td><td class=\"num\">")
          .append(num(m.median(), 3)).append("</td><td class=\"num\">").append(num(m.q95(), 3)).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");

    if (r.marginals().size() >= 2) {
      b.append("<section>\n<h2>Pairs</h2>\n").append(pairs(r)).append("</section>\n");
    }

    b.append("<section>\n<h2>Diagnostics</h2>\n<table class=\"data\">\n<thead><tr><th>generation</th><th>tolerance</th><th>acceptance</th>"
        + "<th>effective sample size</th><th>simulations</th><th>median distance</th></tr></thead>\n<tbody>\n");
    for (AbcSmc.Generation g : res.generations()) {
      b.append("<tr><td class=\"num\">").append(g.index()).append("</td><td class=\"num\">")
          .append(Double.isInfinite(g.tolerance()) ? "&infin; (prior)" : num(g.tolerance(), 4)).append("</td><td class=\"num\">")
          .append(num(g.acceptance(), 3)).append("</td><td class=\"num\">").append(Double.isNaN(g.ess()) ? "abandoned" : num(g.ess(), 0))
          .append("</td><td class=\"num\">").append(count(g.simulations())).append("</td><td class=\"num\">")
          .append(Double.isNaN(g.medianDistance()) ? "" : num(g.medianDistance(), 4)).append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n<p class=\"note\">Stopped because ").append(esc(res.stopReason())).append(". Seed ")
        .append(r.seed()).append(".</p>\n</section>\n");
    b.append(HistoryPages.citation());
    return Page.page("Spiral calibration: " + r.scenario(), b.toString());
  }

  /** The page of a backtest: the cases, their scores and Spiral's reliability diagram. */
  public static String backtest(spiral.history.Backtest.Report r) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<header>\n<p class=\"kicker\">Spiral &middot; backtest</p>\n<h1>Historical scenarios against ")
        .append(esc(r.reference())).append("</h1>\n<p class=\"lead\">Each scenario calibrated on the reference class without"
            + " its own crisis, its outcomes predicted and scored against what happened, beside the base rate's forecast."
            + " Lower scores are better. Six crises are too few to rank forecasters: this says whether the calibrated model is"
            + " grossly worse than the outside view on the cases it was built for, not that it forecasts well.</p>\n</header>\n");
    b.append("<div class=\"cards\">\n")
        .append(Page.card("Brier score", num(r.spiralBrier(), 3) + " / " + num(r.baseBrier(), 3), "Spiral / base rate (mean)"))
        .append(Page.card("Log score", num(r.spiralLog(), 3) + " / " + num(r.baseLog(), 3), "Spiral / base rate (mean)"))
        .append(Page.card("Crises", count(r.cases().size()), "each left out of its own class"))
        .append("</div>\n");
    b.append("<section>\n<h2>Reliability</h2>\n").append(reliability(r)).append("</section>\n");
    b.append("<section>\n<h2>The crises</h2>\n<table class=\"data\">\n<thead><tr><th>scenario</th><th>ICB crisis</th><th>class</th>"
        + "<th>outcome</th><th>happened</th><th>Spiral</th><th>base rate</th></tr></thead>\n<tbody>\n");
    for (spiral.history.Backtest.Case c : r.cases()) {
      for (int j = 0; j < c.targets().size(); j++) {
        b.append("<tr><td>").append(j == 0 ? esc(c.scenario()) : "").append("</td><td>")
            .append(j == 0 ? c.icb() + " " + esc(c.crisis()) : "").append("</td><td class=\"num\">").append(j == 0 ? count(c.classSize()) : "")
            .append("</td><td>").append(esc(c.targets().get(j))).append("</td><td>").append(c.observed()[j] == 1 ? "yes" : "no")
            .append("</td><td class=\"num\">").append(num(c.spiral()[j], 3)).append("</td><td class=\"num\">")
            .append(num(c.baseRate()[j], 3)).append("</td></tr>\n");
      }
    }
    b.append("</tbody>\n</table>\n</section>\n");
    b.append(HistoryPages.citation());
    return Page.page("Spiral backtest", b.toString());
  }

  /** Forecast probability against observed frequency, per bin, with the diagonal. */
  private static String reliability(spiral.history.Backtest.Report r) {
    double w = 420;
    double h = 380;
    double l = 56;
    double top = 52;
    double pw = w - l - 20;
    double ph = h - top - 56;
    Svg s = new Svg(w, h);
    s.circle(l, 16, 4, Palette.BLUE, null, 0).text(l + 8, 20, "Spiral's forecasts, binned (size: how many)", 12, "start");
    s.line(l + 270, 16, l + 290, 16, Palette.GREY, 1).text(l + 294, 20, "perfect", 12, "start");
    for (double t : new double[] {0, 0.25, 0.5, 0.75, 1}) {
      s.line(l + pw * t, top, l + pw * t, top + ph, Palette.GRID, 1).line(l, top + ph * (1 - t), l + pw, top + ph * (1 - t), Palette.GRID, 1);
      s.text(l + pw * t, top + ph + 18, num(t, 2), 11, "middle").text(l - 8, top + ph * (1 - t) + 4, num(t, 2), 11, "end");
    }
    s.line(l, top + ph, l + pw, top, Palette.GREY, 1);
    s.text(l + pw / 2, top + ph + 38, "forecast probability", 12, "middle");
    s.text(l - 6, top - 12, "observed frequency", 12, "start");
    for (double[] bin : r.reliability()) {
      if (bin[2] == 0) {
        continue;
      }
      s.tip(String.format(java.util.Locale.ROOT, "forecasts %.1f-%.1f: %d, mean %.3f, happened %.3f", bin[0], bin[1], (int) bin[2], bin[3], bin[4]));
      s.circle(l + pw * bin[3], top + ph * (1 - bin[4]), 3 + Math.sqrt(bin[2]) * 2, Palette.BLUE, "#fff", 1).mark();
      s.end();
    }
    return "<div style=\"max-width:460px\">" + Figure.figure("reliability", s, "Reliability diagram of Spiral's forecasts",
        "Each dot is a bin of forecasts: across, their mean probability; up, how often the outcome happened. On the diagonal a forecaster is calibrated.")
        + "</div>\n";
  }

  private static String predictiveSummary(Calibration.Report r) {
    long inside = r.predictive().stream().filter(Calibration.Predictive::inside).count();
    return inside + " of " + r.predictive().size();
  }

  private static AbcSmc.Generation lastComplete(AbcSmc.Result res) {
    for (int i = res.generations().size() - 1; i >= 0; i--) {
      if (!Double.isNaN(res.generations().get(i).ess())) {
        return res.generations().get(i);
      }
    }
    return res.generations().get(0);
  }

  /** A weighted histogram of one parameter over its prior range, the prior's density as a line. */
  private static String marginal(Calibration.Report r, int i) {
    Calibration.Marginal m = r.marginals().get(i);
    AbcSmc.Result res = r.result();
    double lo = m.priorBounds()[0];
    double hi = m.priorBounds()[1];
    int bins = 20;
    double[] h = new double[bins];
    for (int k = 0; k < res.particles().length; k++) {
      double x = res.particles()[k][i];
      int bin = (int) Math.floor((x - lo) / (hi - lo) * bins);
      if (bin >= 0 && bin < bins) {
        h[bin] += res.weights()[k];
      } else if (x == hi) {
        h[bins - 1] += res.weights()[k];
      }
    }
    double max = 1.0 / bins;
    for (double v : h) {
      max = Math.max(max, v);
    }
    double w = 340;
    double ht = 170;
    double l = 40;
    double plotW = w - l - 14;
    double plotH = ht - 60;
    Svg s = new Svg(w, ht);
    s.rect(l, 8, 10, 10, Palette.BLUE).text(l + 14, 17, "posterior (weighted)", 11, "start");
    s.line(l + 150, 13, l + 170, 13, Palette.INK, 1.5).text(l + 174, 17, "prior", 11, "start");
    double y0 = 26;
    for (int k = 0; k < bins; k++) {
      double bh = plotH * h[k] / max;
      if (h[k] > 0) {
        s.tip(String.format(java.util.Locale.ROOT, "%s in [%.3g, %.3g): %.1f%%", m.parameter(), lo + k * (hi - lo) / bins,
            lo + (k + 1) * (hi - lo) / bins, 100 * h[k]));
        s.rect(l + plotW * k / bins, y0 + plotH - bh, plotW / bins - 1, bh, Palette.BLUE).mark();
        s.end();
      }
    }
    // the prior's density, scaled to the same units (mass per bin)
    List<double[]> pts = new ArrayList<>();
    for (int k = 0; k <= 60; k++) {
      double x = lo + (hi - lo) * k / 60;
      double mass = priorMass(m, x, (hi - lo) / bins);
      pts.add(new double[] {l + plotW * k / 60, y0 + plotH - plotH * Math.min(mass, max) / max});
    }
    s.polyline(pts, Palette.INK, 1.5, null);
    s.line(l, y0 + plotH, l + plotW, y0 + plotH, Palette.GRID, 1);
    s.text(l, y0 + plotH + 14, num(lo, 2), 11, "start").text(l + plotW, y0 + plotH + 14, num(hi, 2), 11, "end");
    s.text(l + plotW / 2, y0 + plotH + 30, Svg.fit(m.parameter(), plotW, 11), 11, "middle");
    return "<div class=\"small-multiple\" style=\"display:inline-block;vertical-align:top;width:340px;margin:0 12px 12px 0\">"
        + Figure.figure("marginal-" + i, s, "Posterior and prior of " + m.parameter(), esc(m.parameter() + ": " + m.prior()))
        + "</div>\n";
  }

  private static double priorMass(Calibration.Marginal m, double x, double binWidth) {
    String p = m.prior();
    double lo = m.priorBounds()[0];
    double hi = m.priorBounds()[1];
    if (p.startsWith("uniform")) {
      return binWidth / (hi - lo);
    }
    if (p.startsWith("triangular")) {
      double c = Double.parseDouble(p.replaceAll(".*mode ", ""));
      double d = x <= c ? (c == lo ? 2 / (hi - lo) : 2 * (x - lo) / ((hi - lo) * (c - lo)))
          : (hi == c ? 2 / (hi - lo) : 2 * (hi - x) / ((hi - lo) * (hi - c)));
      return d * binWidth;
    }
    double mean = (lo + hi) / 2;
    double sd = (hi - lo) / (2 * 1.959963984540054);
    return Math.exp(-0.5 * Math.pow((x - mean) / sd, 2)) / (sd * Math.sqrt(2 * Math.PI)) * binWidth;
  }

  /** Pairwise scatter of the particles (opacity by weight), one panel per pair. */
  private static String pairs(Calibration.Report r) {
    AbcSmc.Result res = r.result();
    int d = r.marginals().size();
    double maxW = 0;
    for (double w : res.weights()) {
      maxW = Math.max(maxW, w);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        Calibration.Marginal mx = r.marginals().get(i);
        Calibration.Marginal my = r.marginals().get(j);
        double size = 230;
        double pad = 30;
        Svg s = new Svg(size, size);
        double pw = size - pad - 8;
        for (int k = 0; k < res.particles().length; k++) {
          double x = (res.particles()[k][i] - mx.priorBounds()[0]) / (mx.priorBounds()[1] - mx.priorBounds()[0]);
          double y = (res.particles()[k][j] - my.priorBounds()[0]) / (my.priorBounds()[1] - my.priorBounds()[0]);
          if (x < 0 || x > 1 || y < 0 || y > 1) {
            continue;
          }
          double a = 0.15 + 0.85 * res.weights()[k] / maxW;
          s.circle(pad + pw * x, 8 + pw * (1 - y), 1.8, blueAlpha(a), null, 0).mark();
        }
        s.rect(pad, 8, pw, pw, "none", Palette.GRID, 1);
        s.text(pad + pw / 2, size - 6, Svg.fit(tail(mx.parameter()), pw, 10), 10, "middle");
        s.text(12, 8 + pw / 2, Svg.fit(tail(my.parameter()), 20, 10), 10, "middle");
        b.append("<div class=\"small-multiple\" style=\"display:inline-block;vertical-align:top;width:230px;margin:0 8px 8px 0\">")
            .append(Figure.figure("pair-" + i + "-" + j, s, "Particles: " + mx.parameter() + " against " + my.parameter(),
                esc(tail(mx.parameter()) + " (across) against " + tail(my.parameter()) + " (up), each over its prior range")))
            .append("</div>\n");
      }
    }
    return b.toString();
  }

  private static String tail(String path) {
    String[] p = path.split("\\.");
    return p.length <= 2 ? path : p[p.length - 2] + "." + p[p.length - 1];
  }

  private static String blueAlpha(double a) {
    return String.format(java.util.Locale.ROOT, "rgba(0,114,178,%.2f)", Math.max(0.05, Math.min(1, a)));
  }
}
