package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spiral discover} with the EMA Workbench's habits, on a small sweep of RAND case D. */
class DiscoverCommandTest {
  @TempDir Path tmp;
  Path out;

  @BeforeEach
  void sweep() throws Exception {
    Path f = tmp.resolve("d.yaml");
    Files.writeString(f, SweepCommandTest.SWEEP.replace("points: 6", "points: 40")
        .replace("runs: 200", "runs: 100"));
    out = tmp.resolve("d");
    Cli c = Cli.run("sweep", f.toString(), "--dir", out.toString());
    assertThat(c.code()).as(c.err()).isZero();
  }

  @Test
  void theBoxLiesWithinTheSweepsRangesWithQuasiPValuesStabilityAndTheTrajectory()
      throws Exception {
    Path csv = tmp.resolve("trajectory.csv");
    Cli d = Cli.run("discover", out.resolve("results.csv").toString(), "--where",
        "directWar > 0.0", "--format", "json", "--bootstrap", "20", "--seed", "3",
        "--trajectory", csv.toString());
    assertThat(d.code()).as(d.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(d.out());
    assertThat(r.get("ranges").asText()).isEqualTo("sweep");
    // every parameter within its declared range: threat bias 0 to 0.8, rationality 1 to 5
    double[][] declared = {{0, 0.8}, {1, 5}};
    for (int j = 0; j < 2; j++) {
      JsonNode p = r.get("parameters").get(j);
      assertThat(p.get("declaredLow").asDouble()).isEqualTo(declared[j][0]);
      assertThat(p.get("declaredHigh").asDouble()).isEqualTo(declared[j][1]);
      assertThat(p.get("low").asDouble()).isBetween(declared[j][0], declared[j][1]);
      assertThat(p.get("high").asDouble()).isBetween(declared[j][0], declared[j][1]);
      if (!p.get("restricted").asBoolean()) {
        assertThat(p.get("low").asDouble()).isEqualTo(declared[j][0]);
        assertThat(p.get("high").asDouble()).isEqualTo(declared[j][1]);
        assertThat(p.has("quasiP")).isFalse();
      } else {
        assertThat(p.get("quasiP").asDouble()).isBetween(0.0, 1.0);
      }
      assertThat(p.get("stability").asDouble()).isBetween(0.0, 1.0);
    }
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).startsWith("box,step,coverage,density,mass,points,interesting,"
        + "restricted,actors.russia.perception.threatBias.low");
    assertThat(lines).hasSize(r.get("trajectory").size() + 1);
    assertThat(lines.get(1)).startsWith("0,start,1.0,");
    assertThat(lines.get(1)).endsWith(",0.0,0.8,1.0,5.0");
    Cli again = Cli.run("discover", out.resolve("results.csv").toString(), "--where",
        "directWar > 0.0", "--format", "json", "--bootstrap", "20", "--seed", "3");
    assertThat(again.out()).isEqualTo(d.out());
    Cli table = Cli.run("discover", out.resolve("results.csv").toString(), "--where",
        "directWar > 0.0", "--bootstrap", "20");
    assertThat(table.out()).contains("sweep range").contains("quasi-p")
        .contains("bootstrap resamples (seed 1)");
  }

  @Test
  void rowsThatAreNotTheirPointsAreRefusedAndNothingIsWritten() throws Exception {
    Path results = out.resolve("results.csv");
    List<String> lines = Files.readAllLines(results);
    String second = lines.get(2);
    lines.set(2, "0" + second.substring(second.indexOf(',')));
    Files.write(results, lines);
    Path csv = tmp.resolve("never.csv");
    Cli d = Cli.run("discover", results.toString(), "--where", "directWar > 0.0",
        "--trajectory", csv.toString());
    assertThat(d.code()).isEqualTo(2);
    assertThat(d.err()).contains("results.csv:3:1: point: 0 appears twice (also line 2)");
    assertThat(csv).doesNotExist();
    Cli bad = Cli.run("discover", results.toString(), "--where", "directWar > 0.0",
        "--bootstrap", "-1");
    assertThat(bad.code()).isEqualTo(2);
  }
}
