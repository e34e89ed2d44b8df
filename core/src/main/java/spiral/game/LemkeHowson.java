package spiral.game;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gambit's {@code lcp} on a two-player strategic game: the Lemke–Howson algorithm (Lemke and
 * Howson, "Equilibrium points of bimatrix games", SIAM J. Appl. Math. 12, 1964), exact.
 *
 * <p>After shifting payoffs so that every entry is positive (and scaling them to integers), the
 * equilibria are the completely labelled pairs of the best-response polytopes P = {x >= 0 : B'x
 * <= 1} and Q = {y >= 0 : Ay <= 1}; labels 1..m are player 1's strategies (x_i = 0 or row i of Ay
 * tight), m+1..m+n player 2's. From a completely labelled pair, dropping one label and
 * complementary pivoting alternately in the two systems follows a path that ends at another
 * completely labelled pair (von Stengel, "Computing equilibria for two-person games", Handbook of
 * Game Theory 3, 2002, sec. 3.4). Pivoting is fraction-free over the integers ({@link
 * IntegerTableau}) and the leaving variable is chosen by a lexicographic minimum-ratio rule, so
 * degenerate games are handled exactly and without cycling; every equilibrium found is a pair of
 * vertices, hence an extreme equilibrium.
 *
 * <p>{@link #solve(StrategicGame, int, int)} makes the same search as Gambit 17's {@code
 * gambit-lcp} on a strategic game, so that it prints the same lines in the same order: the same
 * payoff shift (every payoff minus the least of 0 and the least payoff of either player, plus 1),
 * the same tie-break in the ratio test (ties in the ratio broken by the largest ratio in the
 * columns of the initial basis, player 1's strategies first in Q and player 2's in P), and the
 * same depth-first search: from the artificial equilibrium (0, 0) it follows the path of label 1,
 * and from the equilibrium at its end at once the paths of every label but the one that led there,
 * recursively, before label 2 of the artificial equilibrium, and so on. A basis is recognised by
 * its set of basic strategy variables: a basis met before ends that branch; so does the
 * artificial one. A degenerate game's equilibrium can have several bases: it is then printed once
 * for each basis reached, as Gambit prints it. The equilibria found are those connected to the
 * artificial one by Lemke–Howson paths (not necessarily all of them: Shapley 1974). With a limit
 * of 1 equilibrium only the path of label 1 is followed, as in Gambit. {@link #fromLabel} follows
 * a single path. Cost: one path is O(pivots x (m+n) x max(m, n)) big-integer operations, with
 * pivots exponential in the worst case (Savani and von Stengel 2006) but few in practice; the
 * search follows at most m+n paths per basis found.
 */
public final class LemkeHowson implements EquilibriumSolver {
  @Override
  public String name() {
    return "lcp";
  }

  /**
   * On a strategic game, the equilibria described in the class comment (no limit); on a
   * two-player tree, the one equilibrium of Lemke's algorithm on its sequence form ({@link
   * LemkeSequenceForm}).
   */
  @Override
  public List<Equilibrium> solve(Game game) {
    if (game instanceof ExtensiveGame && game.numPlayers() == 2) {
      return new LemkeSequenceForm().solve(game);
    }
    return solve(strategic(game));
  }

  /** The equilibria connected to the artificial equilibrium by Lemke–Howson paths, in Gambit's order. */
  public List<Equilibrium> solve(StrategicGame g) {
    return solve(g, 0, 0);
  }

  /**
   * Gambit's search ({@code gambit-lcp -e stopAfter -r maxDepth}): stops after {@code stopAfter}
   * equilibria (0: no limit; 1: only the path of label 1) and does not follow paths from bases
   * more than {@code maxDepth} paths away from the artificial equilibrium (0: no limit).
   */
  public List<Equilibrium> solve(StrategicGame g, int stopAfter, int maxDepth) {
    if (stopAfter < 0 || maxDepth < 0) {
      throw new IllegalArgumentException("the limits must be 0 (none) or more");
    }
    Polytopes start = new Polytopes(strategic(g));
    List<Equilibrium> out = new ArrayList<>();
    if (stopAfter == 1) {
      start.path(0);
      List<Rational> profile = start.profile();
      if (profile != null) {
        out.add(new Equilibrium(profile, EquilibriumChecker.payoffs(g, profile)));
      }
      return out;
    }
    Set<BitSet> seen = new HashSet<>();
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(start, -1));
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      if (f.next == f.label) {
        f.next++;
      }
      if (f.next >= start.labels()) {
        stack.pop();
        continue;
      }
      Polytopes p = f.at.copy();
      int label = f.next++;
      p.path(label);
      int depth = stack.size();
      if (maxDepth != 0 && depth > maxDepth) {
        continue;
      }
      if (!seen.add(p.key())) {
        continue;
      }
      List<Rational> profile = p.profile();
      if (profile == null) {
        continue; // the artificial equilibrium
      }
      out.add(new Equilibrium(profile, EquilibriumChecker.payoffs(g, profile)));
      if (stopAfter > 0 && out.size() >= stopAfter) {
        break;
      }
      stack.push(new Frame(p, label));
    }
    return out;
  }

  /** A basis of the search and the next label to follow from it ({@code label}: how it was reached). */
  private static final class Frame {
    final Polytopes at;
    final int label;
    int next;

    Frame(Polytopes at, int label) {
      this.at = at;
      this.label = label;
    }
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
      // Gambit's shift, common to both players: 1 - min(0, least payoff)
      Rational least = Rational.ZERO;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          least = least.min(a[i][j]).min(b[i][j]);
        }
      }
      Rational shift = Rational.ONE.subtract(least);
      BigInteger[][] ai = IntegerTableau.integerMatrix(a, shift);
      BigInteger[][] bi = IntegerTableau.integerMatrix(b, shift);
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
        int row = t.lexRatioRow(entering, inP ? pLex : qLex, true);
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

    /** The basic strategy variables (x_i in P, y_j in Q): the basis, at a completely labelled pair. */
    BitSet key() {
      BitSet k = new BitSet(m + n);
      for (int v : p.basic) {
        if (v >= 0 && v < m) {
          k.set(v);
        }
      }
      for (int v : q.basic) {
        if (v >= m) {
          k.set(v);
        }
      }
      return k;
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
