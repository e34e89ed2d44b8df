package spiral.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import spiral.ladder.ActKind;
import spiral.ladder.BuiltinLadders;
import spiral.bargain.Negotiation;
import spiral.ladder.Ladder;
import spiral.ladder.Rung;

/**
 * Builds the records from a schema-valid document, filling in the defaults of the scenario
 * format, and checks what the schema cannot: unique ids, references, principals, rungs on the
 * ladder, threshold order, uncertainty paths and distribution parameters. Every problem is
 * located at the offending key or value.
 */
final class ScenarioReader {
  /** The built-in non-kinetic packages (SCENARIO-FORMAT.md, all illustrative). */
  static final Map<String, NonKineticPackage> BUILTIN_PACKAGES = builtinPackages();

  private static final Set<String> ACTOR_NUMBERS = Set.of("resolve", "painThreshold", "credibility",
      "rationality", "credibilityWeight", "riskAversion", "costWeight", "punishmentWeight");
  private static final Set<String> PERCEPTION_NUMBERS = Set.of("noise", "threatBias");
  private static final Set<String> FACTION_NUMBERS =
      Set.of("weight", "credibility", "risk", "cost", "punishment");
  private static final Set<String> ALLIANCE_NUMBERS =
      Set.of("commitmentCredibility", "cohesion", "riskTolerance");
  private static final Set<String> PACKAGE_NUMBERS = Set.of("credibility", "punishment", "cost",
      "leverage", "opponentCostRate", "opponentSupport", "inadvertentRisk");
  private static final Set<String> MODEL_KEYS = constants("model");
  private static final Set<String> TALKS_KEYS = constants("talks");
  private static final Set<String> LEVERAGE_KEYS = constants("leverage");
  private static final Set<String> RUNG_NUMBERS = Set.of("damage", "inadvertentRisk", "pressure", "warRisk");
  private static final List<String> DISTRIBUTION_KEYS = List.of("min", "max", "mean", "sd", "mode");

  private final YamlTree tree;
  final List<Problem> problems = new ArrayList<>();

  private Ladder ladder;
  private final Map<String, Side> actorSides = new LinkedHashMap<>();
  private final Map<String, Set<String>> actorFactions = new HashMap<>();
  private final Map<Side, String> principals = new EnumMap<>(Side.class);
  private final Map<String, Double> targetValues = new LinkedHashMap<>();
  private final Map<String, String> optionActors = new LinkedHashMap<>();
  private final Set<String> allianceIds = new LinkedHashSet<>();
  private final Set<String> nonNuclear = new HashSet<>();
  private Map<String, NonKineticPackage> packages = Map.of();

  /** The keys of one section (model, talks, leverage) of the model constants. */
  private static Set<String> constants(String section) {
    Set<String> keys = new LinkedHashSet<>();
    for (String k : ModelConstants.KEYS) {
      if (k.startsWith(section + ".")) {
        keys.add(k.substring(section.length() + 1));
      }
    }
    return Set.copyOf(keys);
  }

  /** The folder of the file being read, against which relative paths in it resolve; null for none. */
  final java.nio.file.Path folder;

  ScenarioReader(YamlTree tree) {
    this(tree, null);
  }

  ScenarioReader(YamlTree tree, java.nio.file.Path folder) {
    this.tree = tree;
    this.folder = folder;
  }

  private static Map<String, NonKineticPackage> builtinPackages() {
    Map<String, NonKineticPackage> m = new LinkedHashMap<>();
    m.put("none", NonKineticPackage.empty("none"));
    m.put("sanctions", new NonKineticPackage("sanctions", 2, 0.5, 1.0, 0.3, 0, 0.3, 0, 0));
    m.put("isolation", new NonKineticPackage("isolation", 2, 0.25, 0.5, 0.1, 0, 0, 0.2, 0));
    m.put("aidSurge", new NonKineticPackage("aidSurge", 2, 0.5, 0.8, 0.5, 0.01, 0, 0, 0));
    m.put("cyber", new NonKineticPackage("cyber", 1, 0.4, 0.6, 0.1, 0, 0, 0, 0.03));
    return java.util.Collections.unmodifiableMap(m);
  }

  // ---------------------------------------------------------------- ladder file

  /** Reads a ladder file's root; null when there are problems. */
  Ladder ladderFile() {
    Ladder l = ladder(tree.root, DocPath.ROOT);
    return problems.isEmpty() ? l : null;
  }

