package spiral.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import spiral.ladder.Ladder;
import spiral.scenario.Actor;
import spiral.scenario.Alliance;
import spiral.scenario.Faction;
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
 * A scenario compiled into the primitive tables the engine reads on its hot path: the escalation
 * model, second edition (README, "The model"; MODEL.md &sect;8).
 *
 * <p>Everything that does not change within a run is computed here once: for each side, each
 * perceived rung y and each candidate move c, the move's rung and four components:
 *
 * <ul>
 *   <li>the <b>shortfall</b> S = tanh(max(0, (y &minus; b) &minus; max(0, r + credit &minus;
 *       b))/&rho;), b the baseline: how far the move falls short of answering what was perceived
 *       (a package's credit in rungs counts with its rung). It is 0 for any answer at or above
 *       the perceived act, so over-answering earns nothing (&sect;8.2), and 0 when nothing was
 *       perceived, so there is no jump at the baseline;
 *   <li>the <b>nuclear risk</b> P, by a one-step look-ahead: the opponent's reply distribution is
 *       its quantal response (its own rationality and starting faction weights) to its static
 *       utility, including the escalation pressure the move would put on it; each reply carries
 *       the hazard H(k) (1 at or past the nuclear threshold, else its accident into it plus the
 *       logistic continuation hazard 1/(1 + exp(&minus;(k &minus; r_nuc + &delta;)/&tau;)));
 *   <li>the <b>expected cost</b> K: the move's own cost plus the damage of the expected reply,
 *       over d&#8320;, the opening attack's damage;
 *   <li>the <b>gain</b> G = ln(1 + (d(r) v + package punishment)/d&#8320;): what striking the
 *       targets is worth (diminishing, so that nuclear damage does not swamp every other term).
 * </ul>
 *
 * Gains and costs are measured on d&#8320;, the crisis's own scale, so that a proportionate
 * exchange weighs the same in a strike on a satellite as in strikes on six ports.
 *
 * The expected reply is discounted by how credible the opponent's replies are: with the
 * opponent's credibility &kappa;&#771; the risk is &kappa;&#771; P_reply + (1 &minus;
 * &kappa;&#771;) P_hold and likewise the cost, so the tables keep an intercept and a slope per
 * move. For the initiator judging the responder, &kappa;&#771; = &kappa;_R h: the defender's
 * credibility times the alliance's cohesion (deterrence by response, &sect;8.1; Huth 1988).
 *
 * <p>At a decision the engine weighs the components with the faction-aggregated weights and the
 * side's state (see {@link #score}): the shortfall by W_c (stake + &pi;), where the stake is the
 * responder's commitment to what was attacked (1 for its own assets, the alliance's commitment
 * credibility times the current cohesion for an ally's; 0 for the initiator, which has no
 * Article-5 obligation, &sect;8.2) and &pi; the side's escalation pressure; the risk and cost by
 * W_r/(1 + &pi;) and W_k (1 + w)/(1 + &pi;), so that a side under pressure discounts danger (the
 * commitment trap, &sect;8.3) while a side worn by the costs it feels (w = felt cost over its
 * pain threshold) weighs them more (war weariness: the hurting stalemate, Zartman 2000); the gain by W_g (1 + &pi;)(1 &minus; support lost); and, for a
 * responder with allies, the cohesion the move would cost through the allies' risk tolerance,
 * weighed by W_c v_h.
 *
 * <p>Relative kinetic levels (less, proportional, more) are conventional and stop one rung below
 * the nuclear threshold; an actor that is not nuclear has every move capped there and cannot slip
 * across by accident (&sect;8.5).
 *
 * <p>Cost: O(sides &times; R &times; candidates&sup2;) to build; immutable and thread-safe after.
 */
public final class CompiledModel {
  /** Index of the initiator side in the per-side arrays. */
  public static final int INITIATOR = 0;
  /** Index of the responder side in the per-side arrays. */
  public static final int RESPONDER = 1;
  /** Credibility credit, in rungs, of a de-escalation with an offer of talks (it reads as weak). */
  public static final double DEESCALATE_CREDIT = -0.5;

  final Scenario scenario;
  final int top;
  final int baseline;
  final int directWar;
  final int nuclear;
  final int strategic;
  final int initiatingRung;
  final int horizon;
  final int containTurns;
  final boolean stopAtStrategic;
  final double[] damage;
  final double[] inadvertent;
  /** w(r): the chance that an act at r sets off a direct war neither side chose; 0 from directWar up. */
  final double[] warRisk;
  final double[] rungPressure;
  final int[] actWeight;
  /** Whether an act at the rung is an armed attack (the ladder's kind violent or nuclear). */
  final boolean[] armed;
  final double[] hazard;
  final ModelConstants k;
  /** Mean value of the initiating attack's targets (one accounting with the options). */
  final double openingValue;
  /**
   * Damage of the opening attack (1 when it does none): the crisis's own scale, on which gains,
   * expected costs and war weariness are measured, so that a small crisis and a large one weigh
   * answers alike.
   */
  final double referenceDamage;

  final SideModel[] sides = new SideModel[2];

  /** Everything about one side's principal actor that the engine needs. */
  static final class SideModel {
    Actor actor;
    String[] candidateIds;
    int nc;
    int hold;
    int deescalate;
    int[] rung;
    double[] shortfall;
    double[] risk;
    double[] riskSlope;
    double[] cost;
    double[] costSlope;
    double[] gain;
    /**
     * &minus;ln(multiplicity)/&lambda; per cell: options that come to the same act at a perceived
     * rung (same rung, same package) share one act's weight in the quantal choice, so that a menu
     * with three labels for one strike does not strike three times as often (the duplicate
     * alternatives of Luce's choice axiom; Debreu 1960).
     */
    double[] duplicate;
    double[] credit;
    double[] ownCost;
    double[] leverage;
    double[] punishRow;
    double[] value;
    double[] costRate;
    double[] support;
    double[] extraRisk;
    double lambda;
    double noise;
    double bias;
    double resolve;
    double pain;
    boolean nuclearCapable;
    int cap;
    PolicyKind policy;
    ScriptStep[] script;
    int[] scriptOption;
    int nf;
    double[] omega0;
    double[] weights;
    int mostRiskAverse;
    /** Value shares of the opening attack's targets: the side's own, and its allies'. */
    double ownShare;
    double allyShare;
    /** The alliance's commitment factor times its commitment credibility. */
    double commitment;
    boolean inAlliance;
    double cohesion0;
    double riskTolerance;
  }

  /**
   * Compiles a validated scenario.
   *
   * @throws IllegalArgumentException if the scenario breaks an invariant the loader checks (it
   *     never should for a loaded scenario)
   */
  public CompiledModel(Scenario scenario) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    if (!scenario.hasEscalation()) {
      throw new IllegalArgumentException(
          "scenario '" + scenario.id() + "' has no escalation model (ladder, actors and"
              + " initiatingEvent): it is a negotiation for 'spiral negotiate'");
    }
    Ladder ladder = scenario.ladder();
    top = ladder.top();
    baseline = ladder.baseline();
    directWar = ladder.directWar();
    nuclear = ladder.nuclear();
    strategic = ladder.strategic();
    initiatingRung = scenario.initiatingEvent().rung();
    horizon = scenario.horizon();
    containTurns = scenario.containTurns();
    stopAtStrategic = scenario.stopAtStrategic();
    k = scenario.model();
    damage = new double[top + 1];
    inadvertent = new double[top + 1];
    warRisk = new double[top + 1];
    rungPressure = new double[top + 1];
    actWeight = new int[top + 1];
    armed = new boolean[top + 1];
    for (int r = 0; r <= top; r++) {
      spiral.ladder.ActKind kind = ladder.rung(r).kind();
      armed[r] = kind == spiral.ladder.ActKind.VIOLENT || kind == spiral.ladder.ActKind.NUCLEAR;
      damage[r] = ladder.rung(r).damage();
      inadvertent[r] = r == top ? 0 : ladder.rung(r).inadvertentRisk();
      warRisk[r] = r >= directWar ? 0 : ladder.rung(r).warRisk();
      rungPressure[r] = ladder.rung(r).pressure();
      actWeight[r] = ladder.rung(r).kind().weight();
    }
    hazard = new double[top + 1];
    for (int r = 0; r <= top; r++) {
      if (r >= nuclear) {
        hazard[r] = 1;
      } else {
        double acc = r + 1 >= nuclear ? inadvertent[r] : 0;
        double cont = 1 / (1 + Math.exp(-(r - nuclear + k.delta()) / k.tau()));
        hazard[r] = acc + (1 - acc) * cont;
      }
    }
    openingValue = openingValue(scenario);
    double d0 = damage[initiatingRung] * openingValue;
    referenceDamage = d0 > 0 ? d0 : 1;
    sides[INITIATOR] = side(scenario, Side.INITIATOR);
    sides[RESPONDER] = side(scenario, Side.RESPONDER);
    lookAhead(INITIATOR);
    lookAhead(RESPONDER);
  }

  private static double openingValue(Scenario sc) {
    List<String> ids = sc.initiatingEvent().targets();
    if (ids.isEmpty()) {
      return 1;
    }
    double sum = 0;
    for (String id : ids) {
      sum += sc.target(id).value();
    }
    return sum / ids.size();
  }

  private SideModel side(Scenario sc, Side side) {
    SideModel m = new SideModel();
    Actor a = sc.principal(side);
    m.actor = a;
    m.nuclearCapable = a.nuclear();
    m.cap = a.nuclear() ? top : Math.max(baseline, nuclear - 1);
    List<Option> opts = new ArrayList<>();
    for (Option o : sc.options()) {
      if (o.actor().equals(a.id())) {
        opts.add(o);
      }
    }
    int n = opts.size();
    m.nc = n + 2;
    m.hold = n;
    m.deescalate = n + 1;
    m.candidateIds = new String[m.nc];
    m.credit = new double[m.nc];
    m.ownCost = new double[m.nc];
    m.leverage = new double[m.nc];
    m.punishRow = new double[m.nc];
    m.value = new double[m.nc];
    m.costRate = new double[m.nc];
    m.support = new double[m.nc];
    m.extraRisk = new double[m.nc];
    java.util.Arrays.fill(m.value, 1.0);
    int cells = (top + 1) * m.nc;
    m.rung = new int[cells];
    m.shortfall = new double[cells];
    m.risk = new double[cells];
    m.riskSlope = new double[cells];
    m.cost = new double[cells];
    m.costSlope = new double[cells];
    m.gain = new double[cells];
    double sign = side == Side.RESPONDER ? 1 : -1;
    for (int c = 0; c < n; c++) {
      Option o = opts.get(c);
      NonKineticPackage p = sc.packages().get(o.nonKinetic());
      m.candidateIds[c] = o.id();
      m.ownCost[c] = o.cost();
      m.value[c] = o.value();
      if (p != null) {
        m.credit[c] = p.credibility();
        m.ownCost[c] += p.cost();
        m.leverage[c] = sign * p.leverage();
        m.punishRow[c] = p.punishment();
        m.costRate[c] = p.opponentCostRate();
        m.support[c] = p.opponentSupport();
        m.extraRisk[c] = p.inadvertentRisk();
      }
    }
    m.candidateIds[m.hold] = "hold";
    m.candidateIds[m.deescalate] = "deescalate";
    m.credit[m.deescalate] = DEESCALATE_CREDIT;
    for (int y = 0; y <= top; y++) {
      for (int c = 0; c < m.nc; c++) {
        int i = y * m.nc + c;
        int r = c < n ? Math.min(optionRung(sc, opts.get(c), y), m.cap) : baseline;
        m.rung[i] = r;
        m.shortfall[i] = shortfall(y, r, m.credit[c]);
        m.gain[i] = Math.log1p((damage[r] * m.value[c] + m.punishRow[c]) / referenceDamage);
      }
    }
    m.lambda = a.rationality();
    m.duplicate = new double[cells];
    if (m.lambda > 0 && Double.isFinite(m.lambda)) {
      for (int y = 0; y <= top; y++) {
        for (int c = 0; c < n; c++) {
          int same = 0;
          for (int d = 0; d < n; d++) {
            if (m.rung[y * m.nc + d] == m.rung[y * m.nc + c]
                && opts.get(d).nonKinetic().equals(opts.get(c).nonKinetic())) {
              same++;
            }
          }
          m.duplicate[y * m.nc + c] = -Math.log(same) / m.lambda;
        }
      }
    }
    m.noise = a.noise();
    m.bias = a.threatBias();
    m.resolve = a.resolve();
    m.pain = a.painThreshold();
    m.policy = a.policy();
    m.script = a.script().toArray(new ScriptStep[0]);
    m.scriptOption = new int[m.script.length];
    for (int i = 0; i < m.script.length; i++) {
      m.scriptOption[i] = -1;
      if (m.script[i].kind() == ScriptStep.Kind.OPTION) {
        for (int c = 0; c < n; c++) {
          if (opts.get(c).id().equals(m.script[i].option())) {
            m.scriptOption[i] = c;
          }
        }
        if (m.scriptOption[i] < 0) {
          throw new IllegalArgumentException(
              a.id() + ".script: '" + m.script[i].option() + "' is not an option of " + a.id());
        }
      }
    }
    List<Faction> fs = a.factions();
    m.nf = fs.size();
    m.omega0 = new double[m.nf];
    m.weights = new double[m.nf * 4];
    double total = 0;
    for (Faction f : fs) {
      total += f.weight();
    }
    double maxRisk = -1;
    for (int f = 0; f < m.nf; f++) {
      Faction fa = fs.get(f);
      m.omega0[f] = fa.weight() / total;
      m.weights[f * 4] = fa.credibility();
      m.weights[f * 4 + 1] = fa.risk();
      m.weights[f * 4 + 2] = fa.cost();
      m.weights[f * 4 + 3] = fa.punishment();
      if (fa.risk() > maxRisk) {
        maxRisk = fa.risk();
        m.mostRiskAverse = f;
      }
    }
    Alliance al = allianceOf(sc, a.id());
    m.inAlliance = al != null && side == Side.RESPONDER;
    m.cohesion0 = m.inAlliance ? al.cohesion() : 1;
    m.riskTolerance = m.inAlliance ? al.riskTolerance() : 1;
    if (side == Side.RESPONDER) {
      stakes(sc, a, m);
    }
    return m;
  }

  /** S of the class comment: how far a move at rung r with credit falls short of y. */
  double shortfall(int y, int r, double credit) {
    double perceived = y - baseline;
    double answered = Math.max(0, r + credit - baseline);
    return Math.tanh(Math.max(0, perceived - answered) / k.rho());
  }

  private int optionRung(Scenario sc, Option o, int y) {
    int kin;
    if (o.absolute()) {
      kin = o.rung();
    } else {
      Kinetic kl = o.kinetic();
      kin =
          switch (kl) {
            case NONE -> baseline;
            case LESS -> y - o.step();
            case PROPORTIONAL -> y;
            case MORE -> y + o.step();
          };
      // A lesser answer to an armed act is still a strike: it stops at the lowest armed rung
      // below the act, and where the act is already the ladder's lowest armed rung (RAND case A's
      // satellite) it is a strike at that rung, never a posture or signal read as a strike.
      if (kl == Kinetic.LESS && y >= 0 && y <= top && armed[y]) {
        while (kin < y && (kin < 0 || !armed[kin])) {
          kin++;
        }
      }
      // Kinetic levels are conventional: a relative rung stops below the nuclear threshold.
      kin = Math.min(kin, nuclear - 1);
    }
    NonKineticPackage p = sc.packages().get(o.nonKinetic());
    int r = Math.max(kin, p == null ? baseline : p.rung());
    return Math.max(baseline, Math.min(top, r));
  }

  private static Alliance allianceOf(Scenario sc, String actorId) {
    for (Alliance al : sc.alliances()) {
      if (al.members().contains(actorId)) {
        return al;
      }
    }
    return null;
  }

  /**
   * The responder's stake in the opening attack's targets (value-weighted): the share it owns,
   * the share its allies own, and the alliance commitment it carries for the latter.
   */
  private static void stakes(Scenario sc, Actor a, SideModel m) {
    double own = 0;
    double ally = 0;
    double den = 0;
    double commitment = 0;
    for (String tid : sc.initiatingEvent().targets()) {
      Target t = sc.target(tid);
      double w = Math.max(t.value(), 1e-9);
      den += w;
      if (t.owner().equals(a.id())) {
        own += w;
        continue;
      }
      for (Alliance al : sc.alliances()) {
        if (al.members().contains(a.id()) && al.members().contains(t.owner())) {
          ally += w;
          commitment =
              Math.max(commitment, al.commitment().factor() * al.commitmentCredibility());
          break;
        }
      }
    }
    m.ownShare = den == 0 ? 1 : own / den;
    m.allyShare = den == 0 ? 0 : ally / den;
    m.commitment = commitment;
  }

  /**
   * Fills the risk and cost tables of side s from the opponent's level-1 reply model: for each rung
   * r of s's move, the opponent perceives r (its bias is its own: an actor does not know its moves
   * read as more hostile than they are, Jervis 1976), feels the pressure the move puts on it, and
   * replies by quantal response to its static utility, in which its own risk is only the direct
   * one (1 at or past the threshold, else its accident into it).
   */
  private void lookAhead(int s) {
    SideModel me = sides[s];
    SideModel op = sides[1 - s];
    double[] w = aggregate(op, op.omega0);
    double[] u = new double[op.nc];
    double[] q = new double[op.nc];
    double[] riskAhead = new double[top + 1];
    double[] damageAhead = new double[top + 1];
    double opStake = stake(1 - s, op.cohesion0);
    int opOwn = s == RESPONDER ? initiatingRung : baseline;
    double[] coef = new double[COEFFICIENTS];
    for (int r = 0; r <= top; r++) {
      coefficients(op, w[0], w[1], w[2], w[3], opStake, pressureFrom(r, opOwn), 1, 0, coef);
      int row = r * op.nc;
      for (int c = 0; c < op.nc; c++) {
        int rr = op.rung[row + c];
        double direct = rr >= nuclear ? 1 : accidentInto(op, rr, c);
        u[c] =
            score(op, coef, op.shortfall[row + c], direct, op.ownCost[c] / referenceDamage,
                    op.gain[row + c], rr >= nuclear)
                + op.duplicate[row + c];
      }
      Choice.quantalProbabilities(u, op.nc, op.lambda, q);
      double h = 0;
      double dmg = 0;
      for (int c = 0; c < op.nc; c++) {
        int rr = op.rung[row + c];
        h += q[c] * (op.nuclearCapable ? hazard[rr] : 0);
        dmg += q[c] * (damage[rr] * op.value[c] + op.punishRow[c]);
      }
      riskAhead[r] = h;
      damageAhead[r] = dmg;
    }
    double holdHazard = op.nuclearCapable ? hazard[baseline] : 0;
    double damageHold = damage[baseline];
    for (int y = 0; y <= top; y++) {
      for (int c = 0; c < me.nc; c++) {
        int i = y * me.nc + c;
        int r = me.rung[i];
        double ahead;
        double hold;
        if (r >= nuclear) {
          ahead = 1;
          hold = 1;
        } else {
          double acc = accidentInto(me, r, c);
          ahead = acc + (1 - acc) * riskAhead[r];
          hold = acc + (1 - acc) * holdHazard;
        }
        me.risk[i] = hold;
        me.riskSlope[i] = ahead - hold;
        me.cost[i] = (me.ownCost[c] + damageHold) / referenceDamage;
        me.costSlope[i] = (damageAhead[r] - damageHold) / referenceDamage;
      }
    }
  }

  /** The chance that side m's move c at rung r slips across the nuclear threshold by accident. */
  private double accidentInto(SideModel m, int r, int c) {
    if (!m.nuclearCapable || r >= nuclear || r + 1 < nuclear) {
      return 0;
    }
    return Math.min(1, inadvertent[r] + m.extraRisk[c]);
  }

  /**
   * The fresh escalation pressure an act perceived at rung y puts on the side it strikes, whose
   * own last act, or the last act it perceived, was at rung own (the higher of the two):
   * &eta;_&pi; max(0, y &minus; own) per rung by which it was hit harder than it hit or was hit
   * before, plus the rung's own pressure (homeland, strategic assets).
   */
  public double pressureFrom(int y, int own) {
    return k.pressureRate() * Math.max(0, y - own) + rungPressure[y];
  }

  /**
   * War weariness w of a side: its felt cost over its pain threshold (over the opening attack's
   * damage when that is larger, so that a threshold of 0 does not divide by 0).
   */
  double weariness(int side, double felt) {
    return felt / Math.max(sides[side].pain, referenceDamage);
  }

  /**
   * A side's stake in answering what it perceives: for the responder its commitment to what was
   * attacked under cohesion h (its own share, plus its allies' share times the alliance's
   * commitment credibility and h); for the initiator, which has no alliance obligation, the
   * audience cost of letting a hit pass.
   */
  public double stake(int side, double h) {
    return side == RESPONDER ? stake(sides[RESPONDER], h) : k.audienceCost();
  }

  private static double stake(SideModel m, double h) {
    return m.ownShare + m.allyShare * m.commitment * h;
  }

  /**
   * The utility of one candidate from its components (the class comment): &minus;W_c (stake +
   * &pi;) S &minus; W_r P (plus the taboo over (1 + &pi;) for a deliberate nuclear act) &minus; W_k
   * (1 + w) K/(1 + &pi;) + W_g drive G, less the allies' restraint for a responder with allies.
   * Allocates; the engine computes {@link #coefficients} once per decision instead.
   */
  double score(
      SideModel m,
      double wc,
      double wr,
      double wk,
      double wg,
      double stake,
      double pi,
      double drive,
      double weariness,
      double shortfall,
      double risk,
      double cost,
      double gain,
      boolean nuclearAct) {
    double[] c = new double[COEFFICIENTS];
    coefficients(m, wc, wr, wk, wg, stake, pi, drive, weariness, c);
    return score(m, c, shortfall, risk, cost, gain, nuclearAct);
  }

  /** How many numbers {@link #coefficients} writes. */
  static final int COEFFICIENTS = 6;

  /**
   * The per-decision coefficients of {@link #score}, computed once for all of a side's candidates:
   * {shortfall weight, risk weight, taboo, cost weight, gain weight, restraint weight}.
   */
  void coefficients(
      SideModel m,
      double wc,
      double wr,
      double wk,
      double wg,
      double stake,
      double pi,
      double drive,
      double weariness,
      double[] out) {
    double calm = 1 / (1 + pi);
    out[0] = wc * (stake + pi);
    out[1] = wr;
    out[2] = wr * k.nuclearTaboo() * calm;
    out[3] = wk * (1 + weariness) * calm;
    out[4] = wg * drive;
    out[5] = m.inAlliance ? wc * k.cohesionValue() * k.cohesionRiskRate() : 0;
  }

  /** The utility of one candidate from its components under per-decision coefficients c. */
  double score(
      SideModel m, double[] c, double shortfall, double risk, double cost, double gain,
      boolean nuclearAct) {
    double u = -c[0] * shortfall - c[1] * risk - c[3] * cost + c[4] * gain;
    if (nuclearAct) {
      u -= c[2];
    }
    if (risk > m.riskTolerance) {
      u -= c[5] * (risk - m.riskTolerance);
    }
    return u;
  }

  /**
   * The multiplier of a side's gain: (1 + &ell; &times; leverage lost) (1 &minus; support lost): a
   * side losing the war sees more in striking, one isolated by the opponent less.
   */
  double drive(double losing, double supportLost) {
    return (1 + k.leveragePressure() * Math.max(0, losing)) * (1 - supportLost);
  }

  /**
   * P(m) of an act at rung r by a side that is no candidate of its own (a scripted or steered
   * rung): the risk of a candidate that comes to that rung when r is perceived, else H(r).
   */
  public double nuclearRiskOfRung(int side, int r, double kappa) {
    SideModel m = sides[side];
    int row = r * m.nc;
    for (int c = 0; c < m.nc; c++) {
      if (m.rung[row + c] == r) {
        return m.risk[row + c] + kappa * m.riskSlope[row + c];
      }
    }
    return r >= nuclear ? 1 : hazard[r];
  }

  /**
   * The alliance's cohesion after the responder's candidate c (-1 for a bare rung), meant against
   * the perceived rung y, was executed at rung e with nuclear risk P: an under-answer to an attack
   * on allies costs &eta;_h (allies' share)(shortfall in rungs)/R, a risk above the allies'
   * tolerance costs &eta;_h' (P &minus; tolerance), and otherwise cohesion drifts back toward its
   * start; clamped to [0, 1]. Unchanged for an initiator or a responder without allies.
   */
  public double cohesionAfter(int side, double h, int y, int e, int c, double risk) {
    SideModel m = sides[side];
    if (side != RESPONDER || !m.inAlliance) {
      return h;
    }
    boolean hurt = false;
    double credit = c >= 0 ? m.credit[c] : 0;
    double gap = (y - baseline) - Math.max(0, e + credit - baseline);
    if (gap > 0 && m.allyShare > 0) {
      h -= k.cohesionRate() * m.allyShare * gap / top;
      hurt = true;
    }
    if (risk > m.riskTolerance) {
      h -= k.cohesionRiskRate() * (risk - m.riskTolerance);
      hurt = true;
    }
    if (!hurt) {
      h += k.cohesionDrift() * (m.cohesion0 - h);
    }
    return h < 0 ? 0 : (h > 1 ? 1 : h);
  }

  /**
   * Gives a side's most risk-averse faction &epsilon;_&omega; more influence and renormalises, in
   * place: what an accident or a rise in nuclear risk does to the balance of a side's factions.
   */
  public void shiftInfluence(int side, double[] omega) {
    SideModel m = sides[side];
    double eps = k.influenceShift();
    omega[m.mostRiskAverse] += eps;
    double total = 1 + eps;
    for (int f = 0; f < omega.length; f++) {
      omega[f] /= total;
    }
  }

  /** A side's starting faction influences, in the actor's faction order (a new array). */
  public double[] startingInfluence(int side) {
    return sides[side].omega0.clone();
  }

  /** A side's faction weights {W_c, W_r, W_k, W_g} under influences omega (a new array). */
  public double[] weights(int side, double[] omega) {
    return aggregate(sides[side], omega);
  }

  /** Faction weights aggregated under influences omega: {W_c, W_r, W_k, W_g}. */
  static double[] aggregate(SideModel m, double[] omega) {
    double[] w = new double[4];
    aggregate(m, omega, w);
    return w;
  }

  static void aggregate(SideModel m, double[] omega, double[] out) {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    out[3] = 0;
    for (int f = 0; f < m.nf; f++) {
      for (int j = 0; j < 4; j++) {
        out[j] += omega[f] * m.weights[f * 4 + j];
      }
    }
  }

  int clamp(int r) {
    return r < 0 ? 0 : Math.min(r, top);
  }

  // ------------------------------------------------------------------ public reading

  /**
   * What a side knows of its own situation at a decision, beyond the perceived rung.
   *
   * @param opponentCredibility &kappa;&#771;: how far the side expects the opponent to carry out
   *     its replies (for the initiator, the responder's credibility times the alliance's cohesion)
   * @param pressure &pi; &ge; 0, the side's escalation pressure
   * @param cohesion h, the alliance's cohesion (1 without an alliance)
   * @param supportLost the share of the side's support lost to isolation
   * @param weariness the side's felt cost over its pain threshold (0 at the start)
   * @param leverageLost the battlefield leverage the side has lost since the start (&le; 0 when it
   *     gained)
   */
  public record Situation(
      double opponentCredibility,
      double pressure,
      double cohesion,
      double supportLost,
      double weariness,
      double leverageLost) {}

  /**
   * P(m) of a side's candidate c at perceived rung y when the opponent's replies are believed with
   * weight kappa: the nuclear risk the engine weighs (class comment).
   */
  public double nuclearRisk(int side, int y, int c, double kappa) {
    SideModel m = sides[side];
    int i = y * m.nc + c;
    return m.risk[i] + kappa * m.riskSlope[i];
  }

  /**
   * The utility of a side's candidate c at perceived rung y in a situation, under faction weights
   * {W_c, W_r, W_k, W_g} (see {@link #startingWeights}).
   */
  public double utility(int side, int y, int c, double[] weights, Situation s) {
    SideModel m = sides[side];
    int i = y * m.nc + c;
    double kappa = s.opponentCredibility();
    return score(
        m, weights[0], weights[1], weights[2], weights[3], stake(side, s.cohesion()), s.pressure(),
        drive(s.leverageLost(), s.supportLost()), s.weariness(), m.shortfall[i], m.risk[i] + kappa * m.riskSlope[i],
        m.cost[i] + kappa * m.costSlope[i], m.gain[i], m.rung[i] >= nuclear);
  }

  /**
   * The utility of a side's candidate c at perceived rung y in a situation, with its nuclear risk
   * and expected cost given rather than looked ahead (for a game tree that plays the reply out).
   */
  public double utilityWith(
      int side, int y, int c, double[] weights, Situation s, double risk, double cost) {
    SideModel m = sides[side];
    int i = y * m.nc + c;
    return score(
        m, weights[0], weights[1], weights[2], weights[3], stake(side, s.cohesion()), s.pressure(),
        drive(s.leverageLost(), s.supportLost()), s.weariness(), m.shortfall[i], risk, cost,
        m.gain[i], m.rung[i] >= nuclear);
  }

  /** The share of the opponent's support that a side's candidate c takes away (isolation). */
  public double supportTaken(int side, int c) {
    return c >= 0 ? sides[side].support[c] : 0;
  }

  /**
   * The situation of a side at its first decision, before any act of its own: its pressure from
   * the opponent's act perceived at rung y, the starting cohesion, no support lost, and the
   * opponent's starting credibility (times cohesion when the opponent is the responder).
   */
  public Situation startingSituation(int side, int y) {
    double kappa = sides[1 - side].actor.credibility();
    if (side == INITIATOR) {
      kappa *= sides[RESPONDER].cohesion0;
    }
    int own = side == INITIATOR ? initiatingRung : baseline;
    return new Situation(kappa, pressureFrom(y, own), sides[RESPONDER].cohesion0, 0, 0, 0);
  }

  /** The scenario this model was compiled from. */
  public Scenario scenario() {
    return scenario;
  }

  /** The principal actor's id for a side index. */
  public String actorId(int side) {
    return sides[side].actor.id();
  }

  /** The principal actor's display name for a side index. */
  public String actorName(int side) {
    return sides[side].actor.name();
  }

  /**
   * What an act at rung r by a side is, said from that side: "Russia: strikes on several of the
   * opponent's bases" (the ladder's perspective-neutral act after the actor's name).
   */
  public String describe(int side, int r) {
    return scenario.ladder().rung(r).actBy(sides[side].actor.name());
  }

  /** The candidate move ids of a side: its options, then {@code hold}, then {@code deescalate}. */
  public List<String> candidates(int side) {
    return List.of(sides[side].candidateIds);
  }

  /** How many of the side's candidates are its scenario options (they come first). */
  public int optionCount(int side) {
    return sides[side].hold;
  }

  /** The rung of a side's candidate c when it perceives the opponent at rung y. */
  public int candidateRung(int side, int y, int c) {
    SideModel m = sides[side];
    return m.rung[y * m.nc + c];
  }

  /** The rung of the initiating attack. */
  public int initiatingRung() {
    return initiatingRung;
  }

  /** d(r), the damage of an act at rung r (before the targets' value). */
  public double damage(int r) {
    return damage[r];
  }

  /**
   * The damage a side's candidate c does when it lands at rung e: d(e) times the mean value of
   * its targets, plus its package's punishment (one accounting for every act, the opening attack
   * included: {@link #openingDamage}).
   */
  public double damageOf(int side, int c, int e) {
    SideModel m = sides[side];
    return c >= 0 ? damage[e] * m.value[c] + m.punishRow[c] : damage[e];
  }

  /**
   * The crisis's scale d&#8320;: the opening attack's damage (1 when it does none), on which gains
   * and expected costs are measured.
   */
  public double crisisScale() {
    return referenceDamage;
  }

  /** v&#8320;, the mean value of the opening attack's targets (1 when it names none). */
  public double openingValue() {
    return openingValue;
  }


  /**
   * What a side's candidate c adds to the battlefield leverage every turn from then on (an aid
   * surge: positive for the responder, negative for the initiator; 0 for a bare rung, c &lt; 0).
   */
  public double aid(int side, int c) {
    return c >= 0 ? sides[side].leverage[c] : 0;
  }

  /** The opening attack's damage: d(r&#8320;) times the mean value of its targets. */
  public double openingDamage() {
    return damage[initiatingRung] * openingValue;
  }

  /** Whether an act at rung r is an armed attack: its ladder kind is violent or nuclear. */
  public boolean armedAttack(int r) {
    return armed[r];
  }

  /** The highest rung R of the ladder. */
  public int top() {
    return top;
  }

  /** The ladder's baseline rung (the status quo: where {@code hold} and {@code deescalate} act). */
  public int baseline() {
    return baseline;
  }

  /** r_nuc, the first rung of nuclear use. */
  public int nuclearThreshold() {
    return nuclear;
  }

  /** a(r), the probability that an act meant at rung r lands at r + 1 (0 at the top rung). */
  public double inadvertentRisk(int r) {
    return inadvertent[r];
  }

  /**
   * The probability that a side's candidate c meant at rung r lands one rung higher: a(r) plus its
   * package's own inadvertent risk, 0 where that would take a non-nuclear side across the nuclear
   * threshold or above the top rung.
   */
  public double stepUpRisk(int side, int c, int r) {
    SideModel m = sides[side];
    if (r >= m.cap) {
      return 0;
    }
    return Math.min(1, inadvertent[r] + (c >= 0 ? m.extraRisk[c] : 0));
  }

  /**
   * The chance that side {@code side}'s act meant at rung r sets off a direct war neither side
   * chose (the rung's {@code warRisk}): the act then lands at the direct-war threshold. 0 at and
   * above the threshold, and where the threshold lies beyond what the side can reach (a
   * non-nuclear side when direct war and nuclear use share a rung). Drawn on the same number as
   * the step up, after it: an act slips a rung with {@link #stepUpRisk}, else widens into war with
   * this, else lands where meant.
   */
  public double widenRisk(int side, int r) {
    return r < directWar && directWar <= sides[side].cap ? warRisk[r] : 0;
  }

  /**
   * H(r): 1 at or past the nuclear threshold, otherwise the chance that an act at r slips into it
   * plus the continuation hazard for what lies beyond the look-ahead.
   */
  public double hazard(int r) {
    return hazard[r];
  }

  /** Whether the side's principal actor is nuclear (else it never reaches the threshold). */
  public boolean nuclearCapable(int side) {
    return sides[side].nuclearCapable;
  }

  /**
   * The rung a side perceives when the opponent's last executed rung is x and there is no
   * perception noise: clamp(round(x + b)), b the side's threat bias (the engine's perception with
   * Z = 0).
   */
  public int perceivedWithoutNoise(int side, int x) {
    return clamp((int) Math.floor(x + sides[side].bias + 0.5));
  }

  /** The side's principal actor's credibility before the first response (its {@code credibility}). */
  public double startingCredibility(int side) {
    return sides[side].actor.credibility();
  }

  /** The alliance's cohesion at the start (1 when the responder has no alliance). */
  public double startingCohesion() {
    return sides[RESPONDER].cohesion0;
  }

  /**
   * The side's aggregated faction weights {W_c, W_r, W_k, W_g} under its starting influences
   * (&Sigma;_f &omega;_f w_f per component; a new array on each call).
   */
  public double[] startingWeights(int side) {
    return weights(side, sides[side].omega0);
  }

  /** The own cost k_m of a side's candidate c: the option's cost plus its package's (0 for hold and deescalate). */
  public double ownCost(int side, int c) {
    return sides[side].ownCost[c];
  }

  /**
   * The side's credibility after its candidate c, meant at the perceived rung y, was executed at
   * rung e, from kappa before, when there was an act to answer (y above the baseline): &kappa;
   * &minus; &eta;_&kappa; stake S(e) when the act falls short (S its shortfall, the stake the
   * responder's commitment under cohesion h, 1 for the initiator, whose own threats lose belief
   * when it lets a hit pass); a full answer wins back the share &eta;_&kappa; stake of what was
   * lost since the start, never more. Credibility is lost by under-answering and not won by
   * over-answering (MODEL.md &sect;8.2): it never rises above the start.
   */
  public double credibilityAfter(int side, double kappa, int y, int e, int c, double h) {
    if (y <= baseline) {
      return kappa;
    }
    SideModel m = sides[side];
    return credibilityAfterShortfall(side, kappa, shortfall(y, e, c >= 0 ? m.credit[c] : 0), h);
  }

  /** {@link #credibilityAfter} for an act whose shortfall is known (y above the baseline). */
  double credibilityAfterShortfall(int side, double kappa, double gap, double h) {
    SideModel m = sides[side];
    double st = side == RESPONDER ? stake(m, h) : 1;
    double v;
    if (gap > 0) {
      v = kappa - k.credibilityRate() * st * gap;
    } else {
      // a full answer wins back part of what was lost, never more than the start
      double start = m.actor.credibility();
      v = kappa < start ? kappa + k.credibilityRate() * st * (start - kappa) : kappa;
    }
    return v < 0 ? 0 : v;
  }
}
