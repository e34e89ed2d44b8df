package spiral.options;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import spiral.scenario.Goal;
import spiral.scenario.Kinetic;
import spiral.scenario.Option;
import spiral.scenario.PolicyKind;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.scenario.Uncertainty;
import spiral.sim.Fixture;
import spiral.sim.Intervals;
import spiral.sim.Progress;

/** Options analyses on scenarios whose answer is known by argument. */
class OptionsAnalysisTest {
  private static final OptionsAnalysis ONE = new OptionsAnalysis(Runnable::run, 1);

  private static List<Option> responses() {
    return List.of(
        Fixture.kinetic("none", "us", Kinetic.NONE),
        Fixture.kinetic("less", "us", Kinetic.LESS),
        Fixture.kinetic("proportional", "us", Kinetic.PROPORTIONAL),
        Fixture.kinetic("more", "us", Kinetic.MORE));
  }

  private static OptionResult get(OptionsReport r, String id) {
    return r.options().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * The attacker steps up one rung whenever it perceives a response at or above the rung of its
   * attack (8), and holds otherwise; the responder mirrors. A response below proportional never
   * sets the climb off; proportional sets it off unless noise hides it; more always does. So
   * P(nuclear use) rises with the kinetic level, and each step up is beyond sampling error where
   * the argument says it must be.
   */
  @Test
  void nuclearRiskRisesWithTheKineticLevelAgainstAnAttackerWhoAnswersOnlyFirmResponses() {
    Fixture f = new Fixture();
    f.initiatorPolicy = PolicyKind.SCRIPTED;
    f.initiatorScript = List.of("+1 if >= 8");
    f.initiatorNoise = 0.3;
    f.initiatorBias = 0;
    f.responderPolicy = PolicyKind.TIT_FOR_TAT;
    f.responderNoise = 0;
    f.responderBias = 0;
    f.inadvertent = 0;
    f.talksOpen = 0;
    List<Option> opts = new ArrayList<>(responses());
    opts.add(Fixture.kinetic("ru-unused", "ru", Kinetic.PROPORTIONAL));
    f.options = opts;
    OptionsReport r = ONE.analyse(f.scenario(), 4000, 3, Progress.NONE);
    double none = get(r, "none").nuclearUse().p();
    double less = get(r, "less").nuclearUse().p();
    double prop = get(r, "proportional").nuclearUse().p();
    double more = get(r, "more").nuclearUse().p();
    assertThat(none).isZero();
    assertThat(none).isLessThanOrEqualTo(less);
    assertThat(less).isLessThan(prop);
    assertThat(prop).isLessThanOrEqualTo(more);
    // the rises that the argument makes certain are beyond the intervals
    assertThat(get(r, "less").nuclearUse().ci95()[1]).isLessThan(get(r, "proportional").nuclearUse().ci95()[0]);
    assertThat(more).isEqualTo(1.0);
  }

  /** When risk counts for nothing and credibility for everything, more outranks none. */
  @Test
  void withOnlyCredibilityAtStakeMoreOutranksNone() throws Exception {
    Scenario d = ScenarioLoader.resolve("rand-d-ports");
    Scenario credibilityOnly = withGoals(d, List.of(new Goal("credibility", 1, "")));
    OptionsReport r = ONE.analyse(credibilityOnly, 2000, 5, Progress.NONE);
    OptionResult more = get(r, "more-none");
    OptionResult none = get(r, "none-none");
    assertThat(more.rank()).isLessThan(none.rank());
    assertThat(more.score().ci95()[0]).isGreaterThan(none.score().ci95()[1]);
    // with only credibility weighed, the score is the end credibility scaled to span [0, 1]
    double lo = r.options().stream().mapToDouble(o -> o.credibility().mean()).min().orElseThrow();
    double hi = r.options().stream().mapToDouble(o -> o.credibility().mean()).max().orElseThrow();
    assertThat(more.score().mean())
        .isCloseTo((more.credibility().mean() - lo) / (hi - lo), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(r.options().get(0).score().mean()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  /** Two options with identical effects get identical metrics: common random numbers. */
  @Test
  void identicalOptionsGetIdenticalMetrics() {
    Fixture f = new Fixture();
    List<Option> opts = new ArrayList<>(f.defaultOptions());
    opts.add(Fixture.kinetic("us-prop-twin", "us", Kinetic.PROPORTIONAL));
    f.options = opts;
    OptionsReport r = ONE.analyse(f.scenario(), 3000, 8, Progress.NONE);
    OptionResult a = get(r, "us-prop");
    OptionResult b = get(r, "us-prop-twin");
    assertThat(b.nuclearUse()).usingRecursiveComparison().isEqualTo(a.nuclearUse());
    assertThat(b.directWar()).usingRecursiveComparison().isEqualTo(a.directWar());
    assertThat(b.furtherAttacks()).usingRecursiveComparison().isEqualTo(a.furtherAttacks());
    assertThat(b.settlement()).usingRecursiveComparison().isEqualTo(a.settlement());
    assertThat(b.punishment()).usingRecursiveComparison().isEqualTo(a.punishment());
    assertThat(b.credibility()).usingRecursiveComparison().isEqualTo(a.credibility());
    assertThat(b.cohesion()).usingRecursiveComparison().isEqualTo(a.cohesion());
    assertThat(b.score()).usingRecursiveComparison().isEqualTo(a.score());
    assertThat(b.outcomes()).usingRecursiveComparison().isEqualTo(a.outcomes());
    assertThat(b.maxRung()).isEqualTo(a.maxRung());
  }

  @Test
  void reportIsConsistentAndIdenticalOnOneAndThreeThreads() throws Exception {
    Scenario b = ScenarioLoader.resolve("rand-b-depot");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      OptionsReport one = ONE.analyse(b, 1500, 4, Progress.NONE);
      OptionsReport three = new OptionsAnalysis(pool, 3).analyse(b, 1500, 4, Progress.NONE);
      ObjectMapper json = new ObjectMapper();
      assertThat(json.writeValueAsString(three)).isEqualTo(json.writeValueAsString(one));
      assertThat(one.options()).hasSize(20);
      assertThat(one.options().get(0).id()).isEqualTo(one.best());
      assertThat(one.options().get(0).differenceFromBest().mean()).isZero();
      for (int i = 0; i < one.options().size(); i++) {
        OptionResult o = one.options().get(i);
        assertThat(o.rank()).isEqualTo(i + 1);
        assertThat(o.differenceFromBest().mean()).isLessThanOrEqualTo(0);
        long sum = o.outcomes().values().stream().mapToLong(p -> p.count()).sum();
        assertThat(sum).isEqualTo(1500);
        if (i > 0) {
          assertThat(o.score().mean()).isLessThanOrEqualTo(one.options().get(i - 1).score().mean());
        }
      }
      assertThat(one.paretoFront()).isNotEmpty();
      for (String id : one.paretoFront()) {
        OptionResult p = get(one, id);
        for (OptionResult q : one.options()) {
          boolean dominates = q.warOrNuclear().p() <= p.warOrNuclear().p()
              && q.furtherAttacks().p() <= p.furtherAttacks().p()
              && (q.warOrNuclear().p() < p.warOrNuclear().p() || q.furtherAttacks().p() < p.furtherAttacks().p());
          assertThat(dominates).as("%s dominates front member %s", q.id(), id).isFalse();
        }
      }
      double weights = one.goals().stream().mapToDouble(OptionsReport.GoalWeight::weight).sum();
      assertThat(weights).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The paired interval of a difference is narrower than the unpaired one would be: common random
   * numbers make small differences visible.
   */
  @Test
  void pairedDifferenceIntervalIsNarrowerThanUnpaired() throws Exception {
    OptionsReport r = ONE.analyse(ScenarioLoader.resolve("rand-c-airbases"), 3000, 2, Progress.NONE);
    OptionResult best = r.options().get(0);
    OptionResult second = r.options().get(1);
    double paired = second.differenceFromBest().ci95()[1] - second.differenceFromBest().ci95()[0];
    double halfA = (best.score().ci95()[1] - best.score().ci95()[0]) / 2;
    double halfB = (second.score().ci95()[1] - second.score().ci95()[0]) / 2;
    double unpaired = 2 * Math.sqrt(halfA * halfA + halfB * halfB);
    assertThat(paired).isLessThan(unpaired);
  }

  @Test
  void robustAnalysisFindsMinimaxRegretAndDrivers() {
    Fixture f = new Fixture();
    f.uncertainties =
        List.of(
            new Uncertainty("actors.ru.perception.threatBias", "uniform", 0, 1.0, Double.NaN),
            new Uncertainty("actors.ru.rationality", "triangular", 1, 5, 3),
            new Uncertainty("model.rho", "normal", 2, 0.1, Double.NaN));
    OptionsReport r = RobustAnalysis.analyse(ONE, f.scenario(), 500, 300, 6, 8, Progress.NONE);
    Regret g = r.regret();
    assertThat(g).isNotNull();
    assertThat(g.samples()).isEqualTo(8);
    assertThat(g.options()).hasSize(4);
    assertThat(g.minimaxRegret()).isEqualTo(g.options().get(0).id());
    double share = 0;
    for (Regret.OptionRegret o : g.options()) {
      assertThat(o.maxRegret()).isGreaterThanOrEqualTo(o.meanRegret());
      assertThat(o.meanRegret()).isGreaterThanOrEqualTo(0);
      assertThat(o.maxRegret()).isGreaterThanOrEqualTo(g.options().get(0).maxRegret());
      share += o.bestShare();
    }
    assertThat(share).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(g.drivers()).extracting(Regret.Driver::parameter)
        .containsExactlyInAnyOrder("actors.ru.perception.threatBias", "actors.ru.rationality", "model.rho");
    for (int i = 1; i < g.drivers().size(); i++) {
      assertThat(Math.abs(g.drivers().get(i).rankCorrelation()))
          .isLessThanOrEqualTo(Math.abs(g.drivers().get(i - 1).rankCorrelation()));
    }
  }

  @Test
  void robustWithoutUncertaintiesOrWithOutOfRangeDrawsIsAClearError() {
    Fixture f = new Fixture();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RobustAnalysis.analyse(ONE, f.scenario(), 100, 100, 1, 4, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no uncertainties");
    f.uncertainties = List.of(new Uncertainty("actors.ru.resolve", "uniform", 0.5, 3.0, Double.NaN));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RobustAnalysis.analyse(ONE, f.scenario(), 100, 100, 1, 20, Progress.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actors.ru.resolve");
  }

  @Test
  void intervalsUseWilsonForProportions() {
    double[] ci = Intervals.wilson(0, 100, Intervals.Z95);
    assertThat(ci[0]).isZero();
    assertThat(ci[1]).isGreaterThan(0.03).isLessThan(0.04);
  }

  static Scenario withGoals(Scenario s, List<Goal> goals) {
    return new Scenario(
        s.id(), s.name(), s.description(), s.source(), s.illustrative(), s.ladder(), s.horizon(),
        s.containTurns(), s.stopAtStrategic(), s.model(), s.actors(), s.alliances(), s.targets(),
        s.initiatingEvent(), Map.copyOf(s.packages()), s.options(), goals, s.uncertainties(), null,
        null);
  }
}
