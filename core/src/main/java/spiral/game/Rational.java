package spiral.game;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact rational number over {@link BigInteger}: immutable, always in lowest terms with a
 * positive denominator, so that {@link #equals} is numeric equality. Prints as Gambit does:
 * {@code 3/4}, {@code 1}, {@code -2/5}. Arithmetic costs one gcd per operation.
 */
public final class Rational implements Comparable<Rational> {
  /** Zero. */
  public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
  /** One. */
  public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

  private final BigInteger num;
  private final BigInteger den;

  private Rational(BigInteger num, BigInteger den) {
    this.num = num;
    this.den = den;
  }

  /** The rational {@code num/den}, normalised; throws {@link ArithmeticException} if den is 0. */
  public static Rational of(BigInteger num, BigInteger den) {
    if (den.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    if (num.signum() == 0) {
      return ZERO;
    }
    BigInteger g = num.gcd(den);
    if (!g.equals(BigInteger.ONE)) {
      num = num.divide(g);
      den = den.divide(g);
    }
    return new Rational(num, den);
  }

  /** The rational {@code num/den}. */
  public static Rational of(long num, long den) {
    return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
  }

  /** The integer {@code n}. */
  public static Rational of(long n) {
    return n == 0 ? ZERO : n == 1 ? ONE : new Rational(BigInteger.valueOf(n), BigInteger.ONE);
  }

  /** The integer {@code n}. */
  public static Rational of(BigInteger n) {
    return new Rational(n, BigInteger.ONE);
  }

  /**
   * The largest decimal exponent beyond the text's own digits a number may have: a written
   * exponent such as {@code 1e-999999999} would otherwise make a power of ten of a billion digits
   * (minutes of work and hundreds of megabytes for a dozen characters).
   */
  static final int MAX_EXPONENT = 1000;

  /**
   * Parses {@code "3/4"}, {@code "-2"}, {@code "0.25"}, {@code ".5"}, {@code "1e-3"} exactly.
   *
   * @throws NumberFormatException if the text is not a number, or its exponent makes it longer
   *     than {@link #MAX_EXPONENT} digits beyond the text's length
   */
  public static Rational parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    try {
      if (slash >= 0) {
        BigInteger n = new BigInteger(stripPlus(s.substring(0, slash)));
        String d = s.substring(slash + 1);
        if (d.startsWith("+") || d.startsWith("-")) {
          throw new NumberFormatException("bad denominator");
        }
        BigInteger dd = new BigInteger(d);
        if (dd.signum() == 0) {
          throw new NumberFormatException("zero denominator in " + text);
        }
        return of(n, dd);
      }
      if (s.isEmpty() || s.endsWith(".") && s.length() == 1) {
        throw new NumberFormatException("empty number");
      }
      BigDecimal b = new BigDecimal(s);
      if (Math.abs((long) b.scale()) > MAX_EXPONENT + s.length()) {
        throw new NumberFormatException("exponent out of range: " + text);
      }
      return of(b);
    } catch (NumberFormatException e) {
      throw new NumberFormatException(e.getMessage() != null
          && e.getMessage().startsWith("exponent out of range") ? e.getMessage()
          : "not a number: " + text);
    }
  }

  private static String stripPlus(String s) {
    return s.startsWith("+") ? s.substring(1) : s;
  }

  /** The exact value of a decimal. */
  public static Rational of(BigDecimal b) {
    if (b.scale() <= 0) {
      return of(b.toBigIntegerExact());
    }
    return of(b.unscaledValue(), BigInteger.TEN.pow(b.scale()));
  }

  /** Numerator (sign carrier). */
  public BigInteger numerator() {
    return num;
  }

  /** Denominator, always positive. */
  public BigInteger denominator() {
    return den;
  }

  public Rational add(Rational o) {
    if (o.num.signum() == 0) {
      return this;
    }
    if (num.signum() == 0) {
      return o;
    }
    if (den.equals(o.den)) {
      return of(num.add(o.num), den);
    }
    return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  public Rational subtract(Rational o) {
    return add(o.negate());
  }

  public Rational multiply(Rational o) {
    if (num.signum() == 0 || o.num.signum() == 0) {
      return ZERO;
    }
    return of(num.multiply(o.num), den.multiply(o.den));
  }

  /** Quotient; throws {@link ArithmeticException} when dividing by zero. */
  public Rational divide(Rational o) {
    if (o.num.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return of(num.multiply(o.den), den.multiply(o.num));
  }

  public Rational negate() {
    return num.signum() == 0 ? this : new Rational(num.negate(), den);
  }

  /** -1, 0 or 1. */
  public int signum() {
    return num.signum();
  }

  public boolean isZero() {
    return num.signum() == 0;
  }

  @Override
  public int compareTo(Rational o) {
    if (den.equals(o.den)) {
      return num.compareTo(o.num);
    }
    return num.multiply(o.den).compareTo(o.num.multiply(den));
  }

  public Rational max(Rational o) {
    return compareTo(o) >= 0 ? this : o;
  }

  public Rational min(Rational o) {
    return compareTo(o) <= 0 ? this : o;
  }

  /** Nearest double. */
  public double doubleValue() {
    return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64)
        .doubleValue();
  }

  /** Fixed-point decimal text with {@code decimals} places, rounded half-up. */
  public String toDecimal(int decimals) {
    return new BigDecimal(num).divide(new BigDecimal(den), decimals, RoundingMode.HALF_UP)
        .toPlainString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rational r && num.equals(r.num) && den.equals(r.den);
  }

  @Override
  public int hashCode() {
    return num.hashCode() * 31 + den.hashCode();
  }

  /** Gambit's form: {@code n} or {@code n/d}. */
  @Override
  public String toString() {
    return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
  }
}
