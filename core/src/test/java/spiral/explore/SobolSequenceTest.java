package spiral.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SobolSequenceTest {

  /** The first eight points of the unscrambled Joe-Kuo sequence in three dimensions. */
  @Test
  void firstPointsMatchThePublishedSequence() {
    double[][] expected = {
      {0, 0, 0},
      {0.5, 0.5, 0.5},
      {0.75, 0.25, 0.25},
      {0.25, 0.75, 0.75},
      {0.375, 0.375, 0.625},
      {0.875, 0.875, 0.125},
      {0.625, 0.125, 0.875},
      {0.125, 0.625, 0.375},
    };
    double[][] x = SobolSequence.generate(8, 3, 0);
    for (int i = 0; i < 8; i++) {
      assertThat(x[i]).as("point %d", i).containsExactly(expected[i]);
    }
  }

  @Test
  void skipStartsLaterInTheSameSequence() {
    double[][] all = SobolSequence.generate(100, 21, 0);
    double[][] tail = SobolSequence.generate(37, 21, 63);
    for (int i = 0; i < 37; i++) {
      assertThat(tail[i]).containsExactly(all[63 + i]);
    }
  }

  @Test
  void everyOneDimensionalProjectionOfTwoToTheKPointsFillsEveryBinOnce() {
    int dims = SobolSequence.MAX_DIMENSION;
    for (int k = 1; k <= 10; k++) {
      int n = 1 << k;
      double[][] x = SobolSequence.generate(n, dims, 0);
      for (int j = 0; j < dims; j++) {
        boolean[] hit = new boolean[n];
        for (double[] p : x) {
          int bin = (int) Math.floor(p[j] * n);
          assertThat(hit[bin]).as("k=%d dim=%d bin=%d hit twice", k, j, bin).isFalse();
          hit[bin] = true;
        }
      }
    }
  }

  @Test
  void twoDimensionalProjectionsOfTheFirstDimensionsAreNets() {
    // (0, m, 2)-net in base 2 for dimensions 1 and 2: each of the 2^m elementary boxes of any
    // shape 2^-a x 2^-(m-a) holds exactly one of the first 2^m points
    int m = 8;
    int n = 1 << m;
    double[][] x = SobolSequence.generate(n, 2, 0);
    for (int a = 0; a <= m; a++) {
      int[] count = new int[n];
      for (double[] p : x) {
        int i = (int) Math.floor(p[0] * (1 << a));
        int j = (int) Math.floor(p[1] * (1 << (m - a)));
        count[i * (1 << (m - a)) + j]++;
      }
      for (int c : count) {
        assertThat(c).isEqualTo(1);
      }
    }
  }

  @Test
  void rejectsTooManyDimensions() {
    assertThatThrownBy(() -> SobolSequence.generate(4, 2001, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d <= 2000");
    assertThat(SobolSequence.generate(4, 2000, 0)[3]).hasSize(2000);
  }

  @Test
  void aSaltelliDesignTakesUpToHalfTheDimensionsAsParameters() {
    java.util.List<String> names = java.util.stream.IntStream
        .range(0, SaltelliDesign.MAX_PARAMETERS).mapToObj(i -> "x" + i).toList();
    assertThat(SaltelliDesign.sobol(names, 2, 0).size()).isEqualTo(2 * (1000 + 2));
    java.util.List<String> more = new java.util.ArrayList<>(names);
    more.add("one-too-many");
    assertThatThrownBy(() -> SaltelliDesign.sobol(more, 2, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2d <= 2000");
  }
}
