package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import spiral.Provenance;
import spiral.Version;

/**
 * Every output format of every command that reports a result carries its provenance: the seed and
 * Spiral's version, with the scenario's hash and its illustrative assumptions where it rests on a
 * scenario. JSON has a {@code provenance} object, CSV {@code # key: value} lines before the header,
 * tables and text a closing {@code Provenance:} line; a sweep writes {@code provenance.json}
 * beside its results.
 */
class ProvenanceTest {
  @TempDir static Path tmp;

  /** Command line (without --format), its formats, whether it rests on a scenario, its seed. */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of(List.of("simulate", "rand-a-satellite", "--runs", "50", "--seed", "7"), List.of("table", "json", "csv"), "7"),
        Arguments.of(List.of("options", "rand-a-satellite", "--runs", "10", "--seed", "7"), List.of("table", "json", "csv"), "7"),
        Arguments.of(List.of("negotiate", "ukraine-2022-talks", "--threads", "1"), List.of("table", "json", "csv"), "1"),
        Arguments.of(List.of("positions", "ukraine-2022-talks"), List.of("table", "json", "csv"), null),
        Arguments.of(List.of("trace", "rand-b-depot", "--seed", "7"), List.of("text", "json"), "7"),
        Arguments.of(List.of("game", "rand-a-satellite", "--compare-runs", "0"), List.of("table", "json"), null),
        Arguments.of(List.of("game", "rand-a-satellite", "--compare-runs", "5"), List.of("table", "json"), "1"),
        Arguments.of(List.of("study", "--runs", "5", "--seed", "7", "--threads", "1"), List.of("table", "json"), "7"),
        Arguments.of(List.of("model", "fearon"), List.of("table", "json"), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyFormatCarriesSeedAndVersion(List<String> args, List<String> formats, String seed) throws Exception {
    for (String format : formats) {
      List<String> a = new ArrayList<>(args);
      a.addAll(List.of("--format", format));
      Cli r = Cli.run(a.toArray(String[]::new));
      assertThat(r.code()).as(a + ": " + r.err()).isZero();
      check(r.out(), format, seed, !args.get(0).equals("model"), a.toString());
    }
  }

  /** The sweep's sidecar, and sensitivity and discover on its results, table and JSON. */
  @Test
  void sweepSensitivityAndDiscover() throws Exception {
    Path sweep = tmp.resolve("s.yaml");
    Files.writeString(sweep, SweepCommandTest.SWEEP.replace("seed: 1", "seed: 7").replace("runs: 200", "runs: 50"));
    Path out = tmp.resolve("s-out");
    Cli s = Cli.run("sweep", sweep.toString(), "--dir", out.toString(), "--threads", "1", "--no-parquet");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out()).contains("provenance.json");
    JsonNode side = Output.JSON.readTree(Files.readString(out.resolve("provenance.json")));
    provenanceObject(side, "7", true, "sweep sidecar");
    assertThat(side.get("scenario").asText()).isEqualTo("rand-d-ports");
    // the results keep their columns: no comment lines in results.csv
    assertThat(Files.readAllLines(out.resolve("results.csv")).get(0)).startsWith("point,");
    String csv = out.resolve("results.csv").toString();
    for (String format : List.of("table", "json")) {
      Cli sens = Cli.run("sensitivity", csv, "--output", "directWar", "--format", format);
      assertThat(sens.code()).as(sens.err()).isZero();
      check(sens.out(), format, "7", true, "sensitivity " + format);
      Cli disc = Cli.run("discover", csv, "--where", "directWar >= 0", "--format", format);
      assertThat(disc.code()).as(disc.err()).isZero();
      check(disc.out(), format, "7", true, "discover " + format);
    }
  }

  private static void check(String out, String format, String seed, boolean scenario, String what) throws Exception {
    switch (format) {
      case "json" -> provenanceObject(Output.JSON.readTree(out).get("provenance"), seed, scenario, what);
      case "csv" -> {
        List<String> lines = out.lines().toList();
        assertThat(lines).as(what).contains("# version: " + Version.get(), "# seed: " + (seed == null ? "none" : seed));
        int header = 0;
        while (lines.get(header).startsWith("# ")) {
          header++;
        }
        assertThat(header).as(what).isGreaterThanOrEqualTo(5);
        assertThat(lines.subList(header, lines.size())).as(what).noneMatch(l -> l.startsWith("#"));
        if (scenario) {
          assertThat(lines).as(what).anyMatch(l -> l.matches("# scenario_sha256: [0-9a-f]{64}"));
          assertThat(lines).as(what).anyMatch(l -> l.startsWith("# illustrative: "));
        }
      }
      default -> {
        assertThat(out).as(what).contains("Provenance: spiral " + Version.get())
            .contains("seed " + (seed == null ? "none" : seed));
        if (scenario) {
          assertThat(out).as(what).containsPattern("sha256 [0-9a-f]{64}").contains("Illustrative assumptions");
        }
      }
    }
  }

  private static void provenanceObject(JsonNode p, String seed, boolean scenario, String what) {
    assertThat(p).as(what).isNotNull();
    assertThat(p.get("version").asText()).as(what).isEqualTo(Version.get());
    assertThat(p.has("seed")).as(what).isTrue();
    if (seed == null) {
      assertThat(p.get("seed").isNull()).as(what).isTrue();
    } else {
      assertThat(p.get("seed").asText()).as(what).isEqualTo(seed);
    }
    if (scenario) {
      assertThat(p.get("scenarioSha256").asText()).as(what).matches("[0-9a-f]{64}");
      assertThat(p.get("illustrative").size()).as(what).isPositive();
    }
  }

  /** The hash is the SHA-256 of the scenario's bytes: the same file gives the same hash. */
  @Test
  void theHashIsTheScenarioFilesSha256() throws Exception {
    Path f = tmp.resolve("ports.yaml");
    byte[] bytes = Scenarios.content("rand-d-ports");
    Files.write(f, bytes);
    JsonNode p = Output.JSON.readTree(Cli.run("positions", "ukraine-2022-talks", "--format", "json").out()).get("provenance");
    assertThat(p.get("scenarioSha256").asText()).isEqualTo(Provenance.sha256(Scenarios.content("ukraine-2022-talks")));
    Cli sim = Cli.run("simulate", f.toString(), "--runs", "10", "--format", "json");
    assertThat(Output.JSON.readTree(sim.out()).get("provenance").get("scenarioSha256").asText())
        .isEqualTo(Provenance.sha256(bytes));
  }
}
