package spiral.server;

/**
 * The REST API's contract for bad request bodies, as the fuzz targets check it: a body is
 * accepted, or refused with an {@link ApiException} whose status is 4xx and which has a message;
 * any other exception would reach a client as a 500. (Messages quote the input, so whether they
 * leak a library's internals is left to the unit tests.)
 */
final class BodyContract {
  private BodyContract() {}

  /** Runs a body through {@code reader}; fails unless it passes or is refused with a 4xx. */
  static void acceptsOrRefuses(Runnable reader) {
    try {
      reader.run();
    } catch (ApiException e) {
      if (e.status < 400 || e.status > 499) {
        throw new AssertionError("refused with status " + e.status + ": " + e.getMessage(), e);
      }
      String m = e.getMessage();
      if (m == null || m.isBlank()) {
        throw new AssertionError("refused without a message", e);
      }
    }
  }
}
