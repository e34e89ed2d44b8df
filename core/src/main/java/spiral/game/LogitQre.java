package spiral.game;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Gambit's {@code logit}: follows the principal branch of the logit quantal-response equilibrium
 * correspondence of a strategic game (any number of players) from the centroid at {@code
 * lambda = 0} towards {@code lambda -> infinity}, where it converges to a Nash equilibrium
 * (McKelvey and Palfrey 1995, "Quantal response equilibria for normal form games"; Turocy 2005,
 * "A dynamic homotopy interpretation of the logistic quantal response equilibrium
 * correspondence"). The unknowns are the strategies' log-probabilities y and lambda; the
 * equations are, per player i: {@code sum_j exp(y_ij) = 1} and {@code y_ij - y_i0 = lambda (u_ij -
 * u_i0)} for j &gt; 0, u the strategies' payoffs against the others' mixtures. The branch is
 * traced by {@link PathTracer} with Gambit's step control (first step {@link
 * Options#firstStep()} along the arc length, the step growing or shrinking by at most {@link
 * Options#maxAccel()} at each point), the same code that traces a tree's agent QRE ({@link
 * AgentLogitQre}).
 *
 * <p>Tracing stops, as Gambit's does, at the first point where no player's regret (best pure
 * reply's payoff minus the profile's) reaches {@link Options#maxRegret()} times the game's payoff
 * range (largest payoff minus smallest), or where the path tracer gives up (the last point is then
 * the result, as in Gambit): at a bifurcation that its perturbation does not get it past, as
 * Gambit's does, unless {@link Options#crossBifurcations()}. Floating point: the result is an approximate equilibrium.
 * Probabilities are returned as rationals on a grid of 1e-12 (the largest absorbing the rounding,
 * so each player's sum is exactly 1); payoffs are computed exactly for that profile. Cost per
 * step: O(profiles x players^2) for the Jacobian plus O(n^3) for its QR factorisation, n the total
 * number of strategies; the number of steps grows with log(1 / maxRegret) on well-behaved games
 * (a few hundred at Gambit's defaults).
 */
public final class LogitQre implements EquilibriumSolver {
  /** Gambit's default first step along the branch (arc length). */
  public static final double DEFAULT_STEP = 0.03;

  /** Gambit's default maximal acceleration of the step length. */
  public static final double DEFAULT_ACCEL = 1.1;

  /** Gambit's default bound on the regret, as a proportion of the game's payoff range. */
  public static final double DEFAULT_MAX_REGRET = 1e-8;

  private static final int MAX_STEPS = 1_000_000;

  /** One point of the branch: lambda and the mixed profile (Gambit's order). */
  public record Point(double lambda, double[] profile) {}

  /**
   * Tracing parameters, Gambit's {@code -s}, {@code -a} and {@code -m}: the first step length
   * along the branch (above 0), the maximal acceleration of the step length (above 1: the factor
   * by which the step may grow or must shrink at each point) and the regret at which tracing
   * stops, relative to the payoff range (above 0); and, not Gambit's, whether to cross a
   * bifurcation where Gambit's tracer stops ({@link PathTracer#PathTracer(double, double, int,
   * boolean)}).
   */
  public record Options(
      double firstStep, double maxAccel, double maxRegret, boolean crossBifurcations) {
    /** Checks each parameter's range. */
    public Options {
      if (!(firstStep > 0) || !Double.isFinite(firstStep)) {
        throw new IllegalArgumentException(
            "the first step size must be a positive number, got " + firstStep);
      }
      if (!(maxAccel > 1) || !Double.isFinite(maxAccel)) {
        throw new IllegalArgumentException(
            "the maximum acceleration must be a number above 1, got " + maxAccel);
      }
      if (!(maxRegret > 0) || !Double.isFinite(maxRegret)) {
        throw new IllegalArgumentException(
            "the maximum regret must be a positive number, got " + maxRegret);
      }
    }

    /** Gambit's parameters, stopping at a bifurcation as Gambit's tracer does. */
    public Options(double firstStep, double maxAccel, double maxRegret) {
      this(firstStep, maxAccel, maxRegret, false);
    }

    /** Gambit's defaults: 0.03, 1.1 and 1e-8, stopping at a bifurcation. */
    public static Options defaults() {
      return new Options(DEFAULT_STEP, DEFAULT_ACCEL, DEFAULT_MAX_REGRET);
    }

    /** These parameters, crossing bifurcations. */
    public Options crossingBifurcations() {
      return new Options(firstStep, maxAccel, maxRegret, true);
    }
  }

  /**
   * The end of the branch: lambda, the profile (Gambit's order), whether the regret bound was
   * met (false: the path tracer gave up first), and why tracing ended ({@link
   * PathTracer.Result#reason()}: "finished", or why the tracer gave up).
   */
  public record Result(double lambda, double[] profile, boolean converged, String reason) {}

  @Override
  public String name() {
    return "logit";
  }

  @Override
  public List<Equilibrium> solve(Game game) {
    if (!(game instanceof StrategicGame g)) {
      throw new IllegalArgumentException(
          "logit is implemented for strategic games (.nfg) only");
    }
    return List.of(toEquilibrium(g, trace(g, Options.defaults(), null).profile()));
  }

  /**
   * The probabilities x[from..from+m) as exact fractions: each rounded to 1e-12, the largest
   * absorbing the rounding so that the block sums exactly to 1.
   */
  static Rational[] exactBlock(double[] x, int from, int m) {
    BigInteger scale = BigInteger.TEN.pow(12);
    Rational[] r = new Rational[m];
    int big = 0;
    Rational sum = Rational.ZERO;
    for (int j = 0; j < m; j++) {
      if (x[from + j] > x[from + big]) {
        big = j;
      }
      BigDecimal d = new BigDecimal(x[from + j]).setScale(12, RoundingMode.HALF_EVEN);
      r[j] = Rational.of(d.unscaledValue().max(BigInteger.ZERO), scale);
      sum = sum.add(r[j]);
    }
    r[big] = r[big].add(Rational.ONE.subtract(sum));
    return r;
  }

  /** The approximate equilibrium at the end of the branch, as an exact profile. */
  public static Equilibrium toEquilibrium(StrategicGame g, double[] x) {
    List<Rational> profile = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < g.numPlayers(); i++) {
      int m = g.numStrategies(i);
      profile.addAll(List.of(exactBlock(x, k, m)));
      k += m;
    }
    return new Equilibrium(profile, EquilibriumChecker.payoffs(g, profile));
  }

  /** As {@link #trace(StrategicGame, Options, Consumer)} with Gambit's defaults: the end profile. */
  public static double[] trace(StrategicGame g, Consumer<Point> path) {
    return trace(g, Options.defaults(), path).profile();
  }

  /**
   * Traces the branch with the given step control and stopping rule; {@code path}, when not
   * null, receives every accepted point, the start included.
   */
  public static Result trace(StrategicGame g, Options o, Consumer<Point> path) {
    Branch b = new Branch(g);
    double[] start = new double[b.n + 1];
    for (int i = 0; i < b.players; i++) {
      int m = b.first[i + 1] - b.first[i];
      for (int j = 0; j < m; j++) {
        start[b.first[i] + j] = -Math.log(m);
      }
    }
    return follow(b, start, b.payoffs::maxRegret, b.payoffs.range, o, path);
  }

  /**
   * The logit tracing shared by strategic games and trees: from {@code start} (log-probabilities,
   * then lambda 0) along the zeros of {@code equations} by {@link PathTracer} with the step
   * control of {@code o}, until lambda falls below 0 or {@code regret} of the profile is below
   * {@code o.maxRegret()} times {@code range} ({@code range} 0: times 1), as Gambit stops.
   */
  static Result follow(
      PathTracer.Equations equations,
      double[] start,
      ToDoubleFunction<double[]> regret,
      double range,
      Options o,
      Consumer<Point> path) {
    int n = start.length - 1;
    double bound = o.maxRegret() * (range == 0 ? 1 : range);
    PathTracer tracer =
        new PathTracer(o.firstStep(), o.maxAccel(), MAX_STEPS, o.crossBifurcations());
    PathTracer.Result r =
        tracer.trace(
            equations,
            start,
            z -> z[n] < 0 || regret.applyAsDouble(probs(z, n)) < bound,
            z -> {
              if (path != null) {
                path.accept(new Point(z[n], probs(z, n)));
              }
            });
    double[] z = r.point();
    return new Result(z[n], probs(z, n), r.finished(), r.reason());
  }

  /** The probabilities exp(z[k]) of the first n coordinates. */
  static double[] probs(double[] z, int n) {
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = Math.exp(z[k]);
    }
    return x;
  }

  /** Largest regret of any player (best pure reply's payoff minus the profile's) in doubles. */
  public static double maxRegret(StrategicGame g, double[] x) {
    return new MixedPayoffs(g, false).maxRegret(x);
  }

  /** The logit QRE equations of a strategic game in (y, lambda), Gambit's order of equations. */
  private static final class Branch implements PathTracer.Equations {
    final MixedPayoffs payoffs;
    final int players;
    final int n; // number of strategies in all
    final int[] first; // offset of each player's block
    private final double[] x;
    private final double[] u;
    private final double[][] du;

    Branch(StrategicGame g) {
      payoffs = new MixedPayoffs(g, false);
      players = payoffs.players;
      n = payoffs.n;
      first = payoffs.first;
      x = new double[n];
      u = new double[n];
      du = new double[n][n];
    }

    @Override
    public void value(double[] z, double[] h) {
      double lambda = z[n];
      for (int k = 0; k < n; k++) {
        x[k] = Math.exp(z[k]);
      }
      payoffs.values(x, u, null);
      for (int i = 0; i < players; i++) {
        int b = first[i];
        double sum = -1;
        for (int k = b; k < first[i + 1]; k++) {
          sum += x[k];
        }
        h[b] = sum;
        for (int k = b + 1; k < first[i + 1]; k++) {
          h[k] = z[k] - z[b] - lambda * (u[k] - u[b]);
        }
      }
    }

    /** jt[k][e]: the derivative of equation e in variable k (y, then lambda). */
    @Override
    public void jacobian(double[] z, double[][] jt) {
      double lambda = z[n];
      for (int k = 0; k < n; k++) {
        x[k] = Math.exp(z[k]);
      }
      for (double[] row : du) {
        java.util.Arrays.fill(row, 0);
      }
      payoffs.values(x, u, du);
      for (double[] row : jt) {
        java.util.Arrays.fill(row, 0);
      }
      for (int i = 0; i < players; i++) {
        int b = first[i];
        int end = first[i + 1];
        for (int k = b; k < end; k++) {
          jt[k][b] = x[k];
        }
        for (int r = b + 1; r < end; r++) {
          jt[r][r] = 1;
          jt[b][r] = -1;
          for (int k = 0; k < n; k++) {
            if (k < b || k >= end) {
              jt[k][r] = -lambda * (du[r][k] - du[b][k]) * x[k];
            }
          }
          jt[n][r] = -(u[r] - u[b]);
        }
      }
    }
  }
}
