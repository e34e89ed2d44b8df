package spiral.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import spiral.bargain.Issue;
import spiral.bargain.Negotiation;
import spiral.bargain.Party;
import spiral.bargain.Position;
import spiral.bargain.Proposal;
import spiral.bargain.ValueFunction;

/**
 * Reads the {@code negotiation} section of a schema-valid scenario (docs/SCENARIO-FORMAT.md,
 * "Negotiation") and checks what the schema cannot: unique ids, weights that sum to 1, value
 * functions that fit their issue, levels that exist, real calendar dates, references between
 * parties, issues and proposals. Problems are reported through the scenario reader, located at the
 * offending key or value.
 */
final class NegotiationReader {
  private static final double WEIGHT_SUM_TOLERANCE = 1e-6;
  private static final int MAX_GRID = 1000;

  private final ScenarioReader r;
  private final Map<String, Integer> issueIndex = new LinkedHashMap<>();
  private final List<Issue> issues = new ArrayList<>();
  private final Map<String, Integer> partyIndex = new LinkedHashMap<>();
  private final Map<String, Integer> proposalIndex = new LinkedHashMap<>();

  private NegotiationReader(ScenarioReader r) {
    this.r = r;
  }

  /** The negotiation, or null when it has problems (reported to {@code reader}). */
  static Negotiation read(ScenarioReader reader, JsonNode n, DocPath at) {
    return new NegotiationReader(reader).negotiation(n, at);
  }