  /** Reads an inline ladder, or a built-in one by id; null when there are problems. */
  private Ladder ladderField(JsonNode node, DocPath at) {
    if (node.isObject()) {
      return ladder(node, at);
    }
    String id = node.asText();
    if (!BuiltinLadders.ids().contains(id)) {
      problem(at, "unknown ladder " + Text.name(id) + " (built-ins: "
          + String.join(", ", BuiltinLadders.ids()) + "; or write the ladder inline)");
      return null;
    }
    try {
      return BuiltinLadders.get(id);
    } catch (RuntimeException e) {
      problem(at, "the built-in ladder " + Text.name(id) + " could not be loaded: "
          + Text.clean(e.getMessage()));
      return null;
    }
  }

  private Ladder ladder(JsonNode node, DocPath at) {
    String id = node.get("id").asText();
    DocPath rungsAt = at.key("rungs");
    JsonNode rungsNode = node.get("rungs");
    int top = rungsNode.size() - 1;
    int before = problems.size();
    for (int i = 0; i < rungsNode.size(); i++) {
      int level = integer(rungsNode.get(i), rungsAt.index(i), "level", -1);
      if (level != i && level != Integer.MIN_VALUE) {
        problem(rungsAt.index(i).key("level"), "level " + level + " is out of order: levels must"
            + " be 0, 1, 2, ... without gaps, so this rung must be level " + i);
      }
    }
    DocPath thAt = at.key("thresholds");
    JsonNode th = node.get("thresholds");
    int baseline = integer(node, at, "baseline", 0);
    int directWar = integer(th, thAt, "directWar", 0);
    int nuclear = integer(th, thAt, "nuclear", 0);
    int strategic = integer(th, thAt, "strategic", 0);
    boolean inRange = onLadder(at.key("baseline"), "baseline", baseline, top)
        & onLadder(thAt.key("directWar"), "directWar", directWar, top)
        & onLadder(thAt.key("nuclear"), "nuclear", nuclear, top)
        & onLadder(thAt.key("strategic"), "strategic", strategic, top);
    if (inRange) {
      if (baseline >= directWar) {
        problem(thAt.key("directWar"), "directWar " + directWar
            + " must be above the baseline " + baseline);
      }
      if (directWar > nuclear) {
        problem(thAt.key("nuclear"), "nuclear " + nuclear
            + " must be at or above directWar " + directWar);
      }
      if (nuclear > strategic) {
        problem(thAt.key("strategic"), "strategic " + strategic
            + " must be at or above nuclear " + nuclear);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    List<Rung> rungs = new ArrayList<>();
    for (int i = 0; i < rungsNode.size(); i++) {
      JsonNode r = rungsNode.get(i);
      ActKind kind;
      if (r.has("kind")) {
        kind = ActKind.parse(r.get("kind").asText());
      } else if (i == baseline) {
        kind = ActKind.STATUS_QUO;
      } else if (i >= nuclear) {
        kind = ActKind.NUCLEAR;
      } else if (i >= directWar) {
        kind = ActKind.VIOLENT;
      } else {
        kind = ActKind.NON_VIOLENT;
      }
      Rung rung = make(rungsAt.index(i), () -> new Rung(r.get("level").asInt(),
          r.get("name").asText(), text(r, "group", ""), number(r, "damage", 0),
          number(r, "inadvertentRisk", 0), kind, text(r, "act", null), number(r, "pressure", 0),
          number(r, "warRisk", 0)));
      rungs.add(rung);
      if (rung != null && i >= directWar && rung.warRisk() != 0) {
        problem(rungsAt.index(i).key("warRisk"), "warRisk " + rung.warRisk()
            + " on rung " + i + ": an act at or above the direct-war threshold " + directWar
            + " is already a direct war, so its warRisk must be 0");
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return make(at, () -> new Ladder(id, text(node, "name", id), text(node, "source", ""), rungs,
        directWar, nuclear, strategic, baseline));
  }

  private boolean onLadder(DocPath at, String what, int level, int top) {
    if (level == Integer.MIN_VALUE) {
      return false;
    }
    if (level < 0 || level > top) {
      problem(at, what + " " + level + " is not a rung of the ladder (0.." + top + ")");
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- scenario

  /** Reads the scenario; null when there are problems. */
  Scenario scenario() {
    JsonNode root = tree.root;
    DocPath r = DocPath.ROOT;
    String id = root.get("id").asText();
    Negotiation negotiation =
        root.has("negotiation") ? NegotiationReader.read(this, root.get("negotiation"), r.key("negotiation")) : null;
    HistoryRecord history = root.has("history") ? history(root.get("history"), r.key("history")) : null;
    boolean escalation = !root.has("negotiation") || root.has("ladder") || root.has("actors")
        || root.has("initiatingEvent");
    if (escalation) {
      for (String key : List.of("ladder", "actors", "initiatingEvent")) {
        if (!root.has(key)) {
          problem(r, "missing required key '" + key + "'" + (root.has("negotiation")
              ? " (a scenario with a negotiation section may leave out ladder, actors and"
                  + " initiatingEvent together)" : ""));
        }
      }
      if (!problems.isEmpty()) {
        return null;
      }
    } else {
      if (!problems.isEmpty()) {
        return null;
      }
      return make(r, () -> new Scenario(id, text(root, "name", id), text(root, "description", ""),
          text(root, "source", ""), strings(root, "illustrative"), null, integer(root, r, "horizon", 24),
          integer(root, r, "containTurns", 3), false, model(root), List.of(), List.of(), List.of(), null,
          Map.of(), List.of(), List.of(), List.of(), negotiation, history));
    }
    ladder = ladderField(root.get("ladder"), r.key("ladder"));
    int horizon = integer(root, r, "horizon", 24);
    int containTurns = integer(root, r, "containTurns", 3);
    boolean stopAtStrategic = text(root, "stopAt", "nuclear").equals("strategic");
    ModelConstants model = model(root);

    index(root, "actors", "id", "actor id").forEach((actorId, i) -> {
      JsonNode a = root.get("actors").get(i);
      actorSides.put(actorId, a.get("side").asText().equals("initiator")
          ? Side.INITIATOR : Side.RESPONDER);
      if (!a.path("nuclear").asBoolean(false)) {
        nonNuclear.add(actorId);
      }
    });
    index(root, "targets", "id", "target id").forEach((targetId, i) ->
        targetValues.put(targetId, number(root.get("targets").get(i), "value", 1.0)));
    index(root, "options", "id", "option id").forEach((optionId, i) ->
        optionActors.put(optionId, root.get("options").get(i).get("actor").asText()));
    allianceIds.addAll(index(root, "alliances", "id", "alliance id").keySet());
    index(root, "goals", "metric", "goal metric");

    packages = packages(root.get("packages"), r.key("packages"));
    List<Target> targets = targets(list(root, "targets"), r.key("targets"));
    List<Option> options = options(list(root, "options"), r.key("options"));
    List<Actor> actors = actors(list(root, "actors"), r.key("actors"));
    List<Alliance> alliances = alliances(list(root, "alliances"), r.key("alliances"));
    InitiatingEvent event = initiatingEvent(root.get("initiatingEvent"), r.key("initiatingEvent"));
    List<Goal> goals = new ArrayList<>();
    JsonNode goalList = list(root, "goals");
    for (int i = 0; i < goalList.size(); i++) {
      JsonNode g = goalList.get(i);
      goals.add(make(r.key("goals").index(i), () -> new Goal(g.get("metric").asText(),
          g.get("weight").asDouble(), text(g, "description", ""))));
    }
    List<Uncertainty> uncertainties =
        uncertainties(list(root, "uncertainties"), r.key("uncertainties"));

    if (!problems.isEmpty()) {
      return null;
    }
    return make(r, () -> new Scenario(id, text(root, "name", id), text(root, "description", ""),
        text(root, "source", ""), strings(root, "illustrative"), ladder, horizon, containTurns,
        stopAtStrategic, model, actors, alliances, targets, event, packages, options, goals,
        uncertainties, negotiation, history));
  }

  /**
   * Reads the history block: real calendar dates, the end not before the trigger; the schema has
   * checked the types, ranges and the outcome name. Null when there are problems.
   */
  private HistoryRecord history(JsonNode h, DocPath at) {
    LocalDate trigger = day(h.get("trigger"), at.key("trigger"));
    LocalDate end = day(h.get("end"), at.key("end"));
    if (trigger == null || end == null) {
      return null;
    }
    if (end.isBefore(trigger)) {
      problem(at.key("end"), "the end " + end + " is before the trigger date " + trigger);
      return null;
    }
    JsonNode rec = h.get("recorded");
    DocPath recAt = at.key("recorded");
    HistoryRecord.Recorded recorded = make(recAt, () -> new HistoryRecord.Recorded(
        rec.get("outcome").asText(), rec.get("directWar").asBoolean(),
        rec.get("nuclearUse").asBoolean(), rec.get("violence").asInt(), rec.get("form").asInt()));
    if (recorded == null) {
      return null;
    }
    return make(at, () -> new HistoryRecord(h.get("icb").asInt(), h.get("name").asText(), trigger,
        end, recorded, strings(h, "sources"), text(h, "note", "")));
  }

  /** A YYYY-MM-DD date that names a real calendar day; null (reported) when it does not. */
  private LocalDate day(JsonNode n, DocPath at) {
    try {
      return LocalDate.parse(n.asText());
    } catch (DateTimeException e) {
      problem(at, Text.quote(n.asText()) + " is not a real date (expected YYYY-MM-DD)");
      return null;
    }
  }

  private ModelConstants model(JsonNode root) {
    ModelConstants d = ModelConstants.DEFAULTS;
    double[] v = d.values();
    for (int i = 0; i < v.length; i++) {
      String[] key = ModelConstants.KEYS.get(i).split("\\.");
      v[i] = number(root.path(key[0]), key[1], v[i]);
    }
    ModelConstants c = make(DocPath.ROOT.key("model"), () -> ModelConstants.of(v));
    return c == null ? d : c;
  }

  /** Ids of a list's entries, in order, reporting duplicates; maps each id to its index. */
  private Map<String, Integer> index(JsonNode root, String listKey, String idKey, String what) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    JsonNode list = list(root, listKey);
    DocPath at = DocPath.ROOT.key(listKey);
    for (int i = 0; i < list.size(); i++) {
      String id = list.get(i).get(idKey).asText();
      Integer first = ids.putIfAbsent(id, i);
      if (first != null) {
        duplicate(at.index(i).key(idKey), what, id, at.index(first).key(idKey));
      }
    }
    return ids;
  }

  private void duplicate(DocPath at, String what, String id, DocPath first) {
    problem(at, "duplicate " + what + " " + Text.name(id) + " (first at line "
        + tree.locate(first).line() + ")");
  }

  private Map<String, NonKineticPackage> packages(JsonNode node, DocPath at) {
    Map<String, NonKineticPackage> result = new LinkedHashMap<>(BUILTIN_PACKAGES);
    if (node != null) {
      node.properties().forEach(e -> {
        String id = e.getKey();
        JsonNode p = e.getValue();
        DocPath pAt = at.key(id);
        NonKineticPackage base =
            BUILTIN_PACKAGES.getOrDefault(id, NonKineticPackage.empty(id));
        int rung = integer(p, pAt, "rung", base.rung());
        if (rung == Integer.MIN_VALUE) {
          return;
        }
        if (ladder != null && rung > ladder.top()) {
          problem(p.has("rung") ? pAt.key("rung") : pAt,
              "rung " + rung + " is not a rung of the ladder (0.." + ladder.top() + ")");
          return;
        }
        NonKineticPackage k = make(pAt, () -> new NonKineticPackage(id, rung,
            number(p, "credibility", base.credibility()), number(p, "punishment", base.punishment()),
            number(p, "cost", base.cost()), number(p, "leverage", base.leverage()),
            number(p, "opponentCostRate", base.opponentCostRate()),
            number(p, "opponentSupport", base.opponentSupport()),
            number(p, "inadvertentRisk", base.inadvertentRisk())));
        if (k != null) {
          result.put(id, k);
        }
      });
    }
    if (ladder != null) {
      for (NonKineticPackage p : BUILTIN_PACKAGES.values()) {
        if (result.get(p.id()) == p && p.rung() > ladder.top()) {
          problem(DocPath.ROOT.key("ladder"), "the built-in package '" + p.id() + "' has rung "
              + p.rung() + ", above the ladder's top rung " + ladder.top()
              + ": give it a rung under 'packages'");
        }
      }
    }
    return result;
  }

  private List<Target> targets(JsonNode list, DocPath at) {
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      DocPath tAt = at.index(i);
      String owner = t.get("owner").asText();
      known(actorSides, owner, tAt.key("owner"), "actor");
      int casualties = integer(t, tAt, "casualties", 0);
      targets.add(make(tAt, () -> new Target(t.get("id").asText(), text(t, "name", null), owner,
          text(t, "country", ""), text(t, "kind", ""), number(t, "value", 1.0), casualties,
          t.path("illustrative").asBoolean(false))));
    }
    return targets;
  }

  private List<Option> options(JsonNode list, DocPath at) {
    List<Option> options = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode o = list.get(i);
      DocPath oAt = at.index(i);
      String id = o.get("id").asText();
      if (id.equals("hold") || id.equals("deescalate") || id.matches("[+-]?\\d{1,3}")) {
        problem(oAt.key("id"), Text.name(id) + " cannot be an option id: scripts read it as a step");
      }
      String actor = o.get("actor").asText();
      known(actorSides, actor, oAt.key("actor"), "actor");
      int rung = Math.max(-1, o.has("rung") ? integer(o, oAt, "rung", 0) : -1);
      if (ladder != null && rung > ladder.top()) {
        problem(oAt.key("rung"), "rung " + rung + " is not a rung of the ladder (0.."
            + ladder.top() + ")");
      } else if (ladder != null && rung >= ladder.nuclear() && nonNuclear.contains(actor)) {
        problem(oAt.key("rung"), "rung " + rung + " is at or above the nuclear threshold ("
            + ladder.nuclear() + ") but " + Text.name(actor) + " is not nuclear (declare"
            + " 'nuclear: true' or give the option a lower rung)");
      }
      if (!o.has("rung") && !o.has("kinetic")) {
        problem(oAt, "option " + Text.name(id) + " needs a 'rung' or a 'kinetic' level");
      }
      Kinetic kinetic = o.has("kinetic") ? Kinetic.parse(o.get("kinetic").asText()) : Kinetic.NONE;
      int step = integer(o, oAt, "step", 1);
      String nonKinetic = text(o, "nonKinetic", "none");
      known(packages, nonKinetic, oAt.key("nonKinetic"), "package");
      List<String> targets = strings(o, "targets");
      double value = 0;
      for (int j = 0; j < targets.size(); j++) {
        known(targetValues, targets.get(j), oAt.key("targets").index(j), "target");
        value += targetValues.getOrDefault(targets.get(j), 0.0);
      }
      // one accounting: the rung says how broad the act is, the targets' mean value how much they
      // matter, for an option exactly as for the initiating attack
      double defaultValue = targets.isEmpty() ? 1.0 : value / targets.size();
      options.add(make(oAt, () -> new Option(id, actor, text(o, "name", null), rung, kinetic,
          step, nonKinetic, targets, number(o, "cost", 0), number(o, "value", defaultValue))));
    }
    return options;
  }

  private List<Actor> actors(JsonNode list, DocPath at) {
    Map<Side, Integer> perSide = new EnumMap<>(Side.class);
    actorSides.values().forEach(s -> perSide.merge(s, 1, Integer::sum));
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode a = list.get(i);
      DocPath aAt = at.index(i);
      String id = a.get("id").asText();
      Side side = a.get("side").asText().equals("initiator") ? Side.INITIATOR : Side.RESPONDER;
      boolean principal = a.has("principal")
          ? a.get("principal").asBoolean() : perSide.getOrDefault(side, 0) == 1;
      if (principal) {
        String first = principals.putIfAbsent(side, id);
        if (first != null) {
          problem(a.has("principal") ? aAt.key("principal") : aAt, "a second principal on the "
              + side.fileName() + " side (the first is " + Text.name(first)
              + "): each side has exactly one");
        }
      }
      double wc = number(a, "credibilityWeight", 1.0);
      double wr = number(a, "riskAversion", 1.0);
      double wk = number(a, "costWeight", 0.1);
      double wg = number(a, "punishmentWeight", 0.1);
      List<Faction> factions = new ArrayList<>();
      Set<String> factionIds = new LinkedHashSet<>();
      if (!a.has("factions")) {
        factions.add(make(aAt, () -> new Faction("leadership", null, 1.0, wc, wr, wk, wg)));
        factionIds.add("leadership");
      } else {
        Map<String, DocPath> seen = new HashMap<>();
        JsonNode fs = a.get("factions");
        for (int j = 0; j < fs.size(); j++) {
          JsonNode f = fs.get(j);
          DocPath fAt = aAt.key("factions").index(j);
          String fid = f.get("id").asText();
          DocPath first = seen.putIfAbsent(fid, fAt.key("id"));
          if (first != null) {
            duplicate(fAt.key("id"), "faction id", fid, first);
          }
          factionIds.add(fid);
          factions.add(make(fAt, () -> new Faction(fid, text(f, "name", null),
              f.get("weight").asDouble(), number(f, "credibility", wc), number(f, "risk", wr),
              number(f, "cost", wk), number(f, "punishment", wg))));
        }
      }
      actorFactions.putIfAbsent(id, factionIds);
      JsonNode rat = a.get("rationality");
      double rationality = rat == null ? 2.0 : rat.isTextual() ? Double.POSITIVE_INFINITY
          : rat.asDouble();
      JsonNode perception = a.path("perception");
      PolicyKind policy = PolicyKind.parse(text(a, "policy", "quantal"));
      List<ScriptStep> script = script(a.path("script"), aAt.key("script"), id);
      if (policy == PolicyKind.SCRIPTED && !a.path("script").elements().hasNext()) {
        problem(a.has("script") ? aAt.key("script") : aAt.key("policy"),
            "a scripted policy needs a non-empty script");
        continue;
      }
      actors.add(make(aAt, () -> new Actor(id, text(a, "name", null), side, principal,
          a.path("nuclear").asBoolean(false), strings(a, "countries"), number(a, "resolve", 0.5),
          number(a, "painThreshold", 10), number(a, "credibility", 0.5), rationality, number(perception, "noise", 0.5),
          number(perception, "threatBias", 0), factions, policy, script)));
    }
    for (Side side : Side.values()) {
      if (perSide.getOrDefault(side, 0) == 0) {
        problem(at, "no actor on the " + side.fileName() + " side: each side needs at least one");
      } else if (!principals.containsKey(side)) {
        problem(at, "no principal on the " + side.fileName()
            + " side: mark exactly one of its actors with 'principal: true'");
      }
    }
    return actors;
  }

  private List<ScriptStep> script(JsonNode list, DocPath at, String actor) {
    List<ScriptStep> steps = new ArrayList<>();
    for (int k = 0; k < list.size(); k++) {
      JsonNode e = list.get(k);
      DocPath eAt = at.index(k);
      ScriptStep step;
      if (e.isNumber()) {
        if (!e.canConvertToExactIntegral() || !e.canConvertToInt() || e.asInt() < 0) {
          problem(eAt, "rung " + Text.show(e) + " is not a rung of the ladder");
          continue;
        }
        step = new ScriptStep(ScriptStep.Kind.ABSOLUTE, e.asInt(), null);
      } else {
        step = ScriptStep.parse(e.asText());
      }
      if (ladder != null && step.atLeast() > ladder.top()) {
        problem(eAt, "the condition 'if >= " + step.atLeast() + "' names no rung of the ladder (0.."
            + ladder.top() + ")");
      }
      if (step.kind() == ScriptStep.Kind.ABSOLUTE && ladder != null && step.value() > ladder.top()) {
        problem(eAt, "rung " + step.value() + " is not a rung of the ladder (0.."
            + ladder.top() + ")");
      } else if (step.kind() == ScriptStep.Kind.OPTION) {
        String owner = optionActors.get(step.option());
        if (owner == null) {
          problem(eAt, "unknown option " + Text.name(step.option()) + ": a script step is a rung,"
              + " \"+k\", \"-k\", hold, deescalate or one of the actor's option ids,"
              + " optionally followed by 'if >= N'");
        } else if (!owner.equals(actor)) {
          problem(eAt, "option " + Text.name(step.option()) + " belongs to " + Text.name(owner)
              + ", not to " + Text.name(actor));
        }
      }
      steps.add(step);
    }
    return steps;
  }

  private List<Alliance> alliances(JsonNode list, DocPath at) {
    List<Alliance> alliances = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode a = list.get(i);
      DocPath aAt = at.index(i);
      List<String> members = strings(a, "members");
      for (int j = 0; j < members.size(); j++) {
        known(actorSides, members.get(j), aAt.key("members").index(j), "actor");
      }
      alliances.add(make(aAt, () -> new Alliance(a.get("id").asText(), text(a, "name", null),
          members, Alliance.Commitment.parse(text(a, "commitment", "collectiveDefence")),
          number(a, "commitmentCredibility", 0.9), number(a, "cohesion", 0.8),
          number(a, "riskTolerance", 0.05))));
    }
    return alliances;
  }

  private InitiatingEvent initiatingEvent(JsonNode e, DocPath at) {
    String attacker = e.get("attacker").asText();
    if (known(actorSides, attacker, at.key("attacker"), "actor")) {
      String principal = principals.get(Side.INITIATOR);
      if (principal != null && !principal.equals(attacker)) {
        problem(at.key("attacker"), Text.name(attacker) + " is not the principal of the"
            + " initiator side (" + Text.name(principal) + " is)");
      }
    }
    List<String> targets = strings(e, "targets");
    for (int j = 0; j < targets.size(); j++) {
      known(targetValues, targets.get(j), at.key("targets").index(j), "target");
    }
    int rung = integer(e, at, "rung", 0);
    if (ladder != null && rung != Integer.MIN_VALUE) {
      if (rung > ladder.top()) {
        problem(at.key("rung"), "rung " + rung + " is not a rung of the ladder (0.."
            + ladder.top() + ")");
      } else if (rung <= ladder.baseline()) {
        problem(at.key("rung"), "rung " + rung + " is not above the ladder's baseline "
            + ladder.baseline() + ": the initiating event must be an escalation");
      }
    }
    return make(at, () -> new InitiatingEvent(attacker, targets, rung, text(e, "description", "")));
  }

  private List<Uncertainty> uncertainties(JsonNode list, DocPath at) {
    List<Uncertainty> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode u = list.get(i);
      DocPath uAt = at.index(i);
      String parameter = u.get("parameter").asText();
      String why = parameterProblem(parameter);
      if (why != null) {
        problem(uAt.key("parameter"), Text.quote(parameter)
            + " does not name a numeric parameter: " + why);
      }
      String distribution = u.get("distribution").asText();
      List<String> takes = switch (distribution) {
        case "uniform" -> List.of("min", "max");
        case "normal" -> List.of("mean", "sd");
        default -> List.of("min", "mode", "max");
      };
      boolean complete = true;
      for (String key : DISTRIBUTION_KEYS) {
        if (u.has(key) && !takes.contains(key)) {
          problem(uAt.key(key), "a " + distribution + " distribution has no '" + key
              + "' (it takes " + String.join(", ", takes) + ")");
        }
      }
      for (String key : takes) {
        if (!u.has(key)) {
          problem(uAt, "a " + distribution + " distribution needs '" + key + "'");
          complete = false;
        }
      }
      if (!complete) {
        continue;
      }
      double a = u.get(takes.get(0)).asDouble();
      double b = u.get(takes.get(1)).asDouble();
      double c = Double.NaN;
      if (distribution.equals("triangular")) {
        double mode = b;
        b = u.get("max").asDouble();
        c = mode;
        if (!(a <= mode && mode <= b)) {
          problem(uAt.key("mode"), "mode " + Text.show(u.get("mode"))
              + " must lie between min " + Text.show(u.get("min")) + " and max "
              + Text.show(u.get("max")));
        }
      }
      if (!distribution.equals("normal") && !(a < b)) {
        problem(uAt.key("max"), "max " + Text.show(u.get("max"))
            + " must be greater than min " + Text.show(u.get("min")));
      }
      double fa = a;
      double fb = b;
      double fc = c;
      result.add(make(uAt, () -> new Uncertainty(parameter, distribution, fa, fb, fc)));
    }
    return result;
  }

