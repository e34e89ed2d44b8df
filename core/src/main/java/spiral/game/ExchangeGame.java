package spiral.game;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import spiral.game.ExtensiveGame.Infoset;
import spiral.game.ExtensiveGame.Node;
import spiral.game.ExtensiveGame.Outcome;
import spiral.options.OptionsAnalysis;
import spiral.scenario.Option;
import spiral.scenario.Scenario;
import spiral.scenario.Side;
import spiral.sim.CompiledModel;

/**
 * A scenario's attack &rarr; response &rarr; counter-response compiled into a two-player
 * extensive-form game with perfect information (DESIGN.md &sect;6), and its reading by backward
 * induction: which response the responder plays in the subgame-perfect equilibrium, which of its
 * threatened responses are credible, and which would deter a further attack.
 *
 * <p>The tree. Player 1 is the responder's principal actor, player 2 the initiator's. The root is
 * the responder choosing among its response options, the same set {@code spiral options} ranks
 * ({@link OptionsAnalysis#withDefaultResponses}); a response's rung is read off the attack as the
 * responder perceives it without noise, y_R = round(r&#8320; + b_R). After each response a chance
 * node: "inadvertent step up" with the ladder's probability a(r) that the act lands one rung
 * higher (Morgan et al. 2008), "as chosen" otherwise (at the top rung the step-up branch has
 * probability 0 and stays there). Then the initiator, who perceives the executed rung e as y_I =
 * round(e + b_I), chooses among all its engine candidates: its options (repeat attacks and
 * nuclear options included), {@code hold} and {@code deescalate}. Every node is its own
 * information set, so the tree has options &times; 2 &times; replies terminal nodes.
 *
 * <p>The payoffs are the engine's faction-weighted utilities ({@link CompiledModel}, the model's
 * second edition) of each side's own move under the starting faction influences, with the one-step
 * look-ahead replaced by the tree wherever the tree plays it out:
 *
 * <ul>
 *   <li>responder, response j, chance outcome o, reply k: the engine's utility of j at the
 *       perceived attack y_R, in the situation after the attack (its pressure, the starting
 *       cohesion), with the nuclear risk replaced by 1 if the executed response reached the
 *       threshold, else the hazard H(r_k) of the actual reply, and the expected cost by its own
 *       cost plus the reply's damage (over the opening attack's damage, the crisis's scale);
 *   <li>initiator, reply k: the engine's utility of k at y_I, its look-ahead at the responder's
 *       next reply kept (that lies beyond the tree), with the responder's credibility after the
 *       executed response (lost by an under-answer) times the starting cohesion, the pressure of
 *       the response as it perceives it, and the support the response's package took away: a
 *       response that keeps the responder credible makes its next reply more believed, which is
 *       how a response deters.
 * </ul>
 *
 * Payoffs and chance probabilities are the model's doubles rounded half-even to a stated number of
 * decimals and written as exact rationals; the step-up probability (the rung's inadvertent risk
 * plus the package's) is rounded and "as chosen" is 1 minus it, so each chance node sums to 1
 * exactly.
 *
 * <p>Simplified compared with the multi-turn engine: one exchange and no more turns; no
 * perception noise (threat bias kept); best replies instead of quantal choice (&lambda; = &infin;,
 * ties to the first action in file order); the starting faction influences (no shift after
 * accidents); no second chance node for the counter-response's accident (it enters through its
 * risk term); no chance of a direct war neither side chose (a rung's war risk: the sides do not
 * weigh it when they choose, and this tree is their reading); no war weariness, leverage or talks; the exchange is played out past the nuclear
 * threshold, where the engine would stop (the risk term is then 1). Where the game's answer and
 * the simulated one differ, these are the reasons ({@code spiral game} and {@code spiral options}
 * say which).
 *
 * <p>Credible, in {@link #read}: a response is credible when it is a best response at its node
 * given the initiator's equilibrium replies (Selten 1975; Schelling 1966: a threat is credible when
 * the threatener would carry it out once the attack has happened). The tree is one-shot, so this
 * is the responder's subgame-perfect choice or any response tied with it; the gap of a response is
 * what carrying it out costs the responder against its best response ex post. A response deters
 * when, in equilibrium, the initiator does not attack again after it: its reply is no armed attack
 * (no act of the ladder's kind violent or nuclear) in any chance outcome.
 *
 * <p>Cost: building is O(options &times; replies) utility evaluations after the scenario's
 * compilation ({@link CompiledModel}); reading is one backward-induction pass over the tree.
 */
