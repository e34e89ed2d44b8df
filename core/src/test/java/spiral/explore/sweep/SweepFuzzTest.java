package spiral.explore.sweep;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes sweep files. The base scenario comes as bytes (the small {@code minimal} test scenario,
 * whatever name the sweep gives it), so no input reaches the file system.
 *
 * <p>Contract ({@link Sweep#parse(String, String, String, byte[])}): a {@link Sweep}, or a {@link
 * SweepException} whose message starts with the file's name and says what is wrong; nothing else
 * escapes (a {@code SweepException} is a {@code RuntimeException}, every other one is a finding).
 * Seeds: {@code SweepFuzzTestInputs/sweep}.
 */
@Tag("fuzz")
class SweepFuzzTest {
  private static final byte[] BASE = resource("/scenarios/minimal.yaml");

  @DictionaryEntries({"scenario: ", "rand-d-ports", "parameters", "path", "min", "max", "values",
      "design", "type", "lhs", "sobol", "sobol-sequence", "factorial", "morris", "saltelli", "points",
      "levels", "secondOrder",
      "trajectories", "seed", "runs", "outputs", "nuclearUse", "directWar", "meanMaxRung",
      "actors.red.resolve", "actors.blue.factions.x.weight", "model.rho", "talks.open",
      "ladder.rungs.3.damage", "packages.sanctions.cost", "targets.depot.value", ".", "~", "null",
      ".inf", "-.inf", ".nan", "&a ", "*a", "<<: ", "---", "- ", ": ", "{", "}", "[", "]", "'",
      "\"", "#"})
  @FuzzTest(maxDuration = "60s")
  void sweep(byte[] file) {
    String text = new String(file, StandardCharsets.UTF_8);
    try {
      Sweep.parse("fuzz.yaml", text, "base.yaml", BASE);
    } catch (SweepException e) {
      String m = e.getMessage();
      if (m == null || !m.startsWith("fuzz.yaml") || m.length() <= "fuzz.yaml: ".length()) {
        throw new AssertionError("a SweepException that does not name the file and the problem", e);
      }
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = SweepFuzzTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
