package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relative {@code fromSimulation} path is taken from the scenario file's own folder, whatever
 * folder the command runs in; a link to a negotiation-only scenario is refused where it is written.
 */
class RelativePathsTest {
  @TempDir Path dir;

  private static final String NEGOTIATION = """
      id: linked
      negotiation:
        start: 2022-10
        issues:
          - {id: share, kind: numeric, min: 0, max: 1, step: 0.1}
        parties:
          - {id: a, weights: {share: 1}, reservation: 0.3}
          - id: b
            weights: {share: 1}
            values: {share: {type: linear, increasing: false}}
            reservation:
              fromSimulation:
                scenario: "%s"
                values: {CONTAINED: 0.7, SETTLEMENT: 0.6, PROTRACTED: 0.5, NUCLEAR_USE: 0.0}
                runs: 100
      """;

  private Path layout() throws Exception {
    Path esc = Files.createDirectories(dir.resolve("escalation")).resolve("ports.yaml");
    try (InputStream in = getClass().getResourceAsStream("/spiral/scenarios/rand-d-ports.yaml")) {
      Files.write(esc, in.readAllBytes());
    }
    Path neg = Files.createDirectories(dir.resolve("talks")).resolve("linked.yaml");
    Files.writeString(neg, NEGOTIATION.formatted("../escalation/ports.yaml"));
    return neg;
  }

  /** The same command from the scenario's folder's sibling and from an unrelated folder. */
  @Test
  void relativeLinkResolvesAgainstTheScenarioFileFromAnyWorkingFolder() throws Exception {
    Path neg = layout();
    for (Path cwd : List.of(Files.createDirectories(dir.resolve("elsewhere/deeper")), dir)) {
      Run v = spiral(cwd, "validate", neg.toString());
      assertThat(v.code).as(v.err).isZero();
      Run n = spiral(cwd, "negotiate", neg.toString(), "--format", "json", "--threads", "1");
      assertThat(n.code).as(n.err).isZero();
      JsonNode b = Output.JSON.readTree(n.out).get("parties").get(1);
      assertThat(b.get("source").asText()).contains("../escalation/ports.yaml");
      assertThat(b.get("simulated").get("CONTAINED").asDouble()).isPositive();
    }
  }

  @Test
  void missingRelativeLinkIsLocatedAndSaysWhereItLooked() throws Exception {
    Path neg = Files.createDirectories(dir.resolve("talks")).resolve("missing.yaml");
    Files.writeString(neg, NEGOTIATION.formatted("ports.yaml"));
    Cli r = Cli.run("validate", neg.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(neg + ":13:11:").contains("fromSimulation.scenario")
        .contains("taken from this file's folder");
  }

  /** A negotiation-only scenario cannot be simulated: validate refuses the link, exit 2. */
  @Test
  void linkToANegotiationOnlyScenarioIsRefused() throws Exception {
    Path neg = Files.createDirectories(dir.resolve("talks")).resolve("to-talks.yaml");
    Files.writeString(neg, NEGOTIATION.formatted("ukraine-2022-talks"));
    Path other = dir.resolve("talks/to-file.yaml");
    Files.writeString(other, NEGOTIATION.formatted("to-talks.yaml"));
    for (Path f : List.of(neg, other)) {
      for (String cmd : List.of("validate", "negotiate")) {
        Cli r = Cli.run(cmd, f.toString());
        assertThat(r.code()).as(cmd + " " + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(f + ":13:11:").contains("negotiation-only scenario").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
      }
    }
  }

  private record Run(int code, String out, String err) {}

  /** Runs the command line in a new process whose working folder is {@code cwd}. */
  private static Run spiral(Path cwd, String... args) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("out", ".txt");
    Path err = Files.createTempFile("err", ".txt");
    try {
      Process p = new ProcessBuilder(cmd).directory(cwd.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
