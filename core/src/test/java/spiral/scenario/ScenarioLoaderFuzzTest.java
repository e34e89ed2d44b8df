package spiral.scenario;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
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
  @DictionaryEntries({"id: ", "ladder", "kahn-44", "nato-russia-2022", "thresholds", "directWar",
      "nuclear", "strategic", "rungs", "level", "baseline", "actors", "side", "initiator",
      "responder", "principal", "rationality", "resolve", "factions", "weight", "perception",
      "policy", "scripted", "script", "hold", "deescalate", "+1", " if >= ", "targets", "owner",
      "options", "actor", "rung", "kinetic", "packages", "sanctions", "alliances", "members",
      "initiatingEvent", "attacker", "uncertainties", "parameter", "distribution", "triangular",
      "uniform", "normal", "mode", "actors.red.resolve", "ladder.rungs.1.damage", "horizon",
      "model", "negotiation", "~", "null", ".inf", "-.inf", ".nan", "&a ", "*a", "<<: ", "---",
      "- ", ": ", "{", "}", "[", "]", "'", "\"", "#"})
  @FuzzTest(maxDuration = "60s")
  void scenario(byte[] content) {
    ScenarioContract.load("fuzz.yaml", content);
  }
}
