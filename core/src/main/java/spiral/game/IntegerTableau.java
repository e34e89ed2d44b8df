package spiral.game;

import java.math.BigInteger;

/**
 * A simplex tableau over the integers with fraction-free pivoting (Edmonds 1967; the "integer
 * pivoting" of von Stengel, "Computing equilibria for two-person games", Handbook of Game Theory
 * 3, 2002, sec. 4): the tableau holds {@code det} times the rational tableau, where {@code det} is
 * the determinant of the current basis (its absolute value), so that every division is exact
 * and no gcd is ever taken. A basic variable's value is its row's right-hand side divided by {@code det}. Each pivot
 * costs O(rows x columns) big-integer products. Used by {@link LemkeHowson}, {@link
 * LemkeSequenceForm}, {@link SequenceFormLp} and {@link ZeroSumLp}.
 */
final class IntegerTableau {
  /** rows x (columns + 1); the last column is the right-hand side. */
  final BigInteger[][] t;
  /** The variable basic in each row (-1 for a row that is never pivoted on, such as an objective). */
  final int[] basic;
  /** Number of rows that take part in ratio tests (the first ones). */
  final int constraintRows;

  final int columns;
  BigInteger det = BigInteger.ONE;

  IntegerTableau(BigInteger[][] t, int[] basic, int constraintRows) {
    this.t = t;
    this.basic = basic;
    this.constraintRows = constraintRows;
    this.columns = t[0].length - 1;
  }

  IntegerTableau copy() {
    BigInteger[][] c = new BigInteger[t.length][];
    for (int i = 0; i < t.length; i++) {
      c[i] = t[i].clone();
    }
    IntegerTableau out = new IntegerTableau(c, basic.clone(), constraintRows);
    out.det = det;
    return out;
  }

  BigInteger rhs(int row) {
    return t[row][columns];
  }

