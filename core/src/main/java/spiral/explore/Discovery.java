package spiral.explore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario discovery on a sweep's points, as {@code spiral discover} and the web app's sweep
 * results run it: the points whose output satisfies a condition are the points of interest, PRIM
 * (Friedman &amp; Fisher 1999, with the EMA Workbench's habits) peels and pastes a box of parameter
 * ranges around them, and the chosen box is the densest with at least the asked coverage, with
 * each restriction's quasi-p-value (Bryant &amp; Lempert 2010) and how often bootstrap resamples
 * restrict each parameter.
 *
 * <p>Cost: one PRIM run, O(peels &times; parameters &times; points log points), and as many
 * again per bootstrap resample.
 */
public final class Discovery {
  private static final Pattern WHERE =
      Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*(>=|<=|>|<)\\s*([-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?)\\s*");

  private Discovery() {}

  /**
   * The condition that marks the points of interest: {@code OUTPUT (>|>=|<|<=) NUMBER}.
   *
   * @param output the output's name
   * @param op the comparison
   * @param threshold the number compared with
   * @param text the condition as written, trimmed
   */
  public record Condition(String output, String op, double threshold, String text) {
    /**
     * Reads a condition such as {@code nuclearUse > 0.05}.
     *
     * @throws IllegalArgumentException if it does not have that form
     */
    public static Condition parse(String text) {
      Matcher m = WHERE.matcher(Objects.requireNonNull(text, "text"));
      if (!m.matches()) {
        throw new IllegalArgumentException("cannot read '" + text
            + "': expected OUTPUT (>|>=|<|<=) NUMBER, e.g. \"nuclearUse > 0.05\"");
      }
      return new Condition(m.group(1), m.group(2), Double.parseDouble(m.group(3)), text.trim());
    }

    /** Whether an output value satisfies the condition. */
    public boolean holds(double y) {
      return switch (op) {
        case ">" -> y > threshold;
        case ">=" -> y >= threshold;
        case "<" -> y < threshold;
        default -> y <= threshold;
      };
    }
  }

  /**
   * How PRIM runs.
   *
   * @param alpha the peel fraction, in (0, 0.5)
   * @param minMass the smallest share of the points a box may hold, in (0, 1]
   * @param minCoverage the chosen box is the densest with at least this coverage, in [0, 1]
   * @param bootstrap bootstrap resamples for the stability of each restriction, 0 to 10^5
   * @param seed the bootstrap's seed
   */
  public record Settings(double alpha, double minMass, double minCoverage, int bootstrap, long seed) {
    /** The defaults of {@code spiral discover}. */
    public static final Settings DEFAULTS = new Settings(0.05, 0.05, 0.5, 100, 1);

    /** Checks the ranges. */
    public Settings {
      if (!(alpha > 0 && alpha < 0.5) || !(minMass > 0 && minMass <= 1)
          || !(minCoverage >= 0 && minCoverage <= 1)) {
        throw new IllegalArgumentException("need 0 < alpha < 0.5, 0 < minMass <= 1 and"
            + " 0 <= minCoverage <= 1, were " + alpha + ", " + minMass + ", " + minCoverage);
      }
      if (bootstrap < 0 || bootstrap > 100_000) {
        throw new IllegalArgumentException("bootstrap must be between 0 and 10^5, was " + bootstrap);
      }
    }
  }

  /**
   * A parameter's limits in the chosen box, within its declared range; quasiP is null where the
   * box does not restrict it, stability null without the bootstrap.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Limit(String parameter, double low, double high, double declaredLow,
      double declaredHigh, boolean restricted, Double quasiP, Double stability) {}

  /** One box of the trajectory: peeled or pasted, its coverage, density and mass. */
  public record Step(int box, String step, double coverage, double density, double mass, int points,
      int interesting, int restricted) {}

  /**
   * What discovery found.
   *
   * @param where the condition as written
   * @param points the points
   * @param interesting the points of interest
   * @param box the chosen box's index in the trajectory
   * @param coverage the chosen box's coverage (share of the points of interest inside it)
   * @param density its density (share of the points inside it that are of interest)
   * @param mass its mass (share of all points inside it)
   * @param limits the restricted parameters
   * @param parameters every parameter
   * @param bootstrap the bootstrap resamples
   * @param seed the bootstrap's seed
   * @param peels the peeling steps of the trajectory (the rest are pastes)
   * @param trajectory every box
   * @param prim the PRIM run (not written as JSON)
   * @param quasiP the chosen box's quasi-p-value per parameter (NaN where it does not restrict)
   * @param stability per parameter, the share of bootstrap boxes restricting it, or null
   */
  public record Found(String where, int points, int interesting, int box, double coverage,
      double density, double mass, List<Limit> limits, List<Limit> parameters, int bootstrap,
      long seed, int peels, List<Step> trajectory, @JsonIgnore PrimResult prim,
      @JsonIgnore double[] quasiP, @JsonIgnore double[] stability) {}

  /**
   * Runs discovery.
   *
   * @param names the parameters, in column order
   * @param x the points' parameter values, [point][parameter]
   * @param y the output the condition reads, per point
   * @param where the condition
   * @param low each parameter's declared lower limit, or null for the data's extremes; widened
   *     to the points where a design value rounds an ulp past its bound
   * @param high each parameter's declared upper limit, or null for the data's extremes; widened
   *     likewise
   * @param s how PRIM runs
   * @throws IllegalArgumentException if no point satisfies the condition
   */
  public static Found run(List<String> names, double[][] x, double[] y, Condition where,
      double[] low, double[] high, Settings s) {
    boolean[] interest = new boolean[y.length];
    int count = 0;
    for (int i = 0; i < y.length; i++) {
      interest[i] = where.holds(y[i]);
      count += interest[i] ? 1 : 0;
    }
    if (count == 0) {
      throw new IllegalArgumentException("no point of the " + y.length + " satisfies '"
          + where.text() + "'");
    }
    if (low != null && high != null) {
      low = low.clone();
      high = high.clone();
      for (double[] xi : x) {
        for (int j = 0; j < low.length; j++) {
          low[j] = Math.min(low[j], xi[j]);
          high[j] = Math.max(high[j], xi[j]);
        }
      }
    }
    Prim prim = new Prim(s.alpha(), s.minMass());
    PrimResult pr = prim.run(names, x, interest, low, high);
    PrimBox best = pr.best(s.minCoverage());
    double[] quasiP = Prim.quasiPValues(pr, best, x, interest);
    double[] stability = s.bootstrap() == 0 ? null : prim.stability(names, x, interest, low, high,
        s.minCoverage(), s.bootstrap(), new SplittableRandom(s.seed()));
    List<Limit> limits = new ArrayList<>();
    List<Limit> all = new ArrayList<>();
    List<PrimResult.Range> ranges = pr.limits(best);
    for (int j = 0; j < ranges.size(); j++) {
      PrimResult.Range r = ranges.get(j);
      boolean restricted = pr.restricts(best, j);
      Limit l = new Limit(r.parameter(), r.low(), r.high(), pr.rangeLow()[j], pr.rangeHigh()[j],
          restricted, restricted ? quasiP[j] : null, stability == null ? null : stability[j]);
      all.add(l);
      if (restricted) {
        limits.add(l);
      }
    }
    List<Step> steps = new ArrayList<>();
    for (PrimBox b : pr.trajectory()) {
      steps.add(new Step(b.index(), step(pr, b), b.coverage(), b.density(), b.mass(), b.count(),
          b.interesting(), pr.restrictions(b).size()));
    }
    return new Found(where.text(), y.length, count, best.index(), best.coverage(), best.density(),
        best.mass(), List.copyOf(limits), List.copyOf(all), s.bootstrap(), s.seed(), pr.peels(),
        List.copyOf(steps), pr, quasiP, stability);
  }

  /** Whether a box of the trajectory is the start, a peel or a paste. */
  public static String step(PrimResult pr, PrimBox b) {
    return b.index() == 0 ? "start" : b.index() <= pr.peels() ? "peel" : "paste";
  }
}
