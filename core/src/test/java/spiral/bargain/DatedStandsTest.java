package spiral.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.sim.Progress;

/**
 * The built-in 2022 talks: the window for talks follows the dated positions (the annexation
 * declared not negotiable on 30 September 2022, Ukraine's decree of 4 October 2022), the positions
 * gap compares the same issues throughout, and the corrected positions read as their sources say.
 */
class DatedStandsTest {
  private static final NegotiationAnalysis ONE = new NegotiationAnalysis(Runnable::run, 1);
  private static String text;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = DatedStandsTest.class.getResourceAsStream("/spiral/scenarios/ukraine-2022-talks.yaml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Scenario parse(String yaml) throws Exception {
    return ScenarioLoader.parse("ukraine-2022-talks.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theAnnexationAndTheDecreeCloseTheWindow() throws Exception {
    NegotiationReport r = ONE.analyse(parse(text), 0, 12, Progress.NONE);
    assertThat(r.openMonths()).containsExactly(List.of("2022-08", "2022-08"));
    for (NegotiationReport.Month m : r.window()) {
      if (m.label().compareTo("2022-09") < 0) {
        assertThat(m.stands()).isEmpty();
      } else {
        assertThat(m.zoneExists()).as(m.label()).isFalse();
        assertThat(m.stands()).anyMatch(s -> s.startsWith("russia: territory not negotiable below annexation-claims since 2022-09-30"));
      }
      if (m.label().compareTo("2022-10") >= 0) {
        assertThat(m.stands()).contains("ukraine refuses talks since 2022-10-04");
      }
    }
    // the same scenario without the stands: the zone stays open after the annexation
    String ignored = text.replace("      nonNegotiable: [territory]\n", "").replace("      refusesTalks: true\n", "");
    NegotiationReport without = ONE.analyse(parse(ignored), 0, 12, Progress.NONE);
    assertThat(without.window().get(6).zoneExists()).as("September 2022 without the stands").isTrue();
    assertThat(without.window().get(11).zoneExists()).as("February 2023 without the stands").isTrue();
    // the annexation alone closes September; the decree alone closes October on
    String annexationOnly = text.replace("      refusesTalks: true\n", "");
    NegotiationReport a = ONE.analyse(parse(annexationOnly), 0, 12, Progress.NONE);
    assertThat(a.window().get(6).zoneExists()).isFalse();
    assertThat(a.window().get(6).stands()).hasSize(1);
  }

  /** A later position of the same party reopens what it closed. */
  @Test
  void aLaterPositionReopens() throws Exception {
    String reopened = text.replace("""
            - date: 2022-11-15
              actor: ukraine""".stripIndent().indent(4), """
            - date: 2022-11-01
              actor: ukraine
              statement: "talks again (hypothetical)"
              refusesTalks: false
            - date: 2022-11-02
              actor: russia
              statement: "the annexations are negotiable after all (hypothetical)"
              reopens: [territory]
            - date: 2022-11-15
              actor: ukraine""".stripIndent().indent(4));
    assertThat(reopened).isNotEqualTo(text);
    NegotiationReport r = ONE.analyse(parse(reopened), 0, 12, Progress.NONE);
    assertThat(r.window().get(8).stands()).isEmpty();
    assertThat(r.window().get(7).stands()).hasSize(2);
  }

  /** Proposals crossing a stand are not accepted by the party that took it. */
  @Test
  void proposalsRespectTheStandsOfTheMonthAnalysed() throws Exception {
    NegotiationReport r = ONE.analyse(parse(text), 6, 12, Progress.NONE);
    for (NegotiationReport.ProposalResult p : r.proposals()) {
      if (!p.levels().get("territory").equals("annexation-claims")) {
        assertThat(p.accepts().get("russia")).as(p.id()).isFalse();
      }
    }
  }

  @Test
  void theGapComparesTheSameIssuesThroughout() throws Exception {
    PositionsReport p = NegotiationAnalysis.positions(parse(text));
    assertThat(p.compared()).containsExactly("territory", "bloc-status", "crimea-deferral");
    assertThat(p.gaps()).allMatch(g -> g.issues() == 3);
    assertThat(p.gaps()).allMatch(g -> g.perIssue().keySet().containsAll(p.compared()));
    // the gap only widens over 2022 on these issues: no artefact of fewer issues compared
    for (int i = 1; i < p.gaps().size(); i++) {
      assertThat(p.gaps().get(i).gap()).isGreaterThanOrEqualTo(p.gaps().get(i - 1).gap());
    }
  }

  @Test
  void correctedPositionsReadAsTheirSources() throws Exception {
    Negotiation n = parse(text).negotiation();
    Position peskov = n.positions().get(0);
    assertThat(peskov.date()).isEqualTo("2022-03-07");
    assertThat(peskov.levels().get(n.issueIndex("force-caps"))).as("force caps unknown on 7 March").isEqualTo(-1);
    Position oped = n.positions().stream().filter(p -> p.date().equals("2022-12-09")).findFirst().orElseThrow();
    assertThat(oped.actor()).isNotEqualTo("uk");
    assertThat(oped.statement()).contains("personal view", "not a UK government position");
  }
}
