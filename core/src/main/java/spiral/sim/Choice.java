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

  /**
   * Writes the unnormalised choice weights of the first n utilities into {@code w} (for best
   * response, 1 for each best move and 0 for the others) and returns their sum.
   */
  private static double weights(double[] u, int n, double lambda, double[] w) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, u[i]);
    }
    double sum = 0;
    boolean best = Double.isInfinite(lambda);
    for (int i = 0; i < n; i++) {
      w[i] = best ? (u[i] >= max - TIE ? 1 : 0) : Math.exp(lambda * (u[i] - max));
      sum += w[i];
    }
    return sum;
  }

  /** Writes the choice probabilities of the first n utilities into {@code p}. */
  public static void quantalProbabilities(double[] u, int n, double lambda, double[] p) {
    double sum = weights(u, n, lambda, p);
    for (int i = 0; i < n; i++) {
      p[i] /= sum;
    }
  }

  /**
   * Draws an index with the quantal-response probabilities of the first n utilities, using one
   * uniform draw {@code v} &isin; [0, 1). {@code scratch} holds at least n doubles.
   */
  public static int draw(double[] u, int n, double lambda, double v, double[] scratch) {
    double target = v * weights(u, n, lambda, scratch);
    int last = 0;
    for (int i = 0; i < n; i++) {
      if (scratch[i] > 0) {
        last = i;
        target -= scratch[i];
        if (target < 0) {
          return i;
        }
      }
    }
    return last; // rounding left a sliver: the last move with weight
  }

  /** Convenience for tests and tracing: draws with the generator's next double. */
  public static int draw(double[] u, int n, double lambda, RandomGenerator rng, double[] scratch) {
    return draw(u, n, lambda, rng.nextDouble(), scratch);
  }
}
