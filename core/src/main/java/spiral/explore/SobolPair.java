package spiral.explore;

import java.util.Objects;

/**
 * The second-order Sobol' index of a pair of parameters with its bootstrap interval: the share
 * of the output's variance due to their interaction alone (Saltelli 2002 estimator; see {@link
 * SobolAnalysis}).
 *
 * @param parameter the first parameter, earlier in the sweep's order
 * @param other the second parameter
 * @param second the index S_ij
 */
public record SobolPair(String parameter, String other, Estimate second) {
  /** Checks for nulls. */
  public SobolPair {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(other, "other");
    Objects.requireNonNull(second, "second");
  }
}