  /** Why a dotted path names no numeric parameter of this scenario, or null if it does. */
  private String parameterProblem(String path) {
    String[] p = path.split("\\.", -1);
    String head = p[0];
    switch (head) {
      case "actors" -> {
        if (p.length < 3) {
          return "expected actors.<id>.<parameter>";
        }
        if (!actorSides.containsKey(p[1])) {
          return "no actor " + Text.name(p[1]);
        }
        if (p.length == 3) {
          return oneOf(p[2], ACTOR_NUMBERS);
        }
        if (p.length == 4 && p[2].equals("perception")) {
          return oneOf(p[3], PERCEPTION_NUMBERS);
        }
        if (p.length == 5 && p[2].equals("factions")) {
          if (!actorFactions.getOrDefault(p[1], Set.of()).contains(p[3])) {
            return "actor " + Text.name(p[1]) + " has no faction " + Text.name(p[3]);
          }
          return oneOf(p[4], FACTION_NUMBERS);
        }
        return "expected actors.<id>.<parameter>, actors.<id>.perception.<parameter>"
            + " or actors.<id>.factions.<faction>.<parameter>";
      }
      case "alliances" -> {
        return entry(p, allianceIds, "alliance", ALLIANCE_NUMBERS);
      }
      case "targets" -> {
        return entry(p, targetValues.keySet(), "target", Set.of("value"));
      }
      case "packages" -> {
        return entry(p, packages.keySet(), "package", PACKAGE_NUMBERS);
      }
      case "model" -> {
        return p.length == 2 ? oneOf(p[1], MODEL_KEYS) : "expected model.<key>";
      }
      case "talks" -> {
        return p.length == 2 ? oneOf(p[1], TALKS_KEYS) : "expected talks.<key>";
      }
      case "leverage" -> {
        return p.length == 2 ? oneOf(p[1], LEVERAGE_KEYS) : "expected leverage.<key>";
      }
      case "ladder" -> {
        if (p.length != 4 || !p[1].equals("rungs")) {
          return "expected ladder.rungs.<level>.<parameter>";
        }
        if (ladder != null && !(p[2].matches("\\d{1,6}") && Integer.parseInt(p[2]) <= ladder.top())) {
          return "no rung " + Text.name(p[2]) + " (the ladder has 0.." + ladder.top() + ")";
        }
        return oneOf(p[3], RUNG_NUMBERS);
      }
      default -> {
        return "it must start with actors, alliances, targets, packages, model, talks, leverage"
            + " or ladder";
      }
    }
  }

