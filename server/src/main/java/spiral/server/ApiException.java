package spiral.server;

/**
 * A request the API refuses: answered with {@code status} and the JSON body {@code {error,
 * message, details?}} (and, for an invalid scenario, {@code errors}).
 */
final class ApiException extends RuntimeException {
  final int status;
  final String error;
  final transient Object details;

  ApiException(int status, String error, String message) {
    this(status, error, message, null);
  }

  ApiException(int status, String error, String message, Object details) {
    super(message, null, false, false);
    this.status = status;
    this.error = error;
    this.details = details;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }
}
