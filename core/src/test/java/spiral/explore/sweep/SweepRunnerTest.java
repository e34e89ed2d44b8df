package spiral.explore.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.sim.Simulator;

class SweepRunnerTest {
  @TempDir Path tmp;

  static Sweep sweep() {
    return SweepTest.parse(SweepTest.GOOD);
  }

  @Test
  void sameFileOnOneAndTwoThreads() throws Exception {
    Sweep s = sweep();
    new SweepRunner(new Simulator(Runnable::run, 1)).run(s, tmp.resolve("one"), false, null);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      new SweepRunner(new Simulator(pool, 2)).run(s, tmp.resolve("two"), false, null);
    } finally {
      pool.shutdownNow();
    }
    String one = Files.readString(tmp.resolve("one/results.csv"));
    assertThat(Files.readString(tmp.resolve("two/results.csv"))).isEqualTo(one);
    List<String> lines = one.lines().toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0)).isEqualTo("point,actors.russia.rationality,"
        + "alliances.nato-alliance.commitmentCredibility,seed,nuclearUse,directWar");
    assertThat(lines.get(1)).startsWith("0,").contains(",3,");
    SweepResults r = SweepResults.read(tmp.resolve("one/results.csv"));
    assertThat(r.x()).hasNumberOfRows(6);
    assertThat(r.outputs()).containsExactly("nuclearUse", "directWar");
  }

  @Test
  void resumeGivesTheSameFile() throws Exception {
    Sweep s = sweep();
    SweepRunner runner = new SweepRunner(new Simulator(Runnable::run, 1));
    runner.run(s, tmp.resolve("full"), false, null);
    String full = Files.readString(tmp.resolve("full/results.csv"));
    // an interruption after two points and half a line
    List<String> lines = full.lines().toList();
    Path cut = tmp.resolve("cut");
    Files.createDirectories(cut);
    Files.writeString(cut.resolve("results.csv"), String.join("\n", lines.subList(0, 3)) + "\n"
        + lines.get(3).substring(0, 5), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> runner.run(s, cut, false, null))
        .isInstanceOf(SweepException.class).hasMessageContaining("--resume");
    assertThat(runner.run(s, cut, true, null)).isEqualTo(2);
    assertThat(Files.readString(cut.resolve("results.csv"))).isEqualTo(full);
  }

  @Test
  void resumeRefusesAnotherHeader() throws Exception {
    Path dir = tmp.resolve("other");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.csv"), "point,x,seed,y\n0,1,1,2\n");
    assertThatThrownBy(() -> new SweepRunner(new Simulator(Runnable::run, 1))
        .run(sweep(), dir, true, null))
        .isInstanceOf(SweepException.class).hasMessageContaining("header does not match");
  }
}
