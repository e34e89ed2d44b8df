package spiral.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import spiral.scenario.Actor;
import spiral.scenario.Kinetic;
import spiral.scenario.PolicyKind;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;

/** The engine's one accounting (MODEL.md &sect;8.5) and the second edition's mechanisms, one by one. */
class SecondEditionEngineTest {

  @Test
  void theOpeningAttackAndAnIdenticalRepeatCostTheSame() throws Exception {
    Scenario d = ScenarioLoader.resolve("rand-d-ports");
    CompiledModel m = new CompiledModel(d);
    int repeat = m.candidates(CompiledModel.INITIATOR).indexOf("repeat-attack");
    assertThat(m.candidateRung(CompiledModel.INITIATOR, 0, repeat)).isEqualTo(8);
    assertThat(m.damageOf(CompiledModel.INITIATOR, repeat, 8)).isEqualTo(m.openingDamage());
    assertThat(m.openingDamage()).isEqualTo(8.0);
  }

  @Test
  void withStopAtStrategicEveryRunWithNuclearUseIsCountedAsNuclearUse() {
    Fixture f = new Fixture();
    f.initiatorPolicy = PolicyKind.SCRIPTED;
    f.initiatorScript = List.of("+1");
    f.responderPolicy = PolicyKind.TIT_FOR_TAT;
    Scenario base = f.scenario();
    Scenario strategic = new Scenario(
        base.id(), base.name(), base.description(), base.source(), base.illustrative(),
        base.ladder(), base.horizon(), base.containTurns(), true, base.model(), base.actors(),
        base.alliances(), base.targets(), base.initiatingEvent(), base.packages(), base.options(),
        base.goals(), base.uncertainties(), base.negotiation(), base.history());
    Stats s = new Simulator(Runnable::run, 1).run(new CompiledModel(strategic), 500, 3, -1, Progress.NONE);
    long users = 0;
    for (long c : new long[] {s.firstNuclearUser(0), s.firstNuclearUser(1)}) {
      users += c;
    }
    assertThat(users).isPositive();
    assertThat(s.count(Outcome.NUCLEAR_USE)).isEqualTo(users);
  }

  @Test
  void aNonNuclearActorNeverCrossesTheThresholdEvenByAccident() {
    Fixture f = new Fixture();
    f.inadvertent = 0.5; // every other act slips a rung
    f.initiatorPolicy = PolicyKind.HAWK;
    f.responderPolicy = PolicyKind.HAWK;
    f.options = List.of(
        Fixture.kinetic("ru-more", "ru", Kinetic.MORE),
        Fixture.kinetic("us-more", "us", Kinetic.MORE));
    Scenario nuclear = f.scenario();
    List<Actor> actors = nuclear.actors().stream()
        .map(a -> a.id().equals("us") ? a : new Actor(a.id(), a.name(), a.side(), a.principal(),
            false, a.countries(), a.resolve(), a.painThreshold(), a.credibility(), a.rationality(),
            a.noise(), a.threatBias(), a.factions(), a.policy(), a.script()))
        .toList();
    Scenario ruNonNuclear = new Scenario(
        nuclear.id(), nuclear.name(), nuclear.description(), nuclear.source(), nuclear.illustrative(),
        nuclear.ladder(), nuclear.horizon(), nuclear.containTurns(), nuclear.stopAtStrategic(),
        nuclear.model(), actors, nuclear.alliances(), nuclear.targets(), nuclear.initiatingEvent(),
        nuclear.packages(), nuclear.options(), nuclear.goals(), nuclear.uncertainties(),
        nuclear.negotiation(), nuclear.history());
    CompiledModel m = new CompiledModel(ruNonNuclear);
    assertThat(m.nuclearCapable(CompiledModel.INITIATOR)).isFalse();
    Engine e = new Engine(m);
    TraceLog log = new TraceLog();
    e.tracer(log);
    RunRecord rec = new RunRecord();
    int usUsed = 0;
    for (long k = 0; k < 300; k++) {
      e.run(5, k, rec);
      assertThat(rec.firstNuclearUser).isNotEqualTo(CompiledModel.INITIATOR);
      for (TraceTurn t : log.turns()) {
        if (t.side() == CompiledModel.INITIATOR) {
          assertThat(t.executed()).isLessThan(m.nuclearThreshold());
        }
      }
      usUsed += rec.firstNuclearUser == CompiledModel.RESPONDER ? 1 : 0;
    }
    // the nuclear side, under the same hawks, does cross it
    assertThat(usUsed).isPositive();
  }

  @Test
  void overAnsweringEarnsNoCredibilityAndUnderAnsweringLosesIt() {
    CompiledModel m = new Fixture().model();
    int less = m.candidates(CompiledModel.RESPONDER).indexOf("us-less");
    int prop = m.candidates(CompiledModel.RESPONDER).indexOf("us-prop");
    int more = m.candidates(CompiledModel.RESPONDER).indexOf("us-more");
    double k0 = 0.5;
    assertThat(m.credibilityAfter(CompiledModel.RESPONDER, k0, 8, 9, more, 0.8)).isEqualTo(k0);
    assertThat(m.credibilityAfter(CompiledModel.RESPONDER, k0, 8, 8, prop, 0.8)).isEqualTo(k0);
    assertThat(m.credibilityAfter(CompiledModel.RESPONDER, k0, 8, 7, less, 0.8)).isLessThan(k0);
    // no jump at the baseline: nothing to answer, nothing lost
    assertThat(m.credibilityAfter(CompiledModel.RESPONDER, k0, 0, 0, less, 0.8)).isEqualTo(k0);
    // and the initiator's stake is the audience cost, far below the responder's commitment
    assertThat(m.stake(CompiledModel.INITIATOR, 0.8)).isLessThan(m.stake(CompiledModel.RESPONDER, 0.8));
  }

  @Test
  void beingHitHarderRaisesPressureAndStrategicStrikesMore() throws Exception {
    CompiledModel m = new CompiledModel(ScenarioLoader.resolve("rand-d-ports"));
    double proportional = m.pressureFrom(8, 8);
    double harder = m.pressureFrom(9, 8);
    double homeland = m.pressureFrom(10, 8);
    double strategic = m.pressureFrom(12, 8);
    assertThat(proportional).isZero();
    assertThat(harder).isGreaterThan(proportional);
    assertThat(homeland).isGreaterThan(harder + 0.25);
    assertThat(strategic).isGreaterThan(homeland + 0.5);
  }
}