public final class ExchangeGame {
  /** The chance outcome in which the response lands where it was meant. */
  public static final String AS_CHOSEN = "as chosen";
  /** The chance outcome in which the response lands one rung higher. */
  public static final String STEP_UP = "inadvertent step up";
  /** The most decimals payoffs and probabilities may be rounded to. */
  public static final int MAX_DECIMALS = 15;

  /** One counter-response of the initiator after a response and a chance outcome. */
  public record Reply(String id, int rung, Rational responderPayoff, Rational initiatorPayoff) {}

  /**
   * A chance outcome after a response: its probability, the executed rung, the rung the initiator
   * perceives, the responder's credibility after the executed response, and the initiator's
   * replies in candidate order.
   */
  public record Branch(
      String outcome,
      Rational probability,
      int executedRung,
      int perceivedRung,
      double responderCredibility,
      List<Reply> replies) {
    public Branch {
      replies = List.copyOf(replies);
    }
  }

  /** A response option of the responder: its id, name, rung and the two chance outcomes. */
  public record Response(String id, String name, int rung, List<Branch> branches) {
    public Response {
      branches = List.copyOf(branches);
    }
  }

  /** A response as the equilibrium reads it. */
  public record Row(
      String response,
      int rung,
      Rational stepUpProbability,
      List<String> replies,
      List<Integer> replyRungs,
      Rational responderPayoff,
      Rational initiatorPayoff,
      Rational furtherAttackProbability,
      boolean equilibrium,
      boolean credible,
      Rational gap,
      boolean deters) {
    public Row {
      replies = List.copyOf(replies);
      replyRungs = List.copyOf(replyRungs);
    }
  }

  /**
   * The subgame-perfect reading: the equilibrium, the responder's equilibrium response, one row
   * per response in option order, the responses that deter and are credible, and those that would
   * deter but are not credible.
   */
  public record Reading(
      Equilibrium equilibrium,
      String equilibriumResponse,
      List<Row> rows,
      List<String> credibleDeterrents,
      List<String> incredibleDeterrents) {
    public Reading {
      rows = List.copyOf(rows);
      credibleDeterrents = List.copyOf(credibleDeterrents);
      incredibleDeterrents = List.copyOf(incredibleDeterrents);
    }
  }

  private final String scenarioId;
  private final String responderId;
  private final String initiatorId;
  private final int attackRung;
  /** Whether a reply at each rung is an armed attack (a further attack). */
  private final boolean[] armed;
  private final int perceivedAttack;
  private final int decimals;
  private final List<Response> responses;
  private final List<String> replyIds;
  private final ExtensiveGame game;

  private ExchangeGame(
      String scenarioId,
      String responderId,
      String initiatorId,
      int attackRung,
      int perceivedAttack,
      int decimals,
      List<Response> responses,
      List<String> replyIds,
      ExtensiveGame game,
      boolean[] armed) {
    this.scenarioId = scenarioId;
    this.responderId = responderId;
    this.initiatorId = initiatorId;
    this.attackRung = attackRung;
    this.armed = armed;
    this.perceivedAttack = perceivedAttack;
    this.decimals = decimals;
    this.responses = List.copyOf(responses);
    this.replyIds = List.copyOf(replyIds);
    this.game = game;
  }

