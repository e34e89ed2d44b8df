package spiral.sim;

import java.util.ArrayList;
import java.util.List;
import spiral.ladder.ActKind;
import spiral.scenario.PolicyKind;
import spiral.scenario.ScriptStep;

/**
 * Plays single runs of the escalation model (MODEL.md §2&ndash;5) on a compiled scenario.
 *
 * <p>A run starts after the initiating attack; the sides then move in turn, the responder first.
 * On its turn a side perceives the opponent's last executed rung with noise and bias, updates its
 * escalation pressure and war weariness, scores its candidate moves ({@link CompiledModel}), chooses
 * by its policy, and acts; with the rung's (and package's) inadvertent probability the act lands
 * one rung higher, and with the rung's war risk it sets off a direct war neither side chose. Costs, credibility, cohesion, the packages' channels, faction influence and
 * leverage update, talks may open when the crisis is ripe and may end it in a settlement, and the
 * run ends in nuclear use, containment (or de-escalation after widening), settlement, or at the
 * horizon.
 *
 * <p>Every turn draws the same six numbers from the run's generator in the same order
 * (perception, choice, accident, leverage, talks opening, talks success), whatever the policy, so
 * that runs with the same seed stay aligned across options (common random numbers).
 *
 * <p>Not thread-safe: one engine per worker. A run allocates nothing unless a {@link Tracer} is
 * set. Cost: O(turns &times; candidates) per run.
 */
public final class Engine {
  private final CompiledModel m;
  private final Lxm rng = new Lxm(0);
  private final double[] u;
  private final double[] scratch;
  private final double[][] omega = new double[2][];
  private final double[][] w = new double[2][4];
  private final int[] x = new int[2];
  private final double[] lastRisk = new double[2];
  private final boolean[] lastDeescalated = new boolean[2];
  private final double[] pressure = new double[2];
  private final double[] costRate = new double[2];
  private final double[] support = new double[2];
  private final double[] weary = new double[2];
  private final double[] coefficients = new double[CompiledModel.COEFFICIENTS];
  private final double[] lost = new double[2];
  private final int[] seen = new int[2];
  private final int[] moves = new int[2];
  private Tracer tracer;
  private boolean forcedFirst;
  /** The forced first response, whose rung caps the responder's later answers; -1 for none. */
  private int posture = -1;

  /** An engine for one compiled scenario. */
  public Engine(CompiledModel model) {
    this.m = model;
    int n = Math.max(model.sides[0].nc, model.sides[1].nc);
    u = new double[n];
    scratch = new double[n];
    omega[0] = new double[model.sides[0].nf];
    omega[1] = new double[model.sides[1].nf];
  }

  /** Sets the tracer told about every turn (null for none). */
  public void tracer(Tracer t) {
    this.tracer = t;
  }

  /**
   * A copy of a side's faction influence as the last run left it (at its end, or where it
   * paused), in the actor's faction order.
   */
  public double[] influence(int side) {
    return omega[side].clone();
  }

  /** Plays run {@code runIndex} under {@code masterSeed} into {@code rec}. */
  public void run(long masterSeed, long runIndex, RunRecord rec) {
    run(masterSeed, runIndex, rec, -1);
  }

  /**
   * Plays run {@code runIndex} under {@code masterSeed} into {@code rec}, the responder's first
   * move forced to candidate {@code firstResponse} (an index into its candidates), or chosen by
   * its policy when -1. A forced first response is also the responder's posture: its later answers
   * never go above the rung that response would have at the rung they answer (its options above
   * are ruled out; hold and de-escalate stay open), so that an option is read as a response
   * strategy (README, "Options are postures").
   */
  public void run(long masterSeed, long runIndex, RunRecord rec, int firstResponse) {
    run(masterSeed, runIndex, rec, firstResponse, null);
  }

  /**
   * Plays run {@code runIndex} under {@code masterSeed} into {@code rec}, every move steered:
   * on each turn, after perception and the policy's own choice (drawn with the turn's numbers
   * exactly as in an unsteered run, so the random draws stay aligned), {@code steering} says which
   * move the side plays, or {@link Steering#PAUSE} to stop the run before that turn's act ({@link
   * RunRecord#paused} set, {@link RunRecord#turns} the turns completed, no outcome). A steering
   * that always returns the policy's choice plays the same run as {@link #run(long, long,
   * RunRecord)}. A paused run tells the tracer {@link Tracer#paused}.
   *
   * @throws IllegalStateException if the steering returns neither a candidate index, a bare-rung
   *     encoding -(rung + 1) of a rung on the ladder, nor {@link Steering#PAUSE}
   */
  public void run(long masterSeed, long runIndex, RunRecord rec, Steering steering) {
    run(masterSeed, runIndex, rec, -1, java.util.Objects.requireNonNull(steering, "steering"));
  }

