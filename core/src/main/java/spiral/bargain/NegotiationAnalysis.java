package spiral.bargain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import spiral.Version;
import spiral.scenario.Problem;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioException;
import spiral.scenario.ScenarioLoader;
import spiral.sim.CompiledModel;
import spiral.sim.Outcome;
import spiral.sim.Progress;
import spiral.sim.Simulator;
import spiral.sim.Stats;

/**
 * Analyses a negotiation over its whole agreement space (DESIGN.md §5): every combination of the
 * issues' levels is an agreement; a party's utility is the weighted sum of its values; an
 * agreement is in the zone of possible agreement when it gives every party at least its
 * reservation value. Reservation values move month by month with battlefield leverage and war
 * weariness, so the zone opens and closes: the window for talks (the source text's question).
 * Dated positions close it too: from the month of its date, a party's position that declares an
 * issue not negotiable leaves out every agreement worth less to it on that issue than the level
 * the position states, and a refusal of talks leaves out every agreement, until a later position
 * of the same party reopens them ({@link Position}).
 *
 * <p>Solutions over the zone are agreements in the issue space: Nash (max &Pi;(U &minus; r)),
 * Kalai&ndash;Smorodinsky (max min (U &minus; r)/(ideal &minus; r), ideal the best utility in the
 * zone), egalitarian (max min (U &minus; r)); ties go to the first agreement in the space's order.
 * A reservation value {@code fromSimulation} is the expected value of fighting on, &Sigma;
 * P(outcome) &times; value, the probabilities simulated by the escalation engine.
 *
 * <p>Cost: O(points &times; parties) memory, O(points &times; parties &times; months) time, plus
 * O(points log points) for the Pareto frontier of two or three parties (O(points &times;
 * frontier) for more).
 */
public final class NegotiationAnalysis {
  /** The largest agreement space searched. */
  public static final long MAX_POINTS = 2_000_000;

  private final Executor executor;
  private final int parallelism;

