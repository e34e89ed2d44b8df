package spiral.explore;

/**
 * One box of a PRIM trajectory: the limits on every parameter (inclusive) and how the box
 * does on the data.
 *
 * @param index the box's position in the trajectory (0 is the box around all the data)
 * @param low lower limits, one per parameter
 * @param high upper limits, one per parameter
 * @param count points in the box
 * @param interesting points of interest in the box
 * @param coverage interesting in the box / interesting overall
 * @param density interesting in the box / points in the box
 * @param mass points in the box / points overall
 */
public record PrimBox(int index, double[] low, double[] high, int count, int interesting,
    double coverage, double density, double mass) {

  /** Copies the limits. */
  public PrimBox {
    low = low.clone();
    high = high.clone();
  }

  /** A copy of the lower limits. */
  @Override
  public double[] low() {
    return low.clone();
  }

  /** A copy of the upper limits. */
  @Override
  public double[] high() {
    return high.clone();
  }

  /** Whether point x lies in the box (limits inclusive). */
  public boolean contains(double[] x) {
    for (int j = 0; j < low.length; j++) {
      if (x[j] < low[j] || x[j] > high[j]) {
        return false;
      }
    }
    return true;
  }
}
