package spiral.report;

import java.util.List;

/** An axis-aligned rectangle in SVG coordinates, for placing labels without overlaps. */
public record Box(double x0, double y0, double x1, double y1) {
  /** Whether the two boxes share some area (touching edges do not count). */
  public boolean overlaps(Box o) {
    return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
  }

  /** Whether this box lies inside the area. */
  public boolean within(Box area) {
    return x0 >= area.x0 && x1 <= area.x1 && y0 >= area.y0 && y1 <= area.y1;
  }

  /** Whether this box lies inside the area and overlaps none of the taken boxes. */
  public boolean fits(Box area, List<Box> taken) {
    if (!within(area)) {
      return false;
    }
    for (Box t : taken) {
      if (overlaps(t)) {
        return false;
      }
    }
    return true;
  }
}
