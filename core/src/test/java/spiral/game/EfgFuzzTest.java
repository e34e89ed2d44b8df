package spiral.game;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the reader of Gambit extensive-form files: the input follows {@code "EFG "}, so that
 * every input reaches the {@code .efg} parser.
 *
 * <p>Contract ({@link GameReader}): a {@link Game}, or a {@link GameFormatException} with the line
 * and column of the offending token (see {@link GameFuzzing}); nothing else escapes, a tree too
 * deep to read included. A game read is written back with {@link GameWriter} and must read back
 * equal. Seeds: {@code EfgFuzzTestInputs/efg}.
 */
@Tag("fuzz")
class EfgFuzzTest {
  @DictionaryEntries({"2 R ", "D", "{ ", " }", "\"\"", "p \"\" ", "c \"\" ", "t \"\" ", "1/2",
      "-3/4", "1e", ".5", ", "})
  @FuzzTest(maxDuration = "60s")
  void efg(byte[] rest) {
    GameFuzzing.readOrFail("EFG ", rest);
  }
}
