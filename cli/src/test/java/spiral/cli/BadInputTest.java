package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import spiral.sim.Lxm;

/**
 * Bad scenario files through the command line: each gives a clear message naming the file and
 * exit code 2, and never a stack trace.
 */
class BadInputTest {
  static String good;
  @TempDir static Path dir;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = BadInputTest.class.getResourceAsStream("/spiral/scenarios/rand-b-depot.yaml")) {
      good = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Stream<Arguments> cases() {
    byte[] garbage = new byte[4096];
    Lxm rng = new Lxm(1234);
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) rng.nextInt(256);
    }
    return Stream.of(
        Arguments.of("malformed", "id: x\nactors: [unclosed\n".getBytes(StandardCharsets.UTF_8), ":"),
        // cut in the middle of a flow mapping, as an interrupted copy would
        Arguments.of("truncated", good.substring(0, good.indexOf("- {id:", good.length() / 2) + 12).getBytes(StandardCharsets.UTF_8), ":"),
        Arguments.of("truncated-block", good.substring(0, good.indexOf("initiatingEvent:")).getBytes(StandardCharsets.UTF_8), "initiatingEvent"),
        Arguments.of("empty", new byte[0], "empty"),
        Arguments.of("garbage", garbage, ""),
        Arguments.of("wrong-type", good.replace("horizon: 24", "horizon: soon").getBytes(StandardCharsets.UTF_8), "horizon"),
        Arguments.of("unknown-key", good.replace("horizon: 24", "horizon: 24\nhorizn: 3").getBytes(StandardCharsets.UTF_8), "horizn"),
        Arguments.of("dangling", good.replace("attacker: russia", "attacker: ruritania").getBytes(StandardCharsets.UTF_8), "ruritania"),
        Arguments.of("out-of-range", good.replace("resolve: 0.7", "resolve: 1.7").getBytes(StandardCharsets.UTF_8), "1.7"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badFileGivesAClearErrorAndExitTwo(String name, byte[] content, String mentions) throws IOException {
    Path f = dir.resolve(name + ".yaml");
    Files.write(f, content);
    for (String cmd : new String[] {"simulate", "validate", "trace", "game"}) {
      Cli r = Cli.run(cmd, f.toString());
      assertThat(r.code()).as(cmd + " " + name + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).contains(f.toString()).contains(mentions);
      assertThat(r.err()).doesNotContain("Exception", "\tat ", "java.");
      assertThat(r.out()).doesNotContain("CONTAINED");
    }
  }

  @org.junit.jupiter.api.Test
  void fiftyMegabyteFileIsRejectedBySize() throws IOException {
    Path f = dir.resolve("huge.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(50L * 1024 * 1024);
    }
    Cli r = Cli.run("simulate", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(f.toString());
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }
}
