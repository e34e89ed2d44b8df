package spiral.game.models;

import spiral.game.Rational;

/** Shared parameter checks of the models. */
final class Models {
  private Models() {}

  static double finite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + v);
    }
    return v;
  }

  static double positive(String name, double v) {
    finite(name, v);
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }
    return v;
  }

  static double nonNegative(String name, double v) {
    finite(name, v);
    if (v < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + v);
    }
    return v;
  }

  static Rational positive(String name, Rational v) {
    if (v == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    if (v.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }
    return v;
  }

  static Rational present(String name, Rational v) {
    if (v == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return v;
  }
}
