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
}
