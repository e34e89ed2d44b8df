package spiral.explore.sweep;

/** A problem with a sweep file or a results file, with a message naming the key or the file. */
public final class SweepException extends RuntimeException {
  /** A problem described by the message. */
  public SweepException(String message) {
    super(message);
  }
}
