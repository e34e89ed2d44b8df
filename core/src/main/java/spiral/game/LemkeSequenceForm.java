package spiral.game;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Gambit's {@code lcp} on a two-player tree with perfect recall: one Nash equilibrium by Lemke's
 * algorithm on the linear complementarity problem of the sequence form (Koller, Megiddo and von
 * Stengel, "Efficient computation of equilibria for extensive two-person games", GEB 14, 1996;
 * Lemke, "Bimatrix equilibrium points and mathematical programming", Management Science 11, 1965),
 * exact.
 *
 * <p>Payoffs become costs, as Gambit builds them: every outcome counts at the leaves below it, so
 * that a leaf's payoff u_k is the total of the outcomes on its path; with c one more than the
 * largest such total of either player, each leaf reached with chance probability r by sequences
 * (i, j) adds r(c - u_k) &gt; 0 to player k's cost matrix C_k at (i, j) ({@link
 * SequenceForm#leafPayoff}), so every pure profile's cost is c minus its payoff and the equilibria
 * do not change. (Counting an outcome on an inner node at that node's pair of sequences instead
 * gives the same game but another matrix, and on a degenerate tree such as {@code artist2.efg}
 * another Lemke path.) With
 * E, F the players' sequence constraints ({@link SequenceForm#constraints}) the LCP in z = (x, y,
 * p, q) &gt;= 0 is w = q0 + Mz &gt;= 0, w'z = 0, where
 *
 * <pre>
 *   w_x = C_1 y - E'p,   w_y = C_2'x - F'q,   w_p = Ex - e,   w_q = Fy - f.
 * </pre>
 *
 * Lemke's algorithm adds an artificial variable z0 with covering vector d = (1, ..., 1) (w = q0 +
 * Mz + d z0), starts with z0 entering in place of w_p(root), as Gambit does, and pivots
 * complementarily until z0 leaves; Koller, Megiddo and von Stengel show it ends with an
 * equilibrium (no secondary ray). Pivoting is fraction-free over the integers ({@link
 * IntegerTableau}, the whole system scaled by one positive integer so that the path is that of the
 * rational one) with the lexicographic minimum-ratio rule over the columns of the initial basis
 * in order, the column of w_p(root) last (which keeps the first basis lexicographically
 * feasible), so degenerate trees are handled exactly and without cycling. On all of Gambit's
 * example trees this follows Gambit's path and returns its equilibrium. The realisation plans are
 * turned into behaviour (each action's share of the set's weight; uniform at a set the player's own plan
 * never reaches, as Gambit prints it).
 *
 * <p>Cost: the tableau has n = (sequences + information sets + 2) rows and 2n + 1 columns; each
 * pivot is O(n^2) big-integer operations; the number of pivots is exponential in the worst case
 * but small in practice (polynomial-size LCP, unlike the strategic form's).
 */
public final class LemkeSequenceForm implements EquilibriumSolver {
  @Override
  public String name() {
    return "lcp";
  }

  @Override
  public List<Equilibrium> solve(Game game) {
    if (!(game instanceof ExtensiveGame g)) {
      throw new IllegalArgumentException("the sequence form applies to trees (.efg)");
    }
    if (game.numPlayers() != 2) {
      throw new IllegalArgumentException("lcp needs a two-player game");
    }
    return List.of(solve(new SequenceForm(g)));
  }

  /** The equilibrium at the end of Lemke's path, described in the class comment. */
  public Equilibrium solve(SequenceForm sf) {
    int n1 = sf.numSequences(0);
    int n2 = sf.numSequences(1);
    int m1 = sf.numInfosets(0) + 1;
    int m2 = sf.numInfosets(1) + 1;
    int n = n1 + n2 + m1 + m2;
    int yOff = n1;
    int pOff = n1 + n2;
    int qOff = pOff + m1;
    Rational shift = sf.maxLeafPayoff().add(Rational.ONE);
    Rational[][][] cost = new Rational[2][n1][n2];
    BigInteger lcm = BigInteger.ONE;
    for (int k = 0; k < 2; k++) {
      for (int i = 0; i < n1; i++) {
        for (int j = 0; j < n2; j++) {
          Rational c = sf.leafWeight(i, j).multiply(shift).subtract(sf.leafPayoff(k, i, j));
          cost[k][i][j] = c;
          BigInteger d = c.denominator();
          lcm = lcm.divide(lcm.gcd(d)).multiply(d);
        }
      }
    }
    // tableau columns: w 0..n-1, z n..2n-1, z0 2n; row i: w_i - (lcm M z)_i - lcm d_i z0 = lcm q_i
    int cols = 2 * n + 1;
    BigInteger[][] t = new BigInteger[n][cols + 1];
    for (BigInteger[] row : t) {
      java.util.Arrays.fill(row, BigInteger.ZERO);
    }
    int[] basic = new int[n];
    for (int i = 0; i < n; i++) {
      t[i][i] = BigInteger.ONE;
      basic[i] = i;
      t[i][2 * n] = lcm.negate();
    }
    for (int i = 0; i < n1; i++) {
      for (int j = 0; j < n2; j++) {
        t[i][n + yOff + j] = scaled(cost[0][i][j], lcm).negate();
        t[yOff + j][n + i] = scaled(cost[1][i][j], lcm).negate();
      }
    }
    int[][] e = sf.constraints(0);
    for (int h = 0; h < m1; h++) {
      for (int i = 0; i < n1; i++) {
        if (e[h][i] != 0) {
          BigInteger v = lcm.multiply(BigInteger.valueOf(e[h][i]));
          t[i][n + pOff + h] = v; // -(-E')
          t[pOff + h][n + i] = v.negate();
        }
      }
    }
    int[][] f = sf.constraints(1);
    for (int h = 0; h < m2; h++) {
      for (int j = 0; j < n2; j++) {
        if (f[h][j] != 0) {
          BigInteger v = lcm.multiply(BigInteger.valueOf(f[h][j]));
          t[yOff + j][n + qOff + h] = v;
          t[qOff + h][n + yOff + j] = v.negate();
        }
      }
    }
    t[pOff][cols] = lcm.negate();
    t[qOff][cols] = lcm.negate();
    IntegerTableau tab = new IntegerTableau(t, basic, n);
    // z0 enters in place of w_p(root); the other rows then stay lexicographically positive when
    // that row's column comes last in the lexicographic order
    int start = pOff;
    int[] lex = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (i != start) {
        lex[k++] = i;
      }
    }
    lex[k] = start;
    int z0 = 2 * n;
    tab.pivotAnySign(start, z0);
    int entering = n + start;
    while (true) {
      Deadline.check();
      int row = tab.lexMinRatioRow(entering, lex);
      if (row < 0) {
        throw new IllegalStateException("Lemke: secondary ray (cannot happen for this LCP)");
      }
      int leaving = tab.basic[row];
      tab.pivot(row, entering);
      if (leaving == z0) {
        break;
      }
      entering = leaving < n ? leaving + n : leaving - n;
    }
    List<Rational> x = values(tab, n, 0, n1);
    List<Rational> y = values(tab, n, yOff, n2);
    List<Rational> profile = sf.behaviour(List.of(x, y));
    return new Equilibrium(profile, EquilibriumChecker.payoffs(sf.game(), profile));
  }

  static BigInteger scaled(Rational r, BigInteger lcm) {
    return r.numerator().multiply(lcm.divide(r.denominator()));
  }

  /** Values (times det) of z variables first..first+count-1. */
  private static List<Rational> values(IntegerTableau tab, int n, int first, int count) {
    List<Rational> out = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      int row = tab.rowOf(n + first + c);
      out.add(row < 0 ? Rational.ZERO : Rational.of(tab.rhs(row)));
    }
    return out;
  }
}
