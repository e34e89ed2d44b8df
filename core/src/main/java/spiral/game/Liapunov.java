package spiral.game;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Gambit's {@code liap}: Nash equilibria of a strategic game (any number of players) as zeros of
 * the Lyapunov function {@code L(x) = sum_i sum_j max(0, (u_i(j, x_-i) - u_i(x)) / range)^2}
 * (McKelvey 1991, "A Liapunov function for Nash equilibria"), minimised from several starting
 * profiles over the product of the strategy simplices. Each start is improved by projected
 * gradient descent (gradient exact, projection onto each player's simplex by sorting, Armijo
 * backtracking with a step that grows after each success) for at most {@code maxIterations}
 * steps; the end profile is kept when its largest regret is below {@code maxRegret} times the
 * payoff range, and otherwise dropped (a local minimum of L that is not an equilibrium), as
 * Gambit does. Unlike Gambit, whose random starts are seeded from the system's entropy, the
 * starts here (uniform on each simplex) come from a seeded generator, so a run is reproducible.
 *
 * <p>Floating point: each result is an approximate equilibrium. Cost per step: O(profiles x
 * players^2) for the payoffs and the gradient, plus a few evaluations of L in the line search.
 */
public final class Liapunov {
  /** Gambit's default number of random starts. */
  public static final int DEFAULT_STARTS = 10;

  /** Gambit's default number of iterations per start. */
  public static final int DEFAULT_ITERATIONS = 1000;

  /** Gambit's default bound on the regret, relative to the payoff range. */
  public static final double DEFAULT_MAX_REGRET = 1e-4;

  /** Spiral's default seed of the starts. */
  public static final long DEFAULT_SEED = 0;

  /** One start's outcome: where it started, where it ended, and its regret relative to range. */
  public record Run(double[] start, double[] end, double regret, boolean equilibrium) {}

  private final StrategicGame g;
  private final int players;
  private final int n;
  private final int[] first;
  private final MixedPayoffs payoffs;
  private final double scale;

  /** The minimiser for a game. */
  public Liapunov(StrategicGame g) {
    this.g = g;
    payoffs = new MixedPayoffs(g, false);
    players = payoffs.players;
    first = payoffs.first;
    n = payoffs.n;
    scale = payoffs.range > 0 ? 1 / payoffs.range : 1;
  }

  /** {@code count} starting profiles, uniform on each player's simplex, from {@code seed}. */
  public List<double[]> randomStarts(int count, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<double[]> starts = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      starts.add(Simplex.uniform(first, players, rng));
    }
    return starts;
  }

  /**
   * Minimises from each start in turn; {@code onRun} receives each start's outcome, equilibrium
   * or not, in the order of the starts.
   */
  public void solve(List<double[]> starts, int maxIterations, double maxRegret,
      Consumer<Run> onRun) {
    for (double[] s : starts) {
      if (s.length != n) {
        throw new IllegalArgumentException(
            "a starting profile has " + s.length + " entries, not " + n);
      }
      double[] x = minimise(s, maxIterations);
      double r = regret(x) * scale;
      onRun.accept(new Run(s.clone(), x, r, r < maxRegret));
    }
  }

  /** The largest regret of any player, in payoff units. */
  public double regret(double[] x) {
    return payoffs.maxRegret(x);
  }

  /** L(x), and its gradient into {@code grad} when not null. */
  double value(double[] x, double[] grad) {
    double[] u = new double[n];
    double[][] du = grad == null ? null : new double[n][n];
    payoffs.values(x, u, du);
    double v = 0;
    double[][] gap = new double[players][];
    for (int i = 0; i < players; i++) {
      int b = first[i];
      int mi = first[i + 1] - b;
      double mean = 0;
      for (int j = 0; j < mi; j++) {
        mean += x[b + j] * u[b + j];
      }
      gap[i] = new double[mi];
      for (int j = 0; j < mi; j++) {
        double d = Math.max(0, scale * (u[b + j] - mean));
        gap[i][j] = d;
        v += d * d;
      }
    }
    if (grad == null) {
      return v;
    }
    java.util.Arrays.fill(grad, 0);
    for (int i = 0; i < players; i++) {
      int b = first[i];
      int mi = first[i + 1] - b;
      double total = 0;
      for (double d : gap[i]) {
        total += d;
      }
      // own probabilities move only the mean payoff
      for (int l = 0; l < mi; l++) {
        grad[b + l] -= 2 * scale * total * u[b + l];
      }
      for (int k = 0; k < players; k++) {
        if (k == i) {
          continue;
        }
        for (int l = first[k]; l < first[k + 1]; l++) {
          double dmean = 0;
          for (int j = 0; j < mi; j++) {
            dmean += x[b + j] * du[b + j][l];
          }
          double s = 0;
          for (int j = 0; j < mi; j++) {
            if (gap[i][j] > 0) {
              s += gap[i][j] * (du[b + j][l] - dmean);
            }
          }
          grad[l] += 2 * scale * s;
        }
      }
    }
    return v;
  }

  private double[] minimise(double[] start, int maxIterations) {
    double[] x = start.clone();
    project(x);
    double[] grad = new double[n];
    double f = value(x, grad);
    double step = 1;
    for (int it = 0; it < maxIterations && f > 0; it++) {
      Deadline.check();
      boolean moved = false;
      while (step > 1e-14) {
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
          y[k] = x[k] - step * grad[k];
        }
        project(y);
        double decrease = 0;
        for (int k = 0; k < n; k++) {
          decrease += grad[k] * (x[k] - y[k]);
        }
        double fy = value(y, null);
        if (fy <= f - 1e-4 * decrease && decrease > 0) {
          x = y;
          f = value(x, grad);
          step *= 2;
          moved = true;
          break;
        }
        step /= 2;
      }
      if (!moved) {
        break;
      }
    }
    return x;
  }

  /** Euclidean projection of each player's block onto the simplex. */
  private void project(double[] x) {
    Simplex.project(x, first, players);
  }
}
