package spiral.scenario;

/**
 * How an actor chooses its moves.
 *
 * <ul>
 *   <li>{@code quantal}: quantal response on its faction-weighted utility (the model);
 *   <li>{@code scripted}: a fixed list of moves, the last one repeating;
 *   <li>{@code proportional}: its candidate whose rung is closest to the perceived attack;
 *   <li>{@code titForTat}: mirrors the perceived rung of the opponent's last move;
 *   <li>{@code hawk}: its highest-rung candidate;
 *   <li>{@code dove}: de-escalates and offers talks.
 * </ul>
 */
public enum PolicyKind {
  QUANTAL("quantal"),
  SCRIPTED("scripted"),
  PROPORTIONAL("proportional"),
  TIT_FOR_TAT("titForTat"),
  HAWK("hawk"),
  DOVE("dove");

  private final String fileName;

  PolicyKind(String fileName) {
    this.fileName = fileName;
  }

  /** The scenario-file spelling. */
  public String fileName() {
    return fileName;
  }

  /** Parses the scenario-file spelling. */
  public static PolicyKind parse(String s) {
    for (PolicyKind k : values()) {
      if (k.fileName.equals(s)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown policy '" + s + "'");
  }
}