  private void run(
      long masterSeed, long runIndex, RunRecord rec, int firstResponse, Steering steering) {
    long seed = Lxm.runSeed(masterSeed, runIndex);
    rng.reseed(seed);
    forcedFirst = firstResponse >= 0;
    posture = firstResponse;
    rec.reset(runIndex, seed);
    final CompiledModel m = this.m;
    final var k = m.k;
    final int r0 = m.initiatingRung;
    for (int s = 0; s < 2; s++) {
      System.arraycopy(m.sides[s].omega0, 0, omega[s], 0, omega[s].length);
      CompiledModel.aggregate(m.sides[s], omega[s], w[s]);
      lastRisk[s] = 0;
      lastDeescalated[s] = false;
      moves[s] = 0;
      pressure[s] = 0;
      costRate[s] = 0;
      support[s] = 0;
      weary[s] = 0;
      lost[s] = 0;
      seen[s] = m.baseline;
      rec.credibility[s] = m.sides[s].actor.credibility();
    }
    x[CompiledModel.INITIATOR] = r0;
    x[CompiledModel.RESPONDER] = m.baseline;
    double hit = m.openingDamage();
    rec.cost[CompiledModel.RESPONDER] = hit;
    rec.punishment[CompiledModel.INITIATOR] = hit;
    rec.maxRung = r0;
    rec.escalationScore = m.actWeight[r0];
    rec.directWar = r0 >= m.directWar;
    final CompiledModel.SideModel resp = m.sides[CompiledModel.RESPONDER];
    double h = resp.cohesion0;
    double p0 = k.leverageStart();
    double p = p0;
    double drift = 0;
    double decayPow = 1;
    boolean talksOpen = false;
    int below = 0;
    if (tracer != null) {
      tracer.start(m, runIndex, seed);
    }
    if (r0 >= m.nuclear) {
      rec.firstNuclearUser = CompiledModel.INITIATOR;
      finish(rec, Outcome.NUCLEAR_USE, 0, h, p);
      return;
    }
    for (int t = 1; t <= m.horizon; t++) {
      final int s = (t & 1) == 1 ? CompiledModel.RESPONDER : CompiledModel.INITIATOR;
      final int o = 1 - s;
      final CompiledModel.SideModel sm = m.sides[s];
      final double z = rng.nextGaussian();
      final double vChoice = rng.nextDouble();
      final double vAccident = rng.nextDouble();
      final double zLeverage = rng.nextGaussian();
      final double vOpen = rng.nextDouble();
      final double vSuccess = rng.nextDouble();

      final int y = m.clamp((int) Math.floor(x[o] + sm.bias + sm.noise * z + 0.5));
      final int row = y * sm.nc;
      lost[s] = s == CompiledModel.INITIATOR ? p - p0 : p0 - p;
      pressure[s] =
          k.pressureDecay() * pressure[s]
              + m.pressureFrom(y, Math.max(x[s], seen[s]))
              + (lost[s] > 0 ? k.leveragePressure() * lost[s] : 0);
      weary[s] = m.weariness(s, felt(s, rec));
      final double kappa =
          o == CompiledModel.RESPONDER ? rec.credibility[o] * h : rec.credibility[o];
      final double stake = m.stake(s, h);
      int cand =
          t == 1 && firstResponse >= 0
              ? firstResponse
              : capped(sm, s, row, decide(sm, s, y, row, kappa, stake, vChoice));
      if (steering != null) {
        int steered = steering.steer(t, s, y, cand, omega[s]);
        if (steered == Steering.PAUSE) {
          rec.paused = true;
          rec.turns = t - 1;
          rec.cohesion = h;
          rec.leverage = p;
          if (tracer != null) {
            tracer.paused(
                t, s, y, traceCandidates(sm, s, y, kappa, stake, cand, false), traceState(h, p, rec));
          }
          return;
        }
        if (steered >= sm.nc || (steered < 0 && -steered - 1 > m.top)) {
          throw new IllegalStateException(
              "steering returned " + steered + " at turn " + t + ": not a candidate of "
                  + sm.actor.id() + " (0.." + (sm.nc - 1) + ") nor a bare rung -(0.."
                  + m.top + " + 1)");
        }
        cand = steered;
      }
      final int intended;
      final double credit;
      final double ownCost;
      final double risk;
      if (cand >= 0) {
        intended = sm.rung[row + cand];
        credit = sm.credit[cand];
        ownCost = sm.ownCost[cand];
        risk = sm.risk[row + cand] + kappa * sm.riskSlope[row + cand];
        costRate[o] = Math.max(costRate[o], sm.costRate[cand]);
        support[o] = Math.max(support[o], sm.support[cand]);
        drift += sm.leverage[cand];
      } else {
        intended = Math.min(-cand - 1, sm.cap);
        credit = 0;
        ownCost = 0;
        risk = m.nuclearRiskOfRung(s, intended, kappa);
      }
      final double up = m.stepUpRisk(s, cand, intended);
      final int e =
          vAccident < up
              ? intended + 1
              : vAccident < up + m.widenRisk(s, intended) ? m.directWar : intended;
      final boolean accident = e != intended;
      final double done = m.damageOf(s, cand, e);
      rec.cost[o] += done;
      rec.cost[s] += ownCost;
      rec.punishment[s] += done;
      if (y > m.baseline) {
        // the candidate's shortfall is in the tables unless the act slipped a rung
        double gap =
            cand >= 0 && !accident
                ? sm.shortfall[row + cand]
                : m.shortfall(y, e, cand >= 0 ? credit : 0);
        rec.credibility[s] = m.credibilityAfterShortfall(s, rec.credibility[s], gap, h);
      }
      h = m.cohesionAfter(s, h, y, e, cand, risk);
      if ((accident || risk > lastRisk[s]) && sm.nf > 1) {
        shiftInfluence(s, sm);
      }
      lastRisk[s] = risk;
      decayPow *= k.leverageDecay();
      p = clamp01(p + k.leverageMomentum() * decayPow + k.leverageNoise() * zLeverage + drift);
      // the war and the sanctions cost every turn
      double warI = k.warCost() * p + costRate[CompiledModel.INITIATOR];
      double warR = k.warCost() * (1 - p) + costRate[CompiledModel.RESPONDER];
      rec.cost[CompiledModel.INITIATOR] += warI;
      rec.cost[CompiledModel.RESPONDER] += warR;
      rec.punishment[CompiledModel.RESPONDER] += costRate[CompiledModel.INITIATOR];
      rec.punishment[CompiledModel.INITIATOR] += costRate[CompiledModel.RESPONDER];

      seen[s] = Math.max(seen[s], y);
      final boolean deescalated = cand == sm.deescalate || e < x[s];
      final boolean escalated = e > x[s] && cand != sm.hold && cand != sm.deescalate;
      x[s] = e;
      moves[s]++;
      if (e > rec.maxRung) {
        rec.maxRung = e;
      }
      if (e >= m.directWar) {
        rec.directWar = true;
      }
      if (accident) {
        rec.inadvertent = true;
      }
      if (accident || (cand != sm.hold && cand != sm.deescalate)) {
        rec.escalationScore += m.actWeight[e];
      } else if (cand == sm.deescalate) {
        rec.escalationScore += ActKind.DEESCALATION.weight();
      } // a hold is no new act: the status quo scores 0
      if (s == CompiledModel.INITIATOR && m.armed[e]) {
        rec.furtherAttacks = true;
      }
      if (tracer != null) {
        traceTurn(t, s, o, y, kappa, stake, cand, intended, e, accident, risk, h, p, rec);
      }
      if (e >= m.nuclear) {
        if (rec.firstNuclearUser < 0) {
          rec.firstNuclearUser = s;
        }
        if (e >= m.strategic) {
          rec.strategic = true;
        }
        if (!m.stopAtStrategic || rec.strategic) {
          finish(rec, Outcome.NUCLEAR_USE, t, h, p);
          return;
        }
      }
      if (x[0] < r0 && x[1] < r0) {
        below++;
      } else {
        below = 0;
      }
      if (m.containTurns > 0 && below >= m.containTurns) {
        finish(
            rec,
            rec.furtherAttacks || rec.maxRung > r0 ? Outcome.DEESCALATED : Outcome.CONTAINED,
            t,
            h,
            p);
        return;
      }
      if (talksOpen) {
        if (escalated) {
          talksOpen = false;
          if (tracer != null) {
            tracer.talks(t, "talks collapse: " + sm.actor.id() + " escalated");
          }
        } else {
          double cI = felt(CompiledModel.INITIATOR, rec) / t;
          double cR = felt(CompiledModel.RESPONDER, rec) / t;
          double lopsided = Math.abs(2 * p - 1);
          double pSuccess =
              1
                  / (1
                      + Math.exp(
                          -(cI + cR - k.talksUncertainty() - k.talksLeverage() * lopsided)
                              / k.talksScale()));
          if (vSuccess < pSuccess) {
            if (tracer != null) {
              tracer.talks(t, String.format("talks succeed (P = %.3f)", pSuccess));
            }
            finish(rec, Outcome.SETTLEMENT, t, h, p);
            return;
          }
          if (tracer != null) {
            tracer.talks(t, String.format("talks go on without agreement (P = %.3f)", pSuccess));
          }
        }
      } else {
        boolean hurting =
            felt(CompiledModel.INITIATOR, rec) >= m.sides[CompiledModel.INITIATOR].pain
                && felt(CompiledModel.RESPONDER, rec) >= resp.pain;
        boolean ripe = hurting || (deescalated && lastDeescalated[o]);
        if (ripe && vOpen < k.talksOpen()) {
          talksOpen = true;
          rec.talksOpened = true;
          if (tracer != null) {
            tracer.talks(t, hurting ? "talks open: both sides are hurting" : "talks open: both sides de-escalated");
          }
        }
      }
      lastDeescalated[s] = deescalated;
    }
    finish(rec, Outcome.PROTRACTED, m.horizon, h, p);
  }

