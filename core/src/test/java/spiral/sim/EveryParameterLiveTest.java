package spiral.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import spiral.options.OptionsAnalysis;
import spiral.scenario.Actor;
import spiral.scenario.Alliance;
import spiral.scenario.Faction;
import spiral.scenario.ModelConstants;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.scenario.ScenarioParameters;
import spiral.scenario.Target;

/**
 * Every numeric parameter of the scenario format acts (MODEL.md &sect;8.4): each is stepped up and
 * down, one at a time, on each built-in RAND case, and at least one engine output must move beyond
 * sampling error in at least one case. The outputs are per-run figures (the ending, the flags, the
 * highest rung, the turns, both sides' costs, punishment and credibility, cohesion, leverage, the
 * escalation score), compared run by run under common random numbers: a move counts when a paired
 * mean difference exceeds 3 of its standard errors, or when the runs differ at all where the paired
 * differences have no spread. The steps are large (doubling and halving) so that a parameter with
 * a real but modest effect shows it; a parameter that acts on nothing gives exactly equal runs
 * under common random numbers and can never pass. Run k plays the responder's option k mod 20 as its first response,
 * so every package and kinetic level is exercised.
 *
 * <p>Exempt, with the reason the schema gives ({@code x-reportingOnly}) or the model's structure:
 * reporting-only fields (a target's casualties, {@code model.meaningfulDifference}); the parameters
 * of actors that are not principals (only a side's principal decides; allies count through the
 * alliance and the targets); and the rungs at which under 2% of the runs act in every case (their
 * damage, inadvertent risk, war risk and pressure act only where the crisis gets to them); the war
 * risk of the rungs at and above the direct-war threshold, which the ladder holds at 0 (an act
 * there is already a direct war). Two kinds are
 * walked where they act: leverage decay with a leverage momentum (0 by default), and the nuclear
 * rungs' parameters with {@code stopAt: strategic} (runs otherwise end at first use).
 */
@Tag("slow")
class EveryParameterLiveTest {
  static final List<String> CASES =
      List.of("rand-a-satellite", "rand-b-depot", "rand-c-airbases", "rand-d-ports");
  static final int RUNS = 8_000;
  static final long SEED = 11;
  static final int OUTPUTS = 21;

  /** The numeric parameter paths of a scenario (the uncertainties grammar). */
  static List<String> paths(Scenario sc) {
    List<String> out = new ArrayList<>();
    for (Actor a : sc.actors()) {
      if (!a.principal()) {
        continue; // only principals decide
      }
      String p = "actors." + a.id() + ".";
      for (String k : List.of("resolve", "painThreshold", "credibility", "rationality")) {
        out.add(p + k);
      }
      out.add(p + "perception.noise");
      out.add(p + "perception.threatBias");
      for (Faction f : a.factions()) {
        for (String k : List.of("weight", "credibility", "risk", "cost", "punishment")) {
          out.add(p + "factions." + f.id() + "." + k);
        }
      }
    }
    for (Alliance al : sc.alliances()) {
      for (String k : List.of("commitmentCredibility", "cohesion", "riskTolerance")) {
        out.add("alliances." + al.id() + "." + k);
      }
    }
    for (Target t : sc.targets()) {
      out.add("targets." + t.id() + ".value");
    }
    for (String pkg : sc.packages().keySet()) {
      if (pkg.equals("none")) {
        continue;
      }
      for (String k : List.of("credibility", "punishment", "cost", "leverage", "opponentCostRate",
          "opponentSupport", "inadvertentRisk")) {
        out.add("packages." + pkg + "." + k);
      }
    }
    for (String k : ModelConstants.KEYS) {
      if (!k.equals("model.meaningfulDifference")) { // reporting only
        out.add(k);
      }
    }
    for (int r = 0; r <= sc.ladder().top(); r++) {
      for (String k : List.of("damage", "inadvertentRisk", "pressure")) {
        out.add("ladder.rungs." + r + "." + k);
      }
      if (r < sc.ladder().directWar()) { // at and above the threshold an act is already war
        out.add("ladder.rungs." + r + ".warRisk");
      }
    }
    return out;
  }

  /** Counts the executed acts per rung. */
  static final class Executed implements Tracer {
    final long[] count;

    Executed(int top) {
      count = new long[top + 1];
    }

    @Override
    public void start(CompiledModel model, long run, long seed) {}

