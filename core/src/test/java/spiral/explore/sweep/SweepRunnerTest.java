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

  static Sweep many() {
    return SweepTest.parse(SweepTest.GOOD.replace("points: 6", "points: 30")
        .replace("runs: 200", "runs: 70"));
  }

  private String runOn(Sweep s, int threads, String name) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long[] last = {-1};
      new SweepRunner(new LocalSweepExecutor(pool, threads)).run(s, tmp.resolve(name), false,
          (d, t) -> {
            assertThat(d).isGreaterThanOrEqualTo(last[0]).isLessThanOrEqualTo(t);
            last[0] = d;
          });
      assertThat(last[0]).isEqualTo(s.points().length * s.runs());
    } finally {
      pool.shutdownNow();
    }
    return Files.readString(tmp.resolve(name).resolve("results.csv"));
  }

  @Test
  void pointsSideBySideGiveTheSequentialFileToTheByte() throws Exception {
    Sweep s = many();
    new SweepRunner(new Simulator(Runnable::run, 1)).run(s, tmp.resolve("seq"), false, null);
    String seq = Files.readString(tmp.resolve("seq/results.csv"));
    assertThat(seq.lines()).hasSize(31);
    assertThat(runOn(s, 1, "t1")).isEqualTo(seq);
    assertThat(runOn(s, 2, "t2")).isEqualTo(seq);
    assertThat(runOn(s, 3, "t3")).isEqualTo(seq);
    // fewer points than threads: a point's runs are shared instead
    assertThat(runOn(sweep(), 8, "t8")).isEqualTo(
        Files.readString(writeSequential(sweep(), "seq6").resolve("results.csv")));
  }

  private Path writeSequential(Sweep s, String name) throws Exception {
    new SweepRunner(new Simulator(Runnable::run, 1)).run(s, tmp.resolve(name), false, null);
    return tmp.resolve(name);
  }

  /** A sink that fails after k rows, as a killed process stops writing. */
  static final class Interrupted extends RuntimeException {}

  @Test
  void aSweepStoppedAfterSomePointsAndResumedGivesTheUninterruptedFile() throws Exception {
    Sweep s = many();
    String full = Files.readString(writeSequential(s, "full").resolve("results.csv"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      LocalSweepExecutor local = new LocalSweepExecutor(pool, 2);
      SweepExecutor stopping = (sw, from, sink, progress) -> local.evaluate(sw, from,
          (i, out) -> {
            if (i == 11) {
              throw new Interrupted();
            }
            sink.accept(i, out);
          }, progress);
      Path dir = tmp.resolve("stopped");
      assertThatThrownBy(() -> new SweepRunner(stopping).run(s, dir, false, null))
          .isInstanceOf(Interrupted.class);
      assertThat(Files.readString(dir.resolve("results.csv")).lines()).hasSize(12);
      assertThat(new SweepRunner(local).run(s, dir, true, null)).isEqualTo(11);
      assertThat(Files.readString(dir.resolve("results.csv"))).isEqualTo(full);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRunThatFailsBeforeItsFirstPointLeavesNothingThatBlocksARerun() throws Exception {
    Sweep s = sweep();
    SweepExecutor unreachable = (sw, from, sink, progress) -> {
      throw new java.io.IOException("no executor");
    };
    Path fresh = tmp.resolve("fresh");
    assertThatThrownBy(() -> new SweepRunner(unreachable).run(s, fresh, false, null))
        .hasMessage("no executor");
    assertThat(fresh).doesNotExist();
    // a folder that was there before keeps what it held; only the run's own files go
    Path given = Files.createDirectories(tmp.resolve("given"));
    Files.writeString(given.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> new SweepRunner(unreachable).run(s, given, false, null))
        .hasMessage("no executor");
    assertThat(given.resolve("notes.txt")).hasContent("mine");
    assertThat(given.resolve(SweepRunner.RESULTS)).exists();
    // and a plain rerun in the fresh folder is not refused
    new SweepRunner(new Simulator(Runnable::run, 1)).run(s, fresh, false, null);
    assertThat(fresh.resolve(SweepRunner.RESULTS)).exists();
  }

  @Test
  void aSweepFilesDefaultFolderIsItsNameWithoutTheExtension() {
    assertThat(SweepRunner.defaultFolder("sweeps/rand-d.yaml")).isEqualTo("rand-d");
    assertThat(SweepRunner.defaultFolder("hdfs://nn:8020/sweeps/rand-d.yaml")).isEqualTo("rand-d");
    assertThat(SweepRunner.defaultFolder("C:\\sweeps\\a.b.yaml")).isEqualTo("a.b");
    assertThat(SweepRunner.defaultFolder("sweep")).isEqualTo("sweep-results");
    assertThat(SweepRunner.defaultFolder(".hidden")).isEqualTo(".hidden-results");
  }

  @Test
  void aFailingPointStopsTheSweepWithItsError() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      LocalSweepExecutor local = new LocalSweepExecutor(pool, 2);
      assertThatThrownBy(() -> local.evaluate(many(), 0, (i, out) -> {
        throw new java.io.IOException("disk full at " + i);
      }, null)).isInstanceOf(java.io.IOException.class).hasMessage("disk full at 0");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tornadoMovesOneParameterAtATimeAroundTheMiddle() {
    Sweep s = sweep();
    Simulator one = new Simulator(Runnable::run, 1);
    var ranges = OneAtATime.ranges(s);
    assertThat(ranges.get(0).low()).isEqualTo(1.0);
    assertThat(ranges.get(0).base()).isEqualTo(3.0);
    assertThat(ranges.get(0).high()).isEqualTo(5.0);
    spiral.explore.Tornado t = OneAtATime.tornado(s, "nuclearUse", one, null);
    assertThat(t.bars()).hasSize(2);
    assertThat(t.base()).isEqualTo(SweepRunner.evaluate(s, new double[] {3.0, 0.8}, one,
        spiral.sim.Progress.NONE)[0]);
    spiral.explore.Tornado.Bar r = t.bars().stream()
        .filter(b -> b.parameter().equals("actors.russia.rationality")).findFirst().orElseThrow();
    assertThat(r.low()).isEqualTo(SweepRunner.evaluate(s, new double[] {1.0, 0.8}, one,
        spiral.sim.Progress.NONE)[0]);
    assertThatThrownBy(() -> OneAtATime.tornado(s, "cohesion", one, null))
        .isInstanceOf(IllegalArgumentException.class);
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
