package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random small games: solvers agree with the checker and with each other; files round-trip. */
class SolverPropertiesTest {
  static StrategicGame bimatrix(int m, int n, List<Integer> values) {
    Rational[][] pay = new Rational[m * n][];
    for (int p = 0; p < m * n; p++) {
      pay[p] = new Rational[] {Rational.of(values.get(2 * p)), Rational.of(values.get(2 * p + 1))};
    }
    List<String> s1 = new java.util.ArrayList<>();
    List<String> s2 = new java.util.ArrayList<>();
    for (int i = 0; i < m; i++) {
      s1.add("r" + i);
    }
    for (int j = 0; j < n; j++) {
      s2.add(Integer.toString(j + 1));
    }
    return new StrategicGame("random", "", List.of("1", "2"), List.of(s1, s2), pay);
  }

  @Property(tries = 200)
  void enumMixedFindsVerifiedEquilibriaIncludingAllPureOnes(
      @ForAll @IntRange(min = 1, max = 4) int m,
      @ForAll @IntRange(min = 1, max = 4) int n,
      @ForAll @Size(32) List<@IntRange(min = -3, max = 3) Integer> values)
      throws Exception {
    StrategicGame g = bimatrix(m, n, values);
    List<Equilibrium> mixed = new EnumMixed().solve(g);
    assertThat(mixed).isNotEmpty(); // every finite game has an equilibrium
    Set<List<Rational>> seen = new HashSet<>();
    for (Equilibrium e : mixed) {
      assertThat(EquilibriumChecker.isNash(g, e.profile())).as(e.gambitLine()).isTrue();
      assertThat(seen.add(e.profile())).isTrue();
      assertThat(e.payoffs()).isEqualTo(EquilibriumChecker.payoffs(g, e.profile()));
    }
    for (Equilibrium e : new EnumPure().solve(g)) {
      assertThat(seen).contains(e.profile());
    }
    assertThat(GameReader.parse(GameWriter.write(g))).isEqualTo(g);
  }
}
