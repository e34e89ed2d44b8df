package spiral.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static spiral.scenario.ScenarioLoaderTest.MIN;
import static spiral.scenario.ScenarioLoaderTest.assertAt;
import static spiral.scenario.ScenarioLoaderTest.only;
import static spiral.scenario.ScenarioLoaderTest.parse;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import spiral.sim.CompiledModel;
import spiral.sim.Outcome;
import spiral.sim.Progress;
import spiral.sim.Simulator;
import spiral.sim.Stats;

/**
 * The built-in historical scenarios ({@code hist-*}): each loads, carries its ICB crisis number
 * and a recorded ending that follows the mapping rule (docs/HISTORY.md), has at least six
 * uncertain parameters and an illustrative list, and simulates; and the history block refuses
 * bad input at its line and column.
 */
class HistoricalScenariosTest {
  /** name → {ICB crisno, sevviosy, forout} as coded in icb1v14.csv, and the recorded outcome. */
  private static final Map<String, Object[]> EXPECTED = Map.of(
      "hist-cuba-1962", new Object[] {196, 1, 2, "SETTLEMENT", "CUBAN MISSILES", "1962-10-16", "1962-11-20"},
      "hist-ussuri-1969", new Object[] {231, 3, 2, "SETTLEMENT", "USSURI RIVER", "1969-03-02", "1969-10-20"},
      "hist-october-1973", new Object[] {255, 4, 1, "SETTLEMENT", "OCTOBER-YOM KIPPUR WAR", "1973-10-05", "1974-05-31"},
      "hist-kargil-1999", new Object[] {431, 3, 4, "DEESCALATED", "KARGIL", "1999-05-09", "1999-07-04"},
      "hist-parliament-2001", new Object[] {435, 1, 4, "CONTAINED", "INDIA PARLIAMENT ATTACK", "2001-12-13", "2002-01-12"},
      "hist-jet-2015", new Object[] {476, 2, 2, "SETTLEMENT", "TURKEY-RUSSIA JET INCIDENT", "2015-11-24", "2016-06-29"});

  static List<String> historical() {
    return BuiltinScenarios.names().stream().filter(n -> n.startsWith("hist-")).toList();
  }

