package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import spiral.JsonText;
import spiral.scenario.ScenarioLoader;
import spiral.wargame.GameState;
import spiral.wargame.Move;
import spiral.wargame.Seating;
import spiral.wargame.Wargame;

/**
 * Per-seat authorisation over every registered route. Red and Blue players sit in one game
 * played from a copy of rand-b-depot whose Blue (United States) private parameters and faction
 * ids are distinctive strings; Red calls every route with Blue's seat and game, and no answer
 * may hold any of Blue's secrets (option ids, candidate utilities, faction ids, names and
 * weights, rationality, perception noise and bias). Red's seat view must be exactly the core's
 * fogged view of its seat (whose contents the core's fog test checks). Also: a logged-out client
 * gets 401 on every API route but the log-in and documentation routes, a POST without the CSRF
 * header is refused, oversized and malformed bodies get JSON 4xx.
 */
class GameSecurityTest extends LiveServer {
  static final String PASSWORD = "player-password-1";
  /** Blue's distinctive private values in the copy of the scenario. */
  static final List<String> BLUE_PARAMETERS = List.of("doves-xq", "hawks-xq", "Doves Qx", "Hawks Qx",
      "6.1415", "0.4321", "0.1234", "0.6173", "0.3827");
  static final String RED = "russia/kremlin";
  static final String BLUE = "usa/doves-xq";

  Http admin;
  Http red;
  Http blue;
  String yaml;
  long game;
  long blueOnly;
  final List<Move> moves = new ArrayList<>();
  final Set<String> secrets = new LinkedHashSet<>();

  static String distinctive(String text) {
    return text.replace("rationality: 6.0", "rationality: 6.1415")
        .replace("{noise: 0.4, threatBias: 0.1}", "{noise: 0.4321, threatBias: 0.1234}")
        .replace("{id: civilian, name: \"Civilian and political leaders (White House, State Department)\", weight: 0.6",
            "{id: doves-xq, name: \"Doves Qx\", weight: 0.6173")
        .replace("{id: joint-chiefs, name: \"Military leaders (Joint Chiefs of Staff)\", weight: 0.4",
            "{id: hawks-xq, name: \"Hawks Qx\", weight: 0.3827")
        .replace("joint-chiefs", "hawks-xq");
  }

  @BeforeAll
  void playTwoTurns() {
    admin = anonymous.admin();
    yaml = distinctive(ApiContract.builtin("rand-b-depot"));
    assertThat(yaml).contains("doves-xq", "hawks-xq", "6.1415", "0.4321", "0.6173");
    Http.Res s = admin.post("/api/scenarios", "{\"yaml\":" + Http.quote(yaml) + "}");
    assertThat(s.status()).as(s.body()).isEqualTo(201);
    String scenario = s.json().get("id").asText();
    JsonNode opened = GamePlay.open(admin, "{\"scenario\":" + scenario + ",\"seating\":\"factions\","
        + "\"seed\":21,\"seats\":{\"russia/general-staff\":\"engine\",\"usa/hawks-xq\":\"engine\"}}");
    game = opened.get("id").asLong();
    red = anonymous.register("red-player", PASSWORD);
    blue = anonymous.register("blue-player", PASSWORD);
    GamePlay.claim(red, GamePlay.token(opened, RED));
    GamePlay.claim(blue, GamePlay.token(opened, BLUE));
    JsonNode other = GamePlay.open(admin, "{\"scenario\":" + scenario + ",\"seating\":\"sides\",\"seed\":4}");
    blueOnly = other.get("id").asLong();
    GamePlay.claim(blue, GamePlay.token(other, "usa"));

    // a few turns, collecting what Blue sees of its own side along the way
    Map<String, Http> holders = Map.of(RED, red, BLUE, blue);
    for (int t = 0; t < 2; t++) {
      JsonNode g = admin.get("/api/games/" + game).json();
      if (g.get("state").asText().equals("over")) {
        break;
      }
      int turn = g.get("turn").asInt();
      for (JsonNode a : g.get("awaiting")) {
        String seat = a.asText();
        JsonNode view = GamePlay.seat(holders.get(seat), game, seat);
        if (seat.equals(BLUE)) {
          collectSecrets(view.get("view"));
        }
        String option = GamePlay.pick(view, t);
        GamePlay.move(holders.get(seat), game, seat, turn, option);
        moves.add(new Move(turn, seat, option));
      }
    }
    collectSecrets(GamePlay.seat(blue, game, BLUE).get("view"));
    assertThat(admin.get("/api/games/" + game).json().get("state").asText())
        .as("the game runs on (else everyone may see the truth)").isEqualTo("running");
    for (String option : List.of("none-none", "none-sanctions", "less-cyber", "proportional-none",
        "more-aidSurge", "more-cyber")) {
      secrets.add("\"" + option + "\"");
    }
    secrets.addAll(BLUE_PARAMETERS);
  }

