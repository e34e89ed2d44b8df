package spiral.server;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the body of {@code POST /api/charts}: {@link Bodies#object(byte[])} then {@link
 * ChartRender#render}, as the handler does, without HTTP.
 *
 * <p>Contract: a drawn chart, or an {@link ApiException} 400 that names the field; nothing else
 * escapes (see {@link BodyContract}), and no input draws for longer than the fuzz timeout (the
 * kit bounds a chart's marks). Seeds: {@code ChartBodyFuzzTestInputs/chartBody}.
 */
@Tag("fuzz")
class ChartBodyFuzzTest {
  @DictionaryEntries({"\"kind\"", "\"bars\"", "\"scatter\"", "\"lines\"", "\"intervals\"", "\"name\"", "\"title\"",
      "\"series\"", "\"bars\"", "\"points\"", "\"label\"", "\"value\"", "\"lo\"", "\"hi\"", "\"x\"", "\"y\"", "\"front\"",
      "\"group\"", "\"groups\"", "\"band\"", "\"area\"", "\"ranges\"", "\"step\"", "\"xLabels\"", "\"table\"", "\"rows\"",
      "\"columns\"", "\"p\"", "\"p2\"", "\"first\"", "null", "true", "1e308", "-0.0", ": ", ", ", "{", "}", "[", "]"})
  @FuzzTest(maxDuration = "60s")
  void chartBody(byte[] input) {
    BodyContract.acceptsOrRefuses(() -> ChartRender.render(Bodies.object(input)));
  }
}
