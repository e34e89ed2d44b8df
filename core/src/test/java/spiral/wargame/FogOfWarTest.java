package spiral.wargame;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import spiral.JsonText;
import spiral.scenario.Actor;
import spiral.scenario.Faction;
import spiral.scenario.Scenario;
import spiral.scenario.Side;
import spiral.sim.CompiledModel;
import spiral.sim.TraceTurn;

/**
 * Fog of war: a seat's view, as the JSON a client would get, holds nothing of the other side's
 * truth. Checked at every turn of played games where the other side's true and perceived rungs
 * differ, so that a leak would show.
 */
class FogOfWarTest {
  private static final Scenario DEPOT = WargameTest.DEPOT;
  private static final Set<String> HUMANS = Set.of("russia/kremlin", "usa/civilian");
  private static int talkEvents;

  @Test
  void noSeatSeesTheOtherSidesTruth() throws Exception {
    int differing = 0;
    int checkedViews = 0;
    for (long seed = 0; seed < 12; seed++) {
      Wargame g = Wargame.open(DEPOT, seed, Seating.FACTIONS);
      List<Move> moves = new ArrayList<>();
      GameState st = g.replay(HUMANS, moves);
      while (true) {
        for (int side = 0; side < 2; side++) {
          differing += checkView(g, st, side);
          checkedViews++;
        }
        checkPublic(g, st);
        if (st.over()) {
          break;
        }
        for (String seat : st.awaiting()) {
          List<SeatView.Choice> cs = st.view(seat).choices();
          moves.add(new Move(st.turn(), seat, cs.get((int) ((seed + st.turn()) % cs.size())).id()));
        }
        st = g.replay(HUMANS, moves);
      }
    }
    assertThat(checkedViews).isGreaterThan(20);
    assertThat(talkEvents).as("talk events checked").isGreaterThan(0);
    assertThat(differing).as("opponent moves whose true and perceived rungs differ").isGreaterThan(3);
  }

  /** Checks one side's seat views; returns how many opponent moves were perceived wrongly. */
  private static int checkView(Wargame g, GameState st, int side) throws Exception {
    int other = 1 - side;
    Actor own = DEPOT.principal(side == 0 ? Side.INITIATOR : Side.RESPONDER);
    Actor opp = DEPOT.principal(other == 0 ? Side.INITIATOR : Side.RESPONDER);
    CompiledModel m = new CompiledModel(DEPOT);
    Set<String> ownFactions = new HashSet<>();
    for (Faction f : own.factions()) {
      ownFactions.add(f.id());
    }
    int differing = 0;
    for (SeatInfo seat : g.seats()) {
      if (seat.side() != side) {
        continue;
      }
      String json = JsonText.of(st.view(seat.id()));
      JsonNode v = JsonText.MAPPER.readTree(json);
      // none of the opponent's option ids (those it does not share), faction ids or names
      for (String id : m.candidates(other)) {
        if (!m.candidates(side).contains(id)) {
          assertThat(json).as("opponent option " + id).doesNotContain("\"" + id + "\"").doesNotContain("'" + id + "'");
        }
      }
      for (Faction f : opp.factions()) {
        assertThat(json).doesNotContain(f.id()).doesNotContain(f.name());
      }
      // private parameters are the seat's own
      JsonNode p = v.get("parameters");
      assertThat(p.get("noise").asDouble()).isEqualTo(own.noise());
      assertThat(p.get("threatBias").asDouble()).isEqualTo(own.threatBias());
      assertThat(p.get("rationality").asDouble()).isEqualTo(own.rationality());
      for (JsonNode f : p.get("factions")) {
        assertThat(ownFactions).contains(f.get("id").asText());
      }
      assertThat(p.get("factions")).hasSize(1);
      // no state of the opponent: no cohesion for red, only own cost and credibility
      if (side == 0) {
        assertThat(v.get("state").get("cohesion").isNull()).isTrue();
      }
      // the opponent's moves hold only the turn, the actor and the perceived rung
      for (JsonNode seen : v.get("opponentMoves")) {
        Set<String> names = new HashSet<>();
        seen.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("turn", "actor", "perceivedRung", "act");
      }
      // the opponent's true numbers appear nowhere
      for (TruthTurn t : st.truth()) {
        if (t.side() != other) {
          continue;
        }
        for (TraceTurn.Candidate c : t.candidates()) {
          assertNoNumber(json, c.utility(), "opponent utility");
          for (double fu : c.factionUtilities()) {
            assertNoNumber(json, fu, "opponent faction utility");
          }
        }
        assertNoNumber(json, t.nuclearRisk(), "opponent nuclear risk");
        double oppCost = other == 0 ? t.state().initiatorCost() : t.state().responderCost();
        double oppCred = other == 0 ? t.state().initiatorCredibility() : t.state().responderCredibility();
        assertNoNumber(json, oppCost, "opponent cost");
        // the side's estimate of the opponent's credibility may meet the truth when every act was
        // perceived exactly (InformationFlowTest shows it is computed from perceptions only)
        assertNoNumber(
            json.replace(Double.toString(v.get("belief").get("opponentCredibility").asDouble()), ""),
            oppCred,
            "opponent credibility");
        if (side == 0) {
          assertNoNumber(json, t.state().cohesion(), "alliance cohesion");
        }
        JsonNode entry = null;
        for (JsonNode seen : v.get("opponentMoves")) {
          if (seen.get("turn").asInt() == t.turn()) {
            entry = seen;
          }
        }
        assertThat(entry).isNotNull();
        if (!entry.get("perceivedRung").isNull()) {
          int perceived = entry.get("perceivedRung").asInt();
          if (perceived != t.executed()) {
            differing++;
            for (JsonNode line : v.get("narrative")) {
              if (line.asText().startsWith("Turn " + t.turn() + ":")) {
                assertThat(line.asText()).doesNotContain("rung " + t.executed() + " ");
              }
            }
          }
        }
      }
      if (st.truth().stream().noneMatch(t -> t.side() == side && t.accident())) {
        assertThat(json).as("accidents are the own side's only").doesNotContain("\"accident\" : true");
      }
    }
    return differing;
  }

  private static void checkPublic(Wargame g, GameState st) throws Exception {
    String json = JsonText.of(st.publicView());
    for (int side = 0; side < 2; side++) {
      CompiledModel m = new CompiledModel(DEPOT);
      for (String id : m.candidates(side)) {
        assertThat(json).doesNotContain("\"" + id + "\"");
      }
    }
    assertThat(json).doesNotContain("perceived").doesNotContain("executed").doesNotContain("utility");
    // the talks' success probability weighs both sides' costs
    assertThat(json).doesNotContain("P = ");
    // talks are seen to open, go on, collapse or succeed, never why: "both sides are hurting"
    // tells the other side's cost, "X escalated" its true act
    for (GameEvent e : st.publicView().events()) {
      if (e.text().startsWith("talks")) {
        assertThat(e.text()).isIn("talks open", "talks collapse", "talks succeed", "talks go on without agreement");
        talkEvents++;
      }
    }
  }

  /** A number with enough digits to be no coincidence does not appear in the text. */
  private static void assertNoNumber(String json, double x, String what) {
    String s = Double.toString(x);
    if (s.length() >= 7) {
      assertThat(json).as(what + " " + s).doesNotContain(s);
    }
  }
}
