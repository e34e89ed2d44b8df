package spiral.wargame;

import java.util.Map;
import java.util.function.IntUnaryOperator;

/** The voting rule of a side's seats (see {@link Wargame}). */
final class Votes {
  private Votes() {}

  /**
   * The winning move: the largest total weight; ties (within 1e-12) go to the lower rung, then
   * to the lower candidate index (bare rungs, encoded negative, after the candidates).
   *
   * @param tally total weight per move encoding (candidate index, or -(rung + 1))
   * @param rung the rung of a move encoding
   */
  static int winner(Map<Integer, Double> tally, IntUnaryOperator rung) {
    int best = 0;
    double bestWeight = Double.NEGATIVE_INFINITY;
    boolean any = false;
    for (Map.Entry<Integer, Double> e : tally.entrySet()) {
      int enc = e.getKey();
      double w = e.getValue();
      if (!any || w > bestWeight + 1e-12 || (Math.abs(w - bestWeight) <= 1e-12 && before(enc, best, rung))) {
        best = enc;
        bestWeight = w;
        any = true;
      }
    }
    if (!any) {
      throw new IllegalStateException("no votes");
    }
    return best;
  }

  private static boolean before(int a, int b, IntUnaryOperator rung) {
    int ra = rung.applyAsInt(a);
    int rb = rung.applyAsInt(b);
    if (ra != rb) {
      return ra < rb;
    }
    return order(a) < order(b);
  }

  private static long order(int enc) {
    return enc >= 0 ? enc : (long) Integer.MAX_VALUE + (-(long) enc);
  }
}