  /** The row where {@code var} is basic, or -1. */
  int rowOf(int var) {
    for (int i = 0; i < basic.length; i++) {
      if (basic[i] == var) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Fraction-free pivot on ({@code row}, {@code col}): the pivot element must be positive. Every
   * other row becomes (row * pivot - row[col] * pivotRow) / det, an exact division. The columns
   * of the other basic variables are not computed: they stay det times unit vectors.
   */
  void pivot(int row, int col) {
    if (t[row][col].signum() <= 0) {
      throw new IllegalStateException("pivot element must be positive");
    }
    eliminate(row, col);
  }

  /**
   * Fraction-free pivot on ({@code row}, {@code col}) with a pivot element of either sign (not
   * zero): after a negative pivot every row is negated, which keeps {@code det} positive and the
   * tableau equal to det times the rational one.
   */
  void pivotAnySign(int row, int col) {
    BigInteger p = t[row][col];
    if (p.signum() == 0) {
      throw new IllegalStateException("pivot element must not be zero");
    }
    eliminate(row, col);
    if (p.signum() < 0) {
      for (BigInteger[] r : t) {
        for (int j = 0; j <= columns; j++) {
          r[j] = r[j].negate();
        }
      }
      det = p.negate();
    }
  }

  private void eliminate(int row, int col) {
    BigInteger p = t[row][col];
    BigInteger[] pr = t[row];
    boolean unitDet = det.equals(BigInteger.ONE);
    boolean[] unit = new boolean[columns + 1];
    for (int i = 0; i < basic.length; i++) {
      if (i != row && basic[i] >= 0) {
        unit[basic[i]] = true;
      }
    }
    for (int i = 0; i < t.length; i++) {
      if (i == row) {
        continue;
      }
      BigInteger[] r = t[i];
      BigInteger f = r[col];
      boolean same = f.signum() == 0 && p.equals(det);
      if (same) {
        continue; // (row * det) / det
      }
      for (int j = 0; j <= columns; j++) {
        if (unit[j]) {
          continue;
        }
        BigInteger v = r[j].multiply(p);
        if (f.signum() != 0 && pr[j].signum() != 0) {
          v = v.subtract(f.multiply(pr[j]));
        }
        r[j] = unitDet ? v : v.divide(det);
      }
    }
    for (int i = 0; i < basic.length; i++) {
      if (i != row && basic[i] >= 0) {
        t[i][basic[i]] = p;
      }
    }
    det = p;
    basic[row] = col;
  }

  /**
   * The leaving row for entering column {@code col} by the lexicographic minimum-ratio rule: among
   * the constraint rows with a positive entry, the least ratio of right-hand side to entry, ties
   * broken by the ratios in the columns {@code lexCols} (the initial identity basis, whose columns
   * hold det times the basis inverse), in order. The rule keeps every basis lexicographically
   * feasible and so never cycles, even in degenerate problems. Returns -1 when no entry is
   * positive (an unbounded ray).
   */
  int lexMinRatioRow(int col, int[] lexCols) {
    return lexRatioRow(col, lexCols, false);
  }

  /**
   * As {@link #lexMinRatioRow}, but ties in the right-hand side's ratio are broken by the
   * <em>largest</em> ratio in each column of {@code lexCols} in turn when {@code largest}: the
   * rule of Gambit's Lemke–Howson tableau, which amounts to perturbing the right-hand side by
   * minus (e, e^2, ...) rather than plus. Both rules are lexicographic and never cycle; on a
   * degenerate game they can follow different paths.
   */
  int lexRatioRow(int col, int[] lexCols, boolean largest) {
    int best = -1;
    for (int i = 0; i < constraintRows; i++) {
      if (t[i][col].signum() <= 0) {
        continue;
      }
      if (best < 0 || lexBefore(i, best, col, lexCols, largest)) {
        best = i;
      }
    }
    return best;
  }

  private boolean lexBefore(int i, int k, int col, int[] lexCols, boolean largest) {
    BigInteger ai = t[i][col];
    BigInteger ak = t[k][col];
    int c = t[i][columns].multiply(ak).compareTo(t[k][columns].multiply(ai));
    if (c != 0) {
      return c < 0;
    }
    for (int j : lexCols) {
      c = t[i][j].multiply(ak).compareTo(t[k][j].multiply(ai));
      if (c != 0) {
        return largest ? c > 0 : c < 0;
      }
    }
    return false;
  }

  /**
   * Runs the simplex method with Bland's rule to optimality on objective row {@code obj}: the
   * entering column is the first of columns 0 to {@code limit - 1} with a negative entry in that
   * row, the leaving row is {@link #blandRow}. Checks the solver's {@link Deadline} each pivot.
   *
   * @throws IllegalStateException if the program is unbounded
   */
  void simplexBland(int obj, int limit) {
    while (true) {
      Deadline.check();
      int entering = -1;
      for (int c = 0; c < limit; c++) {
        if (t[obj][c].signum() < 0) {
          entering = c;
          break;
        }
      }
      if (entering < 0) {
        return;
      }
      int row = blandRow(entering);
      if (row < 0) {
        throw new IllegalStateException("lp: unbounded (cannot happen with positive payoffs)");
      }
      pivot(row, entering);
    }
  }

  /**
   * The leaving row by Bland's rule: the least ratio of right-hand side to a positive entry, ties
   * broken by the smallest basic variable; -1 when no entry is positive.
   */
  int blandRow(int col) {
    int best = -1;
    for (int i = 0; i < constraintRows; i++) {
      if (t[i][col].signum() <= 0) {
        continue;
      }
      if (best < 0) {
        best = i;
        continue;
      }
      int c = t[i][columns].multiply(t[best][col]).compareTo(t[best][columns].multiply(t[i][col]));
      if (c < 0 || c == 0 && basic[i] < basic[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Integer matrix {@code scale * (entries + shift)} where {@code scale} is the least common
   * denominator: a positive multiple of the shifted matrix, so that its polytopes and equilibria
   * are those of the shifted one up to scaling.
   */
  static BigInteger[][] integerMatrix(Rational[][] entries, Rational shift) {
    BigInteger lcm = BigInteger.ONE;
    Rational[][] s = new Rational[entries.length][];
    for (int i = 0; i < entries.length; i++) {
      s[i] = new Rational[entries[i].length];
      for (int j = 0; j < entries[i].length; j++) {
        s[i][j] = entries[i][j].add(shift);
        BigInteger d = s[i][j].denominator();
        lcm = lcm.divide(lcm.gcd(d)).multiply(d);
      }
    }
    BigInteger[][] out = new BigInteger[entries.length][];
    for (int i = 0; i < entries.length; i++) {
      out[i] = new BigInteger[entries[i].length];
      for (int j = 0; j < entries[i].length; j++) {
        out[i][j] = s[i][j].numerator().multiply(lcm.divide(s[i][j].denominator()));
      }
    }
    return out;
  }

  /** 1 minus the least entry: the shift that makes every entry at least 1. */
  static Rational positiveShift(Rational[][] entries) {
    Rational min = null;
    for (Rational[] row : entries) {
      for (Rational r : row) {
        min = min == null ? r : min.min(r);
      }
    }
    return Rational.ONE.subtract(min);
  }
}