  @Test
  void thereAreSixAndEachIsExpected() {
    assertThat(historical()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
  }

  @ParameterizedTest
  @MethodSource("historical")
  void historyBlockMatchesTheIcbCodesAndTheMappingRule(String name) throws Exception {
    Scenario s = ScenarioLoader.resolve(name);
    Object[] e = EXPECTED.get(name);
    HistoryRecord h = s.history();
    assertThat(h).as(name).isNotNull();
    assertThat(h.icb()).isEqualTo(e[0]);
    assertThat(h.recorded().violence()).isEqualTo(e[1]);
    assertThat(h.recorded().form()).isEqualTo(e[2]);
    assertThat(h.recorded().outcome()).isEqualTo(e[3]);
    assertThat(h.name()).isEqualTo(e[4]);
    assertThat(h.trigger()).isEqualTo(LocalDate.parse((String) e[5]));
    assertThat(h.end()).isEqualTo(LocalDate.parse((String) e[6]));
    assertThat(h.recorded().ruleDepartures()).as(name).isEmpty();
    assertThat(h.recorded().nuclearUse()).isFalse();
    assertThat(h.recorded().directWar()).isEqualTo(h.recorded().violence() == 4);
    assertThat(h.sources()).isNotEmpty();
    assertThat(h.sources()).anyMatch(src -> src.contains("International Crisis Behavior"));
    assertThat(h.note()).isNotBlank();
    assertThat(s.source()).contains("International Crisis Behavior", "Brecher");
  }

  @ParameterizedTest
  @MethodSource("historical")
  void eachHasSixUncertainParametersAnIllustrativeListAndNuclearArmedPrincipalsOrAllies(String name)
      throws Exception {
    Scenario s = ScenarioLoader.resolve(name);
    assertThat(s.uncertainties().stream().map(Uncertainty::parameter).distinct().count())
        .as(name).isGreaterThanOrEqualTo(6);
    assertThat(s.illustrative()).as(name).isNotEmpty();
    assertThat(s.ladder().id()).isEqualTo("nuclear-dyad");
    Actor i = s.principal(Side.INITIATOR);
    Actor r = s.principal(Side.RESPONDER);
    assertThat(i.nuclear()).as(name).isTrue();
    boolean responderCovered = r.nuclear() || s.alliances().stream()
        .anyMatch(a -> a.members().contains(r.id()) && a.members().stream()
            .anyMatch(m -> !m.equals(r.id()) && s.actor(m).nuclear()));
    assertThat(responderCovered).as(name).isTrue();
  }

  @ParameterizedTest
  @MethodSource("historical")
  void eachSimulatesAndEveryOutcomeIsCounted(String name) throws Exception {
    Scenario s = ScenarioLoader.resolve(name);
    Stats st = new Simulator(Runnable::run, 1).run(new CompiledModel(s), 300, 1, -1, Progress.NONE);
    long sum = Arrays.stream(Outcome.values()).mapToLong(st::count).sum();
    assertThat(sum).isEqualTo(300);
    // no historical crisis came near nuclear use; the model should not make it common
    assertThat(st.count(Outcome.NUCLEAR_USE)).as(name).isLessThan(30);
  }

  @Test
  void theRecordsOutcomeNamesAreTheEnginesOutcomes() {
    assertThat(HistoryRecord.OUTCOMES)
        .containsExactlyElementsOf(Arrays.stream(Outcome.values()).map(Enum::name).toList());
  }

  @Test
  void theMappingRuleFindsDepartures() {
    assertThat(new HistoryRecord.Recorded("SETTLEMENT", false, false, 1, 2).ruleDepartures()).isEmpty();
    assertThat(new HistoryRecord.Recorded("DEESCALATED", true, false, 4, 4).ruleDepartures()).isEmpty();
    assertThat(new HistoryRecord.Recorded("CONTAINED", false, false, 3, 4).ruleDepartures())
        .singleElement().asString().contains("cannot be CONTAINED");
    assertThat(new HistoryRecord.Recorded("CONTAINED", false, false, 1, 1).ruleDepartures())
        .singleElement().asString().contains("maps to SETTLEMENT");
    assertThat(new HistoryRecord.Recorded("SETTLEMENT", false, false, 4, 1).ruleDepartures())
        .singleElement().asString().contains("directWar must be true");
    assertThat(new HistoryRecord.Recorded("PROTRACTED", false, false, 1, 7).ruleDepartures())
        .singleElement().asString().contains("not PROTRACTED");
    assertThat(new HistoryRecord.Recorded("SETTLEMENT", false, true, 1, 2).ruleDepartures())
        .singleElement().asString().contains("nuclearUse");
  }

  @Test
  void aScenarioWithoutHistoryHasNone() throws Exception {
    assertThat(parse(MIN).history()).isNull();
    assertThat(ScenarioLoader.resolve("rand-b-depot").history()).isNull();
  }

  // ------------------------------------------------------------------ bad history blocks

  static final String GOOD = """
      history:
        icb: 196
        name: "CUBAN MISSILES"
        trigger: 1962-10-16
        end: 1962-11-20
        recorded:
          outcome: SETTLEMENT
          directWar: false
          nuclearUse: false
          violence: 1
          form: 2
        sources: ["a book"]
      """;

  /** MIN with the history block, one line of it replaced. */
  static String with(String from, String to) {
    assertThat(GOOD).contains(from);
    return MIN + GOOD.replace(from, to);
  }

  @Test
  void aGoodHistoryBlockIsRead() throws Exception {
    HistoryRecord h = parse(MIN + GOOD).history();
    assertThat(h.icb()).isEqualTo(196);
    assertThat(h.trigger()).isEqualTo(LocalDate.of(1962, 10, 16));
    assertThat(h.recorded().outcome()).isEqualTo("SETTLEMENT");
    assertThat(h.sources()).containsExactly("a book");
    assertThat(h.note()).isEmpty();
  }

  @Test
  void historyLines() {
    // MIN has 23 lines; history: is line 24; problems are located at their keys
    assertAt(only(with("icb: 196", "icb: 1000")), 25, 3, "history.icb", "1000 is above the maximum 999");
    assertAt(only(with("icb: 196", "icb: 0")), 25, 3, "history.icb", "below the minimum 1");
    assertAt(only(with("icb: 196", "icb: \"196\"")), 25, 3, "history.icb", "expected an integer");
    assertAt(only(with("trigger: 1962-10-16", "trigger: 1962-13-01")), 27, 3, "history.trigger",
        "not a real date");
    assertAt(only(with("trigger: 1962-10-16", "trigger: 16.10.1962")), 27, 3, "history.trigger",
        "not a date: expected YYYY-MM-DD");
    assertAt(only(with("end: 1962-11-20", "end: 1962-10-01")), 28, 3, "history.end",
        "before the trigger date");
    assertAt(only(with("outcome: SETTLEMENT", "outcome: PEACE")), 30, 5, "history.recorded.outcome",
        "\"PEACE\" is not one of: CONTAINED, DEESCALATED, SETTLEMENT, PROTRACTED, NUCLEAR_USE");
    assertAt(only(with("violence: 1", "violence: 5")), 33, 5, "history.recorded.violence",
        "above the maximum 4");
    assertAt(only(with("form: 2", "form: 8")), 34, 5, "history.recorded.form", "above the maximum 7");
    assertAt(only(with("directWar: false", "directWar: maybe")), 31, 5, "history.recorded.directWar",
        "expected true or false");
    assertAt(only(with("    form: 2\n", "    form: 2\n    sevviosy: 1\n")), 35, 5,
        "history.recorded.sevviosy", "unknown key 'sevviosy'");
    List<Problem> missing = ScenarioLoaderTest.problems(MIN + "history: {icb: 196}\n");
    assertThat(missing).hasSize(4);
    assertAt(missing.get(0), 24, 1, "history", "missing required key 'name'");
  }

  @Test
  void theRecordRefusesBadValuesWhenBuiltInCode() {
    HistoryRecord.Recorded ok = new HistoryRecord.Recorded("CONTAINED", false, false, 1, 4);
    LocalDate d = LocalDate.of(2000, 1, 1);
    assertThatThrownBy(() -> new HistoryRecord(0, "x", d, d, ok, List.of(), null))
        .hasMessageContaining("1..999");
    assertThatThrownBy(() -> new HistoryRecord(1, "x", d, d.minusDays(1), ok, List.of(), null))
        .hasMessageContaining("before the trigger");
    assertThatThrownBy(() -> new HistoryRecord.Recorded("WAR", false, false, 1, 4))
        .hasMessageContaining("not one of");
    assertThatThrownBy(() -> new HistoryRecord.Recorded("CONTAINED", false, false, 0, 4))
        .hasMessageContaining("1..4");
    assertThatThrownBy(() -> new HistoryRecord.Recorded("CONTAINED", false, false, 1, 8))
        .hasMessageContaining("1..7");
  }
}
