package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RationalTest {
  @Test
  void parsesAndPrintsLikeGambit() {
    assertThat(Rational.parse("6/8").toString()).isEqualTo("3/4");
    assertThat(Rational.parse("-2").toString()).isEqualTo("-2");
    assertThat(Rational.parse("0.25")).isEqualTo(Rational.of(1, 4));
    assertThat(Rational.parse(".5")).isEqualTo(Rational.of(1, 2));
    assertThat(Rational.parse("-2.000000").toString()).isEqualTo("-2");
    assertThat(Rational.parse("1e-3")).isEqualTo(Rational.of(1, 1000));
    assertThat(Rational.parse("2.5E2")).isEqualTo(Rational.of(250));
    assertThat(Rational.of(-4, 10).toString()).isEqualTo("-2/5");
    assertThat(Rational.of(3, 3).toString()).isEqualTo("1");
    assertThat(Rational.of(0, -7)).isEqualTo(Rational.ZERO);
  }

  @Test
  void refusesNonNumbers() {
    assertThatThrownBy(() -> Rational.parse("abc")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Rational.parse("1/0")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Rational.parse("")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Rational.parse("4/-10")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> Rational.ONE.divide(Rational.ZERO))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void decimals() {
    assertThat(Rational.of(1, 3).toDecimal(6)).isEqualTo("0.333333");
    assertThat(Rational.of(2, 3).toDecimal(4)).isEqualTo("0.6667");
    assertThat(Rational.ONE.toDecimal(2)).isEqualTo("1.00");
  }

  @Property
  void fieldLaws(
      @ForAll @IntRange(min = -1000, max = 1000) int a,
      @ForAll @IntRange(min = 1, max = 1000) int b,
      @ForAll @IntRange(min = -1000, max = 1000) int c,
      @ForAll @IntRange(min = 1, max = 1000) int d) {
    Rational x = Rational.of(a, b);
    Rational y = Rational.of(c, d);
    assertThat(x.add(y).subtract(y)).isEqualTo(x);
    assertThat(x.multiply(y)).isEqualTo(y.multiply(x));
    if (!y.isZero()) {
      assertThat(x.divide(y).multiply(y)).isEqualTo(x);
    }
    assertThat(Rational.parse(x.toString())).isEqualTo(x);
    assertThat(Integer.signum(x.compareTo(y)))
        .isEqualTo(Integer.signum(Long.compare((long) a * d, (long) c * b)));
  }

  @Test
  void refusesExponentsFarBeyondTheTextsDigits() {
    assertThat(Rational.parse("1e-1000")).isEqualTo(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(1000)));
    assertThat(Rational.parse("1e1000")).isEqualTo(Rational.of(BigInteger.TEN.pow(1000)));
    assertThatThrownBy(() -> Rational.parse("1e-999999999"))
        .isInstanceOf(NumberFormatException.class).hasMessageContaining("exponent out of range");
    assertThatThrownBy(() -> Rational.parse("1e999999999"))
        .isInstanceOf(NumberFormatException.class).hasMessageContaining("exponent out of range");
  }
}
