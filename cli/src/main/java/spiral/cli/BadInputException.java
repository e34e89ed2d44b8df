package spiral.cli;

/** Bad input from the user: printed as it is, exit code 2, no stack trace. */
final class BadInputException extends RuntimeException {
  BadInputException(String message) {
    super(message);
  }
}
