package spiral.explore.sweep;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A sweep as text that travels: the sweep file's text and, when its base scenario is a file, that
 * file's bytes, so that another machine rebuilds the same {@link Sweep} without a shared file
 * system ({@link #sweep()}). Cost: the size of the two files; rebuilding parses both.
 *
 * @param source the sweep file's name, for messages
 * @param text the sweep file's text
 * @param scenarioSource the scenario file's name, for messages, or null for a built-in scenario
 * @param scenarioContent the scenario file's bytes, or null for a built-in scenario
 */
public record SweepSource(String source, String text, String scenarioSource,
    byte[] scenarioContent) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Checks. */
  public SweepSource {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    if ((scenarioSource == null) != (scenarioContent == null)) {
      throw new IllegalArgumentException("scenarioSource and scenarioContent go together");
    }
  }

  /**
   * The source of a sweep: its text and the scenario file's bytes it was built from ({@link
   * Sweep#origin()}); nothing is read again.
   */
  public static SweepSource of(Sweep sweep) {
    return sweep.origin();
  }

  /** The sweep this source stands for, parsed and validated afresh. */
  public Sweep sweep() {
    return Sweep.parse(source, text, scenarioSource, scenarioContent);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SweepSource s && source.equals(s.source) && text.equals(s.text)
        && Objects.equals(scenarioSource, s.scenarioSource)
        && Arrays.equals(scenarioContent, s.scenarioContent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, text, scenarioSource) * 31 + Arrays.hashCode(scenarioContent);
  }

  @Override
  public String toString() {
    return "SweepSource[" + source + (scenarioSource == null ? "" : ", " + scenarioSource) + "]";
  }
}
