package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Test steps for wargames over the API: open a game, claim seats, move, play to the end. */
final class GamePlay {
  private GamePlay() {}

  /** Opens a game as a facilitator; fails unless 201. */
  static JsonNode open(Http facilitator, String body) {
    Http.Res r = facilitator.post("/api/games", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /** The invitation token of a seat from the answer that opened the game. */
  static String token(JsonNode opened, String seat) {
    String link = opened.path("invites").path(seat).asText();
    assertThat(link).as("invite of " + seat + " in " + opened.path("invites")).startsWith("/#/join/");
    return link.substring("/#/join/".length());
  }

  /** Claims a seat; fails unless 200. */
  static void claim(Http player, String token) {
    Http.Res r = player.post("/api/invites/" + token, "");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  /** How a seat id is written in a path. */
  static String path(String seat) {
    return seat.replace('/', '.');
  }

  /** A seat's answer (GET /api/games/{id}/seats/{seat}) as its holder sees it. */
  static JsonNode seat(Http holder, long game, String seat) {
    Http.Res r = holder.get("/api/games/" + game + "/seats/" + path(seat));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** The candidate a test player picks: the {@code k}-th of the seat's candidates (mod their count). */
  static String pick(JsonNode seatAnswer, int k) {
    JsonNode c = seatAnswer.path("view").path("choices");
    assertThat(c.isArray() && c.size() > 0).as("candidates in " + seatAnswer).isTrue();
    return c.get(Math.floorMod(k, c.size())).path("id").asText();
  }

  /** Moves for a seat in the current turn; returns the answer (201 expected). */
  static JsonNode move(Http holder, long game, String seat, int turn, String option) {
    Http.Res r = holder.post("/api/games/" + game + "/seats/" + path(seat) + "/moves",
        "{\"turn\":" + turn + ",\"option\":" + Http.quote(option) + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /**
   * Plays one turn: every seat the facilitator sees awaiting moves (its holder picks a candidate).
   *
   * @return the game after the turn, as the facilitator sees it
   */
  static JsonNode turn(Http facilitator, long game, Map<String, Http> holders, int k) {
    JsonNode g = facilitator.get("/api/games/" + game).json();
    int turn = g.get("turn").asInt();
    for (JsonNode s : g.get("awaiting")) {
      Http h = holders.get(s.asText());
      assertThat(h).as("a holder for " + s.asText()).isNotNull();
      move(h, game, s.asText(), turn, pick(seat(h, game, s.asText()), k));
    }
    return facilitator.get("/api/games/" + game).json();
  }
}
