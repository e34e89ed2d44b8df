package spiral.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link Prim} run: the trajectory of boxes (peels, then pastes), the declared
 * range of each parameter (the sweep's, where box 0 starts, as the EMA Workbench's box_init) and
 * the range of the data, to tell which dimensions a box restricts: those whose limits leave out
 * some of the data.
 *
 * @param names the parameter names
 * @param rangeLow each parameter's declared lower bound (the data minimum when none is known)
 * @param rangeHigh each parameter's declared upper bound (the data maximum when none is known)
 * @param dataLow each parameter's minimum over the data
 * @param dataHigh each parameter's maximum over the data
 * @param trajectory the boxes in order, box 0 spanning the declared ranges
 * @param peels how many of the boxes after box 0 came from peeling (the rest from pasting)
 */
public record PrimResult(List<String> names, double[] rangeLow, double[] rangeHigh,
    double[] dataLow, double[] dataHigh, List<PrimBox> trajectory, int peels) {

  /**
   * A parameter's limits in a box, within its declared range.
   *
   * @param parameter the parameter name
   * @param low the box's lower limit, or the declared lower bound if the box leaves out no point
   *     below
   * @param high the box's upper limit, or the declared upper bound if the box leaves out no point
   *     above
   */
  public record Range(String parameter, double low, double high) {}

  /** Copies. */
  public PrimResult {
    names = List.copyOf(names);
    rangeLow = rangeLow.clone();
    rangeHigh = rangeHigh.clone();
    dataLow = dataLow.clone();
    dataHigh = dataHigh.clone();
    trajectory = List.copyOf(trajectory);
  }

  /** A copy of the declared lower bounds. */
  @Override
  public double[] rangeLow() {
    return rangeLow.clone();
  }

  /** A copy of the declared upper bounds. */
  @Override
  public double[] rangeHigh() {
    return rangeHigh.clone();
  }

  /** A copy of the data minima. */
  @Override
  public double[] dataLow() {
    return dataLow.clone();
  }

  /** A copy of the data maxima. */
  @Override
  public double[] dataHigh() {
    return dataHigh.clone();
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
   * The dimensions the box restricts (a limit that leaves out some of the data), in parameter
   * order, each side that leaves out no point reported at the declared bound. Cost: O(d).
   */
  public List<Range> restrictions(PrimBox box) {
    List<Range> out = new ArrayList<>();
    for (Range r : limits(box)) {
      if (restricts(box, names.indexOf(r.parameter()))) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Every parameter's limits in the box, within the declared ranges: an unrestricted parameter
   * reported as its declared range, not the data's extremes. Cost: O(d).
   */
  public List<Range> limits(PrimBox box) {
    Objects.requireNonNull(box, "box");
    double[] lo = box.low();
    double[] hi = box.high();
    List<Range> out = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      out.add(new Range(names.get(j), lo[j] > dataLow[j] ? lo[j] : rangeLow[j],
          hi[j] < dataHigh[j] ? hi[j] : rangeHigh[j]));
    }
    return List.copyOf(out);
  }

  /** Whether the box leaves out some of the data along parameter j. */
  public boolean restricts(PrimBox box, int j) {
    return box.low()[j] > dataLow[j] || box.high()[j] < dataHigh[j];
  }
}