  /**
   * Rules out the responder's options above its posture's rung at this perceived rung (utility
   * &minus;&infin;); hold and de-escalate stay open. Nothing without a posture.
   */
  private void withinPosture(CompiledModel.SideModel sm, int s, int row, double[] util) {
    if (posture < 0 || s != CompiledModel.RESPONDER) {
      return;
    }
    int ceiling = sm.rung[row + posture];
    for (int c = 0; c < sm.hold; c++) {
      if (sm.rung[row + c] > ceiling) {
        util[c] = Double.NEGATIVE_INFINITY;
      }
    }
  }

  /** A non-quantal policy's choice held to the responder's posture: hold, or the ceiling rung. */
  private int capped(CompiledModel.SideModel sm, int s, int row, int cand) {
    if (posture < 0 || s != CompiledModel.RESPONDER) {
      return cand;
    }
    int ceiling = sm.rung[row + posture];
    if (cand >= 0) {
      return cand < sm.hold && sm.rung[row + cand] > ceiling ? sm.hold : cand;
    }
    return -cand - 1 > ceiling ? -(ceiling + 1) : cand;
  }

  /** Felt cost: the share of the cost the side does not discount by its resolve (lowered by isolation). */
  private double felt(int side, RunRecord rec) {
    return (1 - m.sides[side].resolve * (1 - support[side])) * rec.cost[side];
  }

