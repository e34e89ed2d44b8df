package spiral.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import spiral.ladder.ActKind;
import spiral.ladder.Ladder;
import spiral.ladder.Rung;
import spiral.scenario.Actor;
import spiral.scenario.Alliance;
import spiral.scenario.Faction;
import spiral.scenario.InitiatingEvent;
import spiral.scenario.Kinetic;
import spiral.scenario.ModelConstants;
import spiral.scenario.NonKineticPackage;
import spiral.scenario.Option;
import spiral.scenario.PolicyKind;
import spiral.scenario.Scenario;
import spiral.scenario.ScriptStep;
import spiral.scenario.Side;
import spiral.scenario.Target;

/**
 * Builds scenarios in code for engine tests: a 17-rung ladder shaped like the built-in
 * NATO-Russia ladder (direct war 11, nuclear 13, strategic 16), two principal actors with two
 * factions each, and settings that tests change one at a time.
 */
public final class Fixture {
  public int rungs = 17;
  public int directWar = 11;
  public int nuclear = 13;
  public int strategic = 16;
  public double inadvertent = 0.02;
  /** The war risk of every rung below the direct-war threshold (0 above it). */
  public double warRisk = 0;
  public int initiatingRung = 8;
  public int horizon = 24;
  public int containTurns = 3;
  public double rho = 2.0;
  public double talksOpen = 0.3;

  public double initiatorNoise = 0.5;
  public double initiatorBias = 0.3;
  public double initiatorLambda = 3;
  public PolicyKind initiatorPolicy = PolicyKind.QUANTAL;
  public List<String> initiatorScript = List.of();
  public double responderNoise = 0.4;
  public double responderBias = 0.1;
  public double responderLambda = 3;
  public PolicyKind responderPolicy = PolicyKind.QUANTAL;
  public List<String> responderScript = List.of();

  /** Faction weights {credibility, risk, cost, punishment}, civilian then military. */
  public double[] initiatorCivilian = {1.0, 0.2, 0.05, 0.02};
  public double[] initiatorMilitary = {0.6, 0.6, 0.05, 0.02};
  public double[] responderCivilian = {1.0, 0.2, 0.05, 0.02};
  public double[] responderMilitary = {0.5, 0.8, 0.05, 0.02};
  public double riskScale = 1.0;

  /** Option sets; null means the default sets. */
  public List<Option> options;

  /** Goals and uncertainties of the scenario. */
  public List<spiral.scenario.Goal> goals = List.of();

  public List<spiral.scenario.Uncertainty> uncertainties = List.of();

  public Ladder ladder() {
    double[] damage = {0, 0.1, 0.3, 0.2, 0.5, 1, 2, 4, 8, 6, 12, 25, 40, 60, 100, 300, 1000};
    List<Rung> rs = new ArrayList<>();
    for (int r = 0; r < rungs; r++) {
      ActKind kind =
          r == 0 ? ActKind.STATUS_QUO : r >= nuclear ? ActKind.NUCLEAR : r >= 5 ? ActKind.VIOLENT : ActKind.NON_VIOLENT;
      double d = r < damage.length ? damage[r] : r;
      rs.add(new Rung(r, "rung " + r, "", d, r == rungs - 1 ? 0 : inadvertent, kind, null, 0,
          r < directWar ? warRisk : 0));
    }
    return new Ladder("test", "test ladder", "", rs, directWar, nuclear, strategic, 0);
  }

  public static Option kinetic(String id, String actor, Kinetic k) {
    return new Option(id, actor, id, -1, k, 1, "none", List.of(), 0, 1);
  }

  public static Option absolute(String id, String actor, int rung, double cost) {
    return new Option(id, actor, id, rung, Kinetic.NONE, 1, "none", List.of(), cost, 1);
  }

  public List<Option> defaultOptions() {
    return List.of(
        kinetic("ru-less", "ru", Kinetic.LESS),
        kinetic("ru-prop", "ru", Kinetic.PROPORTIONAL),
        kinetic("ru-more", "ru", Kinetic.MORE),
        absolute("ru-nuclear-demo", "ru", 13, 5),
        kinetic("us-none", "us", Kinetic.NONE),
        kinetic("us-less", "us", Kinetic.LESS),
        kinetic("us-prop", "us", Kinetic.PROPORTIONAL),
        kinetic("us-more", "us", Kinetic.MORE));
  }

  private List<Faction> factions(double[] civ, double[] mil) {
    return List.of(
        new Faction("civilian", "civilian", 0.6, civ[0], civ[1] * riskScale, civ[2], civ[3]),
        new Faction("military", "military", 0.4, mil[0], mil[1] * riskScale, mil[2], mil[3]));
  }

  public Scenario scenario() {
    ModelConstants d = ModelConstants.DEFAULTS;
    ModelConstants k =
        ModelConstants.DEFAULTS.with("model.rho", rho).with("talks.open", talksOpen);
    List<Actor> actors =
        List.of(
            new Actor(
                "ru", "Russia", Side.INITIATOR, true, true, List.of(), 0.6, 20, 0.5, initiatorLambda,
                initiatorNoise, initiatorBias, factions(initiatorCivilian, initiatorMilitary),
                initiatorPolicy, steps(initiatorScript)),
            new Actor(
                "us", "United States", Side.RESPONDER, true, true, List.of(), 0.4, 15, 0.5,
                responderLambda, responderNoise, responderBias,
                factions(responderCivilian, responderMilitary), responderPolicy,
                steps(responderScript)),
            new Actor(
                "nato", "NATO", Side.RESPONDER, false, false, List.of("Germany"), 0.5, 10, 0.5, 2,
                0.5, 0, List.of(), PolicyKind.QUANTAL, List.of()));
    return new Scenario(
        "fixture",
        "fixture",
        "",
        "",
        List.of("everything"),
        ladder(),
        horizon,
        containTurns,
        false,
        k,
        actors,
        List.of(new Alliance("nato-alliance", "NATO", List.of("us", "nato"), Alliance.Commitment.COLLECTIVE_DEFENCE, 0.9, 0.8, 0.05)),
        List.of(new Target("base", "base", "nato", "Germany", "airbase", 1, 10, true)),
        new InitiatingEvent("ru", List.of("base"), initiatingRung, ""),
        Map.of("none", NonKineticPackage.empty("none")),
        options == null ? defaultOptions() : options,
        goals,
        uncertainties,
        null,
        null);
  }

  private static List<ScriptStep> steps(List<String> script) {
    return script.stream().map(ScriptStep::parse).toList();
  }

  public CompiledModel model() {
    return new CompiledModel(scenario());
  }
}
