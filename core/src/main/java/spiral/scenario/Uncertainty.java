package spiral.scenario;

import java.util.Objects;

/**
 * A distribution over one numeric parameter of the scenario.
 *
 * @param parameter dotted path, e.g. {@code actors.russia.perception.threatBias}
 * @param distribution {@code uniform} (a = min, b = max), {@code normal} (a = mean, b = sd) or
 *     {@code triangular} (a = min, b = max, c = mode)
 * @param a first parameter
 * @param b second parameter
 * @param c third parameter (triangular only; NaN otherwise)
 */
public record Uncertainty(String parameter, String distribution, double a, double b, double c) {
  public Uncertainty {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(distribution, "distribution");
  }
}