  /** An analysis whose simulations run on the executor. */
  public NegotiationAnalysis(Executor executor, int parallelism) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.parallelism = Math.max(1, parallelism);
  }

  /**
   * Analyses month {@code month} and the window of months 0..window&minus;1.
   *
   * @throws IllegalArgumentException if the scenario has no negotiation, the space is too large,
   *     the month is outside the window, or a linked escalation scenario cannot be read (the
   *     message says which and why)
   */
  public NegotiationReport analyse(Scenario sc, int month, int window, Progress progress) {
    Negotiation n = negotiation(sc);
    if (window < 1 || window > 600) {
      throw new IllegalArgumentException("the window must be 1 to 600 months, was " + window);
    }
    if (month < 0 || month >= window) {
      throw new IllegalArgumentException("month " + month + " is outside the window 0.." + (window - 1));
    }
    int np = n.parties().size();
    double[] r0 = new double[np];
    List<NegotiationReport.PartyResult> partyResults = new ArrayList<>();
    List<Map<String, Double>> simulated = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (int p = 0; p < np; p++) {
      Party party = n.parties().get(p);
      if (party.fromSimulation() == null) {
        r0[p] = party.reservation();
        simulated.add(Map.of());
        sources.add("given");
      } else {
        Map<String, Double> probs = simulate(party, progress);
        double r = 0;
        for (Map.Entry<String, Double> e : probs.entrySet()) {
          r += e.getValue() * party.fromSimulation().values().get(e.getKey());
        }
        r0[p] = r;
        simulated.add(probs);
        sources.add("expected value of fighting on, simulated on " + party.fromSimulation().scenario() + " ("
            + party.fromSimulation().runs() + " runs, seed " + party.fromSimulation().seed() + ")");
      }
    }
    Space space = new Space(n);
    double[] rk = reservations(n, r0, month);
    for (int p = 0; p < np; p++) {
      Party party = n.parties().get(p);
      partyResults.add(new NegotiationReport.PartyResult(
          party.id(), party.name(), round(rk[p]), round(r0[p]), sources.get(p), simulated.get(p)));
    }
    Stands standsK = stands(n, month);
    Zone zone = space.zone(rk, standsK);
    List<NegotiationReport.ProposalResult> proposals = new ArrayList<>();
    for (Proposal pr : n.proposals()) {
      int[] lv = pr.levels().stream().mapToInt(Integer::intValue).toArray();
      Map<String, Double> us = new LinkedHashMap<>();
      Map<String, Boolean> acc = new LinkedHashMap<>();
      boolean all = true;
      for (int p = 0; p < np; p++) {
        double u = n.utility(n.parties().get(p), lv);
        us.put(n.parties().get(p).id(), round(u));
        boolean ok = u >= rk[p] - 1e-12 && standsK.accepts(p, lv);
        acc.put(n.parties().get(p).id(), ok);
        all &= ok;
      }
      proposals.add(new NegotiationReport.ProposalResult(
          pr.id(), pr.name(), pr.by(), pr.date(), levelMap(n, lv), us, acc, all));
    }
    List<NegotiationReport.Month> months = new ArrayList<>();
    List<List<String>> open = new ArrayList<>();
    String openFrom = null;
    String previous = null;
    for (int t = 0; t < window; t++) {
      double[] rt = reservations(n, r0, t);
      Stands st = t == month ? standsK : stands(n, t);
      Zone z = t == month ? zone : space.zone(rt, st);
      Map<String, Double> res = new LinkedHashMap<>();
      Map<String, NegotiationReport.Agreement> best = new LinkedHashMap<>();
      for (int p = 0; p < np; p++) {
        res.put(n.parties().get(p).id(), round(rt[p]));
        if (z.exists()) {
          best.put(n.parties().get(p).id(), space.agreement(z.bestFor(p)));
        }
      }
      String label = label(n, t);
      months.add(new NegotiationReport.Month(t, label, round(n.leverage().at(t)), res, z.exists(),
          round(z.share()), best, z.exists() ? space.agreement(z.nash) : null, st.notes()));
      if (z.exists() && openFrom == null) {
        openFrom = label;
      }
      if (!z.exists() && openFrom != null) {
        open.add(List.of(openFrom, previous));
        openFrom = null;
      }
      previous = label;
    }
    if (openFrom != null) {
      open.add(List.of(openFrom, previous));
    }
    return new NegotiationReport(
        sc.id(), sc.name(), Version.get(), month, label(n, month), partyResults, issues(n),
        new NegotiationReport.Space(space.points, zone.exists(), zone.count, round(zone.share()), space.frontier.length),
        proposals,
        zone.exists() ? space.agreement(zone.nash) : null,
        zone.exists() ? space.agreement(zone.ks) : null,
        zone.exists() ? space.agreement(zone.egalitarian) : null,
        space.frontierSample(NegotiationReport.FRONTIER_POINTS),
        rubinstein(n),
        fearon(n, month),
        months,
        open,
        sc.illustrative());
  }

  /**
   * The positions of a negotiation mapped onto its issue space, and the gap between two parties.
   * Each party's stated level on an issue is the latest it gave on that issue (a position that
   * speaks to some issues leaves its earlier levels on the others standing). The mean gap is
   * taken over the same issues at every date, those both parties had stated by the first date at
   * which both had stated any, so that it does not jump as positions speak to more or fewer
   * issues; every issue's own gap is reported beside it.
   */
  public static PositionsReport positions(Scenario sc) {
    Negotiation n = negotiation(sc);
    String a = n.leverage().favours() != null && n.leverage().against() != null
        ? n.leverage().favours() : n.parties().get(0).id();
    String b = n.leverage().favours() != null && n.leverage().against() != null
        ? n.leverage().against() : n.parties().get(1).id();
    int ni = n.issues().size();
    List<PositionsReport.Entry> entries = new ArrayList<>();
    List<PositionsReport.Gap> gaps = new ArrayList<>();
    int[] levelA = new int[ni];
    int[] levelB = new int[ni];
    Arrays.fill(levelA, -1);
    Arrays.fill(levelB, -1);
    String lastA = null;
    String lastB = null;
    List<Integer> compared = null;
    for (Position pos : n.positions()) {
      int[] lv = pos.levels().stream().mapToInt(Integer::intValue).toArray();
      Map<String, Double> us = new LinkedHashMap<>();
      if (Arrays.stream(lv).allMatch(l -> l >= 0)) {
        for (Party p : n.parties()) {
          us.put(p.id(), round(n.utility(p, lv)));
        }
      }
      entries.add(new PositionsReport.Entry(pos.date(), pos.actor(), pos.statement(), pos.source(),
          pos.proposal(), levelMap(n, lv), us));
      int[] into;
      if (pos.mapped() && pos.actor().equals(a)) {
        into = levelA;
        lastA = pos.date();
      } else if (pos.mapped() && pos.actor().equals(b)) {
        into = levelB;
        lastB = pos.date();
      } else {
        continue;
      }
      for (int k = 0; k < ni; k++) {
        if (lv[k] >= 0) {
          into[k] = lv[k];
        }
      }
      if (compared == null) {
        List<Integer> both = new ArrayList<>();
        for (int k = 0; k < ni; k++) {
          if (levelA[k] >= 0 && levelB[k] >= 0) {
            both.add(k);
          }
        }
        if (!both.isEmpty()) {
          compared = both;
        }
      }
      if (compared == null) {
        continue;
      }
      Map<String, Double> perIssue = new LinkedHashMap<>();
      for (int k = 0; k < ni; k++) {
        if (levelA[k] >= 0 && levelB[k] >= 0) {
          Issue is = n.issues().get(k);
          perIssue.put(is.id(), round(Math.abs(is.z(levelA[k]) - is.z(levelB[k]))));
        }
      }
      double sum = 0;
      for (int k : compared) {
        Issue is = n.issues().get(k);
        sum += Math.abs(is.z(levelA[k]) - is.z(levelB[k]));
      }
      gaps.add(new PositionsReport.Gap(pos.date(), round(sum / compared.size()), compared.size(),
          List.of(lastA, lastB), perIssue));
    }
    List<String> comparedIds = compared == null ? List.of()
        : compared.stream().map(k -> n.issues().get(k).id()).toList();
    return new PositionsReport(sc.id(), sc.name(), Version.get(), List.of(a, b), issues(n), entries, comparedIds,
        gaps, sc.illustrative());
  }

  /**
   * The parties' dated stands in force at the end of month t: who refuses talks, and the lowest
   * value each party accepts on each issue it declared not negotiable. Positions are applied in
   * date order; a position dated YYYY-MM counts as stated within that month.
   */
  static Stands stands(Negotiation n, int t) {
    YearMonth end = YearMonth.parse(n.start()).plusMonths(t);
    int np = n.parties().size();
    int ni = n.issues().size();
    boolean[] noTalks = new boolean[np];
    String[] talksNote = new String[np];
    double[][] floor = new double[np][ni];
    String[][] floorNote = new String[np][ni];
    for (double[] f : floor) {
      Arrays.fill(f, Double.NaN);
    }
    for (Position pos : n.positions()) {
      if (!pos.changesStand() || YearMonth.parse(pos.date().substring(0, 7)).isAfter(end)) {
        continue;
      }
      int p = partyIndex(n, pos.actor());
      if (p < 0) {
        continue;
      }
      Party party = n.parties().get(p);
      if (pos.refusesTalks() != null) {
        noTalks[p] = pos.refusesTalks();
        talksNote[p] = pos.refusesTalks() ? party.id() + " refuses talks since " + pos.date() : null;
      }
      for (String id : pos.nonNegotiable()) {
        int k = n.issueIndex(id);
        Issue is = n.issues().get(k);
        int level = pos.levels().get(k);
        floor[p][k] = party.values().getOrDefault(id, ValueFunction.LINEAR_UP).value(is, level);
        floorNote[p][k] = party.id() + ": " + id + " not negotiable below " + is.label(level) + " since " + pos.date();
      }
      for (String id : pos.reopens()) {
        int k = n.issueIndex(id);
        floor[p][k] = Double.NaN;
        floorNote[p][k] = null;
      }
    }
    List<String> notes = new ArrayList<>();
    boolean[][][] partyAllowed = new boolean[np][ni][];
    boolean[][] allowed = new boolean[ni][];
    for (int k = 0; k < ni; k++) {
      Issue is = n.issues().get(k);
      allowed[k] = new boolean[is.size()];
      Arrays.fill(allowed[k], true);
      for (int p = 0; p < np; p++) {
        if (Double.isNaN(floor[p][k])) {
          continue;
        }
        ValueFunction f = n.parties().get(p).values().getOrDefault(is.id(), ValueFunction.LINEAR_UP);
        partyAllowed[p][k] = new boolean[is.size()];
        for (int l = 0; l < is.size(); l++) {
          partyAllowed[p][k][l] = f.value(is, l) >= floor[p][k] - 1e-12;
          allowed[k][l] &= partyAllowed[p][k][l];
        }
      }
    }
    for (int p = 0; p < np; p++) {
      if (talksNote[p] != null) {
        notes.add(talksNote[p]);
      }
      for (int k = 0; k < ni; k++) {
        if (floorNote[p][k] != null) {
          notes.add(floorNote[p][k]);
        }
      }
    }
    return new Stands(noTalks, partyAllowed, allowed, notes);
  }

  private static int partyIndex(Negotiation n, String id) {
    for (int p = 0; p < n.parties().size(); p++) {
      if (n.parties().get(p).id().equals(id)) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Dated stands in force.
   *
   * @param noTalks per party: it accepts no agreement
   * @param partyAllowed per party, per issue: the levels its non-negotiable stand allows, null for
   *     every level
   * @param allowed per issue, per level: whether every party's stand allows the level
   * @param notes what is in force, one line per stand
   */
  record Stands(boolean[] noTalks, boolean[][][] partyAllowed, boolean[][] allowed, List<String> notes) {
    boolean anyRefuses() {
      for (boolean b : noTalks) {
        if (b) {
          return true;
        }
      }
      return false;
    }

    /** Whether party p's stands allow the agreement with these levels. */
    boolean accepts(int p, int[] levels) {
      if (noTalks[p]) {
        return false;
      }
      for (int k = 0; k < levels.length; k++) {
        boolean[] ok = partyAllowed[p][k];
        if (ok != null && levels[k] >= 0 && !ok[levels[k]]) {
          return false;
        }
      }
      return true;
    }
  }

  private static Negotiation negotiation(Scenario sc) {
    if (sc.negotiation() == null) {
      throw new IllegalArgumentException("scenario '" + sc.id() + "' has no negotiation section");
    }
    return sc.negotiation();
  }

  private Map<String, Double> simulate(Party party, Progress progress) {
    Party.FromSimulation f = party.fromSimulation();
    Scenario linked;
    try {
      linked = ScenarioLoader.resolve(f.scenario(), f.folder());
    } catch (ScenarioException e) {
      throw new IllegalArgumentException("party '" + party.id() + "': reservation fromSimulation: "
          + String.join("; ", e.problems().stream().map(Problem::toString).toList()), e);
    }
    if (!linked.hasEscalation()) {
      throw new IllegalArgumentException("party '" + party.id() + "': reservation fromSimulation: '"
          + f.scenario() + "' is a negotiation-only scenario: link an escalation scenario");
    }
    Stats st = new Simulator(executor, parallelism).run(new CompiledModel(linked), f.runs(), f.seed(), progress);
    Map<String, Double> probs = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      probs.put(o.name(), round((double) st.count(o) / st.runs()));
    }
    return probs;
  }

  /** Each party's reservation value in month t. */
  static double[] reservations(Negotiation n, double[] r0, int t) {
    double dp = n.leverage().at(t) - n.leverage().at(0);
    double[] r = new double[r0.length];
    for (int p = 0; p < r0.length; p++) {
      Party party = n.parties().get(p);
      double sign = party.id().equals(n.leverage().favours()) ? 1
          : party.id().equals(n.leverage().against()) ? -1 : 0;
      r[p] = Math.max(0, Math.min(1, r0[p] + sign * party.leverageWeight() * dp - party.costPerMonth() * t));
    }
    return r;
  }

  private static String label(Negotiation n, int t) {
    return YearMonth.parse(n.start()).plusMonths(t).toString();
  }

  private static List<NegotiationReport.IssueLevels> issues(Negotiation n) {
    List<NegotiationReport.IssueLevels> out = new ArrayList<>();
    for (Issue is : n.issues()) {
      out.add(new NegotiationReport.IssueLevels(is.id(), is.name(),
          is.kind().name().toLowerCase(java.util.Locale.ROOT), is.levels(), is.unit()));
    }
    return out;
  }

  static Map<String, String> levelMap(Negotiation n, int[] lv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int k = 0; k < lv.length; k++) {
      if (lv[k] >= 0) {
        m.put(n.issues().get(k).id(), n.issues().get(k).label(lv[k]));
      }
    }
    return m;
  }

  private static NegotiationReport.RubinsteinSplit rubinstein(Negotiation n) {
    Negotiation.Rubinstein rb = n.rubinstein();
    if (rb == null) {
      return null;
    }
    Party prop = n.party(rb.proposer());
    Party resp = n.party(rb.responder());
    Issue is = n.issues().get(n.issueIndex(rb.issue()));
    ValueFunction fp = prop.values().getOrDefault(is.id(), ValueFunction.LINEAR_UP);
    ValueFunction fr = resp.values().getOrDefault(is.id(), ValueFunction.LINEAR_UP);
    double xp = is.x(ideal(prop, is));
    double xr = is.x(ideal(resp, is));
    double value;
    double up;
    double ur;
    if (xp == xr) {
      // both want the same end: nothing to bargain over
      value = xp;
      up = fp.valueAt(is, value);
      ur = fr.valueAt(is, value);
    } else {
      Solutions.RubinsteinOffers o = Solutions.rubinstein(x -> fp.valueAt(is, x), x -> fr.valueAt(is, x),
          is.min(), is.max(), xp > xr, prop.discount(), resp.discount());
      value = o.proposerOffer();
      up = o.proposerValue();
      ur = o.responderValue();
    }
    return new NegotiationReport.RubinsteinSplit(rb.issue(), rb.proposer(), rb.responder(), round(up),
        round(value), is.label(is.nearest(value)), round(ur));
  }

  private static int ideal(Party p, Issue is) {
    ValueFunction f = p.values().getOrDefault(is.id(), ValueFunction.LINEAR_UP);
    int best = 0;
    for (int i = 1; i < is.size(); i++) {
      if (f.value(is, i) > f.value(is, best)) {
        best = i;
      }
    }
    return best;
  }

  private static NegotiationReport.FearonRange fearon(Negotiation n, int month) {
    Negotiation.Fearon f = n.fearon();
    if (f == null) {
      return null;
    }
    double lev = n.leverage().at(month);
    double p = f.party().equals(n.leverage().favours()) ? lev
        : f.party().equals(n.leverage().against()) ? 1 - lev : lev;
    double[] range = Solutions.fearonRange(p, f.costParty(), f.costOther());
    Issue is = n.issues().get(n.issueIndex(f.issue()));
    List<String> inside = new ArrayList<>();
    for (int i = 0; i < is.size(); i++) {
      double x = f.shares().get(i);
      if (x > range[0] && x < range[1]) {
        inside.add(is.label(i));
      }
    }
    double[] demand = Double.isNaN(f.costUncertainty()) ? null : Solutions.fearonDemand(p, f.costParty(), f.costUncertainty());
    if (demand != null) {
      demand = new double[] {round(demand[0]), round(demand[1]), round(demand[2])};
    }
    return new NegotiationReport.FearonRange(f.issue(), f.party(), f.other(), round(p),
        new double[] {round(range[0]), round(range[1])}, inside, demand);
  }

  static double round(double v) {
    return spiral.sim.Intervals.round6(v);
  }

  /** The zone of agreement for one set of reservation values, with its solutions. */
  record Zone(long count, double share, int nash, int ks, int egalitarian, int[] best) {
    boolean exists() {
      return count > 0;
    }

    int bestFor(int party) {
      return best[party];
    }
  }

  /** Every agreement of the space with every party's utility. */
  static final class Space {
    final Negotiation n;
    final int np;
    final int[] radix;
    final int points;
    final double[] u;
    final int[] frontier;

    Space(Negotiation n) {
      this.n = n;
      this.np = n.parties().size();
      int ni = n.issues().size();
      radix = new int[ni];
      long total = 1;
      for (int k = 0; k < ni; k++) {
        radix[k] = n.issues().get(k).size();
        total *= radix[k];
        if (total > MAX_POINTS) {
          throw new IllegalArgumentException("the agreement space has more than " + MAX_POINTS
              + " agreements (the product of the issues' levels): use larger steps or fewer levels");
        }
      }
      points = (int) total;
      // per party, per issue, per level: weight x value
      double[][][] part = new double[np][ni][];
      for (int p = 0; p < np; p++) {
        Party party = n.parties().get(p);
        for (int k = 0; k < ni; k++) {
          Issue is = n.issues().get(k);
          ValueFunction f = party.values().getOrDefault(is.id(), ValueFunction.LINEAR_UP);
          part[p][k] = new double[is.size()];
          for (int l = 0; l < is.size(); l++) {
            part[p][k][l] = party.weights().get(is.id()) * f.value(is, l);
          }
        }
      }
      u = new double[points * np];
      int[] idx = new int[ni];
      for (int i = 0; i < points; i++) {
        for (int p = 0; p < np; p++) {
          double s = 0;
          for (int k = 0; k < ni; k++) {
            s += part[p][k][idx[k]];
          }
          u[i * np + p] = s;
        }
        for (int k = ni - 1; k >= 0; k--) {
          if (++idx[k] < radix[k]) {
            break;
          }
          idx[k] = 0;
        }
      }
      frontier = Pareto.frontier(u, points, np);
    }

    int[] levels(int i) {
      int[] lv = new int[radix.length];
      for (int k = radix.length - 1; k >= 0; k--) {
        lv[k] = i % radix[k];
        i /= radix[k];
      }
      return lv;
    }

    NegotiationReport.Agreement agreement(int i) {
      Map<String, Double> us = new LinkedHashMap<>();
      for (int p = 0; p < np; p++) {
        us.put(n.parties().get(p).id(), round(u[i * np + p]));
      }
      return new NegotiationReport.Agreement(levelMap(n, levels(i)), us);
    }

    Zone zone(double[] r) {
      return zone(r, null);
    }

    /** The zone for reservation values r, leaving out what the stands in force close (null: none). */
    Zone zone(double[] r, Stands stands) {
      if (stands != null && stands.anyRefuses()) {
        int[] none = new int[np];
        Arrays.fill(none, -1);
        return new Zone(0, 0, -1, -1, -1, none);
      }
      boolean[][] allowed = stands == null ? null : stands.allowed();
      long count = 0;
      double[] ideal = new double[np];
      Arrays.fill(ideal, Double.NEGATIVE_INFINITY);
      int[] best = new int[np];
      Arrays.fill(best, -1);
      double[] bestTotal = new double[np];
      int nash = -1;
      double nashV = -1;
      int egal = -1;
      double egalV = -1;
      for (int i = 0; i < points; i++) {
        if (!inZone(i, r, allowed)) {
          continue;
        }
        count++;
        double prod = 1;
        double min = Double.POSITIVE_INFINITY;
        double total = 0;
        for (int p = 0; p < np; p++) {
          double g = u[i * np + p] - r[p];
          prod *= g;
          min = Math.min(min, g);
          total += u[i * np + p];
        }
        for (int p = 0; p < np; p++) {
          double v = u[i * np + p];
          if (v > ideal[p] || (v == ideal[p] && total > bestTotal[p])) {
            ideal[p] = v;
            best[p] = i;
            bestTotal[p] = total;
          }
        }
        if (prod > nashV) {
          nashV = prod;
          nash = i;
        }
        if (min > egalV) {
          egalV = min;
          egal = i;
        }
      }
      int ks = -1;
      if (count > 0) {
        double ksV = -1;
        for (int i = 0; i < points; i++) {
          if (!inZone(i, r, allowed)) {
            continue;
          }
          double min = Double.POSITIVE_INFINITY;
          for (int p = 0; p < np; p++) {
            double span = ideal[p] - r[p];
            min = Math.min(min, span > 0 ? (u[i * np + p] - r[p]) / span : 1);
          }
          if (min > ksV) {
            ksV = min;
            ks = i;
          }
        }
      }
      return new Zone(count, (double) count / points, nash, ks, egal, best);
    }

    private boolean inZone(int i, double[] r, boolean[][] allowed) {
      for (int p = 0; p < np; p++) {
        if (u[i * np + p] < r[p] - 1e-12) {
          return false;
        }
      }
      if (allowed != null) {
        int rest = i;
        for (int k = radix.length - 1; k >= 0; k--) {
          if (!allowed[k][rest % radix[k]]) {
            return false;
          }
          rest /= radix[k];
        }
      }
      return true;
    }

    /** Up to m frontier utility vectors, spread evenly along the frontier's order. */
    List<List<Double>> frontierSample(int m) {
      int f = frontier.length;
      List<List<Double>> out = new ArrayList<>();
      int take = Math.min(m, f);
      for (int j = 0; j < take; j++) {
        int i = frontier[(int) ((long) j * f / take)];
        List<Double> v = new ArrayList<>();
        for (int p = 0; p < np; p++) {
          v.add(round(u[i * np + p]));
        }
        out.add(v);
      }
      return out;
    }
  }
}
