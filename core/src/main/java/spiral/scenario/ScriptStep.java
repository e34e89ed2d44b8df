package spiral.scenario;

import java.util.Objects;

/**
 * One step of a scripted policy: an absolute rung, a step relative to the actor's own last
 * executed rung, {@code hold}, {@code deescalate}, or one of the actor's options.
 *
 * @param kind which of the forms this is
 * @param value the rung (ABSOLUTE) or the offset (RELATIVE); 0 otherwise
 * @param option the option id (OPTION); null otherwise
 */
public record ScriptStep(Kind kind, int value, String option) {
  /** The forms of a script step. */
  public enum Kind {
    ABSOLUTE,
    RELATIVE,
    HOLD,
    DEESCALATE,
    OPTION
  }

  public ScriptStep {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.OPTION) {
      Objects.requireNonNull(option, "option");
    }
  }

  /**
   * Parses a script entry as written in a scenario file: an integer rung ({@code 9}), a relative
   * step ({@code "+1"}, {@code "-2"}), {@code hold}, {@code deescalate}, or an option id.
   */
  public static ScriptStep parse(String text) {
    String t = text.trim();
    if (t.equals("hold")) {
      return new ScriptStep(Kind.HOLD, 0, null);
    }
    if (t.equals("deescalate")) {
      return new ScriptStep(Kind.DEESCALATE, 0, null);
    }
    if (t.matches("[+-]\\d{1,3}")) {
      return new ScriptStep(Kind.RELATIVE, Integer.parseInt(t), null);
    }
    if (t.matches("\\d{1,3}")) {
      return new ScriptStep(Kind.ABSOLUTE, Integer.parseInt(t), null);
    }
    return new ScriptStep(Kind.OPTION, 0, t);
  }
}
