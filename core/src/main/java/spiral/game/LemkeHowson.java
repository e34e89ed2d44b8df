package spiral.game;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gambit's {@code lcp} on a two-player strategic game: the Lemke–Howson algorithm (Lemke and
 * Howson, "Equilibrium points of bimatrix games", SIAM J. Appl. Math. 12, 1964), exact.
 *
 * <p>After shifting payoffs so that every entry is at least 1 (and scaling them to integers), the
 * equilibria are the completely labelled pairs of the best-response polytopes P = {x >= 0 : B'x
 * <= 1} and Q = {y >= 0 : Ay <= 1}; labels 1..m are player 1's strategies (x_i = 0 or row i of Ay
 * tight), m+1..m+n player 2's. From a completely labelled pair, dropping one label and
 * complementary pivoting alternately in the two systems follows a path that ends at another
 * completely labelled pair (von Stengel, "Computing equilibria for two-person games", Handbook of
 * Game Theory 3, 2002, sec. 3.4). Pivoting is fraction-free over the integers ({@link
 * IntegerTableau}) and the leaving variable is chosen by the lexicographic minimum-ratio rule,
 * so degenerate games are handled exactly and without cycling; every equilibrium found is a pair
 * of vertices, hence an extreme equilibrium.
 *
 * <p>{@link #solve} does what Gambit's {@code gambit-lcp} does on a strategic game: starting from
 * the artificial equilibrium (0, 0) it follows the path of every label, and from every new
 * equilibrium found it follows the paths of every label again, so it returns the equilibria
 * connected to the artificial one by Lemke–Howson paths, each once, in the order found (not
 * necessarily all of them: Shapley 1974). {@link #fromLabel} follows a single path. Cost: one path
 * is O(pivots x (m+n) x max(m, n)) big-integer operations, with pivots exponential in the worst
 * case (Savani and von Stengel 2006) but few in practice; {@link #solve} follows at most (m+n)
 * paths per equilibrium found.
 */
public final class LemkeHowson implements EquilibriumSolver {
  @Override
  public String name() {
    return "lcp";
  }

  /**
   * On a strategic game, the equilibria described in the class comment; on a two-player tree,
   * the one equilibrium of Lemke's algorithm on its sequence form ({@link LemkeSequenceForm}).
   */
  @Override
  public List<Equilibrium> solve(Game game) {
    if (game instanceof ExtensiveGame && game.numPlayers() == 2) {
      return new LemkeSequenceForm().solve(game);
    }
    return solve(strategic(game));
  }

  /** The equilibria connected to the artificial equilibrium by Lemke–Howson paths. */
  public List<Equilibrium> solve(StrategicGame g) {
    Polytopes start = new Polytopes(g);
    List<Equilibrium> out = new ArrayList<>();
    Set<List<Rational>> seen = new HashSet<>();
    Deque<Polytopes> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      Polytopes from = todo.pop();
      List<Polytopes> next = new ArrayList<>();
      for (int k = 0; k < start.labels(); k++) {
        Polytopes p = from.copy();
        p.path(k);
        List<Rational> profile = p.profile();
        if (profile != null && seen.add(profile)) {
          out.add(new Equilibrium(profile, EquilibriumChecker.payoffs(g, profile)));
          next.add(p);
        }
      }
      // depth first, in the order of the labels
      for (int i = next.size() - 1; i >= 0; i--) {
        todo.push(next.get(i));
      }
    }
    return out;
  }

  /**
   * The equilibrium at the end of the Lemke–Howson path from the artificial equilibrium that
   * drops {@code label} (0-based: player 1's strategies, then player 2's).
   */
  public static Equilibrium fromLabel(StrategicGame g, int label) {
    Polytopes p = new Polytopes(strategic(g));
    if (label < 0 || label >= p.labels()) {
      throw new IllegalArgumentException("label " + label + " out of range");
    }
    p.path(label);
    List<Rational> profile = p.profile();
    return new Equilibrium(profile, EquilibriumChecker.payoffs(g, profile));
  }

  private static StrategicGame strategic(Game game) {
    if (game.numPlayers() != 2) {
      throw new IllegalArgumentException("lcp needs a two-player game");
    }
    if (!(game instanceof StrategicGame g)) {
      throw new IllegalArgumentException(
          "lcp needs a strategic game (.nfg) or a two-player tree (.efg)");
    }
    return g;
  }

  /**
   * The two tableaux. P: rows s_j + sum_i B[i][j] x_i = 1, variable i is x_i (label i), variable
   * m+j is s_j (label m+j). Q: rows r_i + sum_j A[i][j] y_j = 1, variable i is r_i (label i),
   * variable m+j is y_j (label m+j). A variable's number is its label in both.
   */
  private static final class Polytopes {
    final int m;
    final int n;
    final IntegerTableau p;
    final IntegerTableau q;
    final int[] pLex;
    final int[] qLex;

    Polytopes(StrategicGame g) {
      m = g.numStrategies(0);
      n = g.numStrategies(1);
      Rational[][] a = new Rational[m][n];
      Rational[][] b = new Rational[m][n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          int prof = g.profileIndex(new int[] {i, j});
          a[i][j] = g.payoff(prof, 0);
          b[i][j] = g.payoff(prof, 1);
        }
      }
      BigInteger[][] ai = IntegerTableau.integerMatrix(a, IntegerTableau.positiveShift(a));
      BigInteger[][] bi = IntegerTableau.integerMatrix(b, IntegerTableau.positiveShift(b));
      int cols = m + n;
      BigInteger[][] pt = new BigInteger[n][cols + 1];
      int[] pBasic = new int[n];
      for (int j = 0; j < n; j++) {
        for (int c = 0; c < cols; c++) {
          pt[j][c] = c < m ? bi[c][j] : c == m + j ? BigInteger.ONE : BigInteger.ZERO;
        }
        pt[j][cols] = BigInteger.ONE;
        pBasic[j] = m + j;
      }
      BigInteger[][] qt = new BigInteger[m][cols + 1];
      int[] qBasic = new int[m];
      for (int i = 0; i < m; i++) {
        for (int c = 0; c < cols; c++) {
          qt[i][c] = c >= m ? ai[i][c - m] : c == i ? BigInteger.ONE : BigInteger.ZERO;
        }
        qt[i][cols] = BigInteger.ONE;
        qBasic[i] = i;
      }
      p = new IntegerTableau(pt, pBasic, n);
      q = new IntegerTableau(qt, qBasic, m);
      pLex = new int[n];
      for (int j = 0; j < n; j++) {
        pLex[j] = m + j;
      }
      qLex = new int[m];
      for (int i = 0; i < m; i++) {
        qLex[i] = i;
      }
    }

    private Polytopes(Polytopes o) {
      m = o.m;
      n = o.n;
      p = o.p.copy();
      q = o.q.copy();
      pLex = o.pLex;
      qLex = o.qLex;
    }

    Polytopes copy() {
      return new Polytopes(this);
    }

    int labels() {
      return m + n;
    }

    /** Drops label {@code k} and pivots complementarily until label k is picked up again. */
    void path(int k) {
      // exactly one of the two variables of each label is basic: enter the nonbasic one
      boolean inP = p.rowOf(k) < 0;
      int entering = k;
      while (true) {
        Deadline.check();
        IntegerTableau t = inP ? p : q;
        int row = t.lexMinRatioRow(entering, inP ? pLex : qLex);
        if (row < 0) {
          throw new IllegalStateException("Lemke-Howson: unbounded ray (cannot happen)");
        }
        int leaving = t.basic[row];
        t.pivot(row, entering);
        if (leaving == k) {
          return;
        }
        entering = leaving;
        inP = !inP;
      }
    }

    /** The normalised profile, or null at the artificial equilibrium. */
    List<Rational> profile() {
      List<Rational> x = part(p, 0, m);
      List<Rational> y = part(q, m, n);
      if (x == null || y == null) {
        return null;
      }
      List<Rational> out = new ArrayList<>(x);
      out.addAll(y);
      return out;
    }

    private static List<Rational> part(IntegerTableau t, int first, int count) {
      BigInteger[] v = new BigInteger[count];
      BigInteger sum = BigInteger.ZERO;
      for (int c = 0; c < count; c++) {
        int row = t.rowOf(first + c);
        v[c] = row < 0 ? BigInteger.ZERO : t.rhs(row);
        sum = sum.add(v[c]);
      }
      if (sum.signum() == 0) {
        return null;
      }
      List<Rational> out = new ArrayList<>(count);
      for (BigInteger b : v) {
        out.add(Rational.of(b, sum));
      }
      return out;
    }
  }
}