    @Override
    public void turn(TraceTurn turn) {
      count[turn.executed()]++;
    }

    @Override
    public void talks(int turn, String event) {}

    @Override
    public void end(RunRecord record) {}
  }

  /**
   * The scenario in which a parameter that acts only through another is walked: leverage decay
   * scales leverage momentum (0 by default), and what happens at or after a nuclear rung acts only
   * when runs go on past first use ({@code stopAt: strategic}).
   */
  static Scenario prerequisite(Scenario sc, String path) {
    if (path.equals("leverage.decay")) {
      return ScenarioParameters.with(sc, "leverage.momentum", 0.02);
    }
    if (path.startsWith("ladder.rungs.")
        && Integer.parseInt(path.split("\\.")[2]) >= sc.ladder().nuclear()) {
      return new Scenario(
          sc.id(), sc.name(), sc.description(), sc.source(), sc.illustrative(), sc.ladder(),
          sc.horizon(), sc.containTurns(), true, sc.model(), sc.actors(), sc.alliances(),
          sc.targets(), sc.initiatingEvent(), sc.packages(), sc.options(), sc.goals(),
          sc.uncertainties(), sc.negotiation(), sc.history());
    }
    return sc;
  }

  /** Per-run outputs of RUNS runs: [run][output]. */
  static double[][] outputs(Scenario sc, int[] reached) {
    return outputs(sc, reached, null);
  }

  static double[][] outputs(Scenario sc, int[] reached, Executed executed) {
    CompiledModel m = new CompiledModel(sc);
    Engine e = new Engine(m);
    e.tracer(executed);
    RunRecord rec = new RunRecord();
    int options = m.optionCount(CompiledModel.RESPONDER);
    double[][] out = new double[RUNS][OUTPUTS];
    for (int k = 0; k < RUNS; k++) {
      e.run(SEED, k, rec, k % options);
      double[] o = out[k];
      o[rec.outcome.ordinal()] = 1;
      int i = Outcome.values().length;
      o[i++] = rec.furtherAttacks ? 1 : 0;
      o[i++] = rec.directWar ? 1 : 0;
      o[i++] = rec.firstNuclearUser >= 0 ? 1 : 0;
      o[i++] = rec.talksOpened ? 1 : 0;
      o[i++] = rec.maxRung;
      o[i++] = rec.turns;
      o[i++] = rec.cost[0];
      o[i++] = rec.cost[1];
      o[i++] = rec.punishment[0];
      o[i++] = rec.punishment[1];
      o[i++] = rec.credibility[0];
      o[i++] = rec.credibility[1];
      o[i++] = rec.cohesion;
      o[i++] = rec.leverage;
      o[i++] = rec.escalationScore;
      o[i] = rec.inadvertent ? 1 : 0;
      if (reached != null) {
        reached[0] = Math.max(reached[0], rec.maxRung);
      }
    }
    return out;
  }

  /** Whether some output moved beyond sampling error between the paired runs. */
  static boolean moved(double[][] a, double[][] b) {
    for (int j = 0; j < OUTPUTS; j++) {
      double sum = 0;
      double sq = 0;
      for (int k = 0; k < RUNS; k++) {
        double d = b[k][j] - a[k][j];
        sum += d;
        sq += d * d;
      }
      double mean = sum / RUNS;
      double var = (sq - RUNS * mean * mean) / (RUNS - 1);
      double se = Math.sqrt(Math.max(0, var) / RUNS);
      if (se < 1e-12 ? Math.abs(mean) > 1e-9 : Math.abs(mean) > 3 * se) {
        return true;
      }
    }
    return false;
  }

