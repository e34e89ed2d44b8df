package spiral.wargame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import spiral.JsonText;

/** The after-action report: well-formed shares, intervals, percentile, band and chart. */
class AfterActionTest {
  @Test
  void reportOfAPlayedGame() throws Exception {
    Wargame g = Wargame.open(WargameTest.DEPOT, 21, Seating.SIDES);
    Set<String> humans = Set.of("usa");
    List<Move> moves = WargameTest.play(g, humans, 100);
    GameState st = g.replay(humans, moves);
    assertThat(st.over()).isTrue();
    AfterActionReport r = AfterAction.of(g, st, 1000, 21, Runnable::run, 1);
    assertThat(r.runs()).isEqualTo(1000);
    assertThat(r.outcomes().stream().mapToDouble(AfterActionReport.OutcomeShare::p).sum())
        .isCloseTo(1, within(1e-12));
    for (AfterActionReport.OutcomeShare o : r.outcomes()) {
      assertThat(o.low()).isLessThanOrEqualTo(o.p());
      assertThat(o.high()).isGreaterThanOrEqualTo(o.p());
    }
    assertThat(r.highestRung().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    assertThat(r.endTurn().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    assertThat(r.playedPercentile()).isBetween(0.0, 100.0);
    assertThat(r.traceRuns()).isEqualTo(AfterAction.MAX_TRACE_RUNS);
    assertThat(r.path()).isNotEmpty();
    for (AfterActionReport.TurnBand b : r.path()) {
      assertThat(b.p10()).isLessThanOrEqualTo(b.median());
      assertThat(b.median()).isLessThanOrEqualTo(b.p90());
    }
    assertThat(r.path().get(st.turn()).played()).isEqualTo(st.highestRung());
    assertThat(r.summary().get(0))
        .startsWith("The played game ended in " + st.outcome() + " at turn " + st.turn() + "; ")
        .endsWith("of 1000 simulated runs did.");
    String json = JsonText.of(r);
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("<svg");
    Document d = parse(r.svg());
    assertThat(d.getDocumentElement().getNodeName()).isEqualTo("svg");
    assertThat(d.getElementsByTagName("polygon").getLength()).isEqualTo(1);
  }

  @Test
  void anAllEngineGameLiesInTheSimulatedDistributionAndARunningGameIsReported() throws Exception {
    Wargame g = Wargame.open(WargameTest.DEPOT, 4, Seating.FACTIONS);
    GameState engine = g.replay(Set.of(), List.of());
    AfterActionReport r = AfterAction.of(g, engine, 300, 4, Runnable::run, 1);
    assertThat(r.traceRuns()).isEqualTo(300);
    // run 0 of the seed is among the simulated runs: its outcome has a positive share
    assertThat(r.outcomes().stream().filter(o -> o.outcome().equals(engine.outcome())).findFirst().orElseThrow().count())
        .isPositive();
    GameState running = g.replay(Set.of("usa/civilian"), List.of());
    AfterActionReport rr = AfterAction.of(g, running, 300, 4, Runnable::run, 1);
    assertThat(rr.playedOutcome()).isNull();
    assertThat(rr.summary().get(0)).contains("still running at turn 1");
    parse(rr.svg());
  }

  @Test
  void quantiles() {
    double[] v = {1, 2, 3, 4, 5};
    assertThat(AfterAction.quantile(v, 0.5)).isEqualTo(3);
    assertThat(AfterAction.quantile(v, 0.1)).isCloseTo(1.4, within(1e-12));
    assertThat(AfterAction.quantile(v, 0.9)).isCloseTo(4.6, within(1e-12));
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
