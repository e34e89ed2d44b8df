package spiral.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import spiral.explore.sweep.LocalSweepExecutor;
import spiral.explore.sweep.Sweep;
import spiral.explore.sweep.SweepRunner;
import spiral.sim.Simulator;

/** Sweep files for the tests (of every Spark line) and the local executor's results to compare with. */
public final class Sweeps {
  private Sweeps() {}

  /** A Latin hypercube sweep over RAND case D: {@code points} points of {@code runs} runs. */
  public static String text(int points, int runs) {
    return """
        scenario: rand-d-ports
        parameters:
          - {path: actors.russia.perception.threatBias, min: 0, max: 0.8}
          - {path: actors.russia.rationality, min: 1, max: 5}
          - {path: alliances.nato-alliance.commitmentCredibility, min: 0.6, max: 1.0}
        design: {type: lhs, points: %d}
        runs: %d
        seed: 7
        outputs: [nuclearUse, directWar, furtherAttacks, meanMaxRung, escalationScore]
        """.formatted(points, runs);
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Files.createDirectories(dir);
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  /** The local executor's results file of a sweep file, on one thread. */
  static String local(Path sweepFile, Path out) throws IOException {
    Sweep sweep = Sweep.read(sweepFile);
    new SweepRunner(new LocalSweepExecutor(new Simulator(Runnable::run, 1)))
        .run(sweep, out, false, null);
    return Files.readString(out.resolve(SweepRunner.RESULTS), StandardCharsets.UTF_8);
  }
}
