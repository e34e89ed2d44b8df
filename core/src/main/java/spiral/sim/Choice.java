package spiral.sim;

import java.util.random.RandomGenerator;

/**
 * Quantal-response choice (McKelvey &amp; Palfrey 1995, logit form): P(m) = exp(&lambda;U(m)) /
 * &Sigma; exp(&lambda;U(m')), computed with the maximum subtracted before exponentiating. &lambda;
 * = &infin; is best response with ties broken uniformly by the run's generator. Allocation-free;
 * O(n) per choice.
 */
public final class Choice {
  /** Utilities closer than this count as tied under best response. */
  public static final double TIE = 1e-12;

  private Choice() {}

  /** Writes the choice probabilities of the first n utilities into {@code p}. */
  public static void quantalProbabilities(double[] u, int n, double lambda, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, u[i]);
    }
    double sum = 0;
    if (Double.isInfinite(lambda)) {
      for (int i = 0; i < n; i++) {
        p[i] = u[i] >= max - TIE ? 1 : 0;
        sum += p[i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        p[i] = Math.exp(lambda * (u[i] - max));
        sum += p[i];
      }
    }
    for (int i = 0; i < n; i++) {
      p[i] /= sum;
    }
  }

  /**
   * Draws an index with probability proportional to exp(&lambda;(u[i] &minus; max)), using one
   * uniform draw {@code v} &isin; [0, 1). {@code scratch} holds at least n doubles.
   */
  public static int draw(double[] u, int n, double lambda, double v, double[] scratch) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, u[i]);
    }
    double sum = 0;
    if (Double.isInfinite(lambda)) {
      for (int i = 0; i < n; i++) {
        sum += u[i] >= max - TIE ? 1 : 0;
        scratch[i] = sum;
      }
    } else {
      for (int i = 0; i < n; i++) {
        sum += Math.exp(lambda * (u[i] - max));
        scratch[i] = sum;
      }
    }
    double target = v * sum;
    for (int i = 0; i < n - 1; i++) {
      if (target < scratch[i]) {
        return i;
      }
    }
    return lastPositive(scratch, n);
  }

  private static int lastPositive(double[] cumulative, int n) {
    for (int i = n - 1; i > 0; i--) {
      if (cumulative[i] > cumulative[i - 1]) {
        return i;
      }
    }
    return 0;
  }

  /** Convenience for tests and tracing: draws with the generator's next double. */
  public static int draw(double[] u, int n, double lambda, RandomGenerator rng, double[] scratch) {
    return draw(u, n, lambda, rng.nextDouble(), scratch);
  }
}
