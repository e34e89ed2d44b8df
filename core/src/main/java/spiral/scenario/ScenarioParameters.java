package spiral.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import spiral.ladder.Ladder;
import spiral.ladder.Rung;

/**
 * Sets numeric parameters of a loaded scenario by their dotted paths (the paths of the
 * {@code uncertainties} section, docs/SCENARIO-FORMAT.md), giving a new scenario.
 *
 * <p>An actor-level weight ({@code actors.usa.riskAversion}) sets that weight for every faction
 * of the actor. A target's value changes how the initiating attack weighs for credibility;
 * options keep the punishment values they were loaded with. Cost: O(size of the scenario) per
 * call.
 */
public final class ScenarioParameters {
  private ScenarioParameters() {}

  /**
   * The scenario with the given parameters set.
   *
   * @throws IllegalArgumentException naming the path and the value when a path names no numeric
   *     parameter or the value is outside the parameter's range
   */
  public static Scenario with(Scenario sc, Map<String, Double> values) {
    Scenario s = sc;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      try {
        s = with(s, e.getKey(), e.getValue());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(
            e.getKey() + " = " + e.getValue() + ": " + ex.getMessage(), ex);
      }
    }
    return s;
  }

  /** The scenario with one parameter set; see {@link #with(Scenario, Map)}. */
  public static Scenario with(Scenario sc, String path, double v) {
    String[] p = path.split("\\.", -1);
    switch (p[0]) {
      case "actors":
        return copy(sc, actors(sc, p, v), sc.alliances(), sc.targets(), sc.packages(), sc.model(), sc.ladder());
      case "alliances":
        return copy(sc, sc.actors(), alliances(sc, p, v), sc.targets(), sc.packages(), sc.model(), sc.ladder());
      case "targets":
        return copy(sc, sc.actors(), sc.alliances(), targets(sc, p, v), sc.packages(), sc.model(), sc.ladder());
      case "packages":
        return copy(sc, sc.actors(), sc.alliances(), sc.targets(), packages(sc, p, v), sc.model(), sc.ladder());
      case "model":
      case "talks":
      case "leverage":
        return copy(sc, sc.actors(), sc.alliances(), sc.targets(), sc.packages(), model(sc.model(), p, v), sc.ladder());
      case "ladder":
        return copy(sc, sc.actors(), sc.alliances(), sc.targets(), sc.packages(), sc.model(), ladder(sc.ladder(), p, v));
      default:
        throw unknown(path);
    }
  }

  private static Scenario copy(
      Scenario s,
      List<Actor> actors,
      List<Alliance> alliances,
      List<Target> targets,
      Map<String, NonKineticPackage> packages,
      ModelConstants model,
      Ladder ladder) {
    return new Scenario(
        s.id(), s.name(), s.description(), s.source(), s.illustrative(), ladder, s.horizon(),
        s.containTurns(), s.stopAtStrategic(), model, actors, alliances, targets,
        s.initiatingEvent(), packages, s.options(), s.goals(), s.uncertainties(), s.negotiation(),
        s.history());
  }

  private static List<Actor> actors(Scenario sc, String[] p, double v) {
    need(p, 3);
    List<Actor> out = new ArrayList<>();
    boolean found = false;
    for (Actor a : sc.actors()) {
      if (a.id().equals(p[1])) {
        out.add(actor(a, p, v));
        found = true;
      } else {
        out.add(a);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no actor '" + p[1] + "'");
    }
    return out;
  }

  private static Actor actor(Actor a, String[] p, double v) {
    double resolve = a.resolve();
    double pain = a.painThreshold();
    double cred = a.credibility();
    double lambda = a.rationality();
    double noise = a.noise();
    double bias = a.threatBias();
    List<Faction> factions = a.factions();
    String key = String.join(".", java.util.Arrays.copyOfRange(p, 2, p.length));
    switch (key) {
      case "resolve" -> resolve = v;
      case "painThreshold" -> pain = v;
      case "credibility" -> cred = v;
      case "rationality" -> lambda = v;
      case "perception.noise" -> noise = v;
      case "perception.threatBias" -> bias = v;
      case "credibilityWeight", "riskAversion", "costWeight", "punishmentWeight" -> {
        List<Faction> fs = new ArrayList<>();
        for (Faction f : factions) {
          fs.add(faction(f, switch (key) {
            case "credibilityWeight" -> "credibility";
            case "riskAversion" -> "risk";
            case "costWeight" -> "cost";
            default -> "punishment";
          }, v));
        }
        factions = fs;
      }
      default -> {
        if (p.length == 5 && p[2].equals("factions")) {
          List<Faction> fs = new ArrayList<>();
          boolean found = false;
          for (Faction f : factions) {
            if (f.id().equals(p[3])) {
              fs.add(faction(f, p[4], v));
              found = true;
            } else {
              fs.add(f);
            }
          }
          if (!found) {
            throw new IllegalArgumentException("actor '" + a.id() + "' has no faction '" + p[3] + "'");
          }
          factions = fs;
        } else {
          throw unknown(String.join(".", p));
        }
      }
    }
    return new Actor(
        a.id(), a.name(), a.side(), a.principal(), a.nuclear(), a.countries(), resolve, pain, cred,
        lambda, noise, bias, factions, a.policy(), a.script());
  }

  private static Faction faction(Faction f, String key, double v) {
    return new Faction(
        f.id(),
        f.name(),
        key.equals("weight") ? v : f.weight(),
        key.equals("credibility") ? v : f.credibility(),
        key.equals("risk") ? v : f.risk(),
        key.equals("cost") ? v : f.cost(),
        key.equals("punishment") ? v : f.punishment());
  }

  private static List<Alliance> alliances(Scenario sc, String[] p, double v) {
    need(p, 3);
    List<Alliance> out = new ArrayList<>();
    boolean found = false;
    for (Alliance al : sc.alliances()) {
      if (al.id().equals(p[1])) {
        found = true;
        out.add(
            new Alliance(
                al.id(), al.name(), al.members(), al.commitment(),
                field(p, "commitmentCredibility", al.commitmentCredibility(), v),
                field(p, "cohesion", al.cohesion(), v),
                field(p, "riskTolerance", al.riskTolerance(), v)));
        known(p, "commitmentCredibility", "cohesion", "riskTolerance");
      } else {
        out.add(al);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no alliance '" + p[1] + "'");
    }
    return out;
  }

  private static List<Target> targets(Scenario sc, String[] p, double v) {
    need(p, 3);
    known(p, "value");
    List<Target> out = new ArrayList<>();
    boolean found = false;
    for (Target t : sc.targets()) {
      if (t.id().equals(p[1])) {
        found = true;
        out.add(new Target(t.id(), t.name(), t.owner(), t.country(), t.kind(), v, t.casualties(), t.illustrative()));
      } else {
        out.add(t);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("no target '" + p[1] + "'");
    }
    return out;
  }

  private static Map<String, NonKineticPackage> packages(Scenario sc, String[] p, double v) {
    need(p, 3);
    if (p.length != 3) {
      throw unknown(String.join(".", p));
    }
    NonKineticPackage k = sc.packages().get(p[1]);
    if (k == null) {
      throw new IllegalArgumentException("no package '" + p[1] + "'");
    }
    Map<String, NonKineticPackage> out = new LinkedHashMap<>(sc.packages());
    out.put(k.id(), k.with(p[2], v));
    return out;
  }

  private static ModelConstants model(ModelConstants m, String[] p, double v) {
    if (p.length != 2) {
      throw unknown(String.join(".", p));
    }
    return m.with(p[0] + "." + p[1], v);
  }

  private static Ladder ladder(Ladder l, String[] p, double v) {
    if (p.length != 4 || !p[1].equals("rungs")) {
      throw unknown(String.join(".", p));
    }
    known(p, "damage", "inadvertentRisk", "pressure", "warRisk");
    int level;
    try {
      level = Integer.parseInt(p[2]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + p[2] + "' is not a rung level");
    }
    if (level < 0 || level > l.top()) {
      throw new IllegalArgumentException("no rung " + level + " (the ladder has 0.." + l.top() + ")");
    }
    List<Rung> rungs = new ArrayList<>(l.rungs());
    Rung r = rungs.get(level);
    rungs.set(
        level,
        new Rung(
            r.level(), r.name(), r.group(),
            field(p, "damage", r.damage(), v),
            field(p, "inadvertentRisk", r.inadvertentRisk(), v),
            r.kind(),
            r.act(),
            field(p, "pressure", r.pressure(), v),
            field(p, "warRisk", r.warRisk(), v)));
    return new Ladder(l.id(), l.name(), l.source(), rungs, l.directWar(), l.nuclear(), l.strategic(), l.baseline());
  }

  private static double field(String[] p, String name, double old, double v) {
    return p[p.length - 1].equals(name) ? v : old;
  }

  private static void known(String[] p, String... names) {
    if (!List.of(names).contains(p[p.length - 1])) {
      throw unknown(String.join(".", p));
    }
  }

  private static void need(String[] p, int n) {
    if (p.length < n) {
      throw unknown(String.join(".", p));
    }
  }

  private static IllegalArgumentException unknown(String path) {
    return new IllegalArgumentException("'" + path + "' does not name a numeric parameter");
  }
}
