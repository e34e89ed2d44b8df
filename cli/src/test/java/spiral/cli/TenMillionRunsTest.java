package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten million runs of rand-d-ports in a JVM limited to 256 MiB of heap: aggregation streams, so
 * memory does not grow with the number of runs. Slow: runs in the failsafe phase of verify.
 */
@Tag("slow")
class TenMillionRunsTest {
  @TempDir Path tmp;

  @Test
  void tenMillionRunsFitIn256MegabytesOfHeap() throws Exception {
    Path out = tmp.resolve("ten-million.json");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "simulate",
                "rand-d-ports",
                "--runs",
                "10000000",
                "--format",
                "json",
                "--out",
                out.toString()));
    pb.redirectErrorStream(true);
    File log = tmp.resolve("log.txt").toFile();
    pb.redirectOutput(log);
    Process p = pb.start();
    boolean done = p.waitFor(15, TimeUnit.MINUTES);
    if (!done) {
      p.destroyForcibly();
    }
    String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
    assertThat(done).as("finished in time; output: %s", output).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toFile());
    assertThat(j.get("runs").asLong()).isEqualTo(10_000_000L);
    long sum = 0;
    for (JsonNode o : j.get("outcomes")) {
      sum += o.get("count").asLong();
    }
    assertThat(sum).isEqualTo(10_000_000L);
  }
}
