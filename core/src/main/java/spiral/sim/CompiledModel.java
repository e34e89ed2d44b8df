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
 * A scenario compiled into the primitive tables the engine reads on its hot path (MODEL.md §3).
 *
 * <p>Everything that does not change within a run is computed here once: for each side and each
 * perceived rung y, each candidate move's rung and its four utility components (credibility,
 * escalation risk by one-step look-ahead, cost, punishment). During a run only the factions'
 * influence changes, so a move's utility is four multiply-adds over aggregated faction weights.
 *
 * <p>The one-step look-ahead (MODEL.md §3.3) models the opponent at level 1: its reply to a move at
 * rung r is its quantal response, with its own rationality and faction weights, to its static
 * utility. Two readings of MODEL.md are made precise here. (1) The opponent is modelled as seeing
 * the move as it is: an actor does not know that its moves read as more hostile than they are
 * (Jervis 1976; the root of the security dilemma), so its own threat bias acts only on its own
 * perception. (2) "Static" means without look-ahead: the modelled opponent weighs only the direct
 * risk of its reply, 1 at or past the nuclear threshold and otherwise the chance a(k) that it
 * slips into it. Modelling the opponent with the full continuation hazard made every actor expect
 * a risk-averse opponent to back down, and so made more risk aversion on both sides produce
 * <em>more</em> nuclear use, against the monotonicity that MODEL.md §7 requires.
 *
 * <p>The actor then scores its own move at rung r_m by P_nuc(m) = p_acc(r_m) + (1 &minus;
 * p_acc(r_m)) &Sigma;_k q(k|m) H(k), where p_acc(r) = a(r) when r + 1 reaches the nuclear
 * threshold (else 0), and the hazard H(k) of a reply at rung k is 1 at or above the threshold,
 * otherwise p_acc(k) + (1 &minus; p_acc(k)) / (1 + exp(&minus;(k &minus; r_nuc + &delta;)/&tau;)),
 * the continuation hazard standing for what lies beyond the look-ahead. Its expected cost adds
 * &Sigma;_k q(k|m) d(k), the damage of the replies.
 *
 * <p>The reply is expected only as far as the opponent is believed to carry out its replies: with
 * the opponent's current credibility &kappa;_o, the expected risk is &kappa;_o P_nuc(m) + (1
 * &minus; &kappa;_o) P_nuc(m | the opponent holds), and likewise the expected damage of the reply.
 * Credibility is the believed probability that threats are executed (Schelling 1966): a side that
 * answered weakly is expected to answer weakly again, which makes further attacks cheaper, and a
 * side that answered firmly deters. Both terms are linear in &kappa;_o, so the tables keep an
 * intercept and a slope per move.
 *
 * <p>Two further choices of this implementation: a kinetic level relative to the perceived
 * attack (less, proportional, more) is conventional and stops one rung below the nuclear
 * threshold, so nuclear use needs an option at an absolute rung or an accident; and punishment
 * enters the utility with diminishing returns, as w_g ln(1 + d(r_m) value + package punishment),
 * so that the damage scale of nuclear rungs does not swamp the other terms.
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
  final int[] actWeight;
  final double[] hazard;
  final ModelConstants k;

  final SideModel[] sides = new SideModel[2];

  /** Everything about one side's principal actor that the engine needs. */
  static final class SideModel {
    Actor actor;
    String[] candidateIds;
    int nc;
    int hold;
    int deescalate;
    int[] rung;
    double[] cred;
    double[] risk;
    double[] riskSlope;
    double[] cost;
    double[] costSlope;
    double[] pun;
    double[] credit;
    double[] ownCost;
    double[] leverage;
    double[] punishRow;
    double[] value;
    double credibilityScale;
    double lambda;
    double noise;
    double bias;
    double resolve;
    double pain;
    PolicyKind policy;
    ScriptStep[] script;
    int[] scriptOption;
    int nf;
    double[] omega0;
    double[] weights;
    int mostRiskAverse;
    double[] riskAhead;
    double[] riskHold;
    double[] damageAhead;
    double damageHold;
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
    actWeight = new int[top + 1];
    for (int r = 0; r <= top; r++) {
      damage[r] = ladder.rung(r).damage();
      inadvertent[r] = r == top ? 0 : ladder.rung(r).inadvertentRisk();
      actWeight[r] = ladder.rung(r).kind().weight();
    }
    hazard = new double[top + 1];
    for (int r = 0; r <= top; r++) {
      if (r >= nuclear) {
        hazard[r] = 1;
      } else {
        double acc = accidentIntoNuclear(r);
        double cont = 1 / (1 + Math.exp(-(r - nuclear + k.delta()) / k.tau()));
        hazard[r] = acc + (1 - acc) * cont;
      }
    }
    sides[INITIATOR] = side(scenario, Side.INITIATOR);
    sides[RESPONDER] = side(scenario, Side.RESPONDER);
    lookAhead(INITIATOR);
    lookAhead(RESPONDER);
    for (int s = 0; s < 2; s++) {
      SideModel m = sides[s];
      for (int y = 0; y <= top; y++) {
        for (int c = 0; c < m.nc; c++) {
          int i = y * m.nc + c;
          int r = m.rung[i];
          m.risk[i] = m.riskHold[r];
          m.riskSlope[i] = m.riskAhead[r] - m.riskHold[r];
          m.cost[i] = m.ownCost[c] + m.damageHold;
          m.costSlope[i] = m.damageAhead[r] - m.damageHold;
        }
      }
    }
  }

  /** The risk of an act by itself, without look-ahead: 1 at or past the threshold, else its accident into it. */
  private double direct(int r) {
    return r >= nuclear ? 1 : accidentIntoNuclear(r);
  }

  private double accidentIntoNuclear(int r) {
    return r < nuclear && r + 1 >= nuclear ? inadvertent[r] : 0;
  }

  private SideModel side(Scenario sc, Side side) {
    SideModel m = new SideModel();
    Actor a = sc.principal(side);
    m.actor = a;
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
    java.util.Arrays.fill(m.value, 1.0);
    m.rung = new int[(top + 1) * m.nc];
    m.cred = new double[(top + 1) * m.nc];
    m.risk = new double[(top + 1) * m.nc];
    m.riskSlope = new double[(top + 1) * m.nc];
    m.cost = new double[(top + 1) * m.nc];
    m.costSlope = new double[(top + 1) * m.nc];
    m.pun = new double[(top + 1) * m.nc];
    double sign = side == Side.RESPONDER ? 1 : -1;
    for (int c = 0; c < n; c++) {
      Option o = opts.get(c);
      NonKineticPackage p = sc.packages().get(o.nonKinetic());
      m.candidateIds[c] = o.id();
      m.credit[c] = p == null ? 0 : p.credibility();
      m.ownCost[c] = o.cost() + (p == null ? 0 : p.cost());
      m.leverage[c] = sign * (p == null ? 0 : p.leverage());
      m.punishRow[c] = p == null ? 0 : p.punishment();
      m.value[c] = o.value();
    }
    m.candidateIds[m.hold] = "hold";
    m.candidateIds[m.deescalate] = "deescalate";
    m.credit[m.deescalate] = DEESCALATE_CREDIT;
    m.credibilityScale = credibilityScale(sc, side, a);
    for (int y = 0; y <= top; y++) {
      for (int c = 0; c < m.nc; c++) {
        int i = y * m.nc + c;
        int r;
        if (c < n) {
          r = optionRung(sc, opts.get(c), y);
        } else {
          r = baseline;
        }
        m.rung[i] = r;
        // credibility is at stake only when there is an attack to answer
        m.cred[i] = y <= baseline ? 0 : m.credibilityScale * Math.tanh((r + m.credit[c] - y) / k.rho());
        m.pun[i] = Math.log1p(damage[r] * m.value[c] + m.punishRow[c]);
      }
    }
    m.lambda = a.rationality();
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
    m.cohesion0 = al == null ? 1 : al.cohesion();
    m.riskTolerance = al == null ? 1 : al.riskTolerance();
    return m;
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
   * s of MODEL.md §3.4: 1 when the initiating attack struck the responder's own assets, the
   * alliance's commitment credibility when it struck an ally's (value-weighted over targets). The
   * initiator's scale is 1.
   */
  private static double credibilityScale(Scenario sc, Side side, Actor a) {
    if (side == Side.INITIATOR) {
      return 1;
    }
    double num = 0;
    double den = 0;
    for (String tid : sc.initiatingEvent().targets()) {
      Target t = sc.target(tid);
      double w = Math.max(t.value(), 1e-9);
      double s;
      if (t.owner().equals(a.id())) {
        s = 1;
      } else {
        s = 0;
        for (Alliance al : sc.alliances()) {
          if (al.members().contains(a.id()) && al.members().contains(t.owner())) {
            s = Math.max(s, al.commitment().factor() * al.commitmentCredibility());
          }
        }
      }
      num += w * s;
      den += w;
    }
    return den == 0 ? 1 : num / den;
  }

  /** Fills riskAhead and damageAhead of side s from the opponent's level-1 reply model. */
  private void lookAhead(int s) {
    SideModel me = sides[s];
    SideModel op = sides[1 - s];
    me.riskAhead = new double[top + 1];
    me.riskHold = new double[top + 1];
    me.damageAhead = new double[top + 1];
    me.damageHold = damage[baseline];
    double[] agg = aggregate(op, op.omega0);
    double[] u = new double[op.nc];
    double[] q = new double[op.nc];
    for (int r = 0; r <= top; r++) {
      if (r >= nuclear) {
        me.riskAhead[r] = 1;
        me.riskHold[r] = 1;
      }
      int y = r;
      for (int c = 0; c < op.nc; c++) {
        int i = y * op.nc + c;
        u[c] =
            agg[0] * op.cred[i]
                - agg[1] * direct(op.rung[i])
                - agg[2] * op.ownCost[c]
                + agg[3] * op.pun[i];
      }
      Choice.quantalProbabilities(u, op.nc, op.lambda, q);
      double h = 0;
      double dmg = 0;
      for (int c = 0; c < op.nc; c++) {
        int rr = op.rung[y * op.nc + c];
        h += q[c] * hazard[rr];
        dmg += q[c] * damage[rr];
      }
      if (r < nuclear) {
        double acc = accidentIntoNuclear(r);
        me.riskAhead[r] = acc + (1 - acc) * h;
        me.riskHold[r] = acc + (1 - acc) * hazard[baseline];
      }
      me.damageAhead[r] = dmg;
    }
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

  /** The scenario this model was compiled from. */
  public Scenario scenario() {
    return scenario;
  }

  /** The principal actor's id for a side index. */
  public String actorId(int side) {
    return sides[side].actor.id();
  }

  /** The candidate move ids of a side: its options, then {@code hold}, then {@code deescalate}. */
  public List<String> candidates(int side) {
    return List.of(sides[side].candidateIds);
  }

  /** P_nuc of a move at rung r by a side, by the one-step look-ahead, if the opponent replies. */
  public double nuclearRiskAhead(int side, int r) {
    return sides[side].riskAhead[r];
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

  /** d(r), the damage of an act at rung r. */
  public double damage(int r) {
    return damage[r];
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
   * H(r) of MODEL.md &sect;3.4: 1 at or past the nuclear threshold, otherwise the chance that an act
   * at r slips into it plus the continuation hazard for what lies beyond the look-ahead.
   */
  public double hazard(int r) {
    return hazard[r];
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

  /**
   * The side's aggregated faction weights {W_c, W_r, W_k, W_g} under its starting influences
   * (&Sigma;_f &omega;_f w_f per component; a new array on each call).
   */
  public double[] startingWeights(int side) {
    return aggregate(sides[side], sides[side].omega0);
  }

  /** The own cost k_m of a side's candidate c: the option's cost plus its package's (0 for hold and deescalate). */
  public double ownCost(int side, int c) {
    return sides[side].ownCost[c];
  }

  /**
   * The four utility components the engine weighs for a side's candidate c at perceived rung y when
   * the opponent's credibility is kappa: {C(m), P_nuc(m), K(m), G(m)} of MODEL.md &sect;3.4 (the
   * utility is W_c C &minus; W_r P_nuc &minus; W_k K + W_g G). A new array on each call.
   */
  public double[] utilityComponents(int side, int y, int c, double kappa) {
    SideModel m = sides[side];
    int i = y * m.nc + c;
    return new double[] {
      m.cred[i], m.risk[i] + kappa * m.riskSlope[i], m.cost[i] + kappa * m.costSlope[i], m.pun[i]
    };
  }

  /**
   * The side's credibility after its candidate c, meant at the perceived rung y, was executed at
   * rung e, from kappa before (MODEL.md &sect;4): clamp(&kappa; + &eta;_&kappa; s tanh((e + credit
   * &minus; y)/&rho;), 0, 1) when there was an attack to answer (y above the baseline), else kappa.
   */
  public double credibilityAfter(int side, double kappa, int y, int e, int c) {
    SideModel m = sides[side];
    if (y <= baseline) {
      return kappa;
    }
    double v = kappa + k.credibilityRate() * m.credibilityScale * Math.tanh((e + m.credit[c] - y) / k.rho());
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }
}
