package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.game.ExchangeGame;
import spiral.game.GameReader;
import spiral.scenario.ScenarioLoader;

/** {@code spiral game} as a black box. */
class GameCommandTest {
  @TempDir Path dir;

  static String depot() throws Exception {
    try (InputStream in = GameCommandTest.class.getResourceAsStream("/spiral/scenarios/rand-b-depot.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String neLine(String out) {
    List<String> l = out.lines().filter(s -> s.startsWith("NE,")).toList();
    assertThat(l).hasSize(1);
    return l.get(0);
  }

  @Test
  void tableShowsEveryResponseAndTheEquilibrium() throws Exception {
    Cli r = Cli.run("game", "rand-b-depot");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("response and counter-response", "usa answers russia's attack at rung 6",
        "20 responses x 2 x 10 replies = 400 outcomes", "rounded to 6 decimals", "credible", "deters");
    for (String id : List.of("none-none", "less-cyber", "proportional-sanctions", "more-aidSurge")) {
      assertThat(r.out()).contains(id);
    }
    Cli j = Cli.run("game", "rand-b-depot", "--format", "json");
    assertThat(j.code()).as(j.err()).isZero();
    JsonNode n = Output.JSON.readTree(j.out());
    String eq = n.get("equilibriumResponse").asText();
    assertThat(r.out()).contains("Equilibrium response: " + eq + ".");
    assertThat(n.get("responses")).hasSize(20);
    int chosen = 0;
    for (JsonNode row : n.get("responses")) {
      if (row.get("equilibrium").asBoolean()) {
        chosen++;
        assertThat(row.get("response").asText()).isEqualTo(eq);
        assertThat(row.get("credible").asBoolean()).isTrue();
        assertThat(row.get("gap").decimalValue()).isZero();
      }
      assertThat(row.get("gap").decimalValue().signum()).isNotNegative();
    }
    assertThat(chosen).isEqualTo(1);
    assertThat(n.get("method").asText()).isEqualTo("spe");
    assertThat(n.get("equilibria")).hasSize(1);
    assertThat(n.get("equilibria").get(0).get("profile")).hasSize(20 + 40 * 10);
    assertThat(neLine(r.out()))
        .isEqualTo("NE," + String.join(",", toStrings(n.get("equilibria").get(0).get("profile"))));
  }

  static List<String> toStrings(JsonNode array) {
    List<String> l = new java.util.ArrayList<>();
    array.forEach(x -> l.add(x.asText()));
    return l;
  }

  @Test
  void exportedGameReadsBackAndSolveAgrees() throws Exception {
    Path f = dir.resolve("depot.efg");
    Cli r = Cli.run("game", "rand-b-depot", "--export", f.toString(), "--decimals", "4");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(f).exists();
    assertThat(Files.readString(f)).startsWith("EFG 2 R").contains("rounded to 4 decimals");
    assertThat(GameReader.read(f))
        .isEqualTo(ExchangeGame.compile(ScenarioLoader.resolve("rand-b-depot"), 4).game());
    Cli s = Cli.run("solve", f.toString(), "--method", "spe");
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.out().strip()).isEqualTo(neLine(r.out()));
    assertThat(dir.toFile().list()).containsExactly("depot.efg"); // no temporary file left
  }

  @Test
  void otherMethodsWorkOnASmallTree() throws Exception {
    // rand-b-depot cut down to two responses and two Russian options
    Set<String> keep = Set.of("none-none", "more-sanctions", "counter-proportional", "repeat-attack");
    String small = depot().lines()
        .filter(l -> !(l.startsWith("  - {id: ") && (l.contains("actor: usa") || l.contains("actor: russia")))
            || keep.stream().anyMatch(k -> l.startsWith("  - {id: " + k + ",")))
        .collect(Collectors.joining("\n", "", "\n"));
    Path f = dir.resolve("small.yaml");
    Files.writeString(f, small);
    Cli spe = Cli.run("game", f.toString());
    assertThat(spe.code()).as(spe.err()).isZero();
    assertThat(spe.out()).contains("2 responses x 2 x 4 replies = 16 outcomes");
    Cli pure = Cli.run("game", f.toString(), "--solve", "enumpure");
    assertThat(pure.code()).as(pure.err()).isZero();
    List<String> lines = pure.out().lines().filter(l -> l.startsWith("NE,")).toList();
    assertThat(lines).contains(neLine(spe.out()));
    assertThat(pure.out()).contains("Equilibria by enumpure");
    Cli lcp = Cli.run("game", f.toString(), "--solve", "lcp");
    assertThat(lcp.code()).as(lcp.err()).isZero();
    assertThat(lcp.out()).contains("Equilibria by lcp");
    assertThat(lcp.out().lines().filter(l -> l.startsWith("NE,")).count()).isEqualTo(1);
    Cli lp = Cli.run("game", f.toString(), "--solve", "lp");
    assertThat(lp.code()).isEqualTo(2);
    assertThat(lp.err()).contains("spiral game:", "lp", "constant-sum")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void badInputExitsTwo() throws Exception {
    Cli r = Cli.run("game", "no-such-scenario");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no-such-scenario").doesNotContain("\tat ");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, depot().replace("horizon: 24", "horizon: soon"));
    r = Cli.run("game", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(bad.toString()) + ":\\d+:\\d+: .*horizon");
    r = Cli.run("game", "rand-b-depot", "--solve", "simplex");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("simplex");
    r = Cli.run("game", "rand-b-depot", "--decimals", "16");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--decimals must be between 0 and 15, was 16");
    r = Cli.run("game", "ukraine-2022-talks");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("negotiation");
    r = Cli.run("game", "rand-b-depot", "--export", dir.resolve("missing/x.efg").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--export", "does not exist");
    r = Cli.run("game", "rand-b-depot", "--solve", "enumpure");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("enumpure").doesNotContain("\tat ");
  }

  @Test
  void helpDescribesTheCommand() {
    Cli r = Cli.run("game", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--export", "--solve", "--format", "--decimals", "credible", "deters");
  }
}
