package spiral.store;

/** A write the database refused because it would break a unique key (a seat, a move, a claim). */
public final class ConflictException extends RuntimeException {
  /** A conflict with a message saying what was already there. */
  public ConflictException(String message) {
    super(message, null, false, false);
  }
}
