package spiral.game;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Gambit's {@code lp} on a two-player constant-sum strategic game: one equilibrium (a pair of
 * optimal minimax strategies) from the game's linear program (von Neumann 1928; Dantzig 1951),
 * exact.
 *
 * <p>With player 1's payoffs A shifted so that every entry is at least 1 (and scaled to
 * integers), player 2's problem is max 1'y subject to Ay <= 1, y >= 0, and player 1's is its dual,
 * min 1'x subject to A'x >= 1, x >= 0; both optima equal 1/v, where v is the value of the shifted
 * game, and x/1'x, y/1'y are optimal strategies. The primal is solved by the simplex method from
 * the slack basis with Bland's rule (Bland 1977: least-index entering and leaving variables, so
 * it never cycles), fraction-free over the integers ({@link IntegerTableau}); the dual solution
 * is read from the slack columns of the final objective row. Cost: O(pivots x m x n) big-integer
 * operations, with pivots exponential in the worst case but few in practice. A game that is not
 * constant-sum is refused. {@link #solve(Game)} on a two-player tree uses its sequence form
 * instead ({@link SequenceFormLp}).
 */
public final class ZeroSumLp implements EquilibriumSolver {
  @Override
  public String name() {
    return "lp";
  }

  @Override
  public List<Equilibrium> solve(Game game) {
    if (game.numPlayers() != 2) {
      throw new IllegalArgumentException("lp needs a two-player game");
    }
    if (game instanceof ExtensiveGame) {
      return new SequenceFormLp().solve(game);
    }
    StrategicGame g = (StrategicGame) game;
    return solve(g);
  }

  /** Whether the two players' payoffs sum to the same constant at every pure profile. */
  public static boolean isConstantSum(StrategicGame g) {
    if (g.numPlayers() != 2) {
      return false;
    }
    Rational c = null;
    for (int p = 0; p < g.numProfiles(); p++) {
      Rational s = g.payoff(p, 0).add(g.payoff(p, 1));
      if (c == null) {
        c = s;
      } else if (!c.equals(s)) {
        return false;
      }
    }
    return true;
  }

  /** One equilibrium of a two-player constant-sum game, as a one-element list. */
  public List<Equilibrium> solve(StrategicGame g) {
    if (g.numPlayers() != 2) {
      throw new IllegalArgumentException("lp needs a two-player game");
    }
    if (!isConstantSum(g)) {
      throw new IllegalArgumentException("not a constant-sum game");
    }
    int m = g.numStrategies(0);
    int n = g.numStrategies(1);
    Rational[][] a = new Rational[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = g.payoff(g.profileIndex(new int[] {i, j}), 0);
      }
    }
    BigInteger[][] ai = IntegerTableau.integerMatrix(a, IntegerTableau.positiveShift(a));
    // variables: y_j = j (0..n-1), slack r_i = n + i; rows 0..m-1 constraints, row m objective
    int cols = n + m;
    BigInteger[][] t = new BigInteger[m + 1][cols + 1];
    int[] basic = new int[m + 1];
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < cols; c++) {
        t[i][c] = c < n ? ai[i][c] : c == n + i ? BigInteger.ONE : BigInteger.ZERO;
      }
      t[i][cols] = BigInteger.ONE;
      basic[i] = n + i;
    }
    for (int c = 0; c < cols; c++) {
      t[m][c] = c < n ? BigInteger.ONE.negate() : BigInteger.ZERO;
    }
    t[m][cols] = BigInteger.ZERO;
    basic[m] = -1;
    IntegerTableau tab = new IntegerTableau(t, basic, m);
    tab.simplexBland(m, cols);
    // y from the basic values, x from the objective row's slack entries; both sum to det/v
    BigInteger[] y = new BigInteger[n];
    BigInteger[] x = new BigInteger[m];
    BigInteger sy = BigInteger.ZERO;
    BigInteger sx = BigInteger.ZERO;
    for (int j = 0; j < n; j++) {
      int row = tab.rowOf(j);
      y[j] = row < 0 ? BigInteger.ZERO : tab.rhs(row);
      sy = sy.add(y[j]);
    }
    for (int i = 0; i < m; i++) {
      x[i] = t[m][n + i];
      sx = sx.add(x[i]);
    }
    List<Rational> profile = new ArrayList<>(m + n);
    for (BigInteger v : x) {
      profile.add(Rational.of(v, sx));
    }
    for (BigInteger v : y) {
      profile.add(Rational.of(v, sy));
    }
    return List.of(new Equilibrium(profile, EquilibriumChecker.payoffs(g, profile)));
  }
}
