package spiral.sim;

import java.util.random.RandomGenerator;

/**
 * The L64X128MixRandom algorithm of the JDK (an LXM generator: a 64-bit LCG mixed with a
 * xoroshiro128 generator, Steele &amp; Vigna 2021), re-seedable in place so that the engine can
 * start run after run without allocating.
 *
 * <p>For the same seed it produces exactly the stream of {@code
 * RandomGeneratorFactory.of("L64X128MixRandom").create(seed)} (a test checks this), and its
 * {@code nextDouble()} and {@code nextGaussian()} are the {@link RandomGenerator} defaults the
 * JDK's generator uses. Not thread-safe: one per worker. Cost: a few nanoseconds per draw.
 */
public final class Lxm implements RandomGenerator {
  private static final long M = 0xd1342543de82ef95L;
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;
  private static final long SILVER = 0x6a09e667f3bcc909L;

  private long a;
  private long s;
  private long x0;
  private long x1;

  /** A generator seeded with {@code seed}. */
  public Lxm(long seed) {
    reseed(seed);
  }

  /** Restarts the stream as if newly created with {@code seed}. */
  public void reseed(long seed) {
    long z = seed ^ SILVER;
    a = mixMurmur64(z) | 1;
    s = 1;
    x0 = mixStafford13(z);
    x1 = mixStafford13(z + GOLDEN);
    if ((x0 | x1) == 0) {
      x0 = GOLDEN;
      x1 = SILVER;
    }
  }

  @Override
  public long nextLong() {
    long result = mixLea64(s + x0);
    s = M * s + a;
    long q0 = x0;
    long q1 = x1;
    q1 ^= q0;
    q0 = Long.rotateLeft(q0, 24);
    q0 = q0 ^ q1 ^ (q1 << 16);
    q1 = Long.rotateLeft(q1, 37);
    x0 = q0;
    x1 = q1;
    return result;
  }

  /**
   * The seed of run {@code run} under master seed {@code master}: a SplitMix-style mix of the
   * pair, never a chain of splits, so that run k's numbers do not depend on how runs are spread
   * over threads or machines.
   */
  public static long runSeed(long master, long run) {
    return mixStafford13(mixStafford13(master) + GOLDEN * (run + 1));
  }

  /**
   * The master seed of parameter set {@code set}'s runs in an uncertainty analysis under master
   * seed {@code master}. Each set runs its own streams, so that the spread of a figure across the
   * sets carries each set's own Monte Carlo error, not one error shared by every set (with shared
   * streams a rare event missed by the first runs is missed at every set, and a "total" interval
   * can exclude the figure it surrounds). Within a set the options still share their streams.
   */
  public static long setSeed(long master, long set) {
    return runSeed(master, -2 - set);
  }

  static long mixMurmur64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  static long mixStafford13(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long mixLea64(long z) {
    z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
    z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
    return z ^ (z >>> 32);
  }
}
