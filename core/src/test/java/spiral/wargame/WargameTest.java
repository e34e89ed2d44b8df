package spiral.wargame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import spiral.scenario.Scenario;
import spiral.scenario.ScenarioLoader;
import spiral.sim.CompiledModel;
import spiral.sim.Engine;
import spiral.sim.RunRecord;
import spiral.sim.TraceTurn;
import spiral.sim.TurnLog;

/** Wargames: seats, the all-engine oracle, pausing, replay, voting and move checks. */
class WargameTest {
  static final Scenario DEPOT = load("rand-b-depot");

  static Scenario load(String name) {
    try {
      return ScenarioLoader.resolve(name);
    } catch (spiral.scenario.ScenarioException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void factionSeatsOfTheDepotScenario() {
    Wargame g = Wargame.open(DEPOT, 1, Seating.FACTIONS);
    assertThat(g.seats())
        .extracting(SeatInfo::id)
        .containsExactly(
            "russia/kremlin", "russia/general-staff", "usa/civilian", "usa/joint-chiefs");
    assertThat(g.seats()).extracting(SeatInfo::sideName).containsExactly("red", "red", "blue", "blue");
    Wargame s = Wargame.open(DEPOT, 1, Seating.SIDES);
    assertThat(s.seats()).extracting(SeatInfo::id).containsExactly("russia", "usa");
    assertThat(s.seats().get(0).faction()).isNull();
  }

  @Test
  void anAllEngineGameIsEngineRunZeroOfTheSeed() {
    for (Seating seating : Seating.values()) {
      for (long seed = 0; seed < 40; seed++) {
        Wargame g = Wargame.open(DEPOT, seed, seating);
        GameState st = g.replay(Set.of(), List.of());
        TurnLog c = new TurnLog();
        Engine e = new Engine(new CompiledModel(DEPOT));
        e.tracer(c);
        RunRecord rec = new RunRecord();
        e.run(seed, 0, rec);
        assertThat(st.over()).isTrue();
        assertThat(st.outcome()).isEqualTo(rec.outcome.name());
        assertThat(st.turn()).isEqualTo(rec.turns);
        assertThat(st.highestRung()).isEqualTo(rec.maxRung);
        assertThat(st.truth()).extracting(TruthTurn::executed)
            .containsExactlyElementsOf(c.turns.stream().map(TraceTurn::executed).toList());
        assertThat(st.truth()).extracting(TruthTurn::intended)
            .containsExactlyElementsOf(c.turns.stream().map(TraceTurn::intended).toList());
        assertThat(st.sideToMove()).isEqualTo(-1);
        assertThat(st.awaiting()).isEmpty();
      }
    }
  }

  @net.jqwik.api.Property(tries = 40)
  void anyAllEngineGameIsRunZero(@net.jqwik.api.ForAll long seed) {
    Wargame g = Wargame.open(DEPOT, seed, Seating.FACTIONS);
    GameState st = g.replay(Set.of(), List.of());
    RunRecord rec = new RunRecord();
    new Engine(new CompiledModel(DEPOT)).run(seed, 0, rec);
    assertThat(st.outcome()).isEqualTo(rec.outcome.name());
    assertThat(st.turn()).isEqualTo(rec.turns);
    assertThat(st.highestRung()).isEqualTo(rec.maxRung);
  }

  @Test
  void aHumanSeatPausesTheGameAndItsMoveAdvancesIt() {
    Wargame g = Wargame.open(DEPOT, 5, Seating.SIDES);
    GameState st = g.replay(Set.of("usa"), List.of());
    assertThat(st.over()).isFalse();
    assertThat(st.turn()).isEqualTo(1);
    assertThat(st.sideToMove()).isEqualTo(1);
    assertThat(st.awaiting()).containsExactly("usa");
    assertThat(st.view("usa").awaitingYou()).isTrue();
    assertThat(st.view("usa").choices()).isNotEmpty();
    Move m = new Move(1, "usa", "hold");
    st.check(m);
    GameState next = g.replay(Set.of("usa"), List.of(m));
    assertThat(next.truth().get(0).option()).isEqualTo("hold");
    if (!next.over()) {
      assertThat(next.turn()).isEqualTo(3);
      assertThat(next.awaiting()).containsExactly("usa");
    }
    assertThat(next.movesRecorded()).isEqualTo(1);
  }

  /** Plays a game to its end, each human seat choosing by a fixed rule. */
  static List<Move> play(Wargame g, Set<String> humans, int maxTurns) {
    List<Move> moves = new ArrayList<>();
    GameState st = g.replay(humans, moves);
    while (!st.over() && st.turn() <= maxTurns) {
      for (String seat : st.awaiting()) {
        List<SeatView.Choice> cs = st.view(seat).choices();
        String option = cs.get((st.turn() + seat.length()) % cs.size()).id();
        Move m = new Move(st.turn(), seat, st.turn() % 4 == 0 ? Move.ENGINE : option);
        st.check(m);
        moves.add(m);
      }
      st = g.replay(humans, moves);
    }
    return moves;
  }

  @Test
  void replayIsDeterministicAndIndependentOfTheOrderOfMovesInATurn() {
    Wargame g = Wargame.open(DEPOT, 11, Seating.FACTIONS);
    Set<String> humans = Set.of("usa/civilian", "usa/joint-chiefs", "russia/kremlin");
    List<Move> moves = play(g, humans, 100);
    assertThat(moves).isNotEmpty();
    GameState a = g.replay(humans, moves);
    List<Move> shuffled = new ArrayList<>(moves);
    Collections.reverse(shuffled);
    GameState b = g.replay(new HashSet<>(humans), shuffled);
    assertThat(spiral.JsonText.of(b.truth())).isEqualTo(spiral.JsonText.of(a.truth()));
    assertThat(b.outcome()).isEqualTo(a.outcome());
    assertThat(b.turn()).isEqualTo(a.turn());
    assertThat(spiral.JsonText.of(g.replay(humans, moves).view("usa/civilian")))
        .isEqualTo(spiral.JsonText.of(a.view("usa/civilian")));
  }

  @Test
  void theSideMoveIsTheInfluenceWeightedVoteWithTiesToTheLowerRung() {
    Map<Integer, Double> tally = new LinkedHashMap<>();
    // candidate 2 at rung 9 with 0.6, candidate 0 at rung 5 with 0.4
    tally.put(2, 0.6);
    tally.put(0, 0.4);
    java.util.function.IntUnaryOperator rung = c -> c == 2 ? 9 : (c == 0 ? 5 : (c == 1 ? 5 : -c - 1));
    assertThat(Votes.winner(tally, rung)).isEqualTo(2);
    tally.put(2, 0.5);
    tally.put(0, 0.5);
    assertThat(Votes.winner(tally, rung)).isEqualTo(0);
    // same rung, same weight: the lower candidate index
    Map<Integer, Double> same = new LinkedHashMap<>();
    same.put(1, 0.5);
    same.put(0, 0.5);
    assertThat(Votes.winner(same, rung)).isEqualTo(0);
    // a bare rung below the candidates wins a tie by rung
    Map<Integer, Double> bare = new LinkedHashMap<>();
    bare.put(0, 0.5);
    bare.put(-(3 + 1), 0.5);
    assertThat(Votes.winner(bare, rung)).isEqualTo(-4);
  }

  @Test
  void factionVotesInAGameFollowTheInfluence() {
    Wargame g = Wargame.open(DEPOT, 3, Seating.FACTIONS);
    Set<String> humans = Set.of("usa/civilian", "usa/joint-chiefs");
    GameState st = g.replay(humans, List.of());
    List<SeatView.Choice> cs = st.view("usa/civilian").choices();
    String low = cs.stream().min((x, y) -> Integer.compare(x.rung(), y.rung())).get().id();
    String high = cs.stream().max((x, y) -> Integer.compare(x.rung(), y.rung())).get().id();
    double civ = st.view("usa/civilian").parameters().factions().get(0).influence();
    double jc = st.view("usa/joint-chiefs").parameters().factions().get(0).influence();
    GameState after =
        g.replay(humans, List.of(new Move(1, "usa/civilian", high), new Move(1, "usa/joint-chiefs", low)));
    String expected = civ > jc ? high : (jc > civ ? low : low);
    assertThat(after.truth().get(0).option()).isEqualTo(expected);
    assertThat(after.truth().get(0).votes()).extracting(TruthTurn.Vote::influence).containsExactly(civ, jc);
  }

  @Test
  void checkRejectsBadMoves() {
    Wargame g = Wargame.open(DEPOT, 5, Seating.FACTIONS);
    Set<String> humans = Set.of("usa/civilian", "usa/joint-chiefs", "russia/kremlin");
    GameState st = g.replay(humans, List.of(new Move(1, "usa/civilian", "hold")));
    assertThat(st.awaiting()).containsExactly("usa/joint-chiefs");
    assertThatThrownBy(() -> st.check(new Move(2, "usa/joint-chiefs", "hold")))
        .isInstanceOf(WargameException.class).hasMessageContaining("turn 2").hasMessageContaining("turn 1");
    assertThatThrownBy(() -> st.check(new Move(1, "russia/kremlin", "hold")))
        .isInstanceOf(WargameException.class).hasMessageContaining("not to move");
    assertThatThrownBy(() -> st.check(new Move(1, "usa/joint-chiefs", "nuke-everything")))
        .isInstanceOf(WargameException.class).hasMessageContaining("unknown option 'nuke-everything'");
    assertThatThrownBy(() -> st.check(new Move(1, "usa/civilian", "hold")))
        .isInstanceOf(WargameException.class).hasMessageContaining("already moved");
    assertThatThrownBy(() -> st.check(new Move(1, "nobody", "hold")))
        .isInstanceOf(WargameException.class).hasMessageContaining("unknown seat 'nobody'");
    assertThatThrownBy(() -> g.replay(humans, List.of(new Move(1, "usa/civilian", "hold"), new Move(1, "usa/civilian", "deescalate"))))
        .isInstanceOf(WargameException.class).hasMessageContaining("two moves");
    assertThatThrownBy(() -> g.replay(humans, List.of(new Move(3, "usa/civilian", "hold"))))
        .isInstanceOf(WargameException.class).hasMessageContaining("waits at turn 1");
    assertThatThrownBy(() -> g.replay(Set.of("usa/civilian"), List.of(new Move(1, "usa/joint-chiefs", "hold"))))
        .isInstanceOf(WargameException.class).hasMessageContaining("played by the engine");
  }

  @Test
  void aNegotiationScenarioIsNoWargame() {
    for (String name : spiral.scenario.BuiltinScenarios.names()) {
      Scenario sc = load(name);
      if (!sc.hasEscalation()) {
        assertThatThrownBy(() -> Wargame.open(sc, 1, Seating.SIDES))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no escalation model");
        return;
      }
    }
  }

  @Test
  void seatingWireNames() {
    assertThat(Seating.of("factions")).isEqualTo(Seating.FACTIONS);
    assertThat(spiral.JsonText.of(Seating.SIDES).trim()).isEqualTo("\"sides\"");
    assertThatThrownBy(() -> Seating.of("teams")).hasMessageContaining("'sides' or 'factions'");
  }
}