  private static String entry(String[] p, Set<String> ids, String what, Set<String> keys) {
    if (p.length != 3) {
      return "expected " + p[0] + ".<id>.<parameter>";
    }
    if (!ids.contains(p[1])) {
      return "no " + what + " " + Text.name(p[1]);
    }
    return oneOf(p[2], keys);
  }

  private static String oneOf(String key, Set<String> keys) {
    return keys.contains(key) ? null
        : Text.name(key) + " is not one of: " + String.join(", ", new java.util.TreeSet<>(keys));
  }

  // ---------------------------------------------------------------- helpers

  /** Whether id is among the known ids; reports an unknown reference at the path if not. */
  boolean known(Map<String, ?> ids, String id, DocPath at, String what) {
    if (ids.containsKey(id)) {
      return true;
    }
    StringJoiner j = new StringJoiner(", ", " (known: ", ")");
    j.setEmptyValue(" (there are none)");
    ids.keySet().stream().limit(12).forEach(k -> j.add(Text.name(k)));
    problem(at, "unknown " + what + " " + Text.name(id) + (ids.size() > 12
        ? " (there are " + ids.size() + ")" : j.toString()));
    return false;
  }

  private static JsonNode list(JsonNode root, String key) {
    return root.path(key);
  }

  private static String text(JsonNode obj, String key, String dflt) {
    JsonNode n = obj.get(key);
    return n == null ? dflt : n.asText();
  }

  private static double number(JsonNode obj, String key, double dflt) {
    JsonNode n = obj.get(key);
    return n == null || !n.isNumber() ? dflt : n.asDouble();
  }

  private static List<String> strings(JsonNode obj, String key) {
    List<String> out = new ArrayList<>();
    obj.path(key).forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * An integer value, or the default when absent; Integer.MIN_VALUE (reported) when it does not
   * fit an int.
   */
  private int integer(JsonNode obj, DocPath at, String key, int dflt) {
    JsonNode n = obj.get(key);
    if (n == null || !n.isNumber()) {
      return dflt;
    }
    if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
      problem(at.key(key), Text.show(n) + " is out of range");
      return Integer.MIN_VALUE;
    }
    return n.asInt();
  }

  /** Builds a record, turning a constructor's refusal into a problem at the path. */
  <T> T make(DocPath at, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      problem(at, Text.clean(e.getMessage()));
      return null;
    }
  }

  void problem(DocPath at, String message) {
    problems.add(tree.problem(at, message));
  }
}