  /** Blue's candidate ids (but the shared hold/de-escalate) and its utilities with enough digits. */
  private void collectSecrets(JsonNode view) {
    for (JsonNode c : view.path("choices")) {
      String id = c.path("id").asText();
      if (!id.equals("hold") && !id.equals("deescalate")) {
        secrets.add("\"" + id + "\"");
      }
      JsonNode u = c.path("utility");
      if (u.isNumber() && u.asText().length() >= 7) {
        secrets.add(u.asText());
      }
    }
  }

  private void noSecrets(String what, Http.Res r) {
    for (String s : secrets) {
      assertThat(r.body()).as("%s leaks Blue's %s", what, s).doesNotContain(s);
    }
  }

  private static boolean documentation(String route) {
    String path = route.substring(route.indexOf(' ') + 1);
    return !path.startsWith("/api") || path.equals("/api") || path.equals("/api/openapi.json")
        || path.equals("/api/docs") || path.startsWith("/api/auth/");
  }

  private static Http.Res call(Http c, String route, String path, String body) {
    String method = route.substring(0, route.indexOf(' '));
    return switch (method) {
      case "GET" -> c.get(path);
      case "DELETE" -> c.delete(path);
      case "POST" -> c.post(path, body);
      case "PUT" -> c.put(path, body);
      default -> c.method(method, path);
    };
  }

  private String fill(String route, long gameId) {
    String path = route.substring(route.indexOf(' ') + 1);
    return path.replace("{id}", Long.toString(gameId)).replace("{seat}", GamePlay.path(BLUE))
        .replace("{token}", "B".repeat(43)).replace("{name}", "blue-player");
  }

  private String body(String route) {
    if (route.endsWith("/moves")) {
      JsonNode g = admin.get("/api/games/" + game).json();
      return "{\"turn\":" + g.get("turn").asInt() + ",\"option\":\"hold\"}";
    }
    if (route.endsWith("/observers")) {
      return "{\"name\":\"red-player\"}";
    }
    return "{}";
  }

  @Test
  void redReachesNothingOfBlueThroughAnyRoute() {
    JsonNode before = admin.get("/api/games/" + game).json();
    List<String> checked = new ArrayList<>();
    for (String route : server.routes()) {
      if (documentation(route)) {
        continue;
      }
      String path = route.substring(route.indexOf(' ') + 1);
      boolean gameRoute = path.startsWith("/api/games") || path.startsWith("/api/invites");
      Http.Res r = call(red, route, fill(route, game), body(route));
      noSecrets(route, r);
      ApiContract.noInternals(r);
      if (path.contains("{seat}")) {
        ApiContract.cleanError(r, 403);
      } else if (!gameRoute) {
        assertThat(r.status()).as(route + " → " + r.body()).isIn(403, 404);
      } else {
        assertThat(r.status()).as(route + " → " + r.body()).isIn(200, 400, 403, 404, 409);
      }
      if (gameRoute && path.contains("{id}")) {
        // a game Red has no part in does not exist for Red
        Http.Res other = call(red, route, fill(route, blueOnly), body(route));
        ApiContract.cleanError(other, 404);
        noSecrets(route + " (other game)", other);
      }
      checked.add(route);
    }
    assertThat(checked).contains("GET /api/games/{id}", "GET /api/games/{id}/seats/{seat}",
        "POST /api/games/{id}/seats/{seat}/moves", "GET /api/games/{id}/log", "GET /api/games/{id}/report");
    // nothing Red did changed the game
    JsonNode after = admin.get("/api/games/" + game).json();
    assertThat(after.get("truth")).isEqualTo(before.get("truth"));
    assertThat(after.get("awaiting")).isEqualTo(before.get("awaiting"));
  }

