package spiral.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import spiral.game.AgentLogitQre;
import spiral.game.EquilibriumSolver;
import spiral.game.ExtensiveGame;
import spiral.game.Game;
import spiral.game.GameFormatException;
import spiral.game.GameReader;
import spiral.game.GlobalNewton;
import spiral.game.LogitQre;
import spiral.game.ReducedStrategicForm;
import spiral.game.StrategicGame;

/**
 * The equilibrium solvers (the exact ones, simpdiv on the n-player games, ipa with one
 * perturbation, seed 0, on the strategic games, and gnm, logit, liap and enumpoly with their
 * defaults as {@code spiral solve} runs them, on trees too) on the largest
 * reference games that the shared game collection
 * times Gambit on ({@code shared/games/BENCH.md}): milliseconds per solve of an already-read game,
 * one thread. Gambit's figures are whole-process times including about 2 ms of start-up. On trees
 * {@code lcp} and {@code lp} run on the sequence form (Lemke, and the sequence-form linear
 * program), as Gambit's do.
 *
 * <p>The collection is found by walking up from the working directory to a folder holding {@code
 * shared/games}; without it the benchmark stops at set-up, saying so.
 *
 * <p>Run: {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar SolverBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SolverBenchmark {
  /** {@code method:file}: a solver's Gambit name and a game's file name in the collection. */
  @Param({
    "enumpure:8x8.nfg",
    "enummixed:8x8.nfg",
    "lcp:8x8.nfg",
    "enumpure:6x6_game_with_75_eq.nfg",
    "enummixed:6x6_game_with_75_eq.nfg",
    "lcp:6x6_game_with_75_eq.nfg",
    "enumpure:todd3.nfg",
    "enummixed:todd3.nfg",
    "lcp:todd3.nfg",
    "enumpure:csg2.nfg",
    "enummixed:csg2.nfg",
    "lcp:csg2.nfg",
    "lp:csg2.nfg",
    "enumpure:montyhal.efg",
    "enumpure:artist2.efg",
    "lcp:artist2.efg",
    "lcp:ttt.efg",
    "lp:ttt.efg",
    "lcp:bayes2a.efg",
    "lcp:palf2.efg",
    "lcp:montyhal.efg",
    "lcp:holdout7.efg",
    "lcp:4cards.efg",
    "lp:4cards.efg",
    "lcp:nim7.efg",
    "lp:nim7.efg",
    "lcp:poker.efg",
    "lp:poker.efg",
    "simpdiv:5x4x3.nfg",
    "simpdiv:8x2x2.nfg",
    "simpdiv:2x2x2x2x2.nfg",
    "simpdiv:coord333.nfg",
    "simpdiv:condjury.efg",
    "simpdiv:jury_mr.efg",
    "simpdiv:el_farol_bar.efg",
    "ipa:8x8.nfg",
    "ipa:6x6_game_with_75_eq.nfg",
    "ipa:todd3.nfg",
    "ipa:csg2.nfg",
    "ipa:5x4x3.nfg",
    "ipa:8x2x2.nfg",
    "ipa:2x2x2x2x2.nfg",
    "ipa:coord333.nfg",
    "gnm:8x8.nfg",
    "gnm:6x6_game_with_75_eq.nfg",
    "gnm:todd3.nfg",
    "gnm:csg2.nfg",
    "gnm:5x4x3.nfg",
    "gnm:8x2x2.nfg",
    "gnm:2x2x2x2x2.nfg",
    "gnm:coord333.nfg",
    "gnm:artist2.efg",
    "gnm:bayes2a.efg",
    "gnm:palf2.efg",
    "gnm:holdout7.efg",
    "gnm:4cards.efg",
    "gnm:nim7.efg",
    "gnm:poker.efg",
    "gnm:condjury.efg",
    "gnm:jury_mr.efg",
    "gnm:el_farol_bar.efg",
    "logit:8x8.nfg",
    "logit:6x6_game_with_75_eq.nfg",
    "logit:todd3.nfg",
    "logit:csg2.nfg",
    "logit:5x4x3.nfg",
    "logit:8x2x2.nfg",
    "logit:2x2x2x2x2.nfg",
    "logit:coord333.nfg",
    "logit:artist2.efg",
    "logit:ttt.efg",
    "logit:bayes2a.efg",
    "logit:palf2.efg",
    "logit:montyhal.efg",
    "logit:holdout7.efg",
    "logit:4cards.efg",
    "logit:nim7.efg",
    "logit:poker.efg",
    "logit:condjury.efg",
    "logit:jury_mr.efg",
    "logit:cs.efg",
    "logit:el_farol_bar.efg",
    "liap:8x8.nfg",
    "liap:6x6_game_with_75_eq.nfg",
    "liap:todd3.nfg",
    "liap:csg2.nfg",
    "liap:5x4x3.nfg",
    "liap:8x2x2.nfg",
    "liap:2x2x2x2x2.nfg",
    "liap:coord333.nfg",
    "liap:poker.efg",
    "enumpoly:8x8.nfg",
    "enumpoly:6x6_game_with_75_eq.nfg",
    "enumpoly:todd3.nfg",
    "enumpoly:csg2.nfg",
    "enumpoly:5x4x3.nfg",
    "enumpoly:8x2x2.nfg",
    "enumpoly:2x2x2x2x2.nfg",
    "enumpoly:coord333.nfg",
    "enumpoly:poker.efg",
    "enumpoly:condjury.efg",
    "enumpoly:jury_mr.efg",
    "enumpoly:el_farol_bar.efg"
  })
  public String task;

  private Supplier<Object> work;

  @Setup
  public void setUp() throws IOException, GameFormatException {
    int colon = task.indexOf(':');
    String method = task.substring(0, colon);
    String file = task.substring(colon + 1);
    EquilibriumSolver solver = EquilibriumSolver.byName(method);
    if (solver == null) {
      throw new IllegalArgumentException("no solver named " + method);
    }
    Path folder = gamesFolder();
    if (folder == null) {
      throw new IllegalStateException(
          "the shared reference games (shared/games, above the working directory) are absent:"
              + " SolverBenchmark skipped");
    }
    Path path;
    try (Stream<Path> s = Files.walk(folder)) {
      path =
          s.filter(p -> p.getFileName().toString().equals(file))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException(file + " is not in the shared games: skipped"));
    }
    Game game = GameReader.read(path);
    work = () -> solver.solve(game);
    if (game instanceof ExtensiveGame tree) {
      // on a tree, what spiral solve and the gambit-* tools do: logit traces the agent QRE on the
      // tree; gnm, liap and ipa solve the reduced strategic form (built in the timed part, as
      // Gambit's whole-process figures include it), gnm scaled by the tree's payoff bounds
      switch (method) {
        case "logit" ->
            work = () -> AgentLogitQre.trace(tree, LogitQre.Options.defaults(), null);
        case "gnm" -> work = () -> {
          StrategicGame form = ReducedStrategicForm.of(tree);
          GlobalNewton m = new GlobalNewton(form, tree.payoffBounds());
          List<double[]> found = new ArrayList<>();
          m.solve(m.randomPerturbations(1, GlobalNewton.DEFAULT_SEED).get(0),
              GlobalNewton.DEFAULT_LAMBDA_END, found::add);
          return found;
        };
        case "liap", "ipa" -> work = () -> solver.solve(ReducedStrategicForm.of(tree));
        default -> { }
      }
    }
  }

  /** The nearest {@code shared/games} above the working directory, or null. */
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

  /** One complete solve; the score is milliseconds per solve. */
  @Benchmark
  public Object solve() {
    return work.get();
  }
}
