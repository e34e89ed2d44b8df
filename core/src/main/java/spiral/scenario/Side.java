package spiral.scenario;

/** The two sides of a crisis: the one that opened it, and the one that answers. */
public enum Side {
  INITIATOR,
  RESPONDER;

  /** The other side. */
  public Side other() {
    return this == INITIATOR ? RESPONDER : INITIATOR;
  }

  /** The scenario-file spelling. */
  public String fileName() {
    return this == INITIATOR ? "initiator" : "responder";
  }
}
