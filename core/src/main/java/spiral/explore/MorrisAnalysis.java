package spiral.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * Morris (1991) elementary-effects screening over the outputs of a {@link Designs#morris}
 * design: in each trajectory, consecutive rows differ in one parameter i by &plusmn;&Delta;, and
 * the elementary effect is EE_i = (y_{k+1} - y_k) / (x_{k+1,i} - x_{k,i}). Per parameter it
 * reports &mu; = mean EE, &mu;* = mean |EE| (Campolongo, Cariboni &amp; Saltelli 2007) and
 * &sigma; = sample standard deviation of EE.
 *
 * <p>The moved parameter and the step are read off the design itself, so any design made of
 * one-at-a-time trajectories of d + 1 rows works. Cost: O(r d^2).
 */
public final class MorrisAnalysis {
  private MorrisAnalysis() {}

  /**
   * The statistics per parameter, in the design's parameter order.
   *
   * @param design r trajectories of d + 1 consecutive rows, r &ge; 2
   * @param y one output per design row
   * @throws IllegalArgumentException if y does not match the design, there are fewer than two
   *     trajectories, an output is not finite, or consecutive rows do not differ in exactly one
   *     parameter each with every parameter moving once per trajectory
   */
  public static List<MorrisEffect> analyze(Design design, double[] y) {
    int d = design.dimension();
    int rows = design.size();
    if (d < 1 || rows % (d + 1) != 0 || rows / (d + 1) < 2) {
      throw new IllegalArgumentException("need at least two trajectories of " + (d + 1)
          + " rows, design has " + rows + " rows");
    }
    if (y.length != rows) {
      throw new IllegalArgumentException("expected " + rows + " outputs, got " + y.length);
    }
    int r = rows / (d + 1);
    double[][] x = design.points();
    double[][] ee = new double[d][r];
    for (int t = 0; t < r; t++) {
      boolean[] moved = new boolean[d];
      for (int s = 0; s < d; s++) {
        int k = t * (d + 1) + s;
        if (!Double.isFinite(y[k]) || !Double.isFinite(y[k + 1])) {
          throw new IllegalArgumentException("output at row " + k + " or " + (k + 1)
              + " is not finite");
        }
        int changed = -1;
        for (int j = 0; j < d; j++) {
          if (x[k + 1][j] != x[k][j]) {
            if (changed >= 0) {
              throw new IllegalArgumentException("rows " + k + " and " + (k + 1)
                  + " differ in more than one parameter");
            }
            changed = j;
          }
        }
        if (changed < 0 || moved[changed]) {
          throw new IllegalArgumentException("rows " + k + " and " + (k + 1)
              + (changed < 0 ? " are equal" : " move parameter '"
                  + design.names().get(changed) + "' a second time in trajectory " + t));
        }
        moved[changed] = true;
        ee[changed][t] = (y[k + 1] - y[k]) / (x[k + 1][changed] - x[k][changed]);
      }
    }
    List<MorrisEffect> out = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      double sum = 0;
      double abs = 0;
      for (double e : ee[j]) {
        sum += e;
        abs += Math.abs(e);
      }
      double mu = sum / r;
      double ss = 0;
      for (double e : ee[j]) {
        ss += (e - mu) * (e - mu);
      }
      out.add(new MorrisEffect(design.names().get(j), mu, abs / r, Math.sqrt(ss / (r - 1)), r));
    }
    return List.copyOf(out);
  }
}
