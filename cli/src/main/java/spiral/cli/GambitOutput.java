package spiral.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import spiral.game.Rational;
import spiral.game.StrategicGame;

/** Numbers and profiles printed as Gambit's command-line tools print them. */
final class GambitOutput {
  private GambitOutput() {}

  /**
   * {@code x} with {@code digits} significant digits, as C++'s default stream format (and C's
   * {@code %.Ng}) prints it: trailing zeros dropped, an exponent ({@code 1.5e-07}) only below
   * 1e-4 or from 10^digits on. Never Java's {@code 1.5E-7}.
   */
  static String significant(double x, int digits) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return 1 / x < 0 ? "-0" : "0";
    }
    int p = Math.max(1, digits);
    BigDecimal b = new BigDecimal(x).round(new MathContext(p, RoundingMode.HALF_EVEN));
    int exp = b.precision() - b.scale() - 1;
    if (exp < -4 || exp >= p) {
      String d = b.unscaledValue().abs().toString();
      d = d.replaceAll("0+$", "");
      StringBuilder s = new StringBuilder();
      if (b.signum() < 0) {
        s.append('-');
      }
      s.append(d.charAt(0));
      if (d.length() > 1) {
        s.append('.').append(d, 1, d.length());
      }
      s.append('e').append(exp < 0 ? '-' : '+');
      int e = Math.abs(exp);
      if (e < 10) {
        s.append('0');
      }
      return s.append(e).toString();
    }
    String s = b.setScale(Math.max(0, p - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
    if (s.indexOf('.') >= 0) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /** {@code x} with {@code decimals} places, as C's {@code %.Nf}: never an exponent. */
  static String fixed(double x, int decimals) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return significant(x, 1);
    }
    return new BigDecimal(x).setScale(Math.max(0, decimals), RoundingMode.HALF_EVEN)
        .toPlainString();
  }

  /** A probability or payoff: exact when {@code decimals} is null, else fixed decimals. */
  static String value(Rational r, Integer decimals) {
    return decimals == null ? r.toString() : r.toDecimal(decimals);
  }

  /** A label, then each number with {@code decimals} fixed places: Gambit's NE lines. */
  static String fixedLine(String label, double[] profile, int decimals) {
    StringBuilder b = new StringBuilder(label);
    for (double x : profile) {
      b.append(',').append(fixed(x, decimals));
    }
    return b.toString();
  }

  /** A point of the logit branch: lambda with fixed decimals, probabilities significant. */
  static String logitLine(String label, double lambda, double[] profile, int digits) {
    StringBuilder b = new StringBuilder(label != null ? label : fixed(lambda, digits));
    for (double x : profile) {
      b.append(',').append(significant(x, digits));
    }
    return b.toString();
  }

  /**
   * Gambit's detailed output ({@code -D}) of a mixed strategy profile: per player, each
   * strategy's label (or number), probability and expected payoff against the others' mix.
   */
  static String detail(StrategicGame g, List<Rational> profile, Integer decimals) {
    StringBuilder b = new StringBuilder();
    int n = g.numPlayers();
    int[] offset = new int[n];
    for (int i = 1; i < n; i++) {
      offset[i] = offset[i - 1] + g.numStrategies(i - 1);
    }
    for (int i = 0; i < n; i++) {
      Rational[] value = new Rational[g.numStrategies(i)];
      java.util.Arrays.fill(value, Rational.ZERO);
      for (int p = 0; p < g.numProfiles(); p++) {
        Rational w = Rational.ONE;
        for (int j = 0; j < n && !w.isZero(); j++) {
          if (j != i) {
            w = w.multiply(profile.get(offset[j] + g.strategyOf(p, j)));
          }
        }
        if (!w.isZero()) {
          int s = g.strategyOf(p, i);
          value[s] = value[s].add(w.multiply(g.payoff(p, i)));
        }
      }
      b.append("Strategy profile for player ").append(i + 1).append(":\n");
      b.append("Strategy   Prob          Value\n");
      b.append("--------   -----------   -----------\n");
      for (int s = 0; s < g.numStrategies(i); s++) {
        String label = g.strategies().get(i).get(s);
        b.append(String.format("%8s    %10s   %11s\n",
            label.isEmpty() ? Integer.toString(s + 1) : label,
            value(profile.get(offset[i] + s), decimals), value(value[s], decimals)));
      }
    }
    return b.toString();
  }
}
