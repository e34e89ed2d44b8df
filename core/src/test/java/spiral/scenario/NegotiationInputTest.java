package spiral.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad negotiation input is reported where it is written, with a message that says what is wrong. */
class NegotiationInputTest {
  private static final String BASE = """
      id: inputs
      negotiation:
        start: 2022-03
        issues:
          - {id: cap, kind: numeric, min: 0.85, max: 1, step: 0.05}
          - {id: land, kind: ordinal, levels: [none, some, all]}
        parties:
          - {id: a, weights: {cap: 0.5, land: 0.5}, reservation: 0.2}
          - {id: b, weights: {cap: 0.5, land: 0.5}, values: {land: {type: linear, increasing: false}}, reservation: 0.2}
        positions:
          - {date: DATE, actor: ACTOR, statement: "s", levels: {cap: CAP, land: some}, EXTRA}
      """;

  private static Scenario parse(String date, String actor, String cap, String extra) throws ScenarioException {
    String text = BASE.replace("DATE", date).replace("ACTOR", actor).replace("CAP", cap)
        .replace(", EXTRA", extra.isEmpty() ? "" : ", " + extra);
    return ScenarioLoader.parse("inputs.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  private static String problem(String date, String actor, String cap, String extra) {
    try {
      parse(date, actor, cap, extra);
    } catch (ScenarioException e) {
      return e.problems().get(0).toString();
    }
    throw new AssertionError("no problem reported");
  }

  @Test
  void gridLevelsAreNamedWithoutFloatNoise() throws Exception {
    Scenario sc = parse("2022-03-07", "a", "0.95", "");
    assertThat(sc.negotiation().issues().get(0).levels()).containsExactly("0.85", "0.9", "0.95", "1");
  }

  @Test
  void malformedDatesAreReportedAsDates() {
    assertThat(problem("2022-3-7", "a", "0.95", ""))
        .startsWith("inputs.yaml:11:")
        .contains("positions[0].date")
        .contains("is not a date: expected YYYY-MM-DD or YYYY-MM")
        .doesNotContain("valid id");
    assertThat(problem("2022-02-30", "a", "0.95", "")).contains("is not a real date");
    String month = BASE.replace("start: 2022-03", "start: March").replace("DATE", "2022-03").replace("ACTOR", "a")
        .replace("CAP", "1").replace(", EXTRA", "");
    assertThatThrownBy(() -> ScenarioLoader.parse("inputs.yaml", month.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems().get(0).toString())
            .startsWith("inputs.yaml:3:3:").contains("is not a month: expected YYYY-MM"));
  }

  @Test
  void offGridValuesAreRefusedWithTheNearestGridValues() {
    assertThat(problem("2022-03-07", "a", "0.93", ""))
        .startsWith("inputs.yaml:11:")
        .contains("positions[0].levels.cap")
        .contains("0.93 is not on the grid of the numeric issue 'cap' (0.85 to 1 in steps of 0.05): use 0.9 or 0.95");
  }

  @Test
  void standsNeedAPartyAndAStatedLevel() throws Exception {
    assertThat(problem("2022-03-07", "uk", "0.95", "refusesTalks: true"))
        .contains("positions[0].actor").contains("'uk' is not a party");
    String noLevel = BASE.replace("DATE", "2022-03-07").replace("ACTOR", "a")
        .replace("levels: {cap: CAP, land: some}, EXTRA", "levels: {land: some}, nonNegotiable: [cap]");
    assertThatThrownBy(() -> ScenarioLoader.parse("inputs.yaml", noLevel.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems().get(0).toString())
            .contains("positions[0].nonNegotiable[0]").contains("states no level for 'cap'"));
    assertThat(problem("2022-03-07", "a", "0.95", "nonNegotiable: [sea]")).contains("nonNegotiable[0]").contains("sea");
    Scenario ok = parse("2022-03-07", "a", "0.95", "nonNegotiable: [land]");
    assertThat(ok.negotiation().positions().get(0).nonNegotiable()).containsExactly("land");
  }
}
