package spiral.explore.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import spiral.explore.Design;
import spiral.explore.Estimate;
import spiral.explore.MorrisAnalysis;
import spiral.explore.MorrisEffect;
import spiral.explore.RankCorrelation;
import spiral.explore.SobolAnalysis;
import spiral.explore.SobolIndex;
import spiral.explore.SobolPair;

/**
 * Which parameters drive one output of a sweep, by the method its design was made for: Sobol
 * first-order and total indices with bootstrap intervals (and second-order ones) for a {@code
 * saltelli} design (Saltelli 2010; Jansen 1999), μ* and σ for a {@code morris} design (Morris
 * 1991; Campolongo et al. 2007), and Spearman's rank correlation for any other design or for rows
 * without their sweep. Used by {@code spiral sensitivity} and the server's sweep jobs alike.
 *
 * <p>Cost: the Sobol bootstrap is O(resamples × points); the others O(points × parameters).
 */
public final class SweepSensitivity {
  private SweepSensitivity() {}

  /** One parameter's row: the fields of its method, the others null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(String parameter, Double first, Double firstLow, Double firstHigh, Double total,
      Double totalLow, Double totalHigh, Double muStar, Double sigma, Double rankCorrelation) {}

  /** One pair's second-order index. */
  public record Pair(String parameter, String other, double second, double secondLow, double secondHigh) {}

  /**
   * The analysis of one output.
   *
   * @param output the output analysed
   * @param method sobol, morris or rank-correlation
   * @param points the rows analysed
   * @param parameters one row per parameter, the strongest first
   * @param secondOrder the pairs' second-order indices (sobol with second order), else empty
   * @param warnings indices whose interval is wider than an index's range
   * @param sobol the Sobol indices (sobol), else null
   * @param secondIndices the second-order indices (sobol with second order), else null
   * @param morris the Morris effects (morris), else null
   * @param ranks the rank correlations, strongest first (rank-correlation), else null
   */
  public record Result(String output, String method, int points, List<Row> parameters, List<Pair> secondOrder,
      List<String> warnings, List<SobolIndex> sobol, List<SobolPair> secondIndices, List<MorrisEffect> morris,
      List<spiral.explore.SensitivityReport.Rank> ranks) {}

  /**
   * Analyses output {@code y} (one value per row, in the sweep's point order where the sweep is
   * given).
   *
   * @param sweep the sweep the rows come from, or null for rows alone (rank correlation)
   * @param parameters the parameters' names, in the columns of {@code x}
   * @param x the rows' parameter values
   * @param resamples bootstrap resamples of the Sobol indices
   * @throws IllegalArgumentException when the rows do not suit the method (the message says why)
   */
  public static Result analyse(Sweep sweep, List<String> parameters, double[][] x, double[] y, String output,
      int resamples) {
    String type = sweep == null ? "" : sweep.design().type();
    List<Row> rows = new ArrayList<>();
    List<Pair> pairs = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<SobolIndex> sobol = null;
    List<SobolPair> second = null;
    List<MorrisEffect> morris = null;
    List<spiral.explore.SensitivityReport.Rank> ranks = null;
    String method;
    if (type.equals("saltelli")) {
      method = "sobol";
      boolean so = sweep.design().secondOrder();
      SobolAnalysis.Result all = SobolAnalysis.analyze(sweep.saltelli(), y, resamples, 0.95,
          new SplittableRandom(sweep.seed()), so);
      sobol = all.indices();
      second = so ? all.second() : null;
      for (SobolIndex s : sobol) {
        rows.add(new Row(s.parameter(), s.first().value(), s.first().low(), s.first().high(),
            s.total().value(), s.total().low(), s.total().high(), null, null, null));
        warn(warnings, "S1", s.parameter(), s.first());
        warn(warnings, "ST", s.parameter(), s.total());
      }
      for (SobolPair q : all.second()) {
        pairs.add(new Pair(q.parameter(), q.other(), q.second().value(), q.second().low(), q.second().high()));
        warn(warnings, "S2", q.parameter() + " x " + q.other(), q.second());
      }
      rows.sort(Comparator.comparingDouble((Row r) -> -r.total()));
    } else if (type.equals("morris")) {
      method = "morris";
      Design unit = sweep.unitDesign();
      morris = MorrisAnalysis.analyze(unit, y);
      for (MorrisEffect m : morris) {
        rows.add(new Row(m.parameter(), null, null, null, null, null, null, m.muStar(), m.sigma(), null));
      }
      rows.sort(Comparator.comparingDouble((Row r) -> -r.muStar()));
    } else {
      method = "rank-correlation";
      ranks = new ArrayList<>();
      for (int j = 0; j < parameters.size(); j++) {
        double[] xj = new double[y.length];
        for (int i = 0; i < y.length; i++) {
          xj[i] = x[i][j];
        }
        double rho = Math.round(RankCorrelation.spearman(xj, y) * 1e6) / 1e6;
        rows.add(new Row(parameters.get(j), null, null, null, null, null, null, null, null, rho));
        ranks.add(new spiral.explore.SensitivityReport.Rank(parameters.get(j), rho));
      }
      rows.sort(Comparator.comparingDouble((Row r) -> -Math.abs(r.rankCorrelation())));
      ranks.sort(Comparator.comparingDouble(r -> -Math.abs(r.rho())));
    }
    return new Result(output, method, y.length, List.copyOf(rows), List.copyOf(pairs), List.copyOf(warnings), sobol, second,
        morris, ranks);
  }

  /** Adds a warning when an index's interval is wider than the range an index can take. */
  private static void warn(List<String> warnings, String index, String parameter, Estimate e) {
    if (SobolAnalysis.uninformative(e)) {
      warnings.add(String.format(Locale.ROOT, "%s of %s: the 95%% interval [%.4f, %.4f] is wider"
          + " than an index's range [0, 1], so the index is meaningless; run more base points",
          index, parameter, e.low(), e.high()));
    }
  }
}
