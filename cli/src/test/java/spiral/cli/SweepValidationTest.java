package spiral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.explore.sweep.Sweep;

/**
 * Sweep files checked before anything runs: by {@code spiral validate} and at the start of {@code
 * spiral sweep}, each refusal located, exit 2, and nothing written.
 */
class SweepValidationTest {
  @TempDir Path tmp;

  static String over(List<String> paths, String design) {
    StringBuilder b = new StringBuilder("scenario: rand-d-ports\nparameters:\n");
    for (String p : paths) {
      b.append("  - {path: ").append(p).append(", min: 0.3, max: 0.7}\n");
    }
    return b.append("design: {").append(design).append("}\nruns: 10\noutputs: [nuclearUse]\n")
        .toString();
  }

  static final List<String> SEVENTEEN = List.of("actors.russia.resolve",
      "actors.russia.painThreshold", "actors.russia.credibility", "actors.russia.rationality",
      "actors.russia.credibilityWeight", "actors.russia.riskAversion", "actors.russia.costWeight",
      "actors.russia.punishmentWeight", "actors.russia.perception.noise",
      "actors.russia.perception.threatBias", "model.rho", "model.delta", "model.tau",
      "model.credibilityRate", "model.cohesionRate", "model.cohesionRiskRate",
      "model.cohesionDrift");

  Path write(String name, String text) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void aSeventeenParameterSaltelliSweepIsValidNowThatTheLimitIsAThousand() throws Exception {
    Path f = write("s17.yaml", over(SEVENTEEN, "type: saltelli, points: 4"));
    Cli v = Cli.run("validate", f.toString());
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.out()).contains("s17.yaml: ok (sweep: saltelli design, 76 points)");
  }

  @Test
  void aSweepBeyondTheParameterLimitIsRefusedByValidateAndBySweep() throws Exception {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i <= Sweep.MAX_PARAMETERS; i++) {
      paths.add("model.p" + i);
    }
    Path f = write("wide.yaml", over(paths, "type: saltelli, points: 4"));
    Cli v = Cli.run("validate", f.toString());
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err()).contains("wide.yaml:3:3: parameters: 1001 parameters, more than 1000")
        .doesNotContain("\tat ");
    Path out = tmp.resolve("never");
    Cli s = Cli.run("sweep", f.toString(), "--dir", out.toString());
    assertThat(s.code()).isEqualTo(2);
    assertThat(s.err()).contains("wide.yaml:3:3:");
    assertThat(out).doesNotExist();
  }

  @Test
  void theOldDesignNameIsRefusedWithAHintEverywhere() throws Exception {
    Path f = write("old.yaml", over(SEVENTEEN.subList(0, 2), "type: sobol, points: 8"));
    Path out = tmp.resolve("never");
    for (Cli c : List.of(Cli.run("validate", f.toString()),
        Cli.run("sweep", f.toString(), "--dir", out.toString()))) {
      assertThat(c.code()).isEqualTo(2);
      assertThat(c.err()).contains("old.yaml:5:").contains("design.type")
          .contains("'saltelli'").contains("'sobol-sequence'").doesNotContain("\tat ");
    }
    assertThat(out).doesNotExist();
    Path ok = write("new.yaml", over(SEVENTEEN.subList(0, 2), "type: sobol-sequence, points: 8"));
    assertThat(Cli.run("validate", ok.toString()).out())
        .contains("ok (sweep: sobol-sequence design, 8 points)");
  }

  @Test
  void scenarioFilesAreStillValidatedAsScenarios() throws Exception {
    Path f = write("bad-scenario.yaml", "id: x\nhorizn: 3\n");
    Cli v = Cli.run("validate", f.toString());
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err()).contains("bad-scenario.yaml:");
  }
}
