package spiral.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class LxmTest {
  @Test
  void sameStreamAsTheJdkGenerator() {
    RandomGeneratorFactory<RandomGenerator> f = RandomGeneratorFactory.of("L64X128MixRandom");
    Lxm ours = new Lxm(0);
    for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE, 0x123456789abcdefL}) {
      RandomGenerator jdk = f.create(seed);
      ours.reseed(seed);
      for (int i = 0; i < 1000; i++) {
        assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
        assertThat(ours.nextDouble()).isEqualTo(jdk.nextDouble());
        assertThat(ours.nextGaussian()).isEqualTo(jdk.nextGaussian());
      }
    }
  }

  @Test
  void runSeedsDifferAcrossRunsAndMasters() {
    assertThat(Lxm.runSeed(1, 0)).isNotEqualTo(Lxm.runSeed(1, 1));
    assertThat(Lxm.runSeed(1, 0)).isNotEqualTo(Lxm.runSeed(2, 0));
    assertThat(Lxm.runSeed(7, 123)).isEqualTo(Lxm.runSeed(7, 123));
  }
}