  /**
   * The game, its reading and its equilibria as the command line's {@code game --format json} and
   * the server's game jobs give them: the players, the replies, one row per response (its rung,
   * the chance of an inadvertent step up, the replies as chosen and after a step up, both payoffs,
   * P(further attack), whether it is the equilibrium response, whether it is credible, its gap and
   * whether it deters), the equilibrium response, the credible and the incredible deterrents, and
   * the equilibria's profiles and payoffs as exact fractions. Payoffs are rounded to the game's
   * decimals.
   *
   * @param method the solver's name that found {@code equilibria}
   */
  public java.util.Map<String, Object> summary(Reading r, List<Equilibrium> equilibria, String method) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("scenario", scenarioId());
    m.put("game", game().title());
    m.put("players", game().players());
    m.put("responder", responderId());
    m.put("initiator", initiatorId());
    m.put("attackRung", attackRung());
    m.put("perceivedAttack", perceivedAttack());
    m.put("decimals", decimals);
    m.put("replies", replies());
    List<Object> rows = new ArrayList<>();
    for (Row row : r.rows()) {
      java.util.Map<String, Object> q = new java.util.LinkedHashMap<>();
      q.put("response", row.response());
      q.put("rung", row.rung());
      q.put("stepUpProbability", decimal(row.stepUpProbability()));
      q.put("replyAsChosen", row.replies().get(0));
      q.put("replyAsChosenRung", row.replyRungs().get(0));
      q.put("replyAfterStepUp", row.replies().get(1));
      q.put("replyAfterStepUpRung", row.replyRungs().get(1));
      q.put("responderPayoff", decimal(row.responderPayoff()));
      q.put("initiatorPayoff", decimal(row.initiatorPayoff()));
      q.put("furtherAttackProbability", decimal(row.furtherAttackProbability()));
      q.put("equilibrium", row.equilibrium());
      q.put("credible", row.credible());
      q.put("gap", decimal(row.gap()));
      q.put("deters", row.deters());
      rows.add(q);
    }
    m.put("responses", rows);
    m.put("equilibriumResponse", r.equilibriumResponse());
    m.put("credibleDeterrents", r.credibleDeterrents());
    m.put("incredibleDeterrents", r.incredibleDeterrents());
    m.put("method", method);
    List<Object> list = new ArrayList<>();
    for (Equilibrium e : equilibria) {
      java.util.Map<String, Object> q = new java.util.LinkedHashMap<>();
      q.put("profile", e.profile().stream().map(Rational::toString).toList());
      q.put("payoffs", e.payoffs().stream().map(Rational::toString).toList());
      list.add(q);
    }
    m.put("equilibria", list);
    return m;
  }

  private java.math.BigDecimal decimal(Rational r) {
    return new java.math.BigDecimal(r.toDecimal(decimals));
  }

  /**
   * Compiles a scenario's first exchange into a game, payoffs and probabilities rounded to {@code
   * decimals} places.
   *
   * @throws IllegalArgumentException if decimals is outside 0..{@value #MAX_DECIMALS} or the
   *     scenario has no escalation model
   */
  public static ExchangeGame compile(Scenario scenario, int decimals) {
    Objects.requireNonNull(scenario, "scenario");
    if (decimals < 0 || decimals > MAX_DECIMALS) {
      throw new IllegalArgumentException(
          "decimals must be between 0 and " + MAX_DECIMALS + ", was " + decimals);
    }
    if (!scenario.hasEscalation()) {
      throw new IllegalArgumentException(
          "scenario '" + scenario.id() + "' has no escalation model (ladder, actors and"
              + " initiatingEvent): it is a negotiation, not a crisis to compile");
    }
    Scenario sc = OptionsAnalysis.withDefaultResponses(scenario);
    CompiledModel m = new CompiledModel(sc);
    final int resp = CompiledModel.RESPONDER;
    final int init = CompiledModel.INITIATOR;
    int r0 = m.initiatingRung();
    int yR = m.perceivedWithoutNoise(resp, r0);
    double kappaR = m.startingCredibility(resp);
    double h0 = m.startingCohesion();
    double[] wR = m.startingWeights(resp);
    double[] wI = m.startingWeights(init);
    CompiledModel.Situation before = m.startingSituation(resp, yR);
    List<String> replyIds = m.candidates(init);
    int nReplies = replyIds.size();
    List<Option> options = new ArrayList<>();
    String responder = m.actorId(resp);
    for (Option o : sc.options()) {
      if (o.actor().equals(responder)) {
        options.add(o);
      }
    }
    List<Response> responses = new ArrayList<>();
    List<Node> responseNodes = new ArrayList<>();
    int outcomeNumber = 1;
    for (int j = 0; j < options.size(); j++) {
      Option opt = options.get(j);
      int r = m.candidateRung(resp, yR, j);
      Rational pUp = round(m.stepUpRisk(resp, j, r), decimals);
      Rational[] probs = {Rational.ONE.subtract(pUp), pUp};
      String[] outcomes = {AS_CHOSEN, STEP_UP};
      List<Branch> branches = new ArrayList<>();
      List<Node> chanceChildren = new ArrayList<>();
      for (int o = 0; o < 2; o++) {
        int e = o == 0 ? r : Math.min(r + 1, m.top());
        int yI = m.perceivedWithoutNoise(init, e);
        double kappaAfter = m.credibilityAfter(resp, kappaR, yR, e, j, h0);
        CompiledModel.Situation initiator =
            new CompiledModel.Situation(
                kappaAfter * h0, m.pressureFrom(yI, r0), h0, m.supportTaken(resp, j), 0, 0);
        List<Reply> replies = new ArrayList<>();
        List<Node> terminals = new ArrayList<>();
        for (int k = 0; k < nReplies; k++) {
          int rk = m.candidateRung(init, yI, k);
          // the reply's hazard (its accident into the threshold and what lies beyond the tree);
          // 1 once the response itself crossed it; 0 when the initiator cannot use nuclear weapons
          double risk =
              e >= m.nuclearThreshold() ? 1 : (m.nuclearCapable(init) ? m.hazard(rk) : 0);
          double cost = (m.ownCost(resp, j) + m.damageOf(init, k, rk)) / m.crisisScale();
          double uR = m.utilityWith(resp, yR, j, wR, before, risk, cost);
          double uI = m.utility(init, yI, k, wI, initiator);
          Rational pr = round(uR, decimals);
          Rational pi = round(uI, decimals);
          replies.add(new Reply(replyIds.get(k), rk, pr, pi));
          String label = opt.id() + ", " + outcomes[o] + ", " + replyIds.get(k);
          terminals.add(
              new Node(label, null, new Outcome(outcomeNumber++, label, List.of(pr, pi)), List.of()));
        }
        branches.add(new Branch(outcomes[o], probs[o], e, yI, kappaAfter, replies));
        String label = opt.id() + ", " + outcomes[o];
        Infoset set = new Infoset(2, 2 * j + o + 1, label, replyIds, List.of());
        chanceChildren.add(new Node(label, set, null, terminals));
      }
      responses.add(new Response(opt.id(), opt.name(), r, branches));
      Infoset chance =
          new Infoset(0, j + 1, opt.id(), List.of(outcomes), List.of(probs));
      responseNodes.add(new Node(opt.id(), chance, null, chanceChildren));
    }
    List<String> ids = new ArrayList<>();
    for (Option o : options) {
      ids.add(o.id());
    }
    Infoset rootSet = new Infoset(1, 1, "response to the attack", ids, List.of());
    Node root = new Node("", rootSet, null, responseNodes);
    String initiator = m.actorId(init);
    String title = sc.name() + ": response and counter-response";
    String comment =
        "Compiled by Spiral from scenario '" + sc.id() + "': " + responder
            + " answers the attack at rung " + r0 + " (perceived as " + yR + "), a chance node"
            + " for inadvertent escalation, then " + initiator + " counter-responds. Payoffs are"
            + " the actors' faction-weighted utilities and the chance probabilities the ladder's"
            + " inadvertent risks, both rounded to " + decimals + " decimals and written as exact"
            + " rationals.";
    ExtensiveGame g =
        new ExtensiveGame(
            title,
            comment,
            List.of(sc.principal(Side.RESPONDER).name(), sc.principal(Side.INITIATOR).name()),
            root);
    boolean[] armed = new boolean[m.top() + 1];
    for (int r = 0; r <= m.top(); r++) {
      armed[r] = m.armedAttack(r);
    }
    return new ExchangeGame(
        sc.id(), responder, initiator, r0, yR, decimals, responses, replyIds, g, armed);
  }

  /** x rounded half-even to the given decimals, as an exact rational. */
  static Rational round(double x, int decimals) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("not a finite number: " + x);
    }
    return Rational.of(new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN));
  }

  /** The game tree. */
  public ExtensiveGame game() {
    return game;
  }

  /** The scenario's id. */
  public String scenarioId() {
    return scenarioId;
  }

  /** The responder's principal actor's id (player 1). */
  public String responderId() {
    return responderId;
  }

  /** The initiator's principal actor's id (player 2). */
  public String initiatorId() {
    return initiatorId;
  }

  /** The initiating attack's rung. */
  public int attackRung() {
    return attackRung;
  }

  /** The attack's rung as the responder perceives it without noise. */
  public int perceivedAttack() {
    return perceivedAttack;
  }

  /** The decimals payoffs and probabilities were rounded to. */
  public int decimals() {
    return decimals;
  }

  /** The responses, in option order (the root's actions). */
  public List<Response> responses() {
    return responses;
  }

  /** The initiator's counter-responses, in candidate order (each of its nodes' actions). */
  public List<String> replies() {
    return replyIds;
  }

  /** The subgame-perfect equilibrium by {@link SubgamePerfect} and its reading. */
  public Reading read() {
    return read(new SubgamePerfect().solve(game));
  }

  /**
   * Reads a pure behaviour profile of this game that is subgame-perfect (as {@link
   * SubgamePerfect} returns): the initiator's reply at each of its nodes, each response's expected
   * payoffs under those replies, credibility, gaps and deterrence as the class comment defines.
   *
   * @throws IllegalArgumentException if the profile does not fit the game or is not pure
   */
  public Reading read(Equilibrium spe) {
    int n = responses.size();
    int nr = replyIds.size();
    List<Rational> p = spe.profile();
    if (p.size() != n + 2 * n * nr) {
      throw new IllegalArgumentException(
          "profile of length " + p.size() + " does not fit the game (" + (n + 2 * n * nr) + ")");
    }
    int chosen = pureChoice(p, 0, n);
    Rational[] uR = new Rational[n];
    Rational[] uI = new Rational[n];
    Rational[] further = new Rational[n];
    int[][] reply = new int[n][2];
    Rational best = null;
    for (int j = 0; j < n; j++) {
      uR[j] = Rational.ZERO;
      uI[j] = Rational.ZERO;
      further[j] = Rational.ZERO;
      for (int o = 0; o < 2; o++) {
        Branch b = responses.get(j).branches().get(o);
        int k = pureChoice(p, n + (2 * j + o) * nr, nr);
        reply[j][o] = k;
        Reply rep = b.replies().get(k);
        uR[j] = uR[j].add(b.probability().multiply(rep.responderPayoff()));
        uI[j] = uI[j].add(b.probability().multiply(rep.initiatorPayoff()));
        if (armed[rep.rung()]) {
          further[j] = further[j].add(b.probability());
        }
      }
      best = best == null ? uR[j] : best.max(uR[j]);
    }
    List<Row> rows = new ArrayList<>();
    List<String> credibleDeterrents = new ArrayList<>();
    List<String> incredibleDeterrents = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      Response r = responses.get(j);
      List<String> ids = new ArrayList<>();
      List<Integer> rungs = new ArrayList<>();
      for (int o = 0; o < 2; o++) {
        Reply rep = r.branches().get(o).replies().get(reply[j][o]);
        ids.add(rep.id());
        rungs.add(rep.rung());
      }
      Rational gap = best.subtract(uR[j]);
      boolean credible = gap.isZero();
      boolean deters = further[j].isZero();
      if (deters) {
        (credible ? credibleDeterrents : incredibleDeterrents).add(r.id());
      }
      rows.add(
          new Row(
              r.id(),
              r.rung(),
              r.branches().get(1).probability(),
              ids,
              rungs,
              uR[j],
              uI[j],
              further[j],
              j == chosen,
              credible,
              gap,
              deters));
    }
    return new Reading(
        spe, responses.get(chosen).id(), rows, credibleDeterrents, incredibleDeterrents);
  }

  private static int pureChoice(List<Rational> p, int from, int count) {
    int found = -1;
    for (int a = 0; a < count; a++) {
      Rational x = p.get(from + a);
      if (x.equals(Rational.ONE)) {
        found = a;
      } else if (!x.isZero()) {
        throw new IllegalArgumentException("the profile is not pure at position " + (from + a));
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("the profile chooses no action at position " + from);
    }
    return found;
  }
}