  /** The candidate index chosen by the side's policy, or -(rung + 1) for a bare rung. */
  private int decide(
      CompiledModel.SideModel sm, int s, int y, int row, double kappa, double stake, double v) {
    switch (sm.policy) {
      case QUANTAL:
        utilities(sm, s, row, kappa, stake);
        for (int c = 0; c < sm.nc; c++) {
          u[c] += sm.duplicate[row + c];
        }
        withinPosture(sm, s, row, u);
        return Choice.draw(u, sm.nc, sm.lambda, v, scratch);
      case SCRIPTED:
        {
          int i = Math.min(moves[s], sm.script.length - 1);
          ScriptStep step = sm.script[i];
          if (y < step.atLeast()) {
            return sm.hold;
          }
          // a bare rung is capped where the side cannot go (a non-nuclear side below the threshold)
          switch (step.kind()) {
            case HOLD:
              return sm.hold;
            case DEESCALATE:
              return sm.deescalate;
            case OPTION:
              return sm.scriptOption[i];
            case ABSOLUTE:
              return -(Math.min(m.clamp(step.value()), sm.cap) + 1);
            case RELATIVE:
            default:
              return -(Math.min(m.clamp(x[s] + step.value()), sm.cap) + 1);
          }
        }
      case PROPORTIONAL:
        {
          int best = -1;
          int gap = Integer.MAX_VALUE;
          for (int c = 0; c < sm.hold; c++) {
            int g = Math.abs(sm.rung[row + c] - y);
            if (g < gap) {
              gap = g;
              best = c;
            }
          }
          return best >= 0 ? best : (y <= m.baseline ? sm.hold : -(Math.min(y, sm.cap) + 1));
        }
      case TIT_FOR_TAT:
        return y <= m.baseline ? sm.hold : -(Math.min(y, sm.cap) + 1);
      case HAWK:
        {
          int best = 0;
          for (int c = 1; c < sm.nc; c++) {
            if (sm.rung[row + c] > sm.rung[row + best]) {
              best = c;
            }
          }
          return best;
        }
      case DOVE:
      default:
        return sm.deescalate;
    }
  }

