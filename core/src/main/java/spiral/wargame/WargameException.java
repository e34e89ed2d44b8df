package spiral.wargame;

/** A move, seat or turn that the game cannot take; the message says which and why. */
public final class WargameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message for the player. */
  public WargameException(String message) {
    super(message);
  }
}
