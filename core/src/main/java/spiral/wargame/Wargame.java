package spiral.wargame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import spiral.scenario.Actor;
import spiral.scenario.Faction;
import spiral.scenario.Scenario;
import spiral.scenario.Side;
import spiral.sim.CompiledModel;
import spiral.sim.Engine;
import spiral.sim.RunRecord;
import spiral.sim.Steering;
import spiral.sim.TraceTurn;
import spiral.sim.Tracer;

/**
 * A wargame: a scenario played by people in some seats and by the engine's policies in the rest.
 *
 * <p>A game is only (scenario, seed, seating, which seats are human, the recorded moves): its state
 * is recomputed by {@link #replay} from turn 1, playing run 0 of the seed with the engine ({@link
 * Engine#run(long, long, RunRecord, Steering)}) and steering each turn by the seats' votes. So a
 * game keeps no mutable state, survives a restart as its moves, and a game without human seats is
 * exactly run 0 of the seed.
 *
 * <p>On each turn only the side to move acts (the responder on odd turns, the initiator on even
 * turns). Each seat of that side votes for one candidate; a seat played by the engine (not human,
 * or a move of {@link Move#ENGINE}) votes for the side policy's own choice of the turn. The side
 * plays the candidate with the largest total current faction influence among its votes (with
 * {@link Seating#SIDES} the one seat decides); ties go to the lower rung, then the lower candidate
 * index. If a human seat of the side to move has no move for the turn, the replay pauses there.
 *
 * <p>Immutable and thread-safe. Cost of a replay: one engine run, O(turns &times; (candidates +
 * seats)).
 */
public final class Wargame {
  private final Scenario scenario;
  private final long seed;
  private final Seating seating;
  private final CompiledModel model;
  private final List<SeatInfo> seats;
  private final Map<String, SeatInfo> byId = new LinkedHashMap<>();
  private final Map<String, Integer> factionIndex = new HashMap<>();

