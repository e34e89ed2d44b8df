package spiral.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import spiral.scenario.Kinetic;
import spiral.scenario.PolicyKind;

/** The closed-form oracles of MODEL.md §7 and DESIGN.md §3 (Validation). */
class OracleTest {

  /** Both sides hold every turn and runs go to the horizon (no containment ending). */
  static void holdOnly(Fixture f) {
    f.containTurns = 0;
    f.initiatorPolicy = PolicyKind.SCRIPTED;
    f.initiatorScript = List.of("hold");
    f.responderPolicy = PolicyKind.SCRIPTED;
    f.responderScript = List.of("hold");
  }

  /**
   * sigma = 0, b = 0, lambda = infinity, credibility-only factions with a small rho, options
   * restricted to matching the perceived rung: the exchange stays at the initiating rung until
   * the horizon.
   */
  @Test
  void noiselessProportionalExchangeStaysFlat() {
    Fixture f = new Fixture();
    f.initiatorNoise = 0;
    f.initiatorBias = 0;
    f.responderNoise = 0;
    f.responderBias = 0;
    f.initiatorLambda = Double.POSITIVE_INFINITY;
    f.responderLambda = Double.POSITIVE_INFINITY;
    f.inadvertent = 0;
    f.rho = 0.1;
    f.talksOpen = 0;
    f.initiatorCivilian = new double[] {1, 0, 0, 0};
    f.initiatorMilitary = new double[] {1, 0, 0, 0};
    f.responderCivilian = new double[] {1, 0, 0, 0};
    f.responderMilitary = new double[] {1, 0, 0, 0};
    f.options =
        List.of(
            Fixture.kinetic("ru-match", "ru", Kinetic.PROPORTIONAL),
            Fixture.kinetic("us-match", "us", Kinetic.PROPORTIONAL));
    CompiledModel m = f.model();
    Engine e = new Engine(m);
    TraceLog log = new TraceLog();
    e.tracer(log);
    RunRecord rec = new RunRecord();
    for (long run = 0; run < 50; run++) {
      e.run(7, run, rec);
      assertThat(rec.outcome).isEqualTo(Outcome.PROTRACTED);
      assertThat(rec.turns).isEqualTo(f.horizon);
      assertThat(rec.maxRung).isEqualTo(f.initiatingRung);
      assertThat(log.turns()).hasSize(f.horizon);
      for (TraceTurn t : log.turns()) {
        assertThat(t.executed()).as("turn %d", t.turn()).isEqualTo(f.initiatingRung);
        assertThat(t.perceived()).isEqualTo(f.initiatingRung);
      }
    }
  }

  /**
   * A scripted initiator playing "+1" each turn against a tit-for-tat responder, with no noise
   * and no accidents: the initiator's j-th move is at r0 + j, on turn 2j, so it reaches the
   * nuclear threshold on turn 2 (r_nuc - r0).
   */
  @Test
  void scriptedPlusOneAgainstMatcherReachesNuclearThresholdOnCountedTurn() {
    for (int r0 : new int[] {5, 8, 12}) {
      Fixture f = new Fixture();
      f.initiatingRung = r0;
      f.initiatorNoise = 0;
      f.initiatorBias = 0;
      f.responderNoise = 0;
      f.responderBias = 0;
      f.inadvertent = 0;
      f.talksOpen = 0;
      f.initiatorPolicy = PolicyKind.SCRIPTED;
      f.initiatorScript = List.of("+1");
      f.responderPolicy = PolicyKind.TIT_FOR_TAT;
      CompiledModel m = f.model();
      Engine e = new Engine(m);
      RunRecord rec = new RunRecord();
      for (long run = 0; run < 20; run++) {
        e.run(3, run, rec);
        assertThat(rec.outcome).isEqualTo(Outcome.NUCLEAR_USE);
        assertThat(rec.turns).isEqualTo(2 * (f.nuclear - r0));
        assertThat(rec.firstNuclearUser).isEqualTo(CompiledModel.INITIATOR);
        assertThat(rec.maxRung).isEqualTo(f.nuclear);
        assertThat(rec.directWar).isTrue();
      }
    }
  }

