package spiral.game.models;

import java.util.ArrayList;
import java.util.List;

/**
 * Richardson's arms race: dx/dt = k·y − a·x + g, dy/dt = l·x − b·y + h, where x and y are the two
 * sides' armaments, k and l their reactions to the other's arms (defence coefficients), a and b
 * the fatigue (cost) coefficients and g and h their grievances. When ab ≠ kl the equilibrium is
 * x* = (bg + kh)/(ab − kl), y* = (ah + lg)/(ab − kl); it is stable iff ab &gt; kl, when both
 * eigenvalues of the matrix [[−a, k], [l, −b]] are negative. With ab &lt; kl one eigenvalue is
 * positive and the race runs away. {@link #trajectory} integrates the system with the classical
 * fourth-order Runge–Kutta method at a fixed step.
 *
 * <p>Sources: L. F. Richardson, <i>Arms and Insecurity</i> (1960), and "Generalized Foreign
 * Politics", <i>British Journal of Psychology</i>, Monograph Supplement 23 (1939); M. D.
 * Intriligator, "Research on Conflict Theory", <i>Journal of Conflict Resolution</i> 26 (1982).
 *
 * @param a fatigue coefficient of x (&gt; 0)
 * @param b fatigue coefficient of y (&gt; 0)
 * @param k reaction of x to y (≥ 0)
 * @param l reaction of y to x (≥ 0)
 * @param g grievance of x (any sign)
 * @param h grievance of y (any sign)
 */
public record Richardson(double a, double b, double k, double l, double g, double h) {
  /** The most steps {@link #trajectory} takes. */
  public static final int MAX_STEPS = 10_000_000;

  /** Validates a, b &gt; 0, k, l ≥ 0 and finite grievances. */
  public Richardson {
    Models.positive("a (fatigue of x)", a);
    Models.positive("b (fatigue of y)", b);
    Models.nonNegative("k (reaction of x to y)", k);
    Models.nonNegative("l (reaction of y to x)", l);
    Models.finite("g (grievance of x)", g);
    Models.finite("h (grievance of y)", h);
  }

  /**
   * The stable worked example used as a test oracle (DOMAIN.md §3): a = 2, b = 3, k = l = 1, g = 1,
   * h = 2, equilibrium (1, 1).
   */
  public static Richardson standard() {
    return new Richardson(2, 3, 1, 1, 1, 2);
  }

  /** The determinant ab − kl of the matrix [[−a, k], [l, −b]]. */
  public double determinant() {
    return a * b - k * l;
  }

  /** Whether the equilibrium exists (ab ≠ kl). */
  public boolean hasEquilibrium() {
    return determinant() != 0;
  }

  /** Whether the equilibrium is stable: ab &gt; kl. */
  public boolean stable() {
    return determinant() > 0;
  }

  /** A point in the (x, y) plane. */
  public record Point(double x, double y) {}

  /** A state of the race at time t. */
  public record State(double t, double x, double y) {}

  /**
   * The equilibrium (x*, y*).
   *
   * @throws IllegalStateException when ab = kl (no isolated equilibrium)
   */
  public Point equilibrium() {
    double d = determinant();
    if (d == 0) {
      throw new IllegalStateException("no isolated equilibrium: ab = kl = " + (a * b));
    }
    return new Point((b * g + k * h) / d, (a * h + l * g) / d);
  }

  /**
   * The eigenvalues of [[−a, k], [l, −b]], larger first. They are real because k, l ≥ 0:
   * λ = (−(a + b) ± √((a − b)² + 4kl))/2.
   */
  public double[] eigenvalues() {
    double root = Math.sqrt((a - b) * (a - b) + 4 * k * l);
    return new double[] {(-(a + b) + root) / 2, (-(a + b) - root) / 2};
  }

  /** The time derivative (dx/dt, dy/dt) at (x, y). */
  public Point derivative(double x, double y) {
    return new Point(k * y - a * x + g, l * x - b * y + h);
  }

  /**
   * The trajectory from (x0, y0) at time 0, by fourth-order Runge–Kutta with step {@code dt}:
   * {@code steps + 1} states, the start included.
   *
   * @throws IllegalArgumentException when the start is not finite, dt is not positive and finite
   *     or steps is not in [1, {@link #MAX_STEPS}]
   */
  public List<State> trajectory(double x0, double y0, double dt, int steps) {
    Models.finite("x0", x0);
    Models.finite("y0", y0);
    Models.positive("dt (time step)", dt);
    if (steps < 1 || steps > MAX_STEPS) {
      throw new IllegalArgumentException(
          "steps must be in [1, " + MAX_STEPS + "], got " + steps);
    }
    List<State> out = new ArrayList<>(steps + 1);
    double x = x0;
    double y = y0;
    out.add(new State(0, x, y));
    for (int i = 1; i <= steps; i++) {
      Point k1 = derivative(x, y);
      Point k2 = derivative(x + dt / 2 * k1.x(), y + dt / 2 * k1.y());
      Point k3 = derivative(x + dt / 2 * k2.x(), y + dt / 2 * k2.y());
      Point k4 = derivative(x + dt * k3.x(), y + dt * k3.y());
      x += dt / 6 * (k1.x() + 2 * k2.x() + 2 * k3.x() + k4.x());
      y += dt / 6 * (k1.y() + 2 * k2.y() + 2 * k3.y() + k4.y());
      out.add(new State(i * dt, x, y));
    }
    return out;
  }
}
