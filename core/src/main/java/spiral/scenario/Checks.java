package spiral.scenario;

/** Shared argument checks with precise messages. */
final class Checks {
  private Checks() {}

  static double nonNegative(String what, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be a finite number >= 0, was " + v);
    }
    return v;
  }

  static double positive(String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be a finite number > 0, was " + v);
    }
    return v;
  }

  static double unit(String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1], was " + v);
    }
    return v;
  }
}