  /**
   * Hold-only play with inadvertent risk q on every rung: P(some act escalated by turn T) = 1 -
   * (1 - q)^T, which must lie in the 99% Wilson interval of the simulated proportion.
   */
  @Test
  void holdOnlyInadvertentEscalationMatchesClosedForm() {
    int runs = 40_000;
    for (double q : new double[] {0.01, 0.05}) {
      for (int horizon : new int[] {5, 20}) {
        Fixture f = new Fixture();
        f.inadvertent = q;
        f.horizon = horizon;
        f.talksOpen = 0;
        holdOnly(f);
        Stats st = new Simulator(Runnable::run, 1).run(f.model(), runs, 11, Progress.NONE);
        double expected = 1 - Math.pow(1 - q, horizon);
        double[] ci = Intervals.wilson(st.inadvertent(), runs, Intervals.Z99);
        assertThat(expected).as("q=%s T=%d ci=[%s, %s]", q, horizon, ci[0], ci[1]).isBetween(ci[0], ci[1]);
        assertThat(st.count(Outcome.PROTRACTED)).isEqualTo(runs);
      }
    }
  }

  /**
   * Hold-only play with a war risk w on every rung below the direct-war threshold and an
   * inadvertent risk q: each act sets off a direct war with probability w and slips a rung with q
   * (one draw, disjoint), so P(direct war by turn T) = 1 - (1 - w)^T and P(some act landed other
   * than meant) = 1 - (1 - q - w)^T, each inside the 99% Wilson interval of the simulated
   * proportion; a widened act lands exactly at the threshold.
   */
  @Test
  void holdOnlyWarRiskMatchesClosedForm() {
    int runs = 40_000;
    for (double w : new double[] {0.005, 0.03}) {
      for (int horizon : new int[] {4, 16}) {
        Fixture f = new Fixture();
        f.inadvertent = 0.01;
        f.warRisk = w;
        f.horizon = horizon;
        f.talksOpen = 0;
        holdOnly(f);
        Stats st = new Simulator(Runnable::run, 1).run(f.model(), runs, 13, Progress.NONE);
        double war = 1 - Math.pow(1 - w, horizon);
        double[] ci = Intervals.wilson(st.directWar(), runs, Intervals.Z99);
        assertThat(war).as("w=%s T=%d war ci=[%s, %s]", w, horizon, ci[0], ci[1]).isBetween(ci[0], ci[1]);
        double slipped = 1 - Math.pow(1 - 0.01 - w, horizon);
        double[] ci2 = Intervals.wilson(st.inadvertent(), runs, Intervals.Z99);
        assertThat(slipped).as("w=%s T=%d slipped ci=[%s, %s]", w, horizon, ci2[0], ci2[1])
            .isBetween(ci2[0], ci2[1]);
      }
    }
    Fixture f = new Fixture();
    f.inadvertent = 0;
    f.warRisk = 0.2;
    holdOnly(f);
    Engine e = new Engine(f.model());
    TraceLog log = new TraceLog();
    e.tracer(log);
    RunRecord rec = new RunRecord();
    int widened = 0;
    for (long run = 0; run < 200; run++) {
      e.run(5, run, rec);
      for (TraceTurn t : log.turns()) {
        if (t.accident()) {
          assertThat(t.executed()).isEqualTo(f.directWar);
          assertThat(t.intended()).isZero();
          widened++;
        }
      }
    }
    assertThat(widened).isPositive();
  }

  /** With no war risk declared nothing changes: the same runs as before the mechanism existed. */
  @Test
  void aLadderWithoutWarRiskNeverWidens() {
    Fixture f = new Fixture();
    f.inadvertent = 0;
    f.initiatingRung = 5;
    holdOnly(f);
    Stats st = new Simulator(Runnable::run, 1).run(f.model(), 5_000, 3, Progress.NONE);
    assertThat(st.directWar()).isZero();
    assertThat(st.inadvertent()).isZero();
  }
}
