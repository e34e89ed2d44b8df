package spiral.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import spiral.scenario.PolicyKind;

/** The steering hook: a steering that follows the policy plays the unsteered run; PAUSE stops. */
class SteeringTest {
  @Property(tries = 60)
  void followingThePolicyIsTheUnsteeredRun(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @LongRange(min = 0, max = 50) long run) {
    for (PolicyKind policy : List.of(PolicyKind.QUANTAL, PolicyKind.TIT_FOR_TAT)) {
      Fixture f = new Fixture();
      f.responderPolicy = policy;
      Engine e = new Engine(f.model());
      RunRecord a = new RunRecord();
      RunRecord b = new RunRecord();
      e.run(seed, run, a);
      e.run(seed, run, b, (t, s, y, c, w) -> c);
      assertThat(b.paused).isFalse();
      assertThat(b.outcome).isEqualTo(a.outcome);
      assertThat(b.turns).isEqualTo(a.turns);
      assertThat(b.maxRung).isEqualTo(a.maxRung);
      assertThat(b.cost).containsExactly(a.cost);
      assertThat(b.credibility).containsExactly(a.credibility);
      assertThat(b.cohesion).isEqualTo(a.cohesion);
      assertThat(b.leverage).isEqualTo(a.leverage);
      assertThat(b.escalationScore).isEqualTo(a.escalationScore);
    }
  }

  @Test
  void pauseStopsBeforeTheTurnAndReportsTheChoice() {
    Fixture f = new Fixture();
    Engine e = new Engine(f.model());
    TurnLog c = new TurnLog();
    e.tracer(c);
    RunRecord rec = new RunRecord();
    e.run(7, 0, rec, (t, s, y, p, w) -> t == 3 ? Steering.PAUSE : p);
    assertThat(rec.paused).isTrue();
    assertThat(rec.outcome).isNull();
    assertThat(rec.turns).isEqualTo(2);
    assertThat(c.turns).hasSize(2);
    assertThat(c.pending).hasSize(f.model().candidates(CompiledModel.RESPONDER).size());
    e.run(7, 0, rec);
    assertThat(rec.paused).isFalse();
  }

  @Test
  void forcingAMoveIsLikeAForcedFirstResponse() {
    Fixture f = new Fixture();
    CompiledModel m = f.model();
    Engine e = new Engine(m);
    RunRecord a = new RunRecord();
    RunRecord b = new RunRecord();
    // a forced first response is also the ceiling of the responder's later answers; the
    // strongest option (us-more) caps nothing, so steering only the first move plays the same run
    int more = m.candidates(CompiledModel.RESPONDER).indexOf("us-more");
    for (long k = 0; k < 200; k++) {
      e.run(3, k, a, more);
      e.run(3, k, b, (t, s, y, p, w) -> t == 1 ? more : p);
      assertThat(b.outcome).isEqualTo(a.outcome);
      assertThat(b.turns).isEqualTo(a.turns);
      assertThat(b.cost).containsExactly(a.cost);
    }
  }

  @Test
  void rejectsAMoveThatIsNoCandidate() {
    Engine e = new Engine(new Fixture().model());
    assertThatThrownBy(() -> e.run(1, 0, new RunRecord(), (t, s, y, p, w) -> 99))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("steering returned 99 at turn 1");
  }
}
