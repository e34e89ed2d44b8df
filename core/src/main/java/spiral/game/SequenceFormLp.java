package spiral.game;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Gambit's {@code lp} on a two-player constant-sum tree with perfect recall: one equilibrium (a
 * pair of optimal minimax behaviour strategies) from the linear program of the sequence form
 * (Koller, Megiddo and von Stengel, "Fast algorithms for finding randomized strategies in game
 * trees", STOC 1994; von Stengel, "Efficient computation of behavior strategies", GEB 14, 1996),
 * exact.
 *
 * <p>With player 1's payoffs shifted so that every outcome node contributes a positive amount
 * (matrix U, {@link SequenceForm#shiftWeight}), player 2's optimal realisation plan y solves
 *
 * <pre>
 *   minimise p_0  subject to  E'p - U y >= 0,  F y = f,  y >= 0,  p >= 0,
 * </pre>
 *
 * where p_h is the value to player 1 of information set h (non-negative because payoffs are
 * positive, so p need not be free). Player 1's plan x solves the same program with the players'
 * roles exchanged (player 2's payoffs, constant-sum). Each program is solved by the two-phase
 * simplex method (artificial variables on every row, then the objective) with Bland's rule, so
 * it never cycles, fraction-free over the integers ({@link IntegerTableau}). The plans become
 * behaviour strategies as in {@link SequenceForm#behaviour} (uniform where a player's own plan
 * never reaches a set, as Gambit prints it). Cost: a tableau of (sequences + information sets)
 * rows and about twice as many columns, O(rows x columns) big-integer operations per pivot;
 * pivots exponential in the worst case, few in practice. A tree that is not constant-sum (the
 * payoffs of every leaf, added along its path, summing to one constant) is refused.
 */
public final class SequenceFormLp implements EquilibriumSolver {
  @Override
  public String name() {
    return "lp";
  }

  @Override
  public List<Equilibrium> solve(Game game) {
    if (!(game instanceof ExtensiveGame g)) {
      throw new IllegalArgumentException("the sequence form applies to trees (.efg)");
    }
    if (game.numPlayers() != 2) {
      throw new IllegalArgumentException("lp needs a two-player game");
    }
    SequenceForm sf = new SequenceForm(g);
    if (!isConstantSum(g)) {
      throw new IllegalArgumentException("not a constant-sum game");
    }
    return List.of(solve(sf));
  }

  /**
   * Whether a two-player tree is constant-sum: the two players' payoffs, each added up along the
   * path, sum to the same constant at every leaf.
   */
  public static boolean isConstantSum(ExtensiveGame g) {
    if (g.numPlayers() != 2) {
      return false;
    }
    List<Rational> sums = new ArrayList<>();
    leafSums(g.root(), Rational.ZERO, sums);
    return sums.stream().distinct().count() <= 1;
  }

  private static void leafSums(ExtensiveGame.Node n, Rational sum, List<Rational> out) {
    if (n.outcome() != null) {
      sum = sum.add(n.outcome().payoffs().get(0)).add(n.outcome().payoffs().get(1));
    }
    if (n.isTerminal()) {
      if (!out.contains(sum)) {
        out.add(sum);
      }
      return;
    }
    for (ExtensiveGame.Node c : n.children()) {
      leafSums(c, sum, out);
    }
  }

  /** The equilibrium of a constant-sum game's sequence form, as in the class comment. */
  public Equilibrium solve(SequenceForm sf) {
    int n1 = sf.numSequences(0);
    int n2 = sf.numSequences(1);
    Rational[][] u1 = new Rational[n1][n2];
    Rational[][] u2 = new Rational[n2][n1];
    Rational c1 = Rational.ONE.subtract(sf.minPayoff(0)).max(Rational.ONE);
    Rational c2 = Rational.ONE.subtract(sf.minPayoff(1)).max(Rational.ONE);
    for (int i = 0; i < n1; i++) {
      for (int j = 0; j < n2; j++) {
        Rational w = sf.shiftWeight(i, j);
        u1[i][j] = sf.payoff(0, i, j).add(c1.multiply(w));
        u2[j][i] = sf.payoff(1, i, j).add(c2.multiply(w));
      }
    }
    List<Rational> y = minimiserPlan(u1, sf.constraints(0), sf.constraints(1));
    List<Rational> x = minimiserPlan(u2, sf.constraints(1), sf.constraints(0));
    List<Rational> profile = sf.behaviour(List.of(x, y));
    return new Equilibrium(profile, EquilibriumChecker.payoffs(sf.game(), profile));
  }

  /**
   * The minimiser's optimal realisation plan (up to a positive factor) when the maximiser, with
   * constraints {@code eMax}, gets {@code u} (maximiser's sequences x minimiser's, positive where
   * an outcome is met) and the minimiser has constraints {@code eMin}.
   */
  static List<Rational> minimiserPlan(Rational[][] u, int[][] eMax, int[][] eMin) {
    int nMax = u.length;
    int nMin = eMin[0].length;
    int mMax = eMax.length;
    int mMin = eMin.length;
    BigInteger lcm = BigInteger.ONE;
    for (Rational[] row : u) {
      for (Rational r : row) {
        BigInteger d = r.denominator();
        lcm = lcm.divide(lcm.gcd(d)).multiply(d);
      }
    }
    // columns: y 0..nMin-1, p nMin.., slack s .., artificial a ..; rows: nMax + mMin constraints
    int rows = nMax + mMin;
    int pOff = nMin;
    int sOff = pOff + mMax;
    int aOff = sOff + nMax;
    int cols = aOff + rows;
    BigInteger[][] t = new BigInteger[rows + 2][cols + 1];
    for (BigInteger[] r : t) {
      java.util.Arrays.fill(r, BigInteger.ZERO);
    }
    int[] basic = new int[rows + 2];
    for (int i = 0; i < nMax; i++) {
      for (int j = 0; j < nMin; j++) {
        t[i][j] = LemkeSequenceForm.scaled(u[i][j], lcm).negate();
      }
      for (int h = 0; h < mMax; h++) {
        t[i][pOff + h] = lcm.multiply(BigInteger.valueOf(eMax[h][i]));
      }
      t[i][sOff + i] = lcm.negate();
    }
    for (int h = 0; h < mMin; h++) {
      for (int j = 0; j < nMin; j++) {
        t[nMax + h][j] = BigInteger.valueOf(eMin[h][j]);
      }
      t[nMax + h][cols] = h == 0 ? BigInteger.ONE : BigInteger.ZERO;
    }
    for (int r = 0; r < rows; r++) {
      t[r][aOff + r] = BigInteger.ONE;
      basic[r] = aOff + r;
    }
    int obj = rows; // phase 2: minimise p_0
    int art = rows + 1; // phase 1: minimise the sum of the artificial variables
    basic[obj] = -1;
    basic[art] = -1;
    t[obj][pOff] = BigInteger.ONE;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < aOff; c++) {
        t[art][c] = t[art][c].subtract(t[r][c]);
      }
      t[art][cols] = t[art][cols].subtract(t[r][cols]);
    }
    IntegerTableau tab = new IntegerTableau(t, basic, rows);
    tab.simplexBland(art, aOff);
    if (t[art][cols].signum() != 0) {
      throw new IllegalStateException(
          "lp: the sequence-form program is infeasible (cannot happen)");
    }
    for (int r = 0; r < rows; r++) {
      if (basic[r] >= aOff) {
        for (int c = 0; c < aOff; c++) {
          if (t[r][c].signum() != 0) {
            tab.pivotAnySign(r, c); // the artificial is 0: any sign keeps feasibility
            break;
          }
        }
      }
    }
    tab.simplexBland(obj, aOff);
    List<Rational> plan = new ArrayList<>(nMin);
    for (int j = 0; j < nMin; j++) {
      int r = tab.rowOf(j);
      plan.add(r < 0 ? Rational.ZERO : Rational.of(tab.rhs(r)));
    }
    return plan;
  }
}
