package spiral.game;

/**
 * A strategic game's payoffs in doubles, for the numerical methods (logit tracing, Liapunov
 * minimisation, global Newton): strategies numbered globally, player i's from {@code first[i]} to
 * {@code first[i + 1]}, and the expected payoff of each pure strategy against a mixed profile (a
 * multilinear sum over the pure profiles) with its derivatives in the other players' probabilities.
 *
 * <p>Cost: O(profiles &times; players&sup2;) per evaluation, the derivatives included (one prefix
 * and one suffix product of the profile's probabilities, then one running product per player and
 * direction); O(profiles &times; players) memory.
 */
final class MixedPayoffs {
  final StrategicGame game;
  final int players;
  /** The number of strategies in all. */
  final int n;
  /** The offset of each player's block, and n at the end. */
  final int[] first;
  /** [profile][player], divided by the payoff range when normalised. */
  final double[][] pay;
  /** The largest payoff minus the smallest (as read, before any normalising). */
  final double range;

  /**
   * The payoffs of a game.
   *
   * @param normalise divide every payoff by the range (when the range is not 0)
   */
  MixedPayoffs(StrategicGame g, boolean normalise) {
    this(g, normalise, false);
  }

  /**
   * The payoffs of a game.
   *
   * @param normalise divide every payoff by the range (when the range is not 0)
   * @param shift subtract the smallest payoff first (exactly), so that payoffs run from 0
   */
  MixedPayoffs(StrategicGame g, boolean normalise, boolean shift) {
    this(g, normalise, shift, null);
  }

  /**
   * The payoffs of a game shifted to start at {@code bounds[0]} (exactly) and divided by
   * {@code bounds[1] - bounds[0]} (when positive): Gambit's scaling of a game whose payoffs lie
   * within bounds (a tree's reduced strategic form, scaled by the tree's bounds).
   */
  MixedPayoffs(StrategicGame g, Rational[] bounds) {
    this(g, true, true, bounds);
  }

  private MixedPayoffs(StrategicGame g, boolean normalise, boolean shift, Rational[] bounds) {
    game = g;
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
    range = hi - lo;
    if (shift) {
      Rational min = bounds == null ? null : bounds[0];
      Rational max = bounds == null ? null : bounds[1];
      for (int p = 0; bounds == null && p < g.numProfiles(); p++) {
        for (int i = 0; i < players; i++) {
          Rational r = g.payoff(p, i);
          min = min == null || r.compareTo(min) < 0 ? r : min;
          max = max == null || r.compareTo(max) > 0 ? r : max;
        }
      }
      double scale = normalise && max.compareTo(min) > 0 ? 1 / max.subtract(min).doubleValue() : 1;
      for (int p = 0; p < g.numProfiles(); p++) {
        for (int i = 0; i < players; i++) {
          pay[p][i] = scale * g.payoff(p, i).subtract(min).doubleValue();
        }
      }
    } else if (normalise) {
      double scale = hi > lo ? 1 / (hi - lo) : 1;
      for (double[] row : pay) {
        for (int i = 0; i < players; i++) {
          row[i] *= scale;
        }
      }
    }
  }

  /**
   * v[k]: the payoff of strategy k against the others' mixtures in x; dv (when not null, zeroed by
   * the caller) [k][l]: its derivative in the probability of strategy l of another player.
   */
  void values(double[] x, double[] v, double[][] dv) {
    java.util.Arrays.fill(v, 0);
    // the profiles in index order: player 1's strategy varies fastest (an odometer, not a
    // division per player and profile)
    int[] s = new int[players];
    int[] at = new int[players];
    double[] xs = new double[players];
    // pre[j]: xs[0] ... xs[j - 1] from the left; suf[j]: xs[players - 1] ... xs[j] from the right
    double[] pre = new double[players + 1];
    double[] suf = new double[players + 1];
    pre[0] = 1;
    suf[players] = 1;
    for (int p = 0; p < game.numProfiles(); p++, next(s)) {
      for (int j = 0; j < players; j++) {
        at[j] = first[j] + s[j];
        xs[j] = x[at[j]];
        pre[j + 1] = pre[j] * xs[j];
      }
      for (int j = players - 1; j >= 0; j--) {
        suf[j] = suf[j + 1] * xs[j];
      }
      double[] pp = pay[p];
      for (int i = 0; i < players; i++) {
        double u = pp[i];
        double[] row = dv == null ? null : dv[at[i]];
        // the others' probabilities from the left, player i left out: the weight of the profile
        // in i's strategy's payoff, and on the way the derivatives in the later players' ones
        double left = pre[i];
        for (int k = i + 1; k < players; k++) {
          if (row != null) {
            row[at[k]] += left * suf[k + 1] * u;
          }
          left *= xs[k];
        }
        v[at[i]] += left * u;
        if (row != null) {
          // from the right, player i left out: the derivatives in the earlier players' ones
          double right = suf[i + 1];
          for (int k = i - 1; k >= 0; k--) {
            row[at[k]] += pre[k] * right * u;
            right *= xs[k];
          }
        }
      }
    }
  }

  /** Moves the pure profile s to the next profile index (player 1's strategy first). */
  private void next(int[] s) {
    for (int i = 0; i < players; i++) {
      if (++s[i] < first[i + 1] - first[i]) {
        return;
      }
      s[i] = 0;
    }
  }

  /** The largest regret of any player at x (its best pure reply's payoff minus the profile's), in the stored payoffs' units. */
  double maxRegret(double[] x) {
    double[] v = new double[n];
    values(x, v, null);
    double worst = 0;
    for (int i = 0; i < players; i++) {
      double best = Double.NEGATIVE_INFINITY;
      double mean = 0;
      for (int k = first[i]; k < first[i + 1]; k++) {
        best = Math.max(best, v[k]);
        mean += x[k] * v[k];
      }
      worst = Math.max(worst, best - mean);
    }
    return worst;
  }
}
