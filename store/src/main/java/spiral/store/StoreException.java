package spiral.store;

/** A failure of the database under the store (unreachable, a failed migration, a broken query). */
public final class StoreException extends RuntimeException {
  /** A failure with its cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
