package spiral.scenario;

import spiral.FileName;

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
public enum PolicyKind implements FileName {
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

  @Override
  public String fileName() {
    return fileName;
  }

  /** Parses the scenario-file spelling. */
  public static PolicyKind parse(String s) {
    return FileName.parse(PolicyKind.class, s, "policy");
  }
}
