package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send slowly (slowloris, slow POST) cannot take the server's threads or keep their
 * connections forever; each test starts its own server on 127.0.0.1 and talks to it over raw
 * sockets.
 */
class SlowClientTest {
  @TempDir Path tmp;

  /** Short client timeouts, so that the tests wait seconds, not tens of seconds. */
  static final Server.Timeouts SHORT = new Server.Timeouts(30_000, 1_000, 2_000, 1_000);

  private static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    s.setSoTimeout(5_000);
    return s;
  }

  /** A login whose body will come one byte at a time: headers sent, body not. */
  private static Socket slowLogin(int port) throws IOException {
    Socket s = connect(port);
    s.getOutputStream().write(("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** The whole answer on a socket, until the server closes it (or 5 s pass). */
  private static String answer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder b = new StringBuilder();
    byte[] buf = new byte[4096];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        b.append(new String(buf, 0, n, StandardCharsets.UTF_8));
      }
    } catch (SocketTimeoutException e) {
      b.append("<timeout>");
    } catch (IOException e) {
      b.append("<reset>");
    }
    return b.toString();
  }

  /** Whether the server closed the connection (end of stream or reset) within the socket timeout. */
  private static boolean closedByServer(Socket s) {
    try {
      return s.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  @org.junit.jupiter.api.Tag("slow")
  void aNormalRequestIsAnsweredWithin1sWhile400SlowLoginsAreOpen() throws Exception {
    Server server = new Server();
    // every slow connection is let in (the per-address limit is not what saves the server here)
    int port = server.start(ServerConfig.local(0, tmp).withAdminPassword(Http.ADMIN_PASSWORD)
        .withMaxConnectionsPerAddress(1000));
    List<Socket> slow = new ArrayList<>();
    try {
      // warm up (class loading, the first hash), so that what is timed is the server under load
      Http.on(port).admin();
      for (int i = 0; i < 400; i++) {
        slow.add(slowLogin(port));
      }
      long worst = 0;
      List<String> times = new ArrayList<>();
      // 4 rounds: each slow client sends one more byte, then a normal client is timed
      for (int round = 0; round < 4; round++) {
        for (Socket s : slow) {
          OutputStream out = s.getOutputStream();
          out.write(' ');
          out.flush();
        }
        long t0 = System.nanoTime();
        Http.Res index = Http.on(port).get("/api");
        long t1 = System.nanoTime();
        Http.Res login = Http.on(port).post("/api/auth/login",
            "{\"name\":\"admin\",\"password\":\"" + Http.ADMIN_PASSWORD + "\"}");
        long t2 = System.nanoTime();
        assertThat(index.status()).isEqualTo(200);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        times.add((t1 - t0) / 1_000_000 + "+" + (t2 - t1) / 1_000_000);
        worst = Math.max(worst, Math.max(t1 - t0, t2 - t1) / 1_000_000);
        Thread.sleep(1_000);
      }
      System.out.println("slow-client test: GET /api + login, ms, with 400 slow logins open: " + times);
      assertThat(worst).as("milliseconds for a normal request").isLessThan(1_000);
      // the slow ones were held, not refused
      assertThat(server.guard().refused()).isZero();
    } finally {
      for (Socket s : slow) {
        s.close();
      }
      server.stop();
    }
  }

  @Test
  void aLoginBodyThatDoesNotArriveInTimeIsAnswered408AndItsConnectionClosed() throws Exception {
    Server server = new Server(Clock.systemUTC(), SHORT);
    int port = server.start(ServerConfig.local(0, tmp));
    try (Socket s = slowLogin(port)) {
      long t0 = System.nanoTime();
      String a = answer(s);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(a).startsWith("HTTP/1.1 408").contains("application/json")
          .contains("{\"error\":\"timeout\",\"message\":\"the request body did not arrive within 1 s\"}")
          .doesNotContain("<timeout>");
      assertThat(ms).isBetween(500L, 4_000L);
    } finally {
      server.stop();
    }
  }

  @Test
  void headersTricklingInAreCutOffAfterTheHeaderDeadline() throws Exception {
    Server server = new Server(Clock.systemUTC(), SHORT);
    int port = server.start(ServerConfig.local(0, tmp));
    try (Socket s = connect(port)) {
      s.setSoTimeout(200);
      byte[] head = "GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
          .getBytes(StandardCharsets.US_ASCII);
      boolean closed = false;
      long t0 = System.nanoTime();
      // one byte every 200 ms (each restarts Jetty's idle timeout); at most 8 s
      for (int i = 0; i < head.length && !closed && System.nanoTime() - t0 < 8_000_000_000L; i++) {
        try {
          s.getOutputStream().write(head[i]);
          s.getOutputStream().flush();
        } catch (IOException e) {
          closed = true;
          break;
        }
        closed = closedByServer(s);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertThat(closed).as("closed after " + ms + " ms").isTrue();
      assertThat(ms).isBetween(900L, 4_000L);
      assertThat(server.guard().cut()).isGreaterThanOrEqualTo(1);
    } finally {
      server.stop();
    }
  }

  @Test
  void oneAddressMayHoldOnlySoManyConnections() throws Exception {
    Server server = new Server(Clock.systemUTC(), SHORT);
    int port = server.start(ServerConfig.local(0, tmp).withMaxConnectionsPerAddress(5));
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        held.add(connect(port));
      }
      // the server opens connections in parallel: let it see these five before the sixth
      long seen = System.nanoTime() + 5_000_000_000L;
      while (server.guard().open() < 5 && System.nanoTime() < seen) {
        Thread.sleep(10);
      }
      try (Socket extra = connect(port)) {
        assertThat(closedByServer(extra)).isTrue();
      }
      assertThat(server.guard().refused()).isEqualTo(1);
      // the five held ones still work
      Socket first = held.get(0);
      first.getOutputStream().write("GET /api HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(answer(first)).startsWith("HTTP/1.1 200");
      // once they close, the address may connect again
      for (Socket s : held) {
        s.close();
      }
      long end = System.nanoTime() + 5_000_000_000L;
      int status = 0;
      while (status != 200 && System.nanoTime() < end) {
        try {
          status = Http.on(port).get("/api").status();
        } catch (AssertionError e) {
          Thread.sleep(50); // the closes not yet seen by the server
        }
      }
      assertThat(status).isEqualTo(200);
    } finally {
      for (Socket s : held) {
        s.close();
      }
      server.stop();
    }
  }

  @Test
  void authBodiesOverAFewKibAre413WithAJsonError() throws Exception {
    Server server = new Server(Clock.systemUTC(), SHORT);
    int port = server.start(ServerConfig.local(0, tmp));
    try {
      String big = "{\"name\":\"admin\",\"password\":\"" + "x".repeat(5_000) + "\"}";
      for (String path : BodyBuffer.AUTH_PATHS) {
        Http.Res r = Http.on(port).post(path, big);
        ApiContract.cleanError(r, 413);
        assertThat(r.json().get("error").asText()).isEqualTo("too_large");
        assertThat(r.json().get("message").asText()).contains("4096 bytes");
      }
      // elsewhere the limit is the server's (1 MiB): such a body reaches the route (and its 401)
      ApiContract.cleanError(Http.on(port).post("/api/scenarios/validate", big), 401);
    } finally {
      server.stop();
    }
  }
}
