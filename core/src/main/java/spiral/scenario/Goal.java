package spiral.scenario;

import java.util.Objects;

/**
 * A criterion response options are judged on, with its weight.
 *
 * @param metric one of {@code punishment}, {@code deterrence}, {@code nuclearAvoidance},
 *     {@code warAvoidance}, {@code credibility}, {@code cohesion}, {@code settlement}
 * @param weight weight &ge; 0
 * @param description what the goal stands for
 */
public record Goal(String metric, double weight, String description) {
  public Goal {
    Objects.requireNonNull(metric, "metric");
    Checks.nonNegative("goals." + metric + ".weight", weight);
    description = description == null ? "" : description;
  }
}
