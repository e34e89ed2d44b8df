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
  private final double[][] pay;
  private final double scale;

  /** The minimiser for a game. */
  public Liapunov(StrategicGame g) {
    this.g = g;
    players = g.numPlayers();
    first = new int[players + 1];
    for (int i = 0; i < players; i++) {
      first[i + 1] = first[i] + g.numStrategies(i);
    }
    n = first[players];
    pay = new double[g.numProfiles()][players];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < g.numProfiles(); p++) {
      for (int i = 0; i < players; i++) {
        pay[p][i] = g.payoff(p, i).doubleValue();
        lo = Math.min(lo, pay[p][i]);
        hi = Math.max(hi, pay[p][i]);
      }
    }
    double range = hi - lo;
    scale = range > 0 ? 1 / range : 1;
  }

  /** {@code count} starting profiles, uniform on each player's simplex, from {@code seed}. */
  public List<double[]> randomStarts(int count, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<double[]> starts = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      double[] x = new double[n];
      for (int i = 0; i < players; i++) {
        double sum = 0;
        for (int k = first[i]; k < first[i + 1]; k++) {
          x[k] = -Math.log(1 - rng.nextDouble());
          sum += x[k];
        }
        for (int k = first[i]; k < first[i + 1]; k++) {
          x[k] /= sum;
        }
      }
      starts.add(x);
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
    double[][] u = new double[players][];
    strategyPayoffs(x, u, null);
    double worst = 0;
    for (int i = 0; i < players; i++) {
      double best = Double.NEGATIVE_INFINITY;
      double mean = 0;
      for (int j = 0; j < u[i].length; j++) {
        best = Math.max(best, u[i][j]);
        mean += x[first[i] + j] * u[i][j];
      }
      worst = Math.max(worst, best - mean);
    }
    return worst;
  }

  /** L(x), and its gradient into {@code grad} when not null. */
  double value(double[] x, double[] grad) {
    double[][] u = new double[players][];
    double[][][][] m = grad == null ? null : new double[players][players][][];
    strategyPayoffs(x, u, m);
    double v = 0;
    double[][] gap = new double[players][];
    for (int i = 0; i < players; i++) {
      double mean = 0;
      for (int j = 0; j < u[i].length; j++) {
        mean += x[first[i] + j] * u[i][j];
      }
      gap[i] = new double[u[i].length];
      for (int j = 0; j < u[i].length; j++) {
        double d = Math.max(0, scale * (u[i][j] - mean));
        gap[i][j] = d;
        v += d * d;
      }
    }
    if (grad == null) {
      return v;
    }
    java.util.Arrays.fill(grad, 0);
    for (int i = 0; i < players; i++) {
      double total = 0;
      for (double d : gap[i]) {
        total += d;
      }
      // own probabilities move only the mean payoff
      for (int l = 0; l < u[i].length; l++) {
        grad[first[i] + l] -= 2 * scale * total * u[i][l];
      }
      for (int k = 0; k < players; k++) {
        if (k == i) {
          continue;
        }
        double[][] mik = m[i][k];
        for (int l = 0; l < g.numStrategies(k); l++) {
          double dmean = 0;
          for (int j = 0; j < u[i].length; j++) {
            dmean += x[first[i] + j] * mik[j][l];
          }
          double s = 0;
          for (int j = 0; j < u[i].length; j++) {
            if (gap[i][j] > 0) {
              s += gap[i][j] * (mik[j][l] - dmean);
            }
          }
          grad[first[k] + l] += 2 * scale * s;
        }
      }
    }
    return v;
  }

  /**
   * u[i][j]: player i's payoff from strategy j against the others' mixtures; m (if not null)
   * [i][k][j][l]: the same when player k plays l.
   */
  private void strategyPayoffs(double[] x, double[][] u, double[][][][] m) {
    for (int i = 0; i < players; i++) {
      u[i] = new double[g.numStrategies(i)];
      if (m != null) {
        for (int k = 0; k < players; k++) {
          if (k != i) {
            m[i][k] = new double[g.numStrategies(i)][g.numStrategies(k)];
          }
        }
      }
    }
    int[] s = new int[players];
    for (int p = 0; p < g.numProfiles(); p++) {
      for (int i = 0; i < players; i++) {
        s[i] = g.strategyOf(p, i);
      }
      for (int i = 0; i < players; i++) {
        double w = 1;
        for (int j = 0; j < players; j++) {
          if (j != i) {
            w *= x[first[j] + s[j]];
          }
        }
        u[i][s[i]] += w * pay[p][i];
        if (m != null) {
          for (int k = 0; k < players; k++) {
            if (k == i) {
              continue;
            }
            double w2 = 1;
            for (int j = 0; j < players; j++) {
              if (j != i && j != k) {
                w2 *= x[first[j] + s[j]];
              }
            }
            m[i][k][s[i]][s[k]] += w2 * pay[p][i];
          }
        }
      }
    }
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
