package spiral.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario or ladder file could not be read: it is too large, not text, not well-formed YAML,
 * does not match the schema, or refers to things that do not exist. Carries every problem found,
 * in file order; {@link #getMessage()} lists them one per line.
 */
public final class ScenarioException extends Exception {
  private final List<Problem> problems;

  /**
   * @param problems what is wrong (at least one)
   */
  public ScenarioException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order they were reported (file order where the location is known). */
  public List<Problem> problems() {
    return problems;
  }
}
