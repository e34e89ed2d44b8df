package spiral.server;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import spiral.scenario.ScenarioException;
import spiral.scenario.ScenarioLoader;
import spiral.wargame.GameState;
import spiral.wargame.SeatInfo;
import spiral.wargame.Seating;
import spiral.wargame.Wargame;

/**
 * Fuzzes the body of {@code POST /api/games/{id}/seats/{seat}/moves}: {@link Bodies#object(byte[])}
 * then {@link Games#readMove}, as the handler does, without HTTP, against a game of {@code
 * rand-d-ports} by factions at turn 1 with every seat played by people. The first byte picks the
 * seat, the rest is the body.
 *
 * <p>Contract: a move the game accepts, or an {@link ApiException} with a 4xx status (400 for a
 * bad body or a move the game refuses, 409 for a move at the wrong time); nothing else escapes
 * (see {@link BodyContract}). Seeds: {@code MoveBodyFuzzTestInputs/moveBody}.
 */
@Tag("fuzz")
class MoveBodyFuzzTest {
  private static final Wargame GAME = game();
  private static final List<SeatInfo> SEATS = GAME.seats();
  private static final GameState STATE = state();

  private static Wargame game() {
    try {
      return Wargame.open(ScenarioLoader.resolve("rand-d-ports"), 1, Seating.FACTIONS);
    } catch (ScenarioException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GameState state() {
    Set<String> all = new TreeSet<>();
    SEATS.forEach(s -> all.add(s.id()));
    return GAME.replay(all, List.of());
  }

  @DictionaryEntries({"\"turn\"", "\"option\"", "\"@engine\"", "null", "true", "1.0", "1e9", ": ",
      ", ", "{", "}", "[", "]"})
  @FuzzTest(maxDuration = "60s")
  void moveBody(byte[] input) {
    if (input.length == 0) {
      return;
    }
    String seat = SEATS.get((input[0] & 0xff) % SEATS.size()).id();
    byte[] body = Arrays.copyOfRange(input, 1, input.length);
    BodyContract.acceptsOrRefuses(() -> Games.readMove(Bodies.object(body), STATE, SEATS, seat));
  }
}
