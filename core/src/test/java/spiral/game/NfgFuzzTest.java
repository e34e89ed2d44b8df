package spiral.game;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the reader of Gambit strategic-form files: the input follows {@code "NFG "}, so that
 * every input reaches the {@code .nfg} parser.
 *
 * <p>Contract ({@link GameReader}): a {@link Game}, or a {@link GameFormatException} with the line
 * and column of the offending token (see {@link GameFuzzing}); nothing else escapes. A game read
 * is written back with {@link GameWriter} and must read back equal. Seeds: {@code
 * NfgFuzzTestInputs/nfg}.
 */
@Tag("fuzz")
class NfgFuzzTest {
  @DictionaryEntries({"1 R ", "D", "{ ", " }", "\"\"", "1/2", "-3/4", "1e", ".5", ", "})
  @FuzzTest(maxDuration = "60s")
  void nfg(byte[] rest) {
    GameFuzzing.readOrFail("NFG ", rest);
  }
}
