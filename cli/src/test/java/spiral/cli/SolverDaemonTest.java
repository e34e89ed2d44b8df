package spiral.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import spiral.cli.GambitToolTest.Run;

/**
 * The daemon behind the gambit/ shims, through the real shims in bash: the same output, error
 * output and exit code as the tool run in its own process, standard input read only where the
 * tool reads the game from it, and a daemon that cannot take a request passed over before
 * standard input is touched. The fallback command is a stand-in that says it ran, so a test
 * knows which of the two answered.
 */
@DisabledOnOs(OS.WINDOWS)
class SolverDaemonTest {
  @TempDir Path dir;

  private final List<SolverDaemon> daemons = new ArrayList<>();
  private final List<CompletableFuture<String>> serving = new ArrayList<>();

  private Path start(Path jar, Duration idle, AtomicLong clock) throws Exception {
    Path file = dir.resolve("state").resolve("spiral.daemon");
    SolverDaemon d = new SolverDaemon(file, jar, idle, clock == null ? System::nanoTime : clock::get);
    daemons.add(d);
    serving.add(CompletableFuture.supplyAsync(() -> {
      try {
        return d.serve();
      } catch (Exception e) {
        return e.toString();
      }
    }));
    return file;
  }

  @AfterEach
  void stop() throws Exception {
    for (SolverDaemon d : daemons) {
      d.close();
    }
  }

  /** {@code script} in bash from {@code dir}, the shims first on the PATH, using {@code file}. */
  private Run shim(String script, Path file) throws Exception {
    Path root = GambitToolTest.repo();
    assumeTrue(root != null && Files.isExecutable(Path.of("/bin/bash")), "no bash or no shims");
    Path gambit = root.resolve("gambit");
    Path fallback = dir.resolve("fallback");
    Files.writeString(fallback, "#!/bin/sh\necho \"FALLBACK $*\"\ncat\nexit 7\n");
    fallback.toFile().setExecutable(true);
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", script).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    env.put("SPIRAL", fallback.toString());
    env.put("SPIRAL_DAEMON_FILE", file.toString());
    env.put("PATH", gambit + ":" + System.getenv("PATH"));
    return GambitToolTest.finish(pb, dir, 60);
  }

