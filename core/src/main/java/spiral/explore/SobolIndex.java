package spiral.explore;

import java.util.Objects;

/**
 * One parameter's first-order and total Sobol' indices with their bootstrap intervals.
 *
 * @param parameter the parameter name
 * @param first the first-order index S_i (Saltelli et al. 2010 estimator on centred outputs)
 * @param total the total index S_Ti (Jansen 1999 estimator)
 */
public record SobolIndex(String parameter, Estimate first, Estimate total) {
  /** Checks for nulls. */
  public SobolIndex {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(total, "total");
  }
}