  private Wargame(Scenario scenario, long seed, Seating seating) {
    this.scenario = scenario;
    this.seed = seed;
    this.seating = seating;
    this.model = new CompiledModel(scenario);
    List<SeatInfo> list = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      Actor a = scenario.principal(s == 0 ? Side.INITIATOR : Side.RESPONDER);
      String sideName = sideName(s);
      if (seating == Seating.SIDES || a.factions().isEmpty()) {
        list.add(new SeatInfo(a.id(), s, sideName, a.id(), a.name(), null, null));
        factionIndex.put(a.id(), -1);
      } else {
        for (int f = 0; f < a.factions().size(); f++) {
          Faction fa = a.factions().get(f);
          String id = a.id() + "/" + fa.id();
          list.add(new SeatInfo(id, s, sideName, a.id(), a.name(), fa.id(), fa.name()));
          factionIndex.put(id, f);
        }
      }
    }
    this.seats = List.copyOf(list);
    for (SeatInfo si : seats) {
      byId.put(si.id(), si);
    }
  }

  /**
   * Opens a game of a scenario.
   *
   * @param seed the master seed; the game plays run 0 under it
   * @throws IllegalArgumentException if the scenario has no escalation model
   */
  public static Wargame open(Scenario scenario, long seed, Seating seating) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(seating, "seating");
    if (!scenario.hasEscalation()) {
      throw new IllegalArgumentException(
          "scenario '" + scenario.id() + "' has no escalation model (ladder, actors and"
              + " initiatingEvent): a wargame needs one");
    }
    return new Wargame(scenario, seed, seating);
  }

  /** The seats: the initiator's (red) first, then the responder's (blue), factions in order. */
  public List<SeatInfo> seats() {
    return seats;
  }

  /** The master seed. */
  public long seed() {
    return seed;
  }

  /** How the seats are cut. */
  public Seating seating() {
    return seating;
  }

  /** The scenario played. */
  public Scenario scenario() {
    return scenario;
  }

  CompiledModel model() {
    return model;
  }

  SeatInfo seat(String id) {
    return byId.get(id);
  }

  /** The faction index of a seat in its actor's faction order, or -1 for a side seat. */
  int factionIndex(String seat) {
    return factionIndex.get(seat);
  }

  static String sideName(int side) {
    return side == 0 ? "red" : "blue";
  }

  /** The side that moves on a turn: the responder on odd turns, the initiator on even turns. */
  static int sideOf(int turn) {
    return (turn & 1) == 1 ? CompiledModel.RESPONDER : CompiledModel.INITIATOR;
  }

  /**
   * The game's state after the recorded moves, recomputed from turn 1.
   *
   * @param humanSeats the seats people play (the rest are played by the engine)
   * @param moves the moves recorded for human seats, in any order
   * @throws WargameException if a seat is unknown, a move is for a seat the engine plays, for a
   *     turn its side does not move on or the game does not reach, names an unknown option, or
   *     repeats a seat's move for a turn
   */
  public GameState replay(Set<String> humanSeats, List<Move> moves) {
    Objects.requireNonNull(humanSeats, "humanSeats");
    Objects.requireNonNull(moves, "moves");
    Set<String> humans = new TreeSet<>();
    for (String h : humanSeats) {
      if (!byId.containsKey(h)) {
        throw new WargameException("unknown seat '" + h + "': the seats are " + byId.keySet());
      }
      humans.add(h);
    }
    Map<Integer, Map<String, String>> byTurn = new HashMap<>();
    for (Move mv : moves) {
      validate(mv, humans);
      String prev = byTurn.computeIfAbsent(mv.turn(), t -> new HashMap<>()).put(mv.seat(), mv.option());
      if (prev != null) {
        throw new WargameException(
            "seat '" + mv.seat() + "' has two moves for turn " + mv.turn());
      }
    }
    Replay r = new Replay(humans, byTurn);
    Engine engine = new Engine(model);
    engine.tracer(r);
    RunRecord rec = new RunRecord();
    engine.run(seed, 0, rec, r);
    GameState state =
        new GameState(
            this,
            Collections.unmodifiableSet(humans),
            List.copyOf(moves),
            r,
            rec,
            new double[][] {engine.influence(0), engine.influence(1)});
    for (Move mv : moves) {
      if (mv.turn() > state.turn()) {
        throw new WargameException(
            "move of seat '" + mv.seat() + "' is for turn " + mv.turn() + ", but the game "
                + (state.over() ? "ended at turn " : "waits at turn ") + state.turn());
      }
    }
    return state;
  }

  /** Checks what a move can be checked for without playing: seat, side, turn number, option. */
  void validate(Move mv, Set<String> humans) {
    if (mv == null || mv.seat() == null || mv.option() == null) {
      throw new WargameException("a move needs a turn, a seat and an option");
    }
    SeatInfo si = byId.get(mv.seat());
    if (si == null) {
      throw new WargameException(
          "unknown seat '" + mv.seat() + "': the seats are " + byId.keySet());
    }
    if (!humans.contains(mv.seat())) {
      throw new WargameException("seat '" + mv.seat() + "' is played by the engine, not a person");
    }
    if (mv.turn() < 1 || mv.turn() > scenario.horizon()) {
      throw new WargameException(
          "turn " + mv.turn() + " is outside the game's turns 1.." + scenario.horizon());
    }
    if (sideOf(mv.turn()) != si.side()) {
      throw new WargameException(
          "seat '" + mv.seat() + "' (" + si.sideName() + ") does not move on turn " + mv.turn()
              + ": " + sideName(sideOf(mv.turn())) + " moves");
    }
    if (!Move.ENGINE.equals(mv.option()) && !model.candidates(si.side()).contains(mv.option())) {
      throw new WargameException(
          "unknown option '" + mv.option() + "' for seat '" + mv.seat() + "': expected one of "
              + model.candidates(si.side()) + " or '" + Move.ENGINE + "'");
    }
  }

  /** The candidate id of an engine move encoding, or {@code rung N} for a bare rung. */
  String label(int side, int enc) {
    return enc >= 0 ? model.candidates(side).get(enc) : "rung " + (-enc - 1);
  }

  /** The steering and tracer of one replay: it votes, and it records what the engine did. */
  final class Replay implements Steering, Tracer {
    final Set<String> humans;
    final Map<Integer, Map<String, String>> moves;
    final List<TraceTurn> turns = new ArrayList<>();
    final Map<Integer, List<TruthTurn.Vote>> votes = new HashMap<>();
    final Map<Integer, List<GameEvent>> talks = new HashMap<>();
    final Set<String> awaiting = new TreeSet<>();
    int pausedTurn = -1;
    int pausedSide = -1;
    int pausedPerceived = -1;
    List<TraceTurn.Candidate> pausedCandidates = List.of();

    Replay(Set<String> humans, Map<Integer, Map<String, String>> moves) {
      this.humans = humans;
      this.moves = moves;
    }

    @Override
    public int steer(int turn, int side, int perceivedRung, int policyChoice, double[] influence) {
      Map<String, String> recorded = moves.getOrDefault(turn, Map.of());
      List<TruthTurn.Vote> vs = new ArrayList<>();
      Map<Integer, Double> tally = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (SeatInfo si : seats) {
        if (si.side() != side) {
          continue;
        }
        boolean human = humans.contains(si.id());
        int enc;
        if (!human) {
          enc = policyChoice;
        } else {
          String option = recorded.get(si.id());
          if (option == null) {
            missing.add(si.id());
            continue;
          }
          human = !Move.ENGINE.equals(option);
          enc = human ? model.candidates(side).indexOf(option) : policyChoice;
        }
        int f = factionIndex(si.id());
        double weight = f < 0 ? 1 : influence[f];
        vs.add(new TruthTurn.Vote(si.id(), label(side, enc), human, weight));
        tally.merge(enc, weight, Double::sum);
      }
      if (!missing.isEmpty()) {
        awaiting.addAll(missing);
        pausedTurn = turn;
        pausedSide = side;
        pausedPerceived = perceivedRung;
        return PAUSE;
      }
      votes.put(turn, List.copyOf(vs));
      return Votes.winner(tally, enc -> rungOf(side, perceivedRung, enc));
    }

    private int rungOf(int side, int y, int enc) {
      return enc >= 0 ? model.candidateRung(side, y, enc) : -enc - 1;
    }

    @Override
    public void start(CompiledModel m, long run, long s) {}

    @Override
    public void turn(TraceTurn turn) {
      turns.add(turn);
    }

    @Override
    public void talks(int turn, String event) {
      // Everyone sees talks open, go on, collapse or succeed, but not why: the success probability
      // weighs both sides' costs, "both sides are hurting" tells that the other side's cost
      // passed its pain threshold, and "X escalated" tells the other side's true act, which
      // perception may have hidden.
      String text = event.replaceAll(" \\(P = [^)]*\\)", "").replaceFirst(":.*", "");
      talks.computeIfAbsent(turn, t -> new ArrayList<>()).add(new GameEvent(turn, text));
    }

    @Override
    public void end(RunRecord record) {}

    @Override
    public void paused(
        int turn, int side, int perceived, List<TraceTurn.Candidate> candidates, TraceTurn.State s) {
      pausedCandidates = List.copyOf(candidates);
    }
  }
}
