package spiral.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import spiral.sim.Lxm;

class DesignsTest {

  static List<String> names(int d) {
    List<String> out = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      out.add("p" + j);
    }
    return out;
  }

  @Property(tries = 200)
  void latinHypercubeHasOnePointPerStratumInEveryDimension(
      @ForAll @IntRange(min = 1, max = 60) int n, @ForAll @IntRange(min = 1, max = 6) int d,
      @ForAll long seed) {
    Design design = Designs.latinHypercube(names(d), n, new Lxm(seed));
    assertThat(design.size()).isEqualTo(n);
    for (int j = 0; j < d; j++) {
      boolean[] hit = new boolean[n];
      for (int i = 0; i < n; i++) {
        int stratum = (int) Math.floor(design.point(i)[j] * n);
        assertThat(hit[stratum]).isFalse();
        hit[stratum] = true;
      }
    }
  }

  @Property(tries = 50)
  void sameSeedSameDesign(@ForAll long seed) {
    assertThat(Designs.latinHypercube(names(3), 20, new Lxm(seed)))
        .isEqualTo(Designs.latinHypercube(names(3), 20, new Lxm(seed)));
    assertThat(Designs.morris(names(3), 5, 4, new Lxm(seed)))
        .isEqualTo(Designs.morris(names(3), 5, 4, new Lxm(seed)));
  }

  @Test
  void fullFactorialHasEveryCombinationOnce() {
    Design design = Designs.fullFactorial(names(3), new int[] {2, 3, 1});
    assertThat(design.size()).isEqualTo(6);
    Set<List<Double>> seen = new HashSet<>();
    for (double[] p : design.points()) {
      seen.add(List.of(p[0], p[1], p[2]));
      assertThat(p[2]).isEqualTo(0.5);
    }
    assertThat(seen).hasSize(6);
    assertThat(design.point(0)).containsExactly(0, 0, 0.5);
    assertThat(design.point(1)).containsExactly(0, 0.5, 0.5);
    assertThat(design.point(5)).containsExactly(1, 1, 0.5);
    assertThat(Designs.fullFactorial(names(4), new int[] {5, 4, 3, 2}).size()).isEqualTo(120);
  }

  @Test
  void fullFactorialRejectsBadLevels() {
    assertThatThrownBy(() -> Designs.fullFactorial(names(2), new int[] {2, 0}))
        .hasMessageContaining("'p1' has 0 levels");
    assertThatThrownBy(() -> Designs.fullFactorial(names(2), new int[] {2}))
        .hasMessageContaining("need 2 level counts");
  }

  @Property(tries = 100)
  void morrisTrajectoriesMoveOneParameterAtATimeByDelta(
      @ForAll @IntRange(min = 1, max = 8) int d, @ForAll @IntRange(min = 1, max = 5) int half,
      @ForAll long seed) {
    int p = 2 * half;
    int r = 6;
    double delta = p / (2.0 * (p - 1));
    Design design = Designs.morris(names(d), r, p, new Lxm(seed));
    assertThat(design.size()).isEqualTo(r * (d + 1));
    double[][] x = design.points();
    for (double[] row : x) {
      for (double v : row) {
        double level = v * (p - 1);
        assertThat(Math.abs(level - Math.rint(level))).isLessThan(1e-9);
      }
    }
    for (int t = 0; t < r; t++) {
      boolean[] moved = new boolean[d];
      for (int s = 0; s < d; s++) {
        double[] a = x[t * (d + 1) + s];
        double[] b = x[t * (d + 1) + s + 1];
        int changed = -1;
        for (int j = 0; j < d; j++) {
          if (a[j] != b[j]) {
            assertThat(changed).as("only one parameter moves").isEqualTo(-1);
            changed = j;
          }
        }
        assertThat(changed).isNotNegative();
        assertThat(moved[changed]).isFalse();
        moved[changed] = true;
        assertThat(Math.abs(b[changed] - a[changed])).isCloseTo(delta,
            org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  @Test
  void spreadSelectionKeepsCandidateTrajectoriesAndSpreadsThemMore() {
    List<String> names = names(4);
    Design candidates = Designs.morris(names, 40, 4, new Lxm(9));
    Design chosen = Designs.morrisSpread(names, 8, 4, 40, new Lxm(9));
    assertThat(chosen.size()).isEqualTo(8 * 5);
    Set<List<Double>> candidateRows = new HashSet<>();
    for (double[] p : candidates.points()) {
      candidateRows.add(List.of(p[0], p[1], p[2], p[3]));
    }
    for (double[] p : chosen.points()) {
      assertThat(candidateRows).contains(List.of(p[0], p[1], p[2], p[3]));
    }
    Design plain = Designs.morris(names, 8, 4, new Lxm(9));
    assertThat(Designs.trajectorySpread(chosen)).isGreaterThan(Designs.trajectorySpread(plain));
    double[] y = new double[chosen.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = 2 * chosen.point(i)[1];
    }
    assertThat(MorrisAnalysis.analyze(chosen, y).get(1).muStar()).isEqualTo(2.0,
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void morrisRejectsOddLevels() {
    assertThatThrownBy(() -> Designs.morris(names(2), 4, 5, new Lxm(1)))
        .hasMessageContaining("even p");
  }

  @Test
  void designValidatesAndMapsToUnits() {
    assertThatThrownBy(() -> new Design(List.of("a", "a"), new double[0][]))
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> new Design(List.of("a"), new double[][] {{1.5}}))
        .hasMessageContaining("'a' is 1.5");
    Design design = new Design(List.of("a", "b"), new double[][] {{0, 1}, {0.5, 0.25}});
    double[][] u = design.toUnits(new double[] {10, -1}, new double[] {20, 1});
    assertThat(u[0]).containsExactly(10, 1);
    assertThat(u[1]).containsExactly(15, -0.5);
  }

  @Test
  void oneAtATimeMovesEachParameterToItsEnds() {
    Design design = Designs.oneAtATime(names(2), new double[] {0.5, 0.5},
        new double[] {0.1, 0}, new double[] {0.9, 1});
    assertThat(design.size()).isEqualTo(5);
    assertThat(design.point(1)).containsExactly(0.1, 0.5);
    assertThat(design.point(4)).containsExactly(0.5, 1);
  }
}
