package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every reference game of the shared game collection, round-trips it through the writer,
 * and compares the solvers with the equilibria Gambit printed. Skipped when the collection is
 * absent.
 */
class ReferenceGamesTest {
  /** Games Gambit itself refuses or that hold deliberate errors; we refuse them too. */
  static final Set<String> REFUSED = Set.of();

  /** Games where Gambit's enummixed prints no equilibrium although the game has some. */
  static final Set<String> GAMBIT_MISSES = Set.of("large_payoff_game.efg");

  static Path gamesFolder() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path g = p.resolve("shared").resolve("games");
      if (Files.isDirectory(g)) {
        return g;
      }
      p = p.getParent();
    }
    return null;
  }

  static List<Path> games() throws IOException {
    Path folder = gamesFolder();
    assumeTrue(folder != null, "the shared reference games (shared/games) are absent: skipped");
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(f -> f.toString().endsWith(".nfg") || f.toString().endsWith(".efg"))
          .sorted()
          .toList();
    }
  }

  static Set<List<Rational>> reference(Path ne) throws IOException {
    Set<List<Rational>> set = new HashSet<>();
    for (String line : Files.readAllLines(ne)) {
      if (line.startsWith("NE,")) {
        List<Rational> l = new ArrayList<>();
        for (String t : line.substring(3).split(",")) {
          l.add(Rational.parse(t));
        }
        set.add(l);
      }
    }
    return set;
  }

  static Set<List<Rational>> found(List<Equilibrium> eqs) {
    Set<List<Rational>> set = new HashSet<>();
    for (Equilibrium e : eqs) {
      set.add(e.profile());
    }
    return set;
  }

  @TestFactory
  Stream<DynamicTest> roundTrip() throws IOException {
    return games().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "round trip " + f.getFileName(),
                    () -> {
                      if (REFUSED.contains(f.getFileName().toString())) {
                        try {
                          GameReader.read(f);
                          throw new AssertionError("expected a refusal");
                        } catch (GameFormatException e) {
                          assertThat(e.getMessage()).isNotBlank();
                        }
                        return;
                      }
                      Game g = GameReader.read(f);
                      String text = GameWriter.write(g);
                      Game back = GameReader.parse(text);
                      assertThat(back).isEqualTo(g);
                      assertThat(GameWriter.write(back)).isEqualTo(text);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> enumpure() throws IOException {
    return games().stream()
        .filter(f -> Files.exists(Path.of(f + ".enumpure.ne")))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "enumpure " + f.getFileName(),
                    () -> {
                      Game g = GameReader.read(f);
                      List<Equilibrium> eqs = new EnumPure().solve(g);
                      for (Equilibrium e : eqs) {
                        assertThat(check(g, e.profile())).as(e.gambitLine()).isTrue();
                      }
                      assertThat(found(eqs)).isEqualTo(reference(Path.of(f + ".enumpure.ne")));
                      assertThat(eqs).hasSameSizeAs(found(eqs));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> enummixed() throws IOException {
    return games().stream()
        .filter(f -> f.toString().endsWith(".nfg"))
        .filter(f -> Files.exists(Path.of(f + ".enummixed.ne")))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "enummixed " + f.getFileName(),
                    () -> {
                      Game g = GameReader.read(f);
                      List<Equilibrium> eqs = new EnumMixed().solve(g);
                      for (Equilibrium e : eqs) {
                        assertThat(check(g, e.profile())).as(e.gambitLine()).isTrue();
                      }
                      assertThat(found(eqs)).isEqualTo(reference(Path.of(f + ".enummixed.ne")));
                      assertThat(eqs).hasSameSizeAs(found(eqs));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> enummixedReduced() throws IOException {
    return games().stream()
        .filter(f -> Files.exists(Path.of(f + ".enummixed-reduced.ne")))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "enummixed reduced " + f.getFileName(),
                    () -> {
                      ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
                      StrategicGame r = ReducedStrategicForm.of(g);
                      List<Equilibrium> eqs = new EnumMixed().solve(r);
                      for (Equilibrium e : eqs) {
                        assertThat(check(r, e.profile())).as(e.gambitLine()).isTrue();
                      }
                      if (GAMBIT_MISSES.contains(f.getFileName().toString())) {
                        // Gambit's enummixed loses these equilibria to 64-bit overflow (payoffs
                        // of 10^19); ours are checked exactly above and include the pure one
                        // that Gambit's own enumpure prints.
                        assertThat(eqs).isNotEmpty();
                        return;
                      }
                      assertThat(found(eqs))
                          .isEqualTo(reference(Path.of(f + ".enummixed-reduced.ne")));
                      assertThat(eqs).hasSameSizeAs(found(eqs));
                    }));
  }

  /** The checker accepts every behaviour equilibrium Gambit's lcp printed (mixed, exact). */
  @TestFactory
  Stream<DynamicTest> checkerAcceptsGambitsLcpEquilibria() throws IOException {
    return games().stream()
        .filter(f -> Files.exists(Path.of(f + ".lcp.ne")))
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "checker on lcp " + f.getFileName(),
                    () -> {
                      ExtensiveGame g = (ExtensiveGame) GameReader.read(f);
                      Set<List<Rational>> ref = reference(Path.of(f + ".lcp.ne"));
                      assertThat(ref).isNotEmpty();
                      for (List<Rational> profile : ref) {
                        assertThat(EquilibriumChecker.isNash(g, profile)).as(profile.toString())
                            .isTrue();
                      }
                    }));
  }

  static boolean check(Game g, List<Rational> profile) {
    return g instanceof StrategicGame s
        ? EquilibriumChecker.isNash(s, profile)
        : EquilibriumChecker.isNash((ExtensiveGame) g, profile);
  }
}
