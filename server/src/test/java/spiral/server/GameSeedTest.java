package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A game opened without a seed draws a fresh one from the server's (injected) SecureRandom; a
 * seat or an observer sees it only once the game is over, the facilitator always.
 */
class GameSeedTest {
  @TempDir Path tmp;
  private Server server;

  /** A SecureRandom whose longs count up from a known value (tokens stay random). */
  static final class CountingRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    final AtomicLong next = new AtomicLong(0x5eed_0000_0000_0000L);

    @Override
    public long nextLong() {
      return next.getAndIncrement();
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aGameWithoutASeedGetsAFreshOneShownToItsPlayersOnlyOnceOver() {
    CountingRandom random = new CountingRandom();
    server = new Server(Clock.systemUTC(), random);
    Http anonymous = Http.on(server.start(ServerConfig.local(0, tmp).withAdminPassword(Http.ADMIN_PASSWORD)));
    Http admin = anonymous.admin();

    JsonNode first = GamePlay.open(admin, "{\"scenario\":\"rand-b-depot\"}");
    JsonNode second = GamePlay.open(admin, "{\"scenario\":\"rand-b-depot\"}");
    assertThat(first.get("seed").asLong()).isEqualTo(0x5eed_0000_0000_0000L);
    assertThat(second.get("seed").asLong()).isEqualTo(0x5eed_0000_0000_0001L);
    // a seed the facilitator sets is kept
    assertThat(GamePlay.open(admin, "{\"scenario\":\"rand-b-depot\",\"seed\":-5}").get("seed").asLong())
        .isEqualTo(-5);
    assertThat(random.next.get()).isEqualTo(0x5eed_0000_0000_0002L);

    long id = first.get("id").asLong();
    Http red = anonymous.register("red-seed", "player-password-1");
    GamePlay.claim(red, GamePlay.token(first, "russia"));
    assertThat(admin.post("/api/users", "{\"name\":\"seed-watcher\",\"password\":\"player-password-1\","
        + "\"role\":\"observer\"}").status()).isEqualTo(201);
    assertThat(admin.post("/api/games/" + id + "/observers", "{\"name\":\"seed-watcher\"}").status()).isEqualTo(201);
    Http watcher = anonymous.login("seed-watcher", "player-password-1");

    JsonNode running = red.get("/api/games/" + id).json();
    assertThat(running.get("state").asText()).isEqualTo("running");
    assertThat(running.has("seed")).as("a player's view of a running game: " + running).isFalse();
    assertThat(watcher.get("/api/games/" + id).json().has("seed")).isFalse();
    assertThat(red.get("/api/games/" + id + "/log").body()).doesNotContain(Long.toString(first.get("seed").asLong()));
    assertThat(admin.get("/api/games/" + id).json().get("seed").asLong()).isEqualTo(first.get("seed").asLong());

    // the facilitator has the engine play every awaited seat until the game is over
    for (int i = 0; i < 200 && admin.get("/api/games/" + id).json().get("state").asText().equals("running"); i++) {
      Http.Res r = admin.post("/api/games/" + id + "/advance", "");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
    JsonNode over = red.get("/api/games/" + id).json();
    assertThat(over.get("state").asText()).isEqualTo("over");
    assertThat(over.get("seed").asLong()).isEqualTo(first.get("seed").asLong());
    assertThat(watcher.get("/api/games/" + id).json().get("seed").asLong()).isEqualTo(first.get("seed").asLong());
  }
}