  @Test
  void redSeesExactlyTheCoresFoggedViewOfItsSeat() throws Exception {
    Http.Res r = red.get("/api/games/" + game + "/seats/" + GamePlay.path(RED));
    assertThat(r.status()).isEqualTo(200);
    Wargame w = Wargame.open(ScenarioLoader.parse("scenario.yaml", yaml.getBytes(StandardCharsets.UTF_8)),
        21, Seating.FACTIONS);
    GameState st = w.replay(Set.of(RED, BLUE), moves);
    JsonNode expected = Http.JSON.readTree(JsonText.of(st.view(RED)));
    assertThat(r.json().get("view")).isEqualTo(expected);
    assertThat(red.get("/api/games/" + game).json().get("view")).isEqualTo(expected);
    assertThat(red.get("/api/games/" + game + "/log").json().get("view")).isEqualTo(expected);
    // and Red's list of games shows only its seat
    JsonNode list = red.get("/api/games").json();
    assertThat(list.get("games")).hasSize(1);
    assertThat(list.get("games").get(0).get("seat").asText()).isEqualTo(RED);
    noSecrets("the game list", red.get("/api/games"));
  }

  @Test
  void aPlayerCannotMoveForAnotherSeat() {
    JsonNode g = admin.get("/api/games/" + game).json();
    int turn = g.get("turn").asInt();
    for (String seat : List.of(BLUE, "usa/hawks-xq", "russia/general-staff", "no-such-seat")) {
      Http.Res r = red.post("/api/games/" + game + "/seats/" + GamePlay.path(seat) + "/moves",
          "{\"turn\":" + turn + ",\"option\":\"hold\"}");
      ApiContract.cleanError(r, 403);
    }
    ApiContract.cleanError(admin.post("/api/games/" + game + "/seats/" + GamePlay.path(BLUE) + "/moves",
        "{\"turn\":" + turn + ",\"option\":\"hold\"}"), 403);
    assertThat(admin.get("/api/games/" + game).json().get("truth")).isEqualTo(g.get("truth"));
  }

  @Test
  void everyApiRouteButLogInAndDocumentationNeedsASession() {
    List<String> checked = new ArrayList<>();
    for (String route : server.routes()) {
      if (documentation(route)) {
        continue;
      }
      Http.Res r = call(anonymous, route, fill(route, game), body(route));
      ApiContract.cleanError(r, 401);
      checked.add(route);
    }
    assertThat(checked).hasSizeGreaterThan(10);
  }

  @Test
  void aPostWithoutTheCsrfHeaderIsRefused() {
    JsonNode g = admin.get("/api/games/" + game).json();
    Http.Res r = red.withoutCsrf().post("/api/games/" + game + "/seats/" + GamePlay.path(RED) + "/moves",
        "{\"turn\":" + g.get("turn").asInt() + ",\"option\":\"hold\"}");
    ApiContract.cleanError(r, 403);
    assertThat(r.json().get("error").asText()).isEqualTo("csrf");
    ApiContract.cleanError(admin.withoutCsrf().post("/api/games", "{\"scenario\":\"rand-b-depot\"}"), 403);
    ApiContract.cleanError(admin.withoutCsrf().post("/api/games/" + game + "/advance", ""), 403);
    assertThat(admin.get("/api/games/" + game).json().get("truth")).isEqualTo(g.get("truth"));
  }

  @Test
  void oversizedAndMalformedBodiesGetJsonErrors() {
    String moves = "/api/games/" + game + "/seats/" + GamePlay.path(RED) + "/moves";
    byte[] huge = new byte[2 << 20];
    java.util.Arrays.fill(huge, (byte) ' ');
    ApiContract.cleanError(red.post(moves, huge, "application/json"), 413);
    ApiContract.cleanError(admin.post("/api/games", huge, "application/json"), 413);
    for (String bad : List.of("", "{", "[]", "null", "{\"turn\":\"one\",\"option\":\"hold\"}",
        "{\"turn\":1,\"option\":3}", "{\"turn\":1.5,\"option\":\"hold\"}", "{\"turn\":1,\"turn\":2}",
        "{\"a\":".repeat(100) + "1" + "}".repeat(100))) {
      Http.Res r = red.post(moves, bad);
      assertThat(r.status()).as(bad + " → " + r.body()).isBetween(400, 409);
      ApiContract.cleanError(r, r.status());
      Http.Res c = admin.post("/api/games", bad);
      assertThat(c.status()).as(bad + " → " + c.body()).isBetween(400, 404);
      ApiContract.cleanError(c, c.status());
    }
  }
}
