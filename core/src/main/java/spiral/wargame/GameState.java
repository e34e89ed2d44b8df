package spiral.wargame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import spiral.scenario.Actor;
import spiral.scenario.Side;
import spiral.sim.CompiledModel;
import spiral.sim.RunRecord;
import spiral.sim.TraceTurn;

/**
 * The state of a wargame after its recorded moves, as {@link Wargame#replay} recomputed it: where
 * it stands, which human seats it waits for, and what each seat, an observer and the facilitator
 * may see. Immutable; built fresh by every replay.
 */
public final class GameState {
  private final Wargame game;
  private final Set<String> humans;
  private final List<Move> moves;
  private final List<TraceTurn> turns;
  private final Map<Integer, List<TruthTurn.Vote>> votes;
  private final Map<Integer, List<GameEvent>> talks;
  private final Set<String> awaiting;
  private final int pausedTurn;
  private final int pausedSide;
  private final int pausedPerceived;
  private final List<TraceTurn.Candidate> pausedCandidates;
  private final String outcome;
  private final int lastTurn;
  private final int highestRung;
  private final double[] cost;
  private final double[] credibility;
  private final double cohesion;
  private final double[][] influence;

  GameState(
      Wargame game,
      Set<String> humans,
      List<Move> moves,
      Wargame.Replay r,
      RunRecord rec,
      double[][] influence) {
    this.game = game;
    this.humans = humans;
    this.moves = moves;
    this.turns = List.copyOf(r.turns);
    this.votes = Map.copyOf(r.votes);
    this.talks = Map.copyOf(r.talks);
    this.awaiting = Set.copyOf(r.awaiting);
    this.pausedTurn = r.pausedTurn;
    this.pausedSide = r.pausedSide;
    this.pausedPerceived = r.pausedPerceived;
    this.pausedCandidates = r.pausedCandidates;
    this.outcome = rec.paused ? null : rec.outcome.name();
    this.lastTurn = rec.turns;
    this.highestRung = rec.maxRung;
    this.cost = rec.cost.clone();
    this.credibility = rec.credibility.clone();
    this.cohesion = rec.cohesion;
    this.influence = influence;
  }

  /** The turn awaiting moves, or the last turn played when over. */
  public int turn() {
    return over() ? lastTurn : pausedTurn;
  }

  /** Whether the game has ended. */
  public boolean over() {
    return outcome != null;
  }

  /** The outcome name ({@link spiral.sim.Outcome}) when over, else null. */
  public String outcome() {
    return outcome;
  }

  /** The side to move (0 red, 1 blue), or -1 when over. */
  public int sideToMove() {
    return over() ? -1 : pausedSide;
  }

  /** The human seats whose move the current turn still needs (empty when over). */
  public Set<String> awaiting() {
    return new java.util.TreeSet<>(awaiting);
  }

  /** The highest executed rung so far, the initiating attack included. */
  public int highestRung() {
    return highestRung;
  }

  /** How many moves are recorded. */
  public int movesRecorded() {
    return moves.size();
  }

  /** The seats people play. */
  public Set<String> humanSeats() {
    return humans;
  }

  /**
   * Checks that a move can be recorded now.
   *
   * @throws WargameException if the game is over, the move is not for the current turn, its seat
   *     is unknown, played by the engine or not on the side to move, its option is unknown, or the
   *     seat has already moved this turn
   */
  public void check(Move m) {
    if (m == null || m.seat() == null || m.option() == null) {
      throw new WargameException("a move needs a turn, a seat and an option");
    }
    if (over()) {
      throw new WargameException(
          "the game is over (" + outcome + " at turn " + lastTurn + "): no more moves");
    }
    SeatInfo si = game.seat(m.seat());
    if (si == null) {
      throw new WargameException(
          "unknown seat '" + m.seat() + "': the seats are " + seatIds());
    }
    if (m.turn() != pausedTurn) {
      throw new WargameException(
          "the move is for turn " + m.turn() + ", but the game is at turn " + pausedTurn);
    }
    if (si.side() != pausedSide) {
      throw new WargameException(
          "seat '" + m.seat() + "' (" + si.sideName() + ") is not to move at turn " + pausedTurn
              + ": " + Wargame.sideName(pausedSide) + " moves");
    }
    if (!humans.contains(m.seat())) {
      throw new WargameException("seat '" + m.seat() + "' is played by the engine, not a person");
    }
    if (!awaiting.contains(m.seat())) {
      throw new WargameException(
          "seat '" + m.seat() + "' has already moved at turn " + pausedTurn);
    }
    game.validate(m, humans);
  }

  private List<String> seatIds() {
    List<String> ids = new ArrayList<>();
    for (SeatInfo s : game.seats()) {
      ids.add(s.id());
    }
    return ids;
  }

