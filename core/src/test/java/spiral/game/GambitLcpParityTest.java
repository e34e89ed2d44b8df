package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code lcp} on strategic games prints the lines Gambit 17's {@code gambit-lcp -q} printed, in
 * the same order (duplicates of a degenerate game's equilibrium included): on a generated family
 * of 84 small games with payoffs from a few integers (many degenerate: 2x2 to 7x7), on the 44
 * two-player strategic reference games, and with {@code -S} on the reduced strategic forms of
 * 111 two-player reference trees. Gambit's lines are stored beside the tests
 * (games/gambit-lcp/*.tsv: game, then its lines joined by ';').
 */
class GambitLcpParityTest {
  static List<String[]> rows(String name) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = GambitLcpParityTest.class.getResourceAsStream("/games/" + name);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          out.add(line.split("\t", -1));
        }
      }
    }
    return out;
  }

  static List<String> lines(List<Equilibrium> eqs) {
    return eqs.stream().map(Equilibrium::gambitLine).toList();
  }

  static List<String> expected(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";"));
  }

  @TestFactory
  Stream<DynamicTest> generatedFamily() throws Exception {
    return rows("gambit-lcp/gambit-lcp-family.tsv").stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    "lcp " + row[0],
                    () -> {
                      StrategicGame g = (StrategicGame) GameReader.parse(row[1]);
                      assertThat(lines(new LemkeHowson().solve(g)))
                          .as(row[1])
                          .containsExactlyElementsOf(expected(row[2]));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> referenceStrategicGames() throws Exception {
    return reference("gambit-lcp/gambit-lcp-reference-nfg.tsv", false);
  }

  @TestFactory
  Stream<DynamicTest> referenceTreesReducedForm() throws Exception {
    return reference("gambit-lcp/gambit-lcp-reference-efg-S.tsv", true);
  }

  private Stream<DynamicTest> reference(String file, boolean reduced) throws Exception {
    Path folder = ReferenceGamesTest.gamesFolder();
    Assumptions.assumeTrue(
        folder != null, "the shared reference games (shared/games) are absent: skipped");
    return rows(file).stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    "lcp " + (reduced ? "-S " : "") + row[0],
                    () -> {
                      Path f = folder.resolve(row[0]);
                      Assumptions.assumeTrue(Files.exists(f), row[0] + " absent");
                      Game game = GameReader.read(f);
                      StrategicGame g =
                          reduced
                              ? ReducedStrategicForm.of((ExtensiveGame) game)
                              : (StrategicGame) game;
                      assertThat(lines(new LemkeHowson().solve(g)))
                          .containsExactlyElementsOf(expected(row[1]));
                    }));
  }
}
