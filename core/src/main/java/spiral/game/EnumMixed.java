package spiral.game;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gambit's {@code enummixed}: all extreme Nash equilibria of a two-player strategic game, exact.
 * After shifting payoffs to be positive, the equilibria are the completely labelled pairs of
 * vertices of the best-response polytopes P = {x >= 0 : B'x <= 1} and Q = {y >= 0 : Ay <= 1}
 * (Mangasarian 1964; von Stengel, "Computing equilibria for two-person games", Handbook of Game
 * Theory 3, 2002, sec. 3). Vertices are enumerated over all bases (choices of tight constraints);
 * a floating-point solve screens each basis, a basis whose constraints all hold at a vertex
 * already found is skipped, a basis the screen finds singular is confirmed singular modulo two
 * large primes, and every remaining basis is solved and checked in exact arithmetic, so
 * degenerate games (several bases per vertex, vertices paired with several) are handled exactly.
 * The screens could only lose a vertex on a basis that is ill-conditioned in floating point.
 * Cost: C(m+n, m) small linear solves per polytope plus one exact solve per feasible basis, then
 * (vertices of P) x (vertices of Q) label tests. There is no fixed limit on the number of bases:
 * the current {@link Deadline} is checked at each. A two-player tree is solved
 * on its {@link ReducedStrategicForm reduced strategic form}, as Gambit does; the profiles are then
 * mixed strategies over reduced strategies.
 */
public final class EnumMixed implements EquilibriumSolver {

  @Override
  public String name() {
    return "enummixed";
  }

  @Override
  public List<Equilibrium> solve(Game game) {
    if (game instanceof ExtensiveGame e) {
      if (e.numPlayers() != 2) {
        throw new IllegalArgumentException("enummixed needs a two-player game");
      }
      return solve(ReducedStrategicForm.of(e));
    }
    return solve((StrategicGame) game);
  }

  /**
   * A vertex of a polytope: coordinates and the bit set of its labels (label {@code l} is bit
   * {@code l % 64} of word {@code l / 64}: no fixed limit on the number of strategies).
   */
  private record Vertex(Rational[] z, long[] labels) {}

  private static void set(long[] bits, int label) {
    bits[label >>> 6] |= 1L << (label & 63);
  }

  /** All extreme equilibria of a two-player strategic game. */
  public List<Equilibrium> solve(StrategicGame g) {
    if (g.numPlayers() != 2) {
      throw new IllegalArgumentException("enummixed needs a two-player game");
    }
    int m = g.numStrategies(0);
    int n = g.numStrategies(1);
    Rational min0 = null;
    Rational min1 = null;
    for (int p = 0; p < g.numProfiles(); p++) {
      min0 = min0 == null ? g.payoff(p, 0) : min0.min(g.payoff(p, 0));
      min1 = min1 == null ? g.payoff(p, 1) : min1.min(g.payoff(p, 1));
    }
    Rational shift0 = Rational.ONE.subtract(min0);
    Rational shift1 = Rational.ONE.subtract(min1);
    // P: variables x (m), rows j in N: sum_i B[i][j] x_i <= 1; labels: x_i = 0 -> i, row j -> m+j
    Rational[][] bt = new Rational[n][m];
    // Q: variables y (n), rows i in M: sum_j A[i][j] y_j <= 1; labels: row i -> i, y_j = 0 -> m+j
    Rational[][] a = new Rational[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        int p = g.profileIndex(new int[] {i, j});
        a[i][j] = g.payoff(p, 0).add(shift0);
        bt[j][i] = g.payoff(p, 1).add(shift1);
      }
    }
    int[] pVar = new int[m];
    int[] pRow = new int[n];
    for (int i = 0; i < m; i++) {
      pVar[i] = i;
    }
    for (int j = 0; j < n; j++) {
      pRow[j] = m + j;
    }
    int[] qVar = new int[n];
    int[] qRow = new int[m];
    for (int j = 0; j < n; j++) {
      qVar[j] = m + j;
    }
    for (int i = 0; i < m; i++) {
      qRow[i] = i;
    }
    int words = (m + n + 63) >>> 6;
    List<Vertex> px = vertices(bt, pVar, pRow, words);
    List<Vertex> qy = vertices(a, qVar, qRow, words);
    long[] all = new long[words];
    for (int l = 0; l < m + n; l++) {
      set(all, l);
    }
    List<Equilibrium> out = new ArrayList<>();
    for (Vertex vx : px) {
      Deadline.check();
      for (Vertex vy : qy) {
        if (complete(vx.labels, vy.labels, all)) {
          List<Rational> prof = new ArrayList<>();
          prof.addAll(normalise(vx.z));
          prof.addAll(normalise(vy.z));
          out.add(new Equilibrium(prof, EquilibriumChecker.payoffs(g, prof)));
        }
      }
    }
    return out;
  }

  /** Whether the two label sets together hold every label. */
  private static boolean complete(long[] x, long[] y, long[] all) {
    for (int w = 0; w < all.length; w++) {
      if ((x[w] | y[w]) != all[w]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code labels} holds every label of {@code mask}. */
  private static boolean covers(long[] labels, long[] mask) {
    for (int w = 0; w < mask.length; w++) {
      if ((labels[w] & mask[w]) != mask[w]) {
        return false;
      }
    }
    return true;
  }

  private static List<Rational> normalise(Rational[] z) {
    Rational s = Rational.ZERO;
    for (Rational r : z) {
      s = s.add(r);
    }
    List<Rational> l = new ArrayList<>();
    for (Rational r : z) {
      l.add(r.divide(s));
    }
    return l;
  }

  /**
   * Non-zero vertices of {z >= 0 : M z <= 1} (M positive, k rows by d columns): for every choice
   * of r rows and r free variables (the others zero), solve the square system.
   */
  private static List<Vertex> vertices(
      Rational[][] mat, int[] varLabel, int[] rowLabel, int words) {
    int k = mat.length;
    int d = varLabel.length;
    double[][] md = new double[k][d];
    double scale = 0;
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < d; c++) {
        md[r][c] = mat[r][c].doubleValue();
        scale = Math.max(scale, Math.abs(md[r][c]));
      }
    }
    long[][][] mod = new long[PRIMES.length][][];
    for (int q = 0; q < PRIMES.length; q++) {
      mod[q] = modular(mat, PRIMES[q]);
    }
    List<Vertex> out = new ArrayList<>();
    Set<List<Rational>> seen = new HashSet<>();
    int maxR = Math.min(k, d);
    for (int r = 1; r <= maxR; r++) {
      int[] rows = first(r);
      do {
        int[] cols = first(r);
        do {
          Deadline.check();
          basis(mat, md, mod, scale, rows, cols, varLabel, rowLabel, words, out, seen);
        } while (next(cols, d));
      } while (next(rows, k));
    }
    return out;
  }

  private static int[] first(int r) {
    int[] c = new int[r];
    for (int i = 0; i < r; i++) {
      c[i] = i;
    }
    return c;
  }

  private static boolean next(int[] c, int n) {
    int r = c.length;
    int i = r - 1;
    while (i >= 0 && c[i] == n - r + i) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    c[i]++;
    for (int j = i + 1; j < r; j++) {
      c[j] = c[j - 1] + 1;
    }
    return true;
  }

  private static final double TOL = 1e-7;

  private static void basis(
      Rational[][] mat,
      double[][] md,
      long[][][] mod,
      double scale,
      int[] rows,
      int[] cols,
      int[] varLabel,
      int[] rowLabel,
      int words,
      List<Vertex> out,
      Set<List<Rational>> seen) {
    int r = rows.length;
    int d = varLabel.length;
    // floating-point screen
    double[][] s = new double[r][r + 1];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        s[i][j] = md[rows[i]][cols[j]] / scale;
      }
      s[i][r] = 1 / scale;
    }
    double[] zf = solveDouble(s);
    if (zf != null) {
      double zmax = 0;
      for (double v : zf) {
        zmax = Math.max(zmax, Math.abs(v));
      }
      for (double v : zf) {
        if (v < -TOL * zmax) {
          return;
        }
      }
      double[] z = new double[d];
      for (int j = 0; j < r; j++) {
        z[cols[j]] = zf[j];
      }
      for (double[] row : md) {
        double v = 0;
        for (int c = 0; c < d; c++) {
          v += row[c] * z[c];
        }
        if (v > 1 + TOL) {
          return;
        }
      }
    }
    // A basis whose tight constraints all hold at a vertex already found determines that
    // vertex (or is singular): either way nothing new, and no exact solve is needed.
    long[] mask = new long[words];
    for (int row : rows) {
      set(mask, rowLabel[row]);
    }
    boolean[] free = new boolean[d];
    for (int c : cols) {
      free[c] = true;
    }
    for (int c = 0; c < d; c++) {
      if (!free[c]) {
        set(mask, varLabel[c]);
      }
    }
    for (Vertex v : out) {
      if (covers(v.labels, mask)) {
        return;
      }
    }
    if (zf == null && singularModular(mod, rows, cols)) {
      return;
    }
    // exact
    Rational[][] e = new Rational[r][r + 1];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        e[i][j] = mat[rows[i]][cols[j]];
      }
      e[i][r] = Rational.ONE;
    }
    Rational[] ze = solveExact(e);
    if (ze == null) {
      return;
    }
    Rational[] z = new Rational[d];
    java.util.Arrays.fill(z, Rational.ZERO);
    for (int j = 0; j < r; j++) {
      if (ze[j].signum() < 0) {
        return;
      }
      z[cols[j]] = ze[j];
    }
    long[] labels = new long[words];
    for (int c = 0; c < d; c++) {
      if (z[c].isZero()) {
        set(labels, varLabel[c]);
      }
    }
    for (int i = 0; i < mat.length; i++) {
      Rational v = Rational.ZERO;
      for (int c = 0; c < d; c++) {
        if (!z[c].isZero()) {
          v = v.add(mat[i][c].multiply(z[c]));
        }
      }
      int cmp = v.compareTo(Rational.ONE);
      if (cmp > 0) {
        return;
      }
      if (cmp == 0) {
        set(labels, rowLabel[i]);
      }
    }
    if (seen.add(List.of(z))) {
      out.add(new Vertex(z, labels));
    }
  }

  /** Two primes below 2^31: a matrix singular modulo both is taken as singular. */
  private static final long[] PRIMES = {2147483629L, 2147483587L};

  /** The matrix's entries modulo p, or null where a denominator is divisible by p. */
  private static long[][] modular(Rational[][] mat, long p) {
    java.math.BigInteger bp = java.math.BigInteger.valueOf(p);
    long[][] out = new long[mat.length][];
    for (int i = 0; i < mat.length; i++) {
      out[i] = new long[mat[i].length];
      for (int j = 0; j < mat[i].length; j++) {
        long den = mat[i][j].denominator().mod(bp).longValue();
        if (den == 0) {
          return null;
        }
        long num = mat[i][j].numerator().mod(bp).longValue();
        out[i][j] = num * inverse(den, p) % p;
      }
    }
    return out;
  }

  private static long inverse(long a, long p) {
    long result = 1;
    long base = a % p;
    long e = p - 2;
    while (e > 0) {
      if ((e & 1) == 1) {
        result = result * base % p;
      }
      base = base * base % p;
      e >>= 1;
    }
    return result;
  }

  /**
   * Whether the square submatrix is singular modulo every prime. A matrix that is nonsingular
   * over the rationals is singular modulo p only when p divides its determinant, so a matrix
   * singular modulo two large primes is, short of a coincidence, singular; the floating-point
   * screen has already found it (nearly) singular.
   */
  private static boolean singularModular(long[][][] mod, int[] rows, int[] cols) {
    int r = rows.length;
    for (int q = 0; q < mod.length; q++) {
      if (mod[q] == null) {
        return false;
      }
      long p = PRIMES[q];
      long[][] a = new long[r][r];
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < r; j++) {
          a[i][j] = mod[q][rows[i]][cols[j]];
        }
      }
      boolean singular = false;
      for (int c = 0; c < r && !singular; c++) {
        int piv = -1;
        for (int i = c; i < r; i++) {
          if (a[i][c] != 0) {
            piv = i;
            break;
          }
        }
        if (piv < 0) {
          singular = true;
          break;
        }
        long[] t = a[c];
        a[c] = a[piv];
        a[piv] = t;
        long inv = inverse(a[c][c], p);
        for (int i = c + 1; i < r; i++) {
          if (a[i][c] != 0) {
            long f = a[i][c] * inv % p;
            for (int j = c; j < r; j++) {
              a[i][j] = Math.floorMod(a[i][j] - f * a[c][j] % p, p);
            }
          }
        }
      }
      if (!singular) {
        return false;
      }
    }
    return true;
  }

  /** Gaussian elimination with partial pivoting; null when (nearly) singular. */
  private static double[] solveDouble(double[][] s) {
    int r = s.length;
    for (int c = 0; c < r; c++) {
      int piv = c;
      for (int i = c + 1; i < r; i++) {
        if (Math.abs(s[i][c]) > Math.abs(s[piv][c])) {
          piv = i;
        }
      }
      if (Math.abs(s[piv][c]) < 1e-11) {
        return null;
      }
      double[] t = s[c];
      s[c] = s[piv];
      s[piv] = t;
      for (int i = c + 1; i < r; i++) {
        double f = s[i][c] / s[c][c];
        if (f != 0) {
          for (int j = c; j <= r; j++) {
            s[i][j] -= f * s[c][j];
          }
        }
      }
    }
    double[] z = new double[r];
    for (int i = r - 1; i >= 0; i--) {
      double v = s[i][r];
      for (int j = i + 1; j < r; j++) {
        v -= s[i][j] * z[j];
      }
      z[i] = v / s[i][i];
    }
    return z;
  }

  /** Exact Gaussian elimination; null when singular. */
  private static Rational[] solveExact(Rational[][] e) {
    int r = e.length;
    for (int c = 0; c < r; c++) {
      int piv = -1;
      for (int i = c; i < r; i++) {
        if (!e[i][c].isZero()) {
          piv = i;
          break;
        }
      }
      if (piv < 0) {
        return null;
      }
      Rational[] t = e[c];
      e[c] = e[piv];
      e[piv] = t;
      for (int i = c + 1; i < r; i++) {
        if (!e[i][c].isZero()) {
          Rational f = e[i][c].divide(e[c][c]);
          for (int j = c; j <= r; j++) {
            e[i][j] = e[i][j].subtract(f.multiply(e[c][j]));
          }
        }
      }
    }
    Rational[] z = new Rational[r];
    for (int i = r - 1; i >= 0; i--) {
      Rational v = e[i][r];
      for (int j = i + 1; j < r; j++) {
        v = v.subtract(e[i][j].multiply(z[j]));
      }
      z[i] = v.divide(e[i][i]);
    }
    return z;
  }
}
