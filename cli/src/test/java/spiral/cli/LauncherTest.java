package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./spiral} launcher, run for real from a copy of the repository's layout in which the
 * Maven wrapper and {@code java} are stand-ins: the build takes 3 seconds and makes the jar, and
 * "java" only echoes its arguments.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
  @TempDir Path tmp;

  @Test
  void theFirstBuildSaysSoAtOnceAndLaterRunsAreSilent() throws Exception {
    Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("spiral");
    assertThat(launcher).exists();
    Files.copy(launcher, tmp.resolve("spiral"));
    Files.createDirectories(tmp.resolve("cli/src/main/java"));
    Files.writeString(tmp.resolve("cli/src/main/java/A.java"), "class A {}\n");
    Files.writeString(tmp.resolve("pom.xml"), "<project/>\n");
    executable(tmp.resolve("mvnw"), """
        #!/bin/sh
        echo "[INFO] Scanning for projects..."
        echo "[INFO] Building Spiral core 0.1.0-SNAPSHOT                          [1/2]"
        sleep 3
        echo "[INFO] Building jar: core.jar"
        echo "[INFO] Building Spiral command line 0.1.0-SNAPSHOT                  [2/2]"
        mkdir -p cli/target && echo jar > cli/target/spiral.jar
        """);
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    // a stand-in java that writes the class-data-sharing archive it is asked to dump
    executable(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do case $a in -XX:ArchiveClassesAtExit=*) echo cds > \"${a#*=}\";; esac; done\n"
        + "echo \"java $*\"\n");

    long start = System.nanoTime();
    Process first = launch();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(first.getErrorStream(), StandardCharsets.UTF_8));
    String notice = CompletableFuture.supplyAsync(() -> line(err)).get(1, TimeUnit.SECONDS);
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
    assertThat(notice).startsWith("spiral: building the command line").contains("1-2 minutes");
    String rest = CompletableFuture.supplyAsync(() -> all(err)).get(30, TimeUnit.SECONDS);
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isZero();
    assertThat(rest).contains("[1/2] Spiral core", "[2/2] Spiral command line")
        .doesNotContain("Scanning", "core.jar");
    assertThat(rest.lines().count()).isLessThanOrEqualTo(3);
    assertThat(new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("-jar", "scenarios");

    // the archive was dumped once after the build, and later starts use it
    assertThat(tmp.resolve("cli/target/spiral.jsa")).exists();
    Process second = launch();
    assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isZero();
    assertThat(new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("-jar", "scenarios", "-XX:SharedArchiveFile=", "-Xlog:cds=off")
        .doesNotContain("ArchiveClassesAtExit");
  }

  @Test
  void aFailedBuildPrintsItsOutputAndExitsOne() throws Exception {
    Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("spiral");
    Files.copy(launcher, tmp.resolve("spiral"));
    executable(tmp.resolve("mvnw"), "#!/bin/sh\necho '[ERROR] COMPILATION ERROR'\nexit 3\n");
    Files.createDirectories(tmp.resolve("bin"));
    executable(tmp.resolve("bin/java"), "#!/bin/sh\necho \"java $*\"\n");
    Process p = launch();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("the build failed", "[ERROR] COMPILATION ERROR").doesNotContain("spiral-build-exit");
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void spiralClasspathGoesFirstOnTheClassPath() throws Exception {
    Path launcher = Path.of(System.getProperty("user.dir")).getParent().resolve("spiral");
    Files.copy(launcher, tmp.resolve("spiral"));
    Files.createDirectories(tmp.resolve("cli/target"));
    Files.writeString(tmp.resolve("cli/target/spiral.jar"), "jar\n"); // newer than any source
    Files.createDirectories(tmp.resolve("bin"));
    executable(tmp.resolve("bin/java"), "#!/bin/sh\necho \"java $*\"\n");
    ProcessBuilder pb = builder();
    pb.environment().put("SPIRAL_CLASSPATH", "/opt/hadoop/client/*:/opt/hadoop/conf");
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
        .endsWith("-cp /opt/hadoop/client/*:/opt/hadoop/conf:" + tmp.toRealPath()
            + "/cli/target/spiral.jar spiral.cli.Main scenarios");
  }

  private Process launch() throws IOException {
    return builder().start();
  }

  private ProcessBuilder builder() {
    ProcessBuilder pb = new ProcessBuilder("sh", tmp.resolve("spiral").toString(), "scenarios");
    pb.directory(tmp.toFile());
    pb.environment().put("PATH", tmp.resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
    pb.environment().remove("SPIRAL_CLASSPATH");
    return pb;
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }

  private static String line(BufferedReader r) {
    try {
      return r.readLine();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String all(BufferedReader r) {
    StringBuilder b = new StringBuilder();
    for (String l = line(r); l != null; l = line(r)) {
      b.append(l).append('\n');
    }
    return b.toString();
  }
}
