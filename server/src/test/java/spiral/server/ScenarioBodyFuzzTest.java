package spiral.server;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the body of {@code POST /api/scenarios} (and {@code /validate}, {@code PUT}): the first
 * byte picks the content type, the rest is the body; it goes through {@link
 * Server#scenarioText} and {@link Catalog#parse}, as the handlers do, without HTTP.
 *
 * <p>Contract: the scenario is accepted, or the request is refused with an {@link ApiException}
 * of status 400 ({@code bad_request} for the body, {@code invalid_scenario} with every problem's
 * line and column for the scenario); nothing else escapes (see {@link BodyContract}). Seeds:
 * {@code ScenarioBodyFuzzTestInputs/scenarioBody}.
 */
@Tag("fuzz")
class ScenarioBodyFuzzTest {
  private static final String[] TYPES = {"application/json", "application/yaml",
      "text/plain; charset=utf-8", "application/x-yaml", "text/yaml", null,
      "application/x-www-form-urlencoded"};

  @DictionaryEntries({"\"yaml\"", "id: ", "ladder: kahn-44", "actors", "side: initiator",
      "side: responder", "initiatingEvent", "attacker", "negotiation", "\\n", "\\u0000", "null",
      ": ", ", ", "{", "}", "[", "]"})
  @FuzzTest(maxDuration = "60s")
  void scenarioBody(byte[] input) {
    if (input.length == 0) {
      return;
    }
    String type = TYPES[(input[0] & 0xff) % TYPES.length];
    byte[] body = Arrays.copyOfRange(input, 1, input.length);
    BodyContract.acceptsOrRefuses(() -> Catalog.parse(Server.scenarioText(type, body)));
  }
}
