package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --executor} and {@code --master} where the spark module is not on the class path. */
class SweepExecutorOptionTest {
  @TempDir Path tmp;

  Path sweep() throws Exception {
    Path f = tmp.resolve("s.yaml");
    Files.writeString(f, SweepCommandTest.SWEEP);
    return f;
  }

  @Test
  void sparkWithoutTheModuleSaysHowToGetIt() throws Exception {
    Cli c = Cli.run("sweep", sweep().toString(), "--dir", tmp.resolve("o").toString(),
        "--executor", "spark");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains("--executor spark needs the spark module").contains("./spiral")
        .doesNotContain("Exception");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void badExecutorAndMisplacedOptionsAreBadInput() throws Exception {
    String f = sweep().toString();
    String out = tmp.resolve("o").toString();
    Cli unknown = Cli.run("sweep", f, "--dir", out, "--executor", "hadoop");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--executor must be local or spark, was 'hadoop'");
    Cli master = Cli.run("sweep", f, "--dir", out, "--master", "local[2]");
    assertThat(master.code()).isEqualTo(2);
    assertThat(master.err()).contains("--master needs --executor spark");
    Cli threads = Cli.run("sweep", f, "--dir", out, "--executor", "spark", "--threads", "2");
    assertThat(threads.code()).isEqualTo(2);
    assertThat(threads.err()).contains("--threads is for the local executor");
  }
}