  /** The tool in this process, as its own process would run it from {@code dir}. */
  private Run direct(String tool, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = GambitTool.run(tool, args, dir, new ByteArrayInputStream(stdin.getBytes(UTF_8)),
        new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
  }

  @Test
  void answersAsTheToolInItsOwnProcess() throws Exception {
    Path file = start(null, Duration.ofMinutes(10), null);
    Files.writeString(dir.resolve("battle.nfg"), SolveCommandTest.BATTLE);
    Files.writeString(dir.resolve("entry.efg"), SolveCommandTest.TREE);
    Files.writeString(dir.resolve("perts.csv"), "0.1,0.9,0.2,0.8\n");
    Files.writeString(dir.resolve("bad.efg"), "EFG 2 R \"x\" { \"1\" \"2\" }\np 1\n");
    String[][] cases = {
      // tool, standard input, arguments...
      {"lcp", SolveCommandTest.BATTLE, "-q", "-d", "4"},
      {"enummixed", "", "battle.nfg"},
      {"enumpure", "", "-qD", "entry.efg"},
      {"lcp", "", "-q", "missing.nfg"},
      {"lcp", "EFG 2 R", "-q"},
      {"lcp", "", "-q", "bad.efg"},
      {"lcp", "", "-x"},
      {"gnm", "", "-q", "-V", "-s", "perts.csv", "battle.nfg"},
      {"enumpure", "", "-h"},
      {"lcp", "", "-q"},
      {"logit", SolveCommandTest.BATTLE, "-q", "-e", "-"},
      {"logit", "", "-q", "battle.nfg"}, // the whole branch: over 1 KiB of output
      {"simpdiv", "", "-q", dir.resolve("battle.nfg").toString()},
    };
    for (String[] c : cases) {
      Run expected = direct(c[0], c[1], java.util.Arrays.copyOfRange(c, 2, c.length));
      Path in = dir.resolve("stdin");
      Files.writeString(in, c[1]);
      StringBuilder line = new StringBuilder("gambit-" + c[0]);
      for (int i = 2; i < c.length; i++) {
        line.append(" '").append(c[i]).append('\'');
      }
      Run got = shim(line + " < stdin", file);
      assertThat(got).as(String.join(" ", c)).isEqualTo(expected);
    }
    assertThat(direct("lcp", "", "-q", "missing.nfg").code()).isEqualTo(1);
    assertThat(direct("logit", "", "-q", "battle.nfg").out().length()).isGreaterThan(1024);
    assertThat(SolverDaemon.ask(file, "status")).startsWith("OK ").endsWith(" " + cases.length);
  }

  @Test
  void standardInputIsLeftAloneWhenAFileIsNamed() throws Exception {
    Path file = start(null, Duration.ofMinutes(10), null);
    Files.writeString(dir.resolve("a.nfg"), SolveCommandTest.BATTLE);
    Files.writeString(dir.resolve("b.efg"), SolveCommandTest.TREE);
    // a loop that reads file names from standard input, as scripts do
    Run r = shim("printf 'a.nfg\\nb.efg\\n' | while read -r f; do gambit-enumpure -q \"$f\"; done",
        file);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(
        direct("enumpure", "", "-q", "a.nfg").out() + direct("enumpure", "", "-q", "b.efg").out());
    assertThat(r.out().lines()).hasSize(4);
    // requests side by side
    r = shim("for i in 1 2 3 4 5 6 7 8; do gambit-lcp -q a.nfg > o$i & done; wait; cat o*", file);
    assertThat(r.out().lines().toList()).hasSize(24);
    assertThat(r.out().lines().distinct().toList())
        .containsExactly(direct("lcp", "", "-q", "a.nfg").out().lines().toArray(String[]::new));
  }

  @Test
  void aDaemonThatCannotAnswerIsPassedOverBeforeStandardInputIsRead() throws Exception {
    Path none = dir.resolve("none.daemon");
    Run r = shim("echo GAME | gambit-lcp -q", none);
    assertThat(r).isEqualTo(new Run(7, "FALLBACK gambit-lcp -q\nGAME\n", ""));
    // a file whose token is wrong: DENIED, then the spiral command, with standard input intact
    Path file = start(null, Duration.ofMinutes(10), null);
    String[] f = Files.readString(file).split(" ");
    Path forged = dir.resolve("forged.daemon");
    Files.writeString(forged, f[0] + " " + "0".repeat(64) + " 1\n");
    assertThat(SolverDaemon.ask(forged, "status")).isEqualTo("DENIED");
    r = shim("echo GAME | gambit-lcp -q", forged);
    assertThat(r).isEqualTo(new Run(7, "FALLBACK gambit-lcp -q\nGAME\n", ""));
    // nothing listening on the port
    Files.writeString(forged, "1 " + f[1] + " 1\n");
    r = shim("echo GAME | gambit-lcp -q -d 2", forged);
    assertThat(r).isEqualTo(new Run(7, "FALLBACK gambit-lcp -q -d 2\nGAME\n", ""));
    // the file is the owner's only
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    // a stop request: the daemon ends and removes its file; later requests fall back
    assertThat(SolverDaemon.ask(file, "stop")).isEqualTo("STOPPING");
    assertThat(serving.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("stop requested");
    assertThat(file).doesNotExist();
    r = shim("echo GAME | gambit-lcp -q", file);
    assertThat(r.code()).isEqualTo(7);
  }

  @Test
  void aRebuiltJarIsServedByAFreshProcess() throws Exception {
    Path jar = Files.writeString(dir.resolve("spiral.jar"), "jar");
    Path file = start(jar, Duration.ofMinutes(10), null);
    Files.writeString(dir.resolve("a.nfg"), SolveCommandTest.BATTLE);
    assertThat(shim("gambit-lcp -q a.nfg", file).code()).isZero();
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Run r = shim("echo GAME | gambit-lcp -q", file);
    assertThat(r).isEqualTo(new Run(7, "FALLBACK gambit-lcp -q\nGAME\n", ""));
    assertThat(serving.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(jar + " was rebuilt");
    assertThat(file).doesNotExist();
  }

  @Test
  void stopsWhenIdleOrWhenItsFileIsRemoved() throws Exception {
    AtomicLong clock = new AtomicLong();
    Path file = start(null, Duration.ofMinutes(1), clock);
    assertThat(SolverDaemon.ask(file, "status")).startsWith("OK ");
    // the request's end also counts as use: move the clock on until the daemon sees a minute
    for (int i = 0; i < 100 && !serving.get(0).isDone(); i++) {
      clock.addAndGet(Duration.ofSeconds(61).toNanos());
      Thread.sleep(100);
    }
    assertThat(serving.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("idle for 1 min");
    assertThat(file).doesNotExist();
    file = start(null, Duration.ofMinutes(10), null);
    Files.delete(file);
    assertThat(serving.get(1).get(10, TimeUnit.SECONDS)).endsWith("was removed");
  }

  @Test
  void startStatusAndStopAsAUserRunsThem() throws Exception {
    Path file = dir.resolve("spiral.daemon");
    Run r = spiral(file, "daemon", "status");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).startsWith("spiral daemon: none running");
    r = spiral(file, "daemon", "start", "--idle", "5");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("spiral daemon: started, pid ");
    try {
      r = spiral(file, "daemon");
      assertThat(r.out()).startsWith("spiral daemon: already running, pid ");
      r = spiral(file, "daemon", "status");
      assertThat(r.code()).isZero();
      assertThat(r.out()).startsWith("spiral daemon: running, pid ").endsWith("0 requests served\n");
      Files.writeString(dir.resolve("a.nfg"), SolveCommandTest.BATTLE);
      Run s = shim("gambit-lcp -q a.nfg", file);
      assertThat(s.out()).isEqualTo(direct("lcp", "", "-q", "a.nfg").out());
    } finally {
      r = spiral(file, "daemon", "stop");
    }
    assertThat(r.out()).isEqualTo("spiral daemon: stopped\n");
    assertThat(Files.readString(Path.of(file + ".log"))).contains("spiral daemon: serving")
        .contains("spiral daemon: stopped (stop requested)");
    r = spiral(file, "daemon", "stop");
    assertThat(r.out()).startsWith("spiral daemon: none running");
    r = spiral(file, "daemon", "--idle", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(
        "spiral daemon: --idle must be between 1 and 10080 minutes, got 0\n");
  }

  private Run spiral(Path file, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "spiral.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("SPIRAL_DAEMON_FILE", file.toString());
    return GambitToolTest.finish(pb, dir, 60);
  }
}
