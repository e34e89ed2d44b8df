package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import spiral.JsonText;
import spiral.scenario.ScenarioLoader;
import spiral.sim.CompiledModel;
import spiral.wargame.GameState;
import spiral.wargame.Move;
import spiral.wargame.Seating;
import spiral.wargame.TruthTurn;
import spiral.wargame.Wargame;

/**
 * Information flow over the API: two games with the same seed, in which Red (the observed seat)
 * makes the same random moves and Blue plays, each turn, another option that Red perceives at the
 * same rung (other package: other damage dealt to Red, other credit, so another true credibility
 * of Blue). Wherever Red's own acts, perceptions and the public view agree, every answer Red gets
 * (its seat, the game, the log) is the same byte for byte but for the game's id and times.
 */
class GameInformationFlowTest extends LiveServer {
  static final String RED = "russia";
  static final String BLUE = "usa";

  @Test
  void redsAnswersDoNotDependOnBluesHiddenState() throws Exception {
    Http admin = anonymous.admin();
    Http red = anonymous.register("flow-red", GameSecurityTest.PASSWORD);
    Http blue = anonymous.register("flow-blue", GameSecurityTest.PASSWORD);
    var sc = ScenarioLoader.resolve("rand-b-depot");
    CompiledModel m = new CompiledModel(sc);
    int compared = 0;
    int hiddenDiffers = 0;
    Random master = new Random(77);
    for (int g = 0; g < 4; g++) {
      long seed = master.nextLong() & Long.MAX_VALUE;
      Wargame w = Wargame.open(sc, seed, Seating.SIDES);
      long[] ids = new long[2];
      for (int i = 0; i < 2; i++) {
        JsonNode opened = GamePlay.open(admin,
            "{\"scenario\":\"rand-b-depot\",\"seating\":\"sides\",\"seed\":" + seed + "}");
        ids[i] = opened.get("id").asLong();
        GamePlay.claim(red, GamePlay.token(opened, RED));
        GamePlay.claim(blue, GamePlay.token(opened, BLUE));
      }
      Set<String> humans = Set.of(RED, BLUE);
      List<Move> ma = new ArrayList<>();
      List<Move> mb = new ArrayList<>();
      GameState a = w.replay(humans, ma);
      GameState b = w.replay(humans, mb);
      Random rnd = new Random(seed);
      while (!a.over() && !b.over() && low(a).equals(low(b))) {
        for (String path : List.of("/seats/" + RED, "", "/log")) {
          String ra = strip(red.get("/api/games/" + ids[0] + path).body());
          String rb = strip(red.get("/api/games/" + ids[1] + path).body());
          assertThat(rb).as("Red's answer at " + path + ", turn " + a.turn()).isEqualTo(ra);
          compared++;
        }
        int turn = a.turn();
        if (a.sideToMove() == CompiledModel.INITIATOR) {
          String option = m.candidates(0).get(rnd.nextInt(m.candidates(0).size()));
          ma.add(new Move(turn, RED, option));
          mb.add(new Move(turn, RED, option));
          GamePlay.move(red, ids[0], RED, turn, option);
          GamePlay.move(red, ids[1], RED, turn, option);
        } else {
          String option = m.candidates(1).get(rnd.nextInt(m.candidates(1).size()));
          ma.add(new Move(turn, BLUE, option));
          GameState next = w.replay(humans, ma);
          String twin = option;
          List<String> ids1 = new ArrayList<>(m.candidates(1));
          Collections.shuffle(ids1, rnd);
          for (String id : ids1) {
            List<Move> probe = new ArrayList<>(mb);
            probe.add(new Move(turn, BLUE, id));
            if (!id.equals(option) && low(w.replay(humans, probe)).equals(low(next))) {
              twin = id;
              hiddenDiffers++;
              break;
            }
          }
          mb.add(new Move(turn, BLUE, twin));
          GamePlay.move(blue, ids[0], BLUE, turn, option);
          GamePlay.move(blue, ids[1], BLUE, turn, twin);
        }
        a = w.replay(humans, ma);
        b = w.replay(humans, mb);
      }
    }
    assertThat(compared).isGreaterThan(20);
    assertThat(hiddenDiffers).as("Blue moves with a hidden twin").isGreaterThan(5);
  }

  /** Red's own acts, its perception now and the public view: what Red may know. */
  private static String low(GameState st) {
    StringBuilder sb = new StringBuilder(JsonText.of(st.publicView()));
    for (TruthTurn t : st.truth()) {
      sb.append('\n').append(t.turn());
      if (t.side() == CompiledModel.INITIATOR) {
        sb.append(' ').append(t.perceived()).append(' ').append(t.option()).append(' ')
            .append(t.executed()).append(' ').append(t.accident());
      }
    }
    if (!st.over() && st.sideToMove() == CompiledModel.INITIATOR) {
      sb.append(" now ").append(st.view(RED).perceivedNow());
    }
    return sb.toString();
  }

  /** The answer without what differs between two games by construction: the id and the times. */
  private static String strip(String body) throws Exception {
    ObjectNode j = (ObjectNode) Http.JSON.readTree(body);
    j.remove(List.of("id", "game", "createdAt", "updatedAt"));
    return j.toString();
  }
}
