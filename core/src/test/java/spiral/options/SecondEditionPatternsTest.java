package spiral.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import spiral.game.ExchangeGame;
import spiral.scenario.Goal;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.sim.Progress;
import spiral.sim.Proportion;

/**
 * The patterns the escalation model's second edition must reproduce on RAND's four built-in cases
 * (MODEL.md &sect;8.6; pattern-oriented modelling, Grimm et al. 2005): weakness invites attack,
 * strength risks escalation, a real trade-off between the two, and non-kinetic answers that punish
 * without climbing. Fixed seed, 10,000 runs per option with common random numbers; every
 * comparison is made beyond the 95% Wilson intervals of both sides, never with a hand-tuned
 * tolerance. The README's Validation section lists the figures these tests see.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondEditionPatternsTest {
  static final List<String> CASES =
      List.of("rand-a-satellite", "rand-b-depot", "rand-c-airbases", "rand-d-ports");
  static final List<String> PACKAGES = List.of("none", "sanctions", "isolation", "aidSurge", "cyber");
  static final List<String> LEVELS = List.of("none", "less", "proportional", "more");
  static final long RUNS = 10_000;
  static final long SEED = 1;

  /** Goals for safety first: only nuclear and war avoidance. */
  static final List<Goal> SAFE =
      List.of(new Goal("nuclearAvoidance", 1, ""), new Goal("warAvoidance", 1, ""));
  /** Goals for firmness: only credibility and deterrence. */
  static final List<Goal> FIRM =
      List.of(new Goal("credibility", 1, ""), new Goal("deterrence", 1, ""));

  final Map<String, OptionsReport> byDefault = new HashMap<>();
  final Map<String, OptionsReport> safe = new HashMap<>();
  final Map<String, OptionsReport> firm = new HashMap<>();

  @BeforeAll
  void analyse() throws Exception {
    OptionsAnalysis analysis =
        new OptionsAnalysis(java.util.concurrent.ForkJoinPool.commonPool(),
            Runtime.getRuntime().availableProcessors());
    for (String c : CASES) {
      Scenario sc = ScenarioLoader.resolve(c);
      OptionsAnalysis.Acc acc = analysis.accumulate(sc, RUNS, SEED, Progress.NONE);
      byDefault.put(c, analysis.report(sc, RUNS, SEED, acc, null));
      safe.put(c, analysis.report(withGoals(sc, SAFE), RUNS, SEED, acc, null));
      firm.put(c, analysis.report(withGoals(sc, FIRM), RUNS, SEED, acc, null));
    }
  }

  static Scenario withGoals(Scenario s, List<Goal> goals) {
    return new Scenario(
        s.id(), s.name(), s.description(), s.source(), s.illustrative(), s.ladder(), s.horizon(),
        s.containTurns(), s.stopAtStrategic(), s.model(), s.actors(), s.alliances(), s.targets(),
        s.initiatingEvent(), s.packages(), s.options(), goals, s.uncertainties(), s.negotiation(),
        s.history());
  }

  static OptionResult get(OptionsReport r, String id) {
    return r.options().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  /** The runs of one kinetic level's five packages together, as one proportion. */
  static Proportion pooled(OptionsReport r, String level, java.util.function.Function<OptionResult, Proportion> f) {
    long count = 0;
    for (String p : PACKAGES) {
      count += f.apply(get(r, level + "-" + p)).count();
    }
    return Proportion.of(count, RUNS * PACKAGES.size());
  }

  static String level(String id) {
    return id.substring(0, id.indexOf('-'));
  }

  @Test
  void weaknessInvitesAttack() {
    for (String c : CASES) {
      OptionsReport r = byDefault.get(c);
      Proportion none = get(r, "none-none").furtherAttacks();
      Proportion prop = pooled(r, "proportional", OptionResult::furtherAttacks);
      assertThat(none.ci95()[0])
          .as("%s: P(further attacks) after none-none %s above the proportionate strikes' %s",
              c, none.p(), prop.p())
          .isGreaterThan(prop.ci95()[1]);
    }
  }

  @Test
  void anActiveResponseDetersInTheOneShotGameInEveryCase() throws Exception {
    for (String c : CASES) {
      ExchangeGame.Reading reading = ExchangeGame.compile(ScenarioLoader.resolve(c), 6).read();
      List<String> deterring = new ArrayList<>();
      for (ExchangeGame.Row row : reading.rows()) {
        if (row.deters() && !row.response().startsWith("none-")) {
          deterring.add(row.response());
        }
      }
      assertThat(deterring).as("%s: active responses that deter", c).isNotEmpty();
    }
  }

  @Test
  void strengthRisksEscalation() {
    for (String c : CASES) {
      OptionsReport r = byDefault.get(c);
      Proportion more = pooled(r, "more", OptionResult::warOrNuclear);
      Proportion prop = pooled(r, "proportional", OptionResult::warOrNuclear);
      assertThat(more.ci95()[0])
          .as("%s: P(direct war or nuclear use) after more %s above proportional %s", c, more.p(), prop.p())
          .isGreaterThan(prop.ci95()[1]);
    }
    for (String c : CASES) {
      OptionsReport r = byDefault.get(c);
      Proportion more = pooled(r, "more", OptionResult::nuclearUse);
      Proportion prop = pooled(r, "proportional", OptionResult::nuclearUse);
      assertThat(more.ci95()[1])
          .as("%s: P(nuclear use) does not fall from proportional %s to more %s", c, prop.p(), more.p())
          .isGreaterThanOrEqualTo(prop.ci95()[0]);
      assertThat(more.p()).as("%s: P(nuclear use), more vs proportional", c).isGreaterThanOrEqualTo(prop.p());
    }
  }

  @Test
  void aRealTradeOff() {
    Map<String, Set<String>> bestOf = new HashMap<>();
    for (String c : CASES) {
      OptionsReport r = byDefault.get(c);
      Set<String> levels = new HashSet<>();
      for (String id : r.paretoFront()) {
        levels.add(level(id));
      }
      assertThat(levels).as("%s: kinetic levels on the Pareto front %s", c, r.paretoFront())
          .hasSizeGreaterThanOrEqualTo(2);
      // a trade-off, not a tie: the front's least and most deterrent members differ in P(war or
      // nuclear use) beyond both intervals
      List<OptionResult> front = new ArrayList<>();
      for (String id : r.paretoFront()) {
        front.add(get(r, id));
      }
      front.sort(java.util.Comparator.comparingDouble(o -> o.furtherAttacks().p()));
      Proportion safest = front.get(front.size() - 1).warOrNuclear();
      Proportion firmest = front.get(0).warOrNuclear();
      assertThat(safest.ci95()[1])
          .as("%s: P(war or nuclear) %s of %s below %s of %s", c, safest.p(),
              front.get(front.size() - 1).id(), firmest.p(), front.get(0).id())
          .isLessThan(firmest.ci95()[0]);
      int safeLevel = LEVELS.indexOf(level(safe.get(c).best()));
      int firmLevel = LEVELS.indexOf(level(firm.get(c).best()));
      assertThat(firmLevel)
          .as("%s: best under safety %s, under firmness %s", c, safe.get(c).best(), firm.get(c).best())
          .isGreaterThan(safeLevel);
      bestOf.computeIfAbsent(r.best(), k -> new HashSet<>()).add("default " + c);
      bestOf.computeIfAbsent(safe.get(c).best(), k -> new HashSet<>()).add("safe " + c);
      bestOf.computeIfAbsent(firm.get(c).best(), k -> new HashSet<>()).add("firm " + c);
    }
    for (Map.Entry<String, Set<String>> e : bestOf.entrySet()) {
      assertThat(e.getValue()).as("%s is best in %s", e.getKey(), e.getValue()).hasSizeLessThan(12);
    }
  }

  @Test
  void nonKineticAnswersPunishWithoutClimbing() {
    for (String c : CASES) {
      OptionsReport r = byDefault.get(c);
      OptionResult sanctionsOnly = get(r, "none-sanctions");
      for (String lvl : List.of("less", "proportional", "more")) {
        OptionResult kinetic = get(r, lvl + "-sanctions");
        assertThat(sanctionsOnly.warOrNuclear().p())
            .as("%s: P(war or nuclear) none-sanctions vs %s-sanctions", c, lvl)
            .isLessThan(kinetic.warOrNuclear().p());
        if (lvl.equals("more")) {
          assertThat(sanctionsOnly.warOrNuclear().ci95()[1])
              .as("%s: none-sanctions below %s-sanctions beyond both intervals", c, lvl)
              .isLessThan(kinetic.warOrNuclear().ci95()[0]);
        }
      }
      // and they do punish: more damage to the initiator than no answer at all
      assertThat(sanctionsOnly.punishment().ci95()[0])
          .as("%s: punishment by sanctions only", c)
          .isGreaterThan(get(r, "none-none").punishment().ci95()[1]);
    }
  }
}
