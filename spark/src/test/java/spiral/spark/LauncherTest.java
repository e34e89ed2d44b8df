package spiral.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./spiral sweep … --executor spark} as a user runs it: the launcher script at the
 * project's root, the command line's jar and this module's jars on one class path (the command
 * line's jar carries its own trimmed Hadoop for Parquet output, so the class path's order
 * matters), against {@code --executor local} through the same launcher. Runs in the verify phase,
 * once both jars are packaged.
 */
@Tag("slow")
class LauncherTest {
  @TempDir Path tmp;

  @Test
  void theLauncherRunsASparkSweepThatEqualsTheLocalOne() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    Path launcher = root.resolve("spiral");
    assumeTrue(Files.isRegularFile(root.resolve("cli/target/spiral.jar"))
        && Files.isRegularFile(Path.of("target/spiral-spark.jar")),
        "the command line's and the spark module's jars are not packaged yet");
    Path sweep = Sweeps.write(tmp, "s.yaml", Sweeps.text(12, 50));
    String local = run(root, launcher, sweep, tmp.resolve("local"), "--executor", "local");
    String spark = run(root, launcher, sweep, tmp.resolve("spark"),
        "--executor", "spark", "--master", "local[2]");
    assertThat(local).contains("12 points x 50 runs");
    assertThat(spark).contains("12 points x 50 runs");
    for (String f : List.of("results.csv", "results.parquet")) {
      assertThat(Files.readAllBytes(tmp.resolve("spark").resolve(f)))
          .as(f).isEqualTo(Files.readAllBytes(tmp.resolve("local").resolve(f)));
    }
  }

  @Test
  void aMasterThisBuildCannotReachIsBadInputAndLeavesNothing() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    assumeTrue(Files.isRegularFile(root.resolve("cli/target/spiral.jar"))
        && Files.isRegularFile(Path.of("target/spiral-spark.jar")),
        "the command line's and the spark module's jars are not packaged yet");
    Path sweep = Sweeps.write(tmp, "s.yaml", Sweeps.text(4, 10));
    Path out = tmp.resolve("yarn");
    Path log = tmp.resolve("yarn.log");
    Process p = new ProcessBuilder("sh", root.resolve("spiral").toString(), "sweep", sweep.toString(), "--dir",
        out.toString(), "--executor", "spark", "--master", "yarn").directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isEqualTo(2);
    assertThat(text).contains("--master yarn: this build of Spiral has no YARN support", "spark-submit")
        .doesNotContain("Could not parse");
    // a failed start leaves nothing that would refuse a plain rerun
    assertThat(out).doesNotExist();
  }

  private static String run(Path root, Path launcher, Path sweep, Path out, String... extra)
      throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("sh", launcher.toString(), "sweep",
        sweep.toString(), "--dir", out.toString()));
    cmd.addAll(List.of(extra));
    Path log = out.resolveSibling(out.getFileName() + ".log");
    Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done).as("the launcher did not finish in 5 minutes: " + text).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + text).isZero();
    return text;
  }
}
