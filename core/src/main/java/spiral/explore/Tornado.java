package spiral.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A one-at-a-time tornado analysis: the output with each parameter at its low and at its high
 * value while the others stay at base, bars sorted by swing |high - low|, widest first (ties
 * keep parameter order). Local, not global, sensitivity: it sees no interactions.
 *
 * @param base the output at the base point
 * @param bars one bar per parameter, widest swing first
 */
public record Tornado(double base, List<Tornado.Bar> bars) {

  /**
   * One parameter's bar.
   *
   * @param parameter the parameter name
   * @param low the output with the parameter at its low value
   * @param high the output with the parameter at its high value
   */
  public record Bar(String parameter, double low, double high) {
    /** |high - low|. */
    public double swing() {
      return Math.abs(high - low);
    }
  }

  /** Copies the bars. */
  public Tornado {
    bars = List.copyOf(bars);
  }

  /**
   * The tornado from outputs on a {@link Designs#oneAtATime} design (row 0 base, rows 2j + 1 and
   * 2j + 2 parameter j low and high). Cost: O(d log d).
   *
   * @throws IllegalArgumentException if y does not have 2d + 1 entries or one is not finite
   */
  public static Tornado of(List<String> names, double[] y) {
    int d = names.size();
    if (y.length != 2 * d + 1) {
      throw new IllegalArgumentException("expected " + (2 * d + 1) + " outputs, got "
          + y.length);
    }
    for (int k = 0; k < y.length; k++) {
      if (!Double.isFinite(y[k])) {
        throw new IllegalArgumentException("output " + k + " is " + y[k]);
      }
    }
    List<Bar> bars = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      bars.add(new Bar(names.get(j), y[2 * j + 1], y[2 * j + 2]));
    }
    bars.sort(Comparator.comparingDouble(Bar::swing).reversed());
    return new Tornado(y[0], bars);
  }
}
