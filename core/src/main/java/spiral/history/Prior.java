package spiral.history;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import spiral.explore.Distributions;
import spiral.scenario.Uncertainty;

/**
 * The prior of a calibration: independent distributions over named parameters, as a scenario's
 * {@code uncertainties} declare them (uniform, triangular, normal). Draws by inversion; densities
 * in closed form. Cost: O(dimensions) per draw or density.
 *
 * @param parameters the parameters' dotted paths, in order
 * @param distributions their distributions, in the same order
 */
public record Prior(List<String> parameters, List<Uncertainty> distributions) {
  public Prior {
    parameters = List.copyOf(parameters);
    distributions = List.copyOf(distributions);
    if (parameters.size() != distributions.size() || parameters.isEmpty()) {
      throw new IllegalArgumentException("a prior needs one distribution per parameter, and at least one");
    }
  }

  /** The prior of these uncertainties. */
  public static Prior of(List<Uncertainty> uncertainties) {
    return new Prior(uncertainties.stream().map(Uncertainty::parameter).toList(), uncertainties);
  }

  /** The number of parameters. */
  public int dimensions() {
    return parameters.size();
  }

  /** A draw into {@code out}. */
  public void sample(RandomGenerator rng, double[] out) {
    for (int i = 0; i < out.length; i++) {
      double u;
      do {
        u = rng.nextDouble();
      } while (u == 0);
      out[i] = Distributions.quantile(distributions.get(i), u);
    }
  }

  /** The prior density at x (0 outside the support). */
  public double density(double[] x) {
    double d = 1;
    for (int i = 0; i < x.length; i++) {
      d *= density(distributions.get(i), x[i]);
      if (d == 0) {
        return 0;
      }
    }
    return d;
  }

  /** Whether x lies in the support of parameter i. */
  public boolean inSupport(int i, double x) {
    return density(distributions.get(i), x) > 0;
  }

  /** The lower and upper ends of parameter i's support (infinite for a normal). */
  public double[] bounds(int i) {
    Uncertainty u = distributions.get(i);
    return switch (u.distribution()) {
      case "normal" -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
      default -> new double[] {u.a(), u.b()};
    };
  }

  static double density(Uncertainty u, double x) {
    Objects.requireNonNull(u, "u");
    return switch (u.distribution()) {
      case "uniform" -> x >= u.a() && x <= u.b() && u.b() > u.a() ? 1 / (u.b() - u.a()) : 0;
      case "normal" -> Math.exp(-0.5 * Math.pow((x - u.a()) / u.b(), 2)) / (u.b() * Math.sqrt(2 * Math.PI));
      case "triangular" -> {
        double a = u.a();
        double b = u.b();
        double c = u.c();
        if (x < a || x > b || b <= a) {
          yield 0;
        }
        yield x <= c ? (c == a ? 2 / (b - a) : 2 * (x - a) / ((b - a) * (c - a)))
            : (b == c ? 2 / (b - a) : 2 * (b - x) / ((b - a) * (b - c)));
      }
      default -> throw new IllegalArgumentException("unknown distribution '" + u.distribution() + "'");
    };
  }
}
