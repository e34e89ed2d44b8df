package spiral.scenario;

import java.util.Objects;

/**
 * One step of a scripted policy: an absolute rung, a step relative to the actor's own last
 * executed rung, {@code hold}, {@code deescalate}, or one of the actor's options; optionally
 * conditional on the perceived opponent rung ({@code "+1 if >= 8"}: step up one rung when the
 * opponent's last move is perceived at rung 8 or above, hold otherwise).
 *
 * @param kind which of the forms this is
 * @param value the rung (ABSOLUTE) or the offset (RELATIVE); 0 otherwise
 * @param option the option id (OPTION); null otherwise
 * @param atLeast the step is taken only when the perceived opponent rung is at least this; -1
 *     for always
 */
public record ScriptStep(Kind kind, int value, String option, int atLeast) {
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
    if (atLeast < -1) {
      throw new IllegalArgumentException("atLeast must be >= -1, was " + atLeast);
    }
  }

  /** An unconditional step. */
  public ScriptStep(Kind kind, int value, String option) {
    this(kind, value, option, -1);
  }

  /**
   * Parses a script entry as written in a scenario file: an integer rung ({@code 9}), a relative
   * step ({@code "+1"}, {@code "-2"}), {@code hold}, {@code deescalate}, or an option id, each
   * optionally followed by {@code if >= N}.
   */
  public static ScriptStep parse(String text) {
    String t = text.trim();
    int at = -1;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(.*\\S)\\s+if\\s*>=\\s*(\\d{1,3})").matcher(t);
    if (m.matches()) {
      t = m.group(1);
      at = Integer.parseInt(m.group(2));
    }
    if (t.equals("hold")) {
      return new ScriptStep(Kind.HOLD, 0, null, at);
    }
    if (t.equals("deescalate")) {
      return new ScriptStep(Kind.DEESCALATE, 0, null, at);
    }
    if (t.matches("[+-]\\d{1,3}")) {
      return new ScriptStep(Kind.RELATIVE, Integer.parseInt(t), null, at);
    }
    if (t.matches("\\d{1,3}")) {
      return new ScriptStep(Kind.ABSOLUTE, Integer.parseInt(t), null, at);
    }
    return new ScriptStep(Kind.OPTION, 0, t, at);
  }
}
