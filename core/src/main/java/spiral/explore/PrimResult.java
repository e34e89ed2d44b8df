package spiral.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link Prim} run: the trajectory of boxes (peels, then pastes) and the range
 * of the data, to tell which dimensions a box restricts.
 *
 * @param names the parameter names
 * @param dataLow each parameter's minimum over the data
 * @param dataHigh each parameter's maximum over the data
 * @param trajectory the boxes in order, box 0 spanning all the data
 * @param peels how many of the boxes after box 0 came from peeling (the rest from pasting)
 */
public record PrimResult(List<String> names, double[] dataLow, double[] dataHigh,
    List<PrimBox> trajectory, int peels) {

  /**
   * A restricted parameter of a box.
   *
   * @param parameter the parameter name
   * @param low the box's lower limit, or the data minimum if only the top is restricted
   * @param high the box's upper limit, or the data maximum if only the bottom is restricted
   */
  public record Range(String parameter, double low, double high) {}

  /** Copies. */
  public PrimResult {
    names = List.copyOf(names);
    dataLow = dataLow.clone();
    dataHigh = dataHigh.clone();
    trajectory = List.copyOf(trajectory);
  }

  /**
   * Box i of the trajectory.
   *
   * @throws IndexOutOfBoundsException if there is no such box
   */
  public PrimBox box(int i) {
    return trajectory.get(i);
  }

  /**
   * The box with the highest density among those with coverage &ge; minCoverage; ties go to the
   * higher coverage, then to the earlier box. Cost: O(trajectory).
   *
   * @throws IllegalArgumentException if minCoverage is not in [0, 1]
   * @throws java.util.NoSuchElementException if no box has enough coverage (box 0 has coverage
   *     1 whenever any point is of interest, so this happens only when none is)
   */
  public PrimBox best(double minCoverage) {
    if (!(minCoverage >= 0 && minCoverage <= 1)) {
      throw new IllegalArgumentException("minCoverage must be in [0, 1], was " + minCoverage);
    }
    PrimBox best = null;
    for (PrimBox b : trajectory) {
      if (b.coverage() >= minCoverage && (best == null || b.density() > best.density()
          || (b.density() == best.density() && b.coverage() > best.coverage()))) {
        best = b;
      }
    }
    if (best == null) {
      throw new java.util.NoSuchElementException("no box has coverage >= " + minCoverage);
    }
    return best;
  }

  /**
   * The dimensions the box restricts (a limit inside the data's range), in parameter order.
   * Cost: O(d).
   */
  public List<Range> restrictions(PrimBox box) {
    Objects.requireNonNull(box, "box");
    double[] lo = box.low();
    double[] hi = box.high();
    List<Range> out = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      if (lo[j] > dataLow[j] || hi[j] < dataHigh[j]) {
        out.add(new Range(names.get(j), lo[j], hi[j]));
      }
    }
    return List.copyOf(out);
  }
}
