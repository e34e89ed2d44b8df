package spiral.sim;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import spiral.scenario.PolicyKind;

/**
 * Invariants checked after every step of random scenarios (jqwik), and the monotone properties of
 * MODEL.md §7 tested against sampling error with common random numbers.
 */
class EnginePropertiesTest {

  /** Checks every turn's state and the run's record. */
  static final class InvariantChecker implements Tracer {
    final int top;
    int lastTurn;

    InvariantChecker(int top) {
      this.top = top;
    }

    @Override
    public void start(CompiledModel model, long run, long seed) {
      lastTurn = 0;
    }

    @Override
    public void turn(TraceTurn t) {
      assertThat(t.turn()).isEqualTo(lastTurn + 1);
      lastTurn = t.turn();
      assertThat(t.perceived()).isBetween(0, top);
      assertThat(t.intended()).isBetween(0, top);
      assertThat(t.executed()).isBetween(t.intended(), Math.min(top, t.intended() + 1));
      assertThat(t.executed() == t.intended() + 1).isEqualTo(t.accident());
      TraceTurn.State s = t.state();
      assertThat(s.initiatorRung()).isBetween(0, top);
      assertThat(s.responderRung()).isBetween(0, top);
      assertThat(s.initiatorCost()).isGreaterThanOrEqualTo(0);
      assertThat(s.responderCost()).isGreaterThanOrEqualTo(0);
      assertThat(s.initiatorCredibility()).isBetween(0.0, 1.0);
      assertThat(s.responderCredibility()).isBetween(0.0, 1.0);
      assertThat(s.cohesion()).isBetween(0.0, 1.0);
      assertThat(s.leverage()).isBetween(0.0, 1.0);
      assertThat(t.nuclearRisk()).isBetween(0.0, 1.0);
      double total = 0;
      for (TraceTurn.Candidate c : t.candidates()) {
        assertThat(c.probability()).isBetween(0.0, 1.0);
        assertThat(c.rung()).isBetween(0, top);
        assertThat(Double.isFinite(c.utility())).isTrue();
        total += c.probability();
      }
      if (t.chosen() >= 0) {
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.candidates().get(t.chosen()).probability()).isGreaterThan(0.0);
      } else {
        assertThat(total).isZero();
      }
    }

    @Override
    public void talks(int turn, String event) {}

    @Override
    public void end(RunRecord r) {
      assertThat(r.outcome).isNotNull();
      assertThat(r.turns).isEqualTo(lastTurn);
      assertThat(r.maxRung).isBetween(0, top);
      if (r.outcome == Outcome.NUCLEAR_USE) {
        assertThat(r.firstNuclearUser).isIn(0, 1);
      }
    }
  }

  @Property(tries = 60)
  void invariantsHoldAfterEveryStep(
      @ForAll @DoubleRange(min = -1, max = 2) double bias,
      @ForAll @DoubleRange(min = 0, max = 2) double noise,
      @ForAll @DoubleRange(min = 0, max = 10) double lambda,
      @ForAll @DoubleRange(min = 0, max = 0.3) double q,
      @ForAll @IntRange(min = 1, max = 14) int initiatingRung,
      @ForAll @IntRange(min = 0, max = 5) int policy,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Fixture f = new Fixture();
    f.initiatorBias = bias;
    f.initiatorNoise = noise;
    f.responderNoise = noise / 2;
    f.initiatorLambda = lambda;
    f.inadvertent = q;
    f.initiatingRung = initiatingRung;
    PolicyKind kind = PolicyKind.values()[policy];
    f.responderPolicy = kind;
    if (kind == PolicyKind.SCRIPTED) {
      f.responderScript = java.util.List.of("+1", "hold", "us-prop");
    }
    CompiledModel m = f.model();
    Engine e = new Engine(m);
    InvariantChecker checker = new InvariantChecker(m.top());
    e.tracer(checker);
    RunRecord rec = new RunRecord();
    for (long run = 0; run < 30; run++) {
      e.run(seed, run, rec);
    }
    Stats st = new Simulator(Runnable::run, 1).run(m, 500, seed, Progress.NONE);
    long sum = 0;
    for (Outcome o : Outcome.values()) {
      sum += st.count(o);
    }
    assertThat(sum).isEqualTo(500);
    long hist = 0;
    for (long c : st.maxRungHistogram()) {
      hist += c;
    }
    assertThat(hist).isEqualTo(500);
  }

  /**
   * Raising the initiator's threat bias does not lower P(nuclear use) beyond sampling error. The
   * two settings share seeds (common random numbers); the bound is the 99% one-sided normal
   * bound on the paired difference, from the runs' own discordant counts.
   */
  @Property(tries = 12)
  void moreThreatBiasDoesNotLowerNuclearRisk(
      @ForAll @DoubleRange(min = -0.5, max = 1.0) double bias,
      @ForAll @DoubleRange(min = 0.1, max = 1.0) double raise,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Fixture low = new Fixture();
    low.initiatorBias = bias;
    Fixture high = new Fixture();
    high.initiatorBias = bias + raise;
    assertNotLowerBeyondNoise(low.model(), high.model(), seed);
  }

  /** Raising every faction's risk weight does not raise P(nuclear use) beyond sampling error. */
  @Property(tries = 12)
  void moreRiskAversionDoesNotRaiseNuclearRisk(
      @ForAll @DoubleRange(min = 0.2, max = 2.0) double scale,
      @ForAll @DoubleRange(min = 1.1, max = 3.0) double factor,
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    Fixture low = new Fixture();
    low.riskScale = scale * factor;
    Fixture high = new Fixture();
    high.riskScale = scale;
    assertNotLowerBeyondNoise(low.model(), high.model(), seed);
  }

  /** P_nuc(high) >= P_nuc(low) - 2.326 * SE of the paired difference. */
  static void assertNotLowerBeyondNoise(CompiledModel low, CompiledModel high, long seed) {
    int runs = 6000;
    Engine el = new Engine(low);
    Engine eh = new Engine(high);
    RunRecord rl = new RunRecord();
    RunRecord rh = new RunRecord();
    long nl = 0;
    long nh = 0;
    long onlyLow = 0;
    long onlyHigh = 0;
    for (long k = 0; k < runs; k++) {
      el.run(seed, k, rl);
      eh.run(seed, k, rh);
      boolean a = rl.outcome == Outcome.NUCLEAR_USE;
      boolean b = rh.outcome == Outcome.NUCLEAR_USE;
      nl += a ? 1 : 0;
      nh += b ? 1 : 0;
      onlyLow += a && !b ? 1 : 0;
      onlyHigh += b && !a ? 1 : 0;
    }
    double diff = (double) (nh - nl) / runs;
    // Paired (McNemar-style) standard error of the difference of proportions.
    double se =
        Math.sqrt(Math.max(1.0, onlyLow + onlyHigh - Math.pow(onlyHigh - onlyLow, 2) / runs)) / runs;
    assertThat(diff)
        .as("P(nuclear) low %d/%d, high %d/%d", nl, runs, nh, runs)
        .isGreaterThanOrEqualTo(-2.326 * se);
  }
}
