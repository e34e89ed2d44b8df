package spiral.scenario;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the negotiation section: the input is the section's body, indented under {@code
 * negotiation:} in a scenario that has nothing else, so that most inputs reach {@link
 * NegotiationReader} rather than stopping at the top of the file.
 *
 * <p>Contract (as for the whole file, {@link ScenarioLoader}): a {@link Scenario} with a
 * negotiation, or a {@link ScenarioException} whose problems are located at the offending key or
 * value; nothing else escapes, and nothing reaches the loader's catch-all "internal error", which
 * is where a {@code RuntimeException} from the negotiation reader or the records it builds would
 * end (see {@link ScenarioContract}). Seeds: {@code NegotiationFuzzTestInputs/negotiation}.
 */
@Tag("fuzz")
class NegotiationFuzzTest {
  private static final byte[] HEAD =
      "id: fuzz\nnegotiation:\n".getBytes(StandardCharsets.UTF_8);

  @DictionaryEntries({"start: ", "2022-03", "2022-02-30", "months", "issues", "kind", "numeric",
      "ordinal", "boolean", "levels", "min", "max", "step", "unit", "parties", "weights",
      "values", "type", "linear", "concave", "piecewise", "table", "exponent", "points",
      "increasing", "reservation", "fromSimulation", "scenario", "proposals", "positions", "date",
      "statement", "proposal", "fearon", "shares", "costs", "costUncertainty", "rubinstein",
      "proposer", "responder", "leverage", "favours", "against", "discount", "~", "null", ".inf",
      "-.inf", ".nan", "&a ", "*a", "<<: ", "---", "- ", ": ", "{", "}", "[", "]", "'", "\"",
      "#"})
  @FuzzTest(maxDuration = "60s")
  void negotiation(byte[] section) {
    ScenarioContract.load("fuzz.yaml", wrap(section));
  }

  /** The section under {@code negotiation:}, every line indented by two spaces. */
  static byte[] wrap(byte[] section) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(section.length + 64);
    out.writeBytes(HEAD);
    out.write(' ');
    out.write(' ');
    for (byte b : section) {
      out.write(b);
      if (b == '\n') {
        out.write(' ');
        out.write(' ');
      }
    }
    return out.toByteArray();
  }
}
