package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Black-box tests of {@code spiral options} and {@code spiral study}. */
class OptionsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void optionsJsonHasTheDocumentedFieldsAndIsTheSameOnOneAndTwoThreads() throws Exception {
    Cli one = Cli.run("options", "rand-b-depot", "--runs", "800", "--format", "json", "--threads", "1");
    Cli two = Cli.run("options", "rand-b-depot", "--runs", "800", "--format", "json", "--threads", "2");
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(two.out()).isEqualTo(one.out());
    JsonNode j = JSON.readTree(one.out());
    assertThat(j.get("options")).hasSize(20);
    JsonNode first = j.get("options").get(0);
    for (String f : new String[] {"id", "kinetic", "nonKinetic", "score", "rank"}) {
      assertThat(first.has(f)).as(f).isTrue();
    }
    for (String p : new String[] {"nuclearUse", "directWar", "furtherAttacks", "settlement"}) {
      assertThat(first.get(p).get("p").isNumber()).as(p).isTrue();
      assertThat(first.get(p).get("ci95")).hasSize(2);
    }
    for (String m : new String[] {"punishment", "credibility", "cohesion", "score"}) {
      assertThat(first.get(m).get("mean").isNumber()).as(m).isTrue();
      assertThat(first.get(m).get("ci95")).hasSize(2);
    }
    assertThat(j.get("best").asText()).isEqualTo(first.get("id").asText());
    assertThat(j.get("paretoFront").isArray()).isTrue();
    assertThat(j.get("regret").isNull()).isTrue();
  }

  @Test
  void robustAddsARegretBlockWithMinimaxRegret() throws Exception {
    Cli r = Cli.run("options", "rand-a-satellite", "--runs", "300", "--robust", "--samples", "4",
        "--sample-runs", "100", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode g = JSON.readTree(r.out()).get("regret");
    assertThat(g.get("samples").asInt()).isEqualTo(4);
    assertThat(g.get("minimaxRegret").asText()).isNotBlank();
    assertThat(g.get("options")).hasSize(20);
    assertThat(g.get("drivers").size()).isPositive();
  }

  @Test
  void tableCsvAndReport() throws Exception {
    Path html = tmp.resolve("d.html");
    Cli t = Cli.run("options", "rand-d-ports", "--runs", "300", "--report", html.toString());
    assertThat(t.code()).as(t.err()).isZero();
    assertThat(t.out()).contains("rank", "Best:", "Pareto front", "Illustrative assumptions");
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg");
    Cli csv = Cli.run("options", "rand-d-ports", "--runs", "300", "--format", "csv");
    assertThat(csv.code()).isZero();
    List<String> rows = csv.out().lines().filter(l -> !l.startsWith("# ")).toList();
    assertThat(rows).hasSize(21);
    int columns = rows.get(0).split(",").length;
    rows.forEach(l -> assertThat(l.split(",", -1)).hasSize(columns));
  }

  @Test
  void badInputIsExitTwo() throws Exception {
    assertThat(Cli.run("options", "rand-d-ports", "--robust", "--samples", "1").code()).isEqualTo(2);
    assertThat(Cli.run("options", "rand-d-ports", "--runs", "-5").code()).isEqualTo(2);
    assertThat(Cli.run("options", "rand-d-ports", "--report", tmp.resolve("no/x.html").toString()).code()).isEqualTo(2);
    Path noOptions = tmp.resolve("no-options.yaml");
    Files.writeString(noOptions, """
        id: bare
        ladder: nato-russia-2022
        actors:
          - {id: a, side: initiator}
          - {id: b, side: responder}
        targets:
          - {id: t, owner: b}
        initiatingEvent: {attacker: a, targets: [t], rung: 6}
        """);
    // without options for the responder, RAND's 20 default responses are compared
    Cli r = Cli.run("options", noOptions.toString(), "--runs", "200", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("options")).hasSize(20);
    assertThat(j.get("options").findValuesAsText("id")).contains("proportional-sanctions", "none-none", "more-cyber");
    Cli robust = Cli.run("options", noOptions.toString(), "--robust");
    assertThat(robust.code()).isEqualTo(2);
    assertThat(robust.err()).contains("no uncertainties");
  }

  @Test
  void studyCoversTheFourCases() throws Exception {
    Path html = tmp.resolve("study.html");
    Cli r = Cli.run("study", "--runs", "200", "--samples", "2", "--sample-runs", "50", "--format", "json", "--report", html.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("scenarios")).hasSize(4);
    int last = 0;
    for (JsonNode row : j.get("scenarios")) {
      assertThat(row.get("rung").asInt()).isGreaterThan(last);
      last = row.get("rung").asInt();
      assertThat(row.get("scores").size()).isEqualTo(20);
      assertThat(row.get("best").asText()).isNotBlank();
      assertThat(row.get("mostRobust").asText()).isNotBlank();
    }
    assertThat(j.get("shift").asText()).contains("rand-a-satellite", "rand-d-ports");
    assertThat(Files.readString(html)).contains("<svg");
    Cli table = Cli.run("study", "--runs", "100", "--samples", "0");
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("rand-a-satellite (5)", "B = best score");
  }
}
