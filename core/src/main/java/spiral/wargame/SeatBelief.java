package spiral.wargame;

import spiral.scenario.Actor;
import spiral.scenario.Faction;
import spiral.scenario.ModelConstants;
import spiral.sim.CompiledModel;

/**
 * What one side of a wargame can work out of its own situation while the game runs, fed only by
 * that side's perception stream: the turns as they pass, the rung at which it perceived each
 * opponent act, and its own acts (candidate, intended and executed rung, accident). It is never
 * given the opponent's true rungs, accidents, options, costs or credibility, nor the true
 * battlefield, so nothing it computes can depend on them (information flow by construction).
 *
 * <p>It replays the engine's state updates (README, "The model") with every quantity the side
 * cannot see replaced by its belief:
 *
 * <ul>
 *   <li><b>The opponent's credibility</b> &kappa;&#770;: the prior is the opponent's starting
 *       {@code credibility} as the scenario states it; whenever the side perceives an opponent act
 *       at rung y, &kappa;&#770; &larr; {@link CompiledModel#credibilityAfter}(opponent,
 *       &kappa;&#770;, own last executed rung, y, no package, starting cohesion): the act is read
 *       as the opponent's answer to the side's own last act as it truly was (the side does not
 *       know how the opponent perceived it), at the perceived rung, with no package credit (the
 *       side does not see the opponent's option). The opening attack answers nothing and moves
 *       nothing. Where the opponent is the responder, its replies are weighed by &kappa;&#770;
 *       times the alliance's starting cohesion.
 *   <li><b>Cost</b>, perceived: the opening attack's damage (the responder's, a public event), the
 *       own cost of each of the side's acts, d(y) v&#8320; for each opponent act perceived at y (v&#8320;
 *       the opening targets' mean value: the side sees the rung, not the targets or the package),
 *       and each turn's war cost at the believed leverage. Sanctions against the side and the
 *       true rung of an opponent act are not seen.
 *   <li><b>Leverage</b>, believed: the start, the public momentum &mu;&gamma;<sup>t</sup> and the
 *       side's own aid; the opponent's aid and the battlefield's noise are not seen.
 *   <li><b>Pressure, weariness</b>: the engine's rules on the side's own perceptions, its own last
 *       rung and the believed cost and leverage; the support lost to isolation is taken as 0.
 *   <li><b>Own credibility, cohesion and faction influence</b>: the engine's rules on the side's
 *       own perception and acts, the nuclear risk of its acts weighed with &kappa;&#770;.
 * </ul>
 *
 * Not thread-safe; one per view. Cost: O(candidates) per call.
 */
public final class SeatBelief {
  private final CompiledModel m;
  private final ModelConstants k;
  private final Actor own;
  private final int side;
  private final int opp;
  private final double cohesion0;
  private final double leverage0;
  private final double[] influence;

  private double cost;
  private double credibility;
  private double cohesion;
  private double opponentCredibility;
  private double pressure;
  private double weariness;
  private double leverage;
  private double drift;
  private double decayPow = 1;
  private double lost;
  private double lastRisk;
  private int ownLast;
  private int seen;
  private int perceived = -1;

  /** A side's belief at the start of the game: the priors, before its first perception. */
  public SeatBelief(CompiledModel model, int side) {
    this.m = model;
    this.k = model.scenario().model();
    this.side = side;
    this.opp = 1 - side;
    this.own =
        model.scenario()
            .principal(
                side == CompiledModel.INITIATOR
                    ? spiral.scenario.Side.INITIATOR
                    : spiral.scenario.Side.RESPONDER);
    this.cohesion0 = model.startingCohesion();
    this.cohesion = cohesion0;
    this.leverage0 = k.leverageStart();
    this.leverage = leverage0;
    this.credibility = model.startingCredibility(side);
    this.opponentCredibility = model.startingCredibility(opp);
    this.cost = side == CompiledModel.RESPONDER ? model.openingDamage() : 0;
    this.ownLast = side == CompiledModel.INITIATOR ? model.initiatingRung() : model.baseline();
    this.seen = model.baseline();
    this.influence = model.startingInfluence(side);
  }

