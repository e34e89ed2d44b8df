package spiral.scenario;

/**
 * The scenario loader's contract for bad input, as the fuzz targets check it: {@link
 * ScenarioLoader#parse} returns a scenario or throws a {@link ScenarioException} whose problems each
 * have a message and carry a line and column wherever they name a path in the document. (Whether a
 * message leaks a library's internals is not checked here: messages quote the input, and the fuzzer
 * soon learns to write the very words such a check looks for.) A problem from one of the loader's catch-alls (an
 * exception it did not expect, turned into "internal error", "could not read the YAML" or "could
 * not check the file against the schema") breaks the contract as much as an escaped exception:
 * it is where an unlocated exception was caught.
 */
final class ScenarioContract {
  private static final String[] CATCH_ALLS = {"internal error", "could not read the YAML",
      "could not check the file against the schema"};

  private ScenarioContract() {}

  /** Loads, returning the scenario or null for a well-formed ScenarioException. */
  static Scenario load(String source, byte[] content) {
    try {
      return ScenarioLoader.parse(source, content);
    } catch (ScenarioException e) {
      check(e);
      return null;
    }
  }

  /** Fails unless every problem is located and described in words. */
  static void check(ScenarioException e) {
    if (e.problems().isEmpty()) {
      throw new AssertionError("a ScenarioException without problems", e);
    }
    for (Problem p : e.problems()) {
      String m = p.message();
      if (m.isBlank()) {
        throw new AssertionError("a problem without a message: " + p, e);
      }
      for (String c : CATCH_ALLS) {
        if (m.startsWith(c)) {
          throw new AssertionError("an unexpected exception, caught by a catch-all: " + p, e);
        }
      }
      if (!p.path().isEmpty() && p.line() == 0) {
        throw new AssertionError("a problem at a path without a line: " + p, e);
      }
    }
  }
}
