package spiral.scenario;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the scenario loader with whole files (bytes: YAML, or anything else).
 *
 * <p>Contract ({@link ScenarioLoader}): for any bytes, {@link ScenarioLoader#parse} returns a
 * {@link Scenario} or throws a {@link ScenarioException} listing problems with file, line and
 * column; no other exception or error escapes, and no problem comes from the loader's catch-alls
 * (see {@link ScenarioContract}). Seeds: {@code ScenarioLoaderFuzzTestInputs/scenario}.
 */
@Tag("fuzz")
class ScenarioLoaderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void scenario(byte[] content) {
    ScenarioContract.load("fuzz.yaml", content);
  }
}