  private Negotiation negotiation(JsonNode n, DocPath at) {
    int before = r.problems.size();
    String start = n.get("start").asText();
    try {
      YearMonth.parse(start);
    } catch (DateTimeException e) {
      r.problem(at.key("start"), Text.quote(start) + " is not a real month (expected YYYY-MM)");
    }
    int months = n.path("months").asInt(12);
    JsonNode is = n.get("issues");
    for (int i = 0; i < is.size(); i++) {
      Issue issue = issue(is.get(i), at.key("issues").index(i));
      if (issue != null) {
        if (issueIndex.containsKey(issue.id())) {
          r.problem(at.key("issues").index(i).key("id"), "duplicate issue id " + Text.name(issue.id()));
        } else {
          issueIndex.put(issue.id(), issues.size());
          issues.add(issue);
        }
      }
    }
    JsonNode ps = n.get("parties");
    for (int i = 0; i < ps.size(); i++) {
      String id = ps.get(i).get("id").asText();
      if (partyIndex.containsKey(id)) {
        r.problem(at.key("parties").index(i).key("id"), "duplicate party id " + Text.name(id));
      }
      partyIndex.putIfAbsent(id, i);
    }
    List<Party> parties = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      Party p = party(ps.get(i), at.key("parties").index(i));
      if (p != null) {
        parties.add(p);
      }
    }
    Negotiation.Leverage leverage = leverage(n.path("leverage"), at.key("leverage"));
    List<Proposal> proposals = new ArrayList<>();
    JsonNode prs = n.path("proposals");
    for (int i = 0; i < prs.size(); i++) {
      DocPath pAt = at.key("proposals").index(i);
      JsonNode pr = prs.get(i);
      String id = pr.get("id").asText();
      if (proposalIndex.containsKey(id)) {
        r.problem(pAt.key("id"), "duplicate proposal id " + Text.name(id));
      }
      proposalIndex.putIfAbsent(id, i);
      if (pr.has("date")) {
        date(pr.get("date").asText(), pAt.key("date"));
      }
      List<Integer> levels = levels(pr.get("levels"), pAt.key("levels"), true);
      proposals.add(new Proposal(id, text(pr, "name"), text(pr, "by"), text(pr, "date"), text(pr, "source"), levels));
    }
    List<Position> positions = new ArrayList<>();
    JsonNode pos = n.path("positions");
    for (int i = 0; i < pos.size(); i++) {
      DocPath pAt = at.key("positions").index(i);
      JsonNode p = pos.get(i);
      String date = p.get("date").asText();
      date(date, pAt.key("date"));
      String proposal = text(p, "proposal");
      List<Integer> levels;
      if (proposal != null) {
        if (p.has("levels")) {
          r.problem(pAt.key("levels"), "give either 'proposal' or 'levels', not both");
        }
        Integer k = proposalIndex.get(proposal);
        if (k == null) {
          r.known(proposalIndex, proposal, pAt.key("proposal"), "proposal");
          levels = none();
        } else {
          levels = proposals.get(k).levels();
        }
      } else if (p.has("levels")) {
        levels = levels(p.get("levels"), pAt.key("levels"), false);
      } else {
        levels = none();
      }
      String actor = p.get("actor").asText();
      List<String> nonNegotiable = issueList(p.path("nonNegotiable"), pAt.key("nonNegotiable"));
      List<String> reopens = issueList(p.path("reopens"), pAt.key("reopens"));
      Boolean refusesTalks = p.has("refusesTalks") ? p.get("refusesTalks").asBoolean() : null;
      if ((!nonNegotiable.isEmpty() || !reopens.isEmpty() || refusesTalks != null) && !partyIndex.containsKey(actor)) {
        r.problem(pAt.key("actor"), Text.name(actor) + " is not a party: only a party's stand closes or reopens the zone"
            + " (parties: " + String.join(", ", partyIndex.keySet()) + ")");
      }
      for (int j = 0; j < nonNegotiable.size(); j++) {
        Integer k = issueIndex.get(nonNegotiable.get(j));
        if (k != null && levels.get(k) < 0) {
          r.problem(pAt.key("nonNegotiable").index(j), "the position states no level for " + Text.name(nonNegotiable.get(j))
              + ": a non-negotiable issue needs the level the party will not go below (give it in 'levels' or the proposal)");
        }
        if (reopens.contains(nonNegotiable.get(j))) {
          r.problem(pAt.key("reopens"), Text.name(nonNegotiable.get(j)) + " cannot be both non-negotiable and reopened");
        }
      }
      positions.add(new Position(date, actor, p.get("statement").asText(), text(p, "source"), proposal, levels,
          nonNegotiable, refusesTalks, reopens));
    }
    positions.sort(Comparator.comparing(Position::date));
    Negotiation.Fearon fearon = n.has("fearon") ? fearon(n.get("fearon"), at.key("fearon")) : null;
    Negotiation.Rubinstein rubinstein =
        n.has("rubinstein") ? rubinstein(n.get("rubinstein"), at.key("rubinstein")) : null;
    if (r.problems.size() > before) {
      return null;
    }
    return r.make(at, () -> new Negotiation(start, months, parties, issues, leverage, proposals, positions, fearon, rubinstein));
  }

  /** Issue ids listed under {@code at}, each checked to exist. */
  private List<String> issueList(JsonNode list, DocPath at) {
    List<String> out = new ArrayList<>();
    for (int j = 0; j < list.size(); j++) {
      String id = list.get(j).asText();
      if (out.contains(id)) {
        r.problem(at.index(j), "issue " + Text.name(id) + " is listed twice");
      } else if (r.known(issueIndex, id, at.index(j), "issue")) {
        out.add(id);
      }
    }
    return out;
  }

  private List<Integer> none() {
    List<Integer> l = new ArrayList<>();
    for (int k = 0; k < issues.size(); k++) {
      l.add(-1);
    }
    return l;
  }

  private Issue issue(JsonNode n, DocPath at) {
    String id = n.get("id").asText();
    String kind = n.get("kind").asText();
    switch (kind) {
      case "ordinal" -> {
        for (String key : List.of("min", "max", "step", "unit")) {
          if (n.has(key)) {
            r.problem(at.key(key), "an ordinal issue has no '" + key + "' (it lists its levels)");
          }
        }
        if (!n.has("levels")) {
          r.problem(at, "an ordinal issue needs 'levels', its level names in order");
          return null;
        }
        List<String> levels = new ArrayList<>();
        JsonNode ls = n.get("levels");
        for (int i = 0; i < ls.size(); i++) {
          String l = ls.get(i).asText();
          if (levels.contains(l)) {
            r.problem(at.key("levels").index(i), "duplicate level " + Text.name(l));
          }
          levels.add(l);
        }
        return r.make(at, () -> new Issue(id, text(n, "name"), Issue.Kind.ORDINAL, levels, 0, levels.size() - 1, 1, ""));
      }
      case "boolean" -> {
        for (String key : List.of("levels", "min", "max", "step", "unit")) {
          if (n.has(key)) {
            r.problem(at.key(key), "a boolean issue has no '" + key + "' (its levels are false and true)");
          }
        }
        return new Issue(id, text(n, "name"), Issue.Kind.BOOLEAN, List.of("false", "true"), 0, 1, 1, "");
      }
      default -> {
        if (n.has("levels")) {
          r.problem(at.key("levels"), "a numeric issue has no 'levels' (it has min, max and step)");
        }
        for (String key : List.of("min", "max", "step")) {
          if (!n.has(key)) {
            r.problem(at, "a numeric issue needs '" + key + "'");
            return null;
          }
        }
        double min = n.get("min").asDouble();
        double max = n.get("max").asDouble();
        double step = n.get("step").asDouble();
        if (!(min < max)) {
          r.problem(at.key("max"), "max " + Text.show(n.get("max")) + " must be greater than min " + Text.show(n.get("min")));
          return null;
        }
        double count = (max - min) / step;
        if (count > MAX_GRID) {
          r.problem(at.key("step"), "step " + Text.show(n.get("step")) + " makes " + (long) Math.ceil(count)
              + " grid steps; at most " + MAX_GRID + " are searched: use a larger step");
          return null;
        }
        List<String> grid = new ArrayList<>();
        int steps = (int) Math.floor(count + 1e-9);
        for (int i = 0; i <= steps; i++) {
          grid.add(gridLabel(min, step, i));
        }
        if (min + steps * step < max - 1e-9 * Math.max(1, Math.abs(max))) {
          grid.add(number(max));
        }
        return r.make(at, () -> new Issue(id, text(n, "name"), Issue.Kind.NUMERIC, grid, min, max, step, text(n, "unit")));
      }
    }
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /**
   * Grid level i of a numeric issue as written in decimal, min + i &times; step computed in
   * decimal arithmetic from the numbers as the file gives them: 0.95, not 0.9500000000000001.
   */
  static String gridLabel(double min, double step, int i) {
    java.math.BigDecimal v = new java.math.BigDecimal(Double.toString(min))
        .add(new java.math.BigDecimal(Double.toString(step)).multiply(java.math.BigDecimal.valueOf(i)));
    v = v.stripTrailingZeros();
    return v.scale() <= 0 ? v.toBigInteger().toString() : v.toPlainString();
  }

  private Party party(JsonNode n, DocPath at) {
    String id = n.get("id").asText();
    Map<String, Double> weights = new LinkedHashMap<>();
    JsonNode w = n.get("weights");
    double sum = 0;
    for (Iterator<String> it = w.fieldNames(); it.hasNext(); ) {
      String issue = it.next();
      if (r.known(issueIndex, issue, at.key("weights").key(issue), "issue")) {
        weights.put(issue, w.get(issue).asDouble());
        sum += w.get(issue).asDouble();
      }
    }
    for (Issue is : issues) {
      if (!weights.containsKey(is.id())) {
        r.problem(at.key("weights"), "no weight for issue " + Text.name(is.id()) + ": give every issue a weight (0 if it does not matter)");
      }
    }
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE && weights.size() == w.size()) {
      r.problem(at.key("weights"), "the weights sum to " + number6(sum) + ", not 1");
    }
    Map<String, ValueFunction> values = new LinkedHashMap<>();
    JsonNode vs = n.path("values");
    for (Iterator<String> it = vs.fieldNames(); it.hasNext(); ) {
      String issue = it.next();
      DocPath vAt = at.key("values").key(issue);
      if (r.known(issueIndex, issue, vAt, "issue")) {
        ValueFunction f = valueFunction(vs.get(issue), vAt, issues.get(issueIndex.get(issue)));
        if (f != null) {
          values.put(issue, f);
        }
      }
    }
    double reservation = 0;
    Party.FromSimulation from = null;
    JsonNode res = n.get("reservation");
    if (res != null && res.isNumber()) {
      reservation = res.asDouble();
    } else if (res != null) {
      JsonNode fs = res.get("fromSimulation");
      DocPath fAt = at.key("reservation").key("fromSimulation");
      String sc = fs.get("scenario").asText();
      checkLink(sc, fAt.key("scenario"));
      Map<String, Double> outcomes = new LinkedHashMap<>();
      fs.get("values").fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asDouble()));
      // a run that quiets down after widening is worth what a contained one is, unless valued
      if (outcomes.containsKey("CONTAINED")) {
        outcomes.putIfAbsent("DEESCALATED", outcomes.get("CONTAINED"));
      }
      from = new Party.FromSimulation(sc, outcomes, fs.path("runs").asLong(2000), fs.path("seed").asLong(1), r.folder);
    }
    double fr = reservation;
    Party.FromSimulation ff = from;
    return r.make(at, () -> new Party(id, text(n, "name"), weights, values, fr, ff,
        n.path("leverageWeight").asDouble(0), n.path("costPerMonth").asDouble(0), n.path("discount").asDouble(0.95)));
  }

  /** Links being checked on this thread: a linked scenario's own links are not followed. */
  private static final ThreadLocal<Boolean> CHECKING_LINK = ThreadLocal.withInitial(() -> false);

  /**
   * Checks that a {@code fromSimulation} scenario exists (a built-in, or a file relative to this
   * file's folder) and is an escalation scenario, which the engine can simulate.
   */
  private void checkLink(String sc, DocPath at) {
    boolean builtin = BuiltinScenarios.names().contains(sc);
    Path file = null;
    if (!builtin) {
      boolean relative = false;
      try {
        relative = !Path.of(sc).isAbsolute();
        file = ScenarioLoader.relativeTo(sc, r.folder);
      } catch (InvalidPathException e) {
        file = null;
      }
      if (file == null || !Files.isRegularFile(file)) {
        r.problem(at, "no such file or built-in scenario " + Text.name(sc)
            + (r.folder != null && relative ? " (a relative path is taken from this file's folder)" : "")
            + " (built-ins: " + String.join(", ", BuiltinScenarios.names()) + ")");
        return;
      }
    }
    if (CHECKING_LINK.get()) {
      return;
    }
    CHECKING_LINK.set(true);
    try {
      Scenario linked = builtin ? ScenarioLoader.resolve(sc) : ScenarioLoader.load(file);
      if (!linked.hasEscalation()) {
        r.problem(at, Text.name(sc) + " is a negotiation-only scenario (no ladder, actors or initiating event):"
            + " the reservation value needs an escalation scenario to simulate, such as rand-d-ports");
      }
    } catch (ScenarioException e) {
      r.problem(at, "the linked scenario " + Text.name(sc) + " has problems: " + e.problems().get(0)
          + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : ""));
    } finally {
      CHECKING_LINK.set(false);
    }
  }

  private static String number6(double v) {
    return String.format(java.util.Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
  }

  private ValueFunction valueFunction(JsonNode n, DocPath at, Issue issue) {
    String type = n.get("type").asText();
    boolean increasing = n.path("increasing").asBoolean(true);
    switch (type) {
      case "linear" -> {
        return new ValueFunction(ValueFunction.Type.LINEAR, increasing, 1, List.of(), Map.of());
      }
      case "concave" -> {
        if (!n.has("exponent")) {
          r.problem(at, "a concave value function needs 'exponent' in (0, 1]");
          return null;
        }
        return new ValueFunction(ValueFunction.Type.CONCAVE, increasing, n.get("exponent").asDouble(), List.of(), Map.of());
      }
      case "piecewise" -> {
        if (issue.kind() != Issue.Kind.NUMERIC) {
          r.problem(at.key("type"), "a piecewise value function needs a numeric issue; " + Text.name(issue.id())
              + " is " + issue.kind().name().toLowerCase(java.util.Locale.ROOT) + ": use a table");
          return null;
        }
        if (!n.has("points")) {
          r.problem(at, "a piecewise value function needs 'points', [x, value] pairs");
          return null;
        }
        List<double[]> pts = new ArrayList<>();
        JsonNode ps = n.get("points");
        for (int i = 0; i < ps.size(); i++) {
          double x = ps.get(i).get(0).asDouble();
          double v = ps.get(i).get(1).asDouble();
          if (!(v >= 0 && v <= 1)) {
            r.problem(at.key("points").index(i), "value " + Text.show(ps.get(i).get(1)) + " is outside [0, 1]");
          }
          if (!pts.isEmpty() && !(x > pts.get(pts.size() - 1)[0])) {
            r.problem(at.key("points").index(i), "x " + Text.show(ps.get(i).get(0)) + " must be greater than the previous point's");
          }
          pts.add(new double[] {x, v});
        }
        return new ValueFunction(ValueFunction.Type.PIECEWISE, true, 1, pts, Map.of());
      }
      default -> {
        if (issue.kind() == Issue.Kind.NUMERIC) {
          r.problem(at.key("type"), "a table value function needs an ordinal or boolean issue; "
              + Text.name(issue.id()) + " is numeric: use linear, concave or piecewise");
          return null;
        }
        if (!n.has("values")) {
          r.problem(at, "a table value function needs 'values', one per level");
          return null;
        }
        Map<String, Double> table = new LinkedHashMap<>();
        JsonNode vs = n.get("values");
        for (Iterator<String> it = vs.fieldNames(); it.hasNext(); ) {
          String level = it.next();
          if (!issue.levels().contains(level)) {
            r.problem(at.key("values").key(level), "unknown level " + Text.name(level) + " of issue "
                + Text.name(issue.id()) + " (levels: " + String.join(", ", issue.levels()) + ")");
          } else {
            table.put(level, vs.get(level).asDouble());
          }
        }
        for (String level : issue.levels()) {
          if (!vs.has(level)) {
            r.problem(at.key("values"), "no value for level " + Text.name(level) + " of issue " + Text.name(issue.id()));
          }
        }
        return new ValueFunction(ValueFunction.Type.TABLE, true, 1, List.of(), table);
      }
    }
  }

  private Negotiation.Leverage leverage(JsonNode n, DocPath at) {
    String favours = text(n, "favours");
    String against = text(n, "against");
    if (favours != null) {
      r.known(partyIndex, favours, at.key("favours"), "party");
    }
    if (against != null) {
      r.known(partyIndex, against, at.key("against"), "party");
      if (against.equals(favours)) {
        r.problem(at.key("against"), "leverage cannot favour and go against the same party");
      }
    }
    return new Negotiation.Leverage(n.path("start").asDouble(0.5), n.path("trend").asDouble(0),
        n.path("decay").asDouble(1), favours, against);
  }

  /** Level indices per issue from an issue → level map; -1 for issues it leaves out. */
  private List<Integer> levels(JsonNode map, DocPath at, boolean complete) {
    List<Integer> out = none();
    for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
      String issue = it.next();
      DocPath lAt = at.key(issue);
      if (!r.known(issueIndex, issue, lAt, "issue")) {
        continue;
      }
      int k = issueIndex.get(issue);
      Integer level = level(issues.get(k), map.get(issue), lAt);
      if (level != null) {
        out.set(k, level);
      }
    }
    if (complete) {
      for (int k = 0; k < issues.size(); k++) {
        if (!map.has(issues.get(k).id())) {
          r.problem(at, "no level for issue " + Text.name(issues.get(k).id()) + ": a proposal gives one for every issue");
        }
      }
    }
    return out;
  }

  private Integer level(Issue is, JsonNode v, DocPath at) {
    switch (is.kind()) {
      case BOOLEAN -> {
        if (v.isBoolean() || v.asText().equals("true") || v.asText().equals("false")) {
          return v.asText().equals("true") ? 1 : 0;
        }
        r.problem(at, Text.show(v) + " is not a level of the boolean issue " + Text.name(is.id()) + " (true or false)");
        return null;
      }
      case NUMERIC -> {
        if (!v.isNumber() || !(v.asDouble() >= is.min() && v.asDouble() <= is.max())) {
          r.problem(at, Text.show(v) + " is not a value of the numeric issue " + Text.name(is.id())
              + " (a number from " + number(is.min()) + " to " + number(is.max()) + ")");
          return null;
        }
        int nearest = is.nearest(v.asDouble());
        double off = Math.abs(is.x(nearest) - v.asDouble());
        if (off > 1e-9 * Math.max(1, Math.abs(v.asDouble()))) {
          int other = v.asDouble() > is.x(nearest) ? Math.min(is.size() - 1, nearest + 1) : Math.max(0, nearest - 1);
          int lo = Math.min(nearest, other);
          int hi = Math.max(nearest, other);
          r.problem(at, Text.show(v) + " is not on the grid of the numeric issue " + Text.name(is.id()) + " ("
              + number(is.min()) + " to " + number(is.max()) + " in steps of " + number(is.step())
              + "): use " + (lo == hi ? is.label(lo) : is.label(lo) + " or " + is.label(hi))
              + ", or a finer step");
          return null;
        }
        return nearest;
      }
      default -> {
        int i = is.levels().indexOf(v.asText());
        if (i < 0 || !v.isTextual()) {
          r.problem(at, "unknown level " + Text.show(v) + " of issue " + Text.name(is.id())
              + " (levels: " + String.join(", ", is.levels()) + ")");
          return null;
        }
        return i;
      }
    }
  }

  private void date(String d, DocPath at) {
    try {
      if (d.length() == 7) {
        YearMonth.parse(d);
      } else {
        LocalDate.parse(d);
      }
    } catch (DateTimeException e) {
      r.problem(at, Text.quote(d) + " is not a real date (expected YYYY-MM-DD or YYYY-MM)");
    }
  }

  private Negotiation.Fearon fearon(JsonNode n, DocPath at) {
    String issue = n.get("issue").asText();
    String party = n.get("party").asText();
    if (!r.known(issueIndex, issue, at.key("issue"), "issue") | !r.known(partyIndex, party, at.key("party"), "party")) {
      return null;
    }
    Issue is = issues.get(issueIndex.get(issue));
    List<Double> shares = new ArrayList<>();
    JsonNode sh = n.path("shares");
    if (is.kind() == Issue.Kind.NUMERIC) {
      if (n.has("shares")) {
        r.problem(at.key("shares"), "a numeric issue's shares are its positions along the range: leave 'shares' out");
      }
      for (int i = 0; i < is.size(); i++) {
        shares.add(is.z(i));
      }
    } else {
      for (Iterator<String> it = sh.fieldNames(); it.hasNext(); ) {
        String l = it.next();
        if (!is.levels().contains(l)) {
          r.problem(at.key("shares").key(l), "unknown level " + Text.name(l) + " of issue " + Text.name(issue));
        }
      }
      for (String l : is.levels()) {
        if (!sh.has(l)) {
          r.problem(at.key("shares"), "no share for level " + Text.name(l) + " of issue " + Text.name(issue));
          shares.add(Double.NaN);
        } else {
          shares.add(sh.get(l).asDouble());
        }
      }
    }
    JsonNode costs = n.get("costs");
    String other = null;
    for (Iterator<String> it = costs.fieldNames(); it.hasNext(); ) {
      String p = it.next();
      if (r.known(partyIndex, p, at.key("costs").key(p), "party") && !p.equals(party)) {
        if (other != null) {
          r.problem(at.key("costs").key(p), "the Fearon range is between two parties: " + Text.name(party) + " and " + Text.name(other));
        }
        other = p;
      }
    }
    if (!costs.has(party) || other == null) {
      r.problem(at.key("costs"), "give the costs of war of " + Text.name(party) + " and of one other party");
      return null;
    }
    String o = other;
    double cu = n.has("costUncertainty") ? n.get("costUncertainty").asDouble() : Double.NaN;
    return new Negotiation.Fearon(issue, party, o, shares, costs.get(party).asDouble(), costs.get(o).asDouble(), cu);
  }

  private Negotiation.Rubinstein rubinstein(JsonNode n, DocPath at) {
    String issue = n.get("issue").asText();
    String proposer = n.get("proposer").asText();
    String responder = n.get("responder").asText();
    boolean ok = r.known(issueIndex, issue, at.key("issue"), "issue");
    ok &= r.known(partyIndex, proposer, at.key("proposer"), "party");
    ok &= r.known(partyIndex, responder, at.key("responder"), "party");
    if (ok && issues.get(issueIndex.get(issue)).kind() != Issue.Kind.NUMERIC) {
      r.problem(at.key("issue"), "Rubinstein's split needs a divisible (numeric) issue; " + Text.name(issue) + " is not");
    }
    if (proposer.equals(responder)) {
      r.problem(at.key("responder"), "the responder must differ from the proposer");
    }
    return new Negotiation.Rubinstein(issue, proposer, responder);
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null ? null : v.asText();
  }
}