  private void utilities(
      CompiledModel.SideModel sm, int s, int row, double kappa, double stake) {
    final double[] ws = w[s];
    final double[] c = coefficients;
    m.coefficients(sm, ws[0], ws[1], ws[2], ws[3], stake, pressure[s], m.drive(lost[s], support[s]),
        weary[s], c);
    final int nuclear = m.nuclear;
    for (int j = 0; j < sm.nc; j++) {
      int i = row + j;
      u[j] =
          m.score(
              sm, c, sm.shortfall[i], sm.risk[i] + kappa * sm.riskSlope[i],
              sm.cost[i] + kappa * sm.costSlope[i], sm.gain[i], sm.rung[i] >= nuclear);
    }
  }

  private void shiftInfluence(int s, CompiledModel.SideModel sm) {
    m.shiftInfluence(s, omega[s]);
    CompiledModel.aggregate(sm, omega[s], w[s]);
  }

  private void finish(RunRecord rec, Outcome outcome, int turns, double h, double p) {
    // one accounting: a run in which a nuclear weapon was used ends as NUCLEAR_USE, whatever
    // stopAt says and however it went on
    rec.outcome = rec.firstNuclearUser >= 0 ? Outcome.NUCLEAR_USE : outcome;
    rec.turns = turns;
    rec.cohesion = h;
    rec.leverage = p;
    if (tracer != null) {
      tracer.end(rec);
    }
  }

  private static double clamp01(double v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }

  private void traceTurn(
      int t,
      int s,
      int o,
      int y,
      double kappa,
      double stake,
      int cand,
      int intended,
      int e,
      boolean accident,
      double risk,
      double h,
      double p,
      RunRecord rec) {
    CompiledModel.SideModel sm = m.sides[s];
    List<TraceTurn.Candidate> cs =
        traceCandidates(sm, s, y, kappa, stake, cand, t == 1 && forcedFirst);
    tracer.turn(
        new TraceTurn(
            t,
            s,
            sm.actor.id(),
            x[o],
            y,
            cs,
            cand,
            intended,
            e,
            accident,
            risk,
            pressure[s],
            m.describe(s, e),
            traceState(h, p, rec)));
  }

  private TraceTurn.State traceState(double h, double p, RunRecord rec) {
    return new TraceTurn.State(
        x[0], x[1], rec.cost[0], rec.cost[1], rec.credibility[0], rec.credibility[1], h, p);
  }

  private List<TraceTurn.Candidate> traceCandidates(
      CompiledModel.SideModel sm,
      int s,
      int y,
      double kappa,
      double stake,
      int cand,
      boolean forced) {
    int row = y * sm.nc;
    utilities(sm, s, row, kappa, stake);
    double[] prob = new double[sm.nc];
    if (sm.policy == PolicyKind.QUANTAL && !forced) {
      double[] shared = new double[sm.nc];
      for (int c = 0; c < sm.nc; c++) {
        shared[c] = u[c] + sm.duplicate[row + c];
      }
      withinPosture(sm, s, row, shared);
      Choice.quantalProbabilities(shared, sm.nc, sm.lambda, prob);
    } else if (cand >= 0) {
      prob[cand] = 1;
    }
    List<TraceTurn.Candidate> cs = new ArrayList<>();
    for (int c = 0; c < sm.nc; c++) {
      int i = row + c;
      List<Double> fu = new ArrayList<>();
      double candRisk = sm.risk[i] + kappa * sm.riskSlope[i];
      double candCost = sm.cost[i] + kappa * sm.costSlope[i];
      for (int f = 0; f < sm.nf; f++) {
        fu.add(
            m.score(
                sm, sm.weights[f * 4], sm.weights[f * 4 + 1], sm.weights[f * 4 + 2],
                sm.weights[f * 4 + 3], stake, pressure[s], m.drive(lost[s], support[s]), weary[s],
                sm.shortfall[i],
                candRisk,
                candCost, sm.gain[i], sm.rung[i] >= m.nuclear));
      }
      cs.add(
          new TraceTurn.Candidate(
              sm.candidateIds[c], sm.rung[i], m.describe(s, sm.rung[i]), u[c], fu, prob[c]));
    }
    return cs;
  }
}