  /** The public events so far, in order: the opening attack, talks, nuclear use, the end. */
  List<GameEvent> events() {
    CompiledModel m = game.model();
    List<GameEvent> out = new ArrayList<>();
    var sc = game.scenario();
    Actor attacker = sc.principal(Side.INITIATOR);
    int r0 = m.initiatingRung();
    String desc = sc.initiatingEvent().description();
    out.add(
        new GameEvent(
            0,
            attacker.name() + " opened the crisis at rung " + r0 + " ("
                + m.describe(CompiledModel.INITIATOR, r0) + ")"
                + (desc.isBlank() ? "" : ": " + desc.strip())));
    if (r0 >= m.nuclearThreshold()) {
      out.add(new GameEvent(0, attacker.name() + " used nuclear weapons"));
    }
    boolean nuclear = r0 >= m.nuclearThreshold();
    for (TraceTurn t : turns) {
      if (!nuclear && t.executed() >= m.nuclearThreshold()) {
        nuclear = true;
        out.add(new GameEvent(t.turn(), actorName(t.side()) + " used nuclear weapons"));
      }
      out.addAll(talks.getOrDefault(t.turn(), List.of()));
    }
    if (over()) {
      out.add(new GameEvent(lastTurn, "the crisis ended: " + outcome + " at turn " + lastTurn));
    }
    return out;
  }

  private Actor actor(int side) {
    return game.scenario().principal(side == 0 ? Side.INITIATOR : Side.RESPONDER);
  }

  private String actorName(int side) {
    return actor(side).name();
  }

  /** What observers see while the game runs: public events, the turn, whose move. */
  public PublicView publicView() {
    var sc = game.scenario();
    return new PublicView(
        sc.id(),
        sc.name(),
        turn(),
        over(),
        outcome,
        sideToMove(),
        over() ? null : Wargame.sideName(pausedSide),
        List.copyOf(awaiting()),
        events());
  }

  /** Every played turn as the engine saw it (for the facilitator, and for all once over). */
  public List<TruthTurn> truth() {
    List<TruthTurn> out = new ArrayList<>();
    CompiledModel m = game.model();
    for (TraceTurn t : turns) {
      List<GameEvent> ev = new ArrayList<>(talks.getOrDefault(t.turn(), List.of()));
      out.add(
          new TruthTurn(
              t.turn(),
              t.side(),
              Wargame.sideName(t.side()),
              t.actor(),
              t.trueOpponentRung(),
              t.perceived(),
              t.chosen() >= 0 ? m.candidates(t.side()).get(t.chosen()) : null,
              t.intended(),
              t.executed(),
              t.act(),
              t.accident(),
              t.nuclearRisk(),
              t.candidates(),
              votes.getOrDefault(t.turn(), List.of()),
              t.state(),
              ev));
    }
    return out;
  }

  /**
   * What one seat sees (fog of war; see {@link SeatView}): built by {@link SeatViews} from the
   * seat's {@link #stream} alone.
   *
   * @throws WargameException if the seat is unknown
   */
  public SeatView view(String seat) {
    return SeatViews.build(game, stream(seat));
  }

  /**
   * Everything one seat may know, cut from the replay: its side's own acts (with this seat's
   * votes), the rungs at which its side perceived the opponent's acts, the public events, and
   * its side's true end state once the game is over. Nothing else of the replay reaches a seat's
   * view.
   *
   * @throws WargameException if the seat is unknown
   */
  SeatStream stream(String seat) {
    SeatInfo si = game.seat(seat);
    if (si == null) {
      throw new WargameException("unknown seat '" + seat + "': the seats are " + seatIds());
    }
    CompiledModel m = game.model();
    int s = si.side();
    boolean toMove = !over() && pausedSide == s;
    List<SeatStream.Step> steps = new ArrayList<>();
    for (TraceTurn t : turns) {
      if (t.side() == s) {
        String vote = null;
        for (TruthTurn.Vote v : votes.getOrDefault(t.turn(), List.of())) {
          if (v.seat().equals(seat)) {
            vote = v.option();
          }
        }
        int cand = t.chosen() >= 0 ? t.chosen() : -(t.intended() + 1);
        String option = t.chosen() >= 0 ? m.candidates(s).get(t.chosen()) : null;
        steps.add(
            new SeatStream.Own(
                t.turn(), t.perceived(), cand, option, t.intended(), t.executed(), t.accident(),
                vote));
      } else {
        steps.add(new SeatStream.Opponent(t.turn(), perceivedAfter(t.turn())));
      }
    }
    SeatStream.End end = null;
    if (over()) {
      end =
          new SeatStream.End(
              cost[s],
              credibility[s],
              s == CompiledModel.RESPONDER ? cohesion : null,
              influence[s].clone());
    }
    return new SeatStream(
        si,
        turn(),
        over(),
        outcome,
        sideToMove(),
        toMove && awaiting.contains(seat),
        List.copyOf(steps),
        toMove ? pausedPerceived : null,
        events(),
        talks,
        end);
  }

  /** The game this is a state of. */
  Wargame game() {
    return game;
  }

  /** The paused side's perception of the opponent's last act, or null when over. */
  Integer pausedPerception() {
    return over() ? null : pausedPerceived;
  }

  /** The engine's own weighing of the paused turn's candidates, with the true state (not for seats). */
  List<TraceTurn.Candidate> engineCandidates() {
    return pausedCandidates;
  }

  /**
   * The rung at which the opponent of the mover of {@code turn} perceived that act: its
   * perception at turn + 1, or null if it has not had to read it yet.
   */
  private Integer perceivedAfter(int turn) {
    for (TraceTurn t : turns) {
      if (t.turn() == turn + 1) {
        return t.perceived();
      }
    }
    if (!over() && pausedTurn == turn + 1) {
      return pausedPerceived;
    }
    return null;
  }
}
