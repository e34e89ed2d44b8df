package spiral.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input in the second edition's new and newly enforced fields: located, never silent. */
class SecondEditionInputTest {
  static String caseD() throws Exception {
    try (InputStream in = SecondEditionInputTest.class.getResourceAsStream("/spiral/scenarios/rand-d-ports.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<Problem> problems(String yaml) {
    ScenarioException e = catchThrowableOfType(
        () -> ScenarioLoader.parse("d.yaml", yaml.getBytes(StandardCharsets.UTF_8)),
        ScenarioException.class);
    assertThat(e).as("the file should be refused").isNotNull();
    return e.problems();
  }

  @Test
  void aNonNuclearActorGivenANuclearOptionIsRefusedAtTheOptionsRung() throws Exception {
    String d = caseD();
    String text = d.replaceFirst("    nuclear: true\n", "    nuclear: false\n");
    List<Problem> ps = problems(text);
    assertThat(ps).hasSize(2);
    String[] lines = text.split("\n", -1);
    for (Problem p : ps) {
      assertThat(p.message()).contains("at or above the nuclear threshold (13)", "'russia' is not nuclear");
      assertThat(lines[p.line() - 1]).contains("nuclear").contains("rung: 1");
      assertThat(p.column()).isPositive();
    }
  }

  @Test
  void aPackageChannelNamingAnUnknownEffectIsRefused() throws Exception {
    String text = caseD().replace("ladder: nato-russia-2022\n",
        "ladder: nato-russia-2022\npackages:\n  sanctions: {opponentCostRat: 0.3}\n");
    List<Problem> ps = problems(text);
    assertThat(ps).hasSize(1);
    assertThat(ps.get(0).message()).contains("opponentCostRat").contains("opponentCostRate");
    assertThat(ps.get(0).line()).isGreaterThan(1);
  }

  @Test
  void outOfRangeSecondEditionFieldsAreLocated() throws Exception {
    String text = caseD().replace("ladder: nato-russia-2022\n",
        "ladder: nato-russia-2022\nmodel: {audienceCost: 1.5, pressureDecay: -0.1}\n"
            + "packages:\n  isolation: {opponentSupport: 2}\n");
    List<Problem> ps = problems(text);
    assertThat(ps).extracting(Problem::toString).anyMatch(m -> m.contains("audienceCost: 1.5 is above"))
        .anyMatch(m -> m.contains("pressureDecay: -0.1 is below"))
        .anyMatch(m -> m.contains("opponentSupport: 2 is above"));
    assertThat(ps).allMatch(p -> p.line() > 1 && p.column() > 0);
  }

  /** An inline ladder: the built-in's shape with its warRisk values given by the test. */
  static String inlineLadder(String rung5, String rung11) {
    return "ladder:\n  id: test\n  thresholds: {directWar: 11, nuclear: 13, strategic: 16}\n  rungs:\n"
        + "    - {level: 0, name: base, kind: statusQuo}\n"
        + "    - {level: 1, name: r1}\n    - {level: 2, name: r2}\n    - {level: 3, name: r3}\n"
        + "    - {level: 4, name: r4}\n"
        + "    - {level: 5, name: r5, kind: violent, " + rung5 + "}\n"
        + "    - {level: 6, name: r6, kind: violent}\n    - {level: 7, name: r7, kind: violent}\n"
        + "    - {level: 8, name: r8, kind: violent}\n    - {level: 9, name: r9, kind: violent}\n"
        + "    - {level: 10, name: r10, kind: violent}\n"
        + "    - {level: 11, name: r11, kind: violent, " + rung11 + "}\n"
        + "    - {level: 12, name: r12, kind: violent}\n"
        + "    - {level: 13, name: r13}\n    - {level: 14, name: r14}\n    - {level: 15, name: r15}\n"
        + "    - {level: 16, name: r16}\n";
  }

  @Test
  void aWarRiskAtOrAboveTheDirectWarThresholdIsRefusedWhereItIsWritten() throws Exception {
    String text = caseD().replace("ladder: nato-russia-2022\n", inlineLadder("warRisk: 0.01", "warRisk: 0.02"));
    List<Problem> ps = problems(text);
    assertThat(ps).hasSize(1);
    Problem p = ps.get(0);
    assertThat(p.message()).contains("warRisk 0.02", "rung 11", "already a direct war");
    assertThat(text.split("\n", -1)[p.line() - 1]).contains("level: 11");
    assertThat(p.column()).isPositive();
  }

  @Test
  void aWarRiskOutsideZeroToOneIsLocated() throws Exception {
    String text = caseD().replace("ladder: nato-russia-2022\n", inlineLadder("warRisk: 1.5", "damage: 1"));
    List<Problem> ps = problems(text);
    assertThat(ps).extracting(Problem::toString).anyMatch(m -> m.contains("warRisk") && m.contains("1.5"));
    assertThat(text.split("\n", -1)[ps.get(0).line() - 1]).contains("level: 5");
  }

  @Test
  void aWarRiskIsAParameterPathWithinItsRange() throws Exception {
    Scenario d = ScenarioLoader.resolve("rand-d-ports");
    assertThat(ScenarioParameters.with(d, "ladder.rungs.7.warRisk", 0.2).ladder().rung(7).warRisk())
        .isEqualTo(0.2);
    assertThat(catchThrowableOfType(
            () -> ScenarioParameters.with(d, "ladder.rungs.12.warRisk", 0.1), IllegalArgumentException.class))
        .hasMessageContaining("direct-war threshold");
    assertThat(catchThrowableOfType(
            () -> ScenarioParameters.with(d, "ladder.rungs.7.warRisk", 1.2), IllegalArgumentException.class))
        .hasMessageContaining("warRisk must be in [0, 1]");
  }
}