  static double value(Scenario sc, String path) {
    // read the current value back by setting a sentinel-free probe: the loader's records
    String[] p = path.split("\\.");
    switch (p[0]) {
      case "actors": {
        Actor a = sc.actor(p[1]);
        if (p.length == 3) {
          return switch (p[2]) {
            case "resolve" -> a.resolve();
            case "painThreshold" -> a.painThreshold();
            case "credibility" -> a.credibility();
            default -> a.rationality();
          };
        }
        if (p[2].equals("perception")) {
          return p[3].equals("noise") ? a.noise() : a.threatBias();
        }
        Faction f = a.factions().stream().filter(x -> x.id().equals(p[3])).findFirst().orElseThrow();
        return switch (p[4]) {
          case "weight" -> f.weight();
          case "credibility" -> f.credibility();
          case "risk" -> f.risk();
          case "cost" -> f.cost();
          default -> f.punishment();
        };
      }
      case "alliances": {
        Alliance al = sc.alliances().stream().filter(x -> x.id().equals(p[1])).findFirst().orElseThrow();
        return switch (p[2]) {
          case "commitmentCredibility" -> al.commitmentCredibility();
          case "cohesion" -> al.cohesion();
          default -> al.riskTolerance();
        };
      }
      case "targets":
        return sc.target(p[1]).value();
      case "packages": {
        var k = sc.packages().get(p[1]);
        return switch (p[2]) {
          case "credibility" -> k.credibility();
          case "punishment" -> k.punishment();
          case "cost" -> k.cost();
          case "leverage" -> k.leverage();
          case "opponentCostRate" -> k.opponentCostRate();
          case "opponentSupport" -> k.opponentSupport();
          default -> k.inadvertentRisk();
        };
      }
      case "ladder": {
        var r = sc.ladder().rung(Integer.parseInt(p[2]));
        return switch (p[3]) {
          case "damage" -> r.damage();
          case "inadvertentRisk" -> r.inadvertentRisk();
          case "warRisk" -> r.warRisk();
          default -> r.pressure();
        };
      }
      default:
        return sc.model().values()[ModelConstants.KEYS.indexOf(path)];
    }
  }

  /**
   * The scenario with the parameter stepped up (doubled, by at least 0.05, or halfway to 1 where 1
   * is its bound) or down (halved), or null where no such step stays in its range.
   */
  static Scenario stepped(Scenario sc, String path, double v, boolean up) {
    double[] tries =
        up ? new double[] {Math.max(2 * v, v + 0.05), (v + 1) / 2, v + 0.05} : new double[] {v / 2, v - 0.1};
    for (double t : tries) {
      if (t == v) {
        continue;
      }
      try {
        return ScenarioParameters.with(sc, path, t);
      } catch (IllegalArgumentException e) {
        // out of range: the next try
      }
    }
    return null;
  }

  @Test
  void everyNumericParameterMovesSomeOutputInSomeCase() throws Exception {
    Map<String, Set<String>> liveIn = new LinkedHashMap<>();
    Set<String> all = new LinkedHashSet<>();
    Map<String, Integer> reachedIn = new LinkedHashMap<>();
    Set<String> rare = new LinkedHashSet<>();
    for (String c : CASES) {
      Scenario plain = OptionsAnalysis.withDefaultResponses(ScenarioLoader.resolve(c));
      int[] reached = {0};
      Executed executed = new Executed(plain.ladder().top());
      double[][] plainBase = outputs(plain, reached, executed);
      reachedIn.put(c, reached[0]);
      Map<Scenario, double[][]> bases = new java.util.HashMap<>();
      for (String path : paths(plain)) {
        if (path.startsWith("ladder.rungs.")) {
          int r = Integer.parseInt(path.split("\\.")[2]);
          // acts at the rung too rare to measure a change: under 2% of the runs execute it
          if (executed.count[r] < RUNS / 50) {
            rare.add(path);
            continue;
          }
        }
        all.add(path);
        Scenario sc = prerequisite(plain, path);
        double[][] base = sc == plain ? plainBase : bases.computeIfAbsent(sc, x -> outputs(x, null));
        double v = value(sc, path);
        for (boolean up : new boolean[] {true, false}) {
          Scenario s = stepped(sc, path, v, up);
          if (s != null && moved(base, outputs(s, null))) {
            liveIn.computeIfAbsent(path, k -> new LinkedHashSet<>()).add(c);
            break;
          }
        }
      }
    }
    rare.removeAll(all);
    List<String> dead = new ArrayList<>();
    for (String p : all) {
      if (!liveIn.containsKey(p)) {
        dead.add(p);
      }
    }
    assertThat(dead).as("parameters that move no output in any case (highest rungs reached: %s)", reachedIn)
        .isEmpty();
    // the exempt rung parameters are those of the rarely executed rungs, never the attacks' rungs
    assertThat(rare).noneMatch(p -> p.startsWith("ladder.rungs.8.") || p.startsWith("ladder.rungs.5."));
    System.out.println("every parameter live: " + all.size() + " parameters walked; rung parameters"
        + " exempt as their rungs act in under 2% of the runs in every case: " + rare);
  }
}
