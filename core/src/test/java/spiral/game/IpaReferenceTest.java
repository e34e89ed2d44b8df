package spiral.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Gambit's ipa differentially, on the shared reference games (skipped when absent): every one of
 * three seeded perturbations of every strategic game, and of every tree's reduced strategic form
 * (perfect recall, at most 200 strategies), ends at an equilibrium, checked with the exact
 * equilibrium test (regret 0 where the profile is exact, at most 1e-6 of the payoff range
 * otherwise); and random games of three to five players, where the iteration cycles from some
 * starts.
 */
class IpaReferenceTest {
  /** Perturbations per game. */
  static final int PERTURBATIONS = 3;

  static final AtomicInteger GAMES = new AtomicInteger();
  static final AtomicInteger SOLVED = new AtomicInteger();
  static final AtomicInteger RUNS = new AtomicInteger();
  static final AtomicInteger FOUND = new AtomicInteger();
  static final AtomicInteger EXACT = new AtomicInteger();

  static void assertEquilibrium(StrategicGame g, IteratedPolymatrix.Outcome o) {
    IteratedPolymatrixTest.assertEquilibrium(g, o);
  }

  static List<IteratedPolymatrix.Outcome> solve(StrategicGame g, int count, long seed) {
    return IteratedPolymatrixTest.solve(g, count, seed);
  }

  /** A game of the given shape with integer payoffs drawn below {@code bound}. */
  static StrategicGame random(int[] sizes, java.util.Random rng, int bound) {
    List<String> players = new ArrayList<>();
    List<List<String>> strategies = new ArrayList<>();
    int profiles = 1;
    for (int i = 0; i < sizes.length; i++) {
      players.add("P" + (i + 1));
      List<String> s = new ArrayList<>();
      for (int j = 0; j < sizes[i]; j++) {
        s.add("s" + (j + 1));
      }
      strategies.add(s);
      profiles *= sizes[i];
    }
    Rational[][] pay = new Rational[profiles][sizes.length];
    for (Rational[] row : pay) {
      for (int i = 0; i < sizes.length; i++) {
        row[i] = Rational.of(rng.nextInt(bound), 1);
      }
    }
    return new StrategicGame("random", "", players, strategies, pay);
  }

  @Test
  void randomGamesOfThreeToFivePlayers() {
    // shapes and payoff ranges where the damped iteration is known to cycle from some starts:
    // the restarts from seeded random profiles end every run at an equilibrium
    java.util.Random rng = new java.util.Random(42);
    int[][] shapes = {{3, 3, 3}, {4, 4, 4}, {2, 2, 2, 2}, {3, 3, 3, 3}, {2, 2, 2, 2, 2}, {5, 4, 3}};
    for (int[] shape : shapes) {
      for (int k = 0; k < 10; k++) {
        StrategicGame g = random(shape, rng, 100);
        for (IteratedPolymatrix.Outcome o : solve(g, 2, k)) {
          assertEquilibrium(g, o);
        }
      }
    }
  }

  /** The strategic reference games, and the trees' reduced forms of at most 200 strategies. */
  static Stream<Path> referenceGames() throws Exception {
    return ReferenceGamesTest.games().stream()
        .filter(f -> f.toString().endsWith(".nfg") || f.toString().endsWith(".efg"));
  }

  @TestFactory
  Stream<DynamicTest> everyPerturbationEndsAtAnEquilibriumOfTheReferenceGames() throws Exception {
    return referenceGames()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    "ipa " + f.getFileName(),
                    () -> {
                      Game read = GameReader.read(f);
                      StrategicGame g;
                      if (read instanceof ExtensiveGame tree) {
                        if (!tree.hasPerfectRecall()) {
                          return;
                        }
                        try {
                          g = ReducedStrategicForm.of(tree);
                        } catch (IllegalArgumentException tooLarge) {
                          return;
                        }
                        if (g.profileLength() > 200) {
                          return;
                        }
                      } else {
                        g = (StrategicGame) read;
                      }
                      GAMES.incrementAndGet();
                      boolean any = false;
                      for (IteratedPolymatrix.Outcome o : solve(g, PERTURBATIONS, 0)) {
                        RUNS.incrementAndGet();
                        assertEquilibrium(g, o);
                        FOUND.incrementAndGet();
                        any = true;
                        if (o.exact()) {
                          EXACT.incrementAndGet();
                        }
                        if (g.numPlayers() == 2) {
                          assertThat(o.iterations()).isEqualTo(1);
                        }
                        Path enummixed = Path.of(f + ".enummixed.ne");
                        if (o.exact() && g.numPlayers() == 2 && Files.exists(enummixed)
                            && !SpeLogitReferenceTest.NOT_EXTREME.contains(
                                f.getFileName().toString())
                            && ReferenceGamesTest.reference(enummixed).size() == 1) {
                          // a game with a unique equilibrium: that one
                          assertThat(ReferenceGamesTest.reference(enummixed))
                              .contains(o.equilibrium().profile());
                        }
                      }
                      if (any) {
                        SOLVED.incrementAndGet();
                      }
                    }));
  }

  @AfterAll
  static void report() {
    if (GAMES.get() > 0) {
      System.out.printf(
          "ipa on the reference games: %d of %d solved; %d of %d perturbations found an"
              + " equilibrium, %d of them exact%n",
          SOLVED.get(), GAMES.get(), FOUND.get(), RUNS.get(), EXACT.get());
    }
  }
}