  /**
   * The side perceives the opponent's last act at rung y at the start of its turn: the belief
   * about the opponent's credibility and the perceived cost take it in (from turn 2; at turn 1
   * the act read is the opening attack), then the side's pressure and weariness at its decision.
   */
  public void perceive(int turn, int y) {
    if (turn >= 2) {
      opponentCredibility =
          m.credibilityAfter(opp, opponentCredibility, ownLast, y, -1, cohesion0);
      cost += m.damage(y) * m.openingValue();
    }
    perceived = y;
    lost = side == CompiledModel.INITIATOR ? leverage - leverage0 : leverage0 - leverage;
    pressure =
        k.pressureDecay() * pressure
            + m.pressureFrom(y, Math.max(ownLast, seen))
            + (lost > 0 ? k.leveragePressure() * lost : 0);
    weariness = (1 - own.resolve()) * cost / Math.max(own.painThreshold(), m.crisisScale());
  }

  /** How far the side expects the opponent to carry out its replies: &kappa;&#770; (times h&#8320;). */
  public double expectedReply() {
    return opp == CompiledModel.RESPONDER ? opponentCredibility * cohesion0 : opponentCredibility;
  }

  /** The side's situation at its current decision, as it believes it. */
  public CompiledModel.Situation situation() {
    return new CompiledModel.Situation(
        expectedReply(), pressure, cohesion, 0, weariness, lost);
  }

  /**
   * The believed utility of candidate c at the current perception under faction weights {W_c,
   * W_r, W_k, W_g}.
   */
  public double utility(int c, double[] weights) {
    return m.utility(side, perceived, c, weights, situation());
  }

  /** The side's faction weights aggregated under its believed influence. */
  public double[] weights() {
    return m.weights(side, influence);
  }

  /** One faction's own weights {w_c, w_r, w_k, w_g}. */
  public double[] weights(int faction) {
    Faction f = own.factions().get(faction);
    return new double[] {f.credibility(), f.risk(), f.cost(), f.punishment()};
  }

  /**
   * The side acted at its current perception: candidate c (or -(rung + 1) for a bare rung), meant
   * at rung intended, executed at rung executed.
   */
  public void act(int c, int intended, int executed, boolean accident) {
    int y = perceived;
    double kappa = expectedReply();
    double risk = c >= 0 ? m.nuclearRisk(side, y, c, kappa) : m.nuclearRiskOfRung(side, intended, kappa);
    if (c >= 0) {
      cost += m.ownCost(side, c);
      drift += m.aid(side, c);
    }
    credibility = m.credibilityAfter(side, credibility, y, executed, c, cohesion);
    cohesion = m.cohesionAfter(side, cohesion, y, executed, c, risk);
    if ((accident || risk > lastRisk) && influence.length > 1) {
      m.shiftInfluence(side, influence);
    }
    lastRisk = risk;
    seen = Math.max(seen, y);
    ownLast = executed;
  }

  /** A turn (either side's) is over: the believed battlefield moves and the war costs. */
  public void endTurn() {
    decayPow *= k.leverageDecay();
    leverage = clamp01(leverage + k.leverageMomentum() * decayPow + drift);
    cost += k.warCost() * (side == CompiledModel.INITIATOR ? leverage : 1 - leverage);
  }

  private static double clamp01(double v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }

  /** The perceived cumulative cost. */
  public double cost() {
    return cost;
  }

  /** The side's own credibility &kappa;. */
  public double credibility() {
    return credibility;
  }

  /** The alliance's cohesion as the responder accounts for it (the start for the initiator). */
  public double cohesion() {
    return cohesion;
  }

  /** &kappa;&#770;: the believed credibility of the opponent. */
  public double opponentCredibility() {
    return opponentCredibility;
  }

  /** The side's escalation pressure at its last decision. */
  public double pressure() {
    return pressure;
  }

  /** The side's war weariness at its last decision. */
  public double weariness() {
    return weariness;
  }

  /** The believed battlefield leverage (the responder-supported side's chance of prevailing). */
  public double leverage() {
    return leverage;
  }

  /** The side's faction influence as it accounts for it (a copy). */
  public double[] influence() {
    return influence.clone();
  }
}
