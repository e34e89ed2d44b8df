package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login throttling over HTTP, on a clock the test moves: many client addresses are simulated with
 * {@code X-Forwarded-For} from 127.0.0.1, configured as a trusted proxy.
 */
class LoginThrottlingTest {
  @TempDir Path tmp;

  private static Http.Res login(Http http, String from, String name, String password) {
    return http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/auth/login"))
        .header("Content-Type", "application/json")
        .header("X-Forwarded-For", from)
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":" + Http.quote(name) + ",\"password\":"
            + Http.quote(password) + "}")));
  }

  private static ServerConfig config(Path dir, List<String> proxies) {
    return ServerConfig.local(0, dir).withAdminPassword(Http.ADMIN_PASSWORD).withTrustedProxies(proxies);
  }

  @Test
  void guessesFromManyAddressesDoNotKeepTheOwnerOutBeyondTheLongestDelay() {
    LoginLimiterTest.Manual clock = new LoginLimiterTest.Manual();
    clock.millis = System.currentTimeMillis();
    Server server = new Server(clock);
    Http http = Http.on(server.start(config(tmp, List.of("127.0.0.1"))));
    try {
      http.register("owner", "the owner's own password");
      int checked = 0;
      int throttled = 0;
      for (int i = 0; i < 300; i++) {
        Http.Res r = login(http, "198.51.100." + (i % 60), "owner", "guess number " + i);
        checked += r.status() == 401 ? 1 : 0;
        throttled += r.status() == 429 ? 1 : 0;
        clock.millis += 3_000;
      }
      assertThat(checked + throttled).isEqualTo(300);
      assertThat(checked).as("passwords checked in 15 minutes of guessing").isBetween(5, 15);
      // right now the owner waits too: 429 with the wait, never an outright refusal
      Http.Res waiting = login(http, "203.0.113.77", "owner", "the owner's own password");
      ApiContract.cleanError(waiting, 429);
      long wait = Long.parseLong(waiting.raw().headers().firstValue("Retry-After").orElseThrow());
      assertThat(wait).isBetween(1L, 900L);
      // after the wait it says (at most the documented 15 minutes), the right password gets in from a new address
      clock.millis += wait * 1000;
      Http.Res in = login(http, "203.0.113.77", "owner", "the owner's own password");
      assertThat(in.status()).as(in.body()).isEqualTo(200);
    } finally {
      server.stop();
    }
  }

  @Test
  void perAddressLimitsCountTheForwardedClientBehindATrustedProxyOnly() {
    Server trusting = new Server();
    Http http = Http.on(trusting.start(config(tmp.resolve("a"), List.of("127.0.0.1"))));
    try {
      for (int i = 0; i < 50; i++) {
        ApiContract.cleanError(login(http, "192.0.2.1", "nobody-" + i, "a wrong password"), 401);
      }
      ApiContract.cleanError(login(http, "192.0.2.1", "nobody-else", "a wrong password"), 429);
      // another client behind the same proxy is not held back
      ApiContract.cleanError(login(http, "192.0.2.2", "nobody-else", "a wrong password"), 401);
      // a forged entry left of the proxy's own does not help the first one
      ApiContract.cleanError(login(http, "192.0.2.99, 192.0.2.1", "nobody-more", "a wrong password"), 429);
    } finally {
      trusting.stop();
    }
    Server plain = new Server();
    http = Http.on(plain.start(config(tmp.resolve("b"), List.of())));
    try {
      // without a trusted proxy, X-Forwarded-For is the client's own say-so: ignored
      for (int i = 0; i < 50; i++) {
        ApiContract.cleanError(login(http, "192.0.2." + i, "nobody-" + i, "a wrong password"), 401);
      }
      ApiContract.cleanError(login(http, "192.0.2.200", "nobody-else", "a wrong password"), 429);
    } finally {
      plain.stop();
    }
  }
}
