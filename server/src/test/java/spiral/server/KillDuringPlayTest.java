package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spiral.store.Database;
import spiral.store.GameMove;

/**
 * A move the server answered 201 is stored: a server process is killed (SIGKILL, no shutdown
 * hook) while client threads play wargames on it concurrently, and every move acknowledged before
 * the kill must be in the database when it is opened again. {@value #ITERATIONS} kills on one
 * database, each at a random moment (0.1 to 0.8 s) once every table has moved.
 *
 * <p>On H2 the database lives in the killed process, so this checks that a commit has reached the
 * file before the answer. On PostgreSQL the database server is a separate process that survives:
 * this checks the order (commit, then answer); that the commit is also durable on the database
 * server ({@code synchronous_commit}) is checked in the store's tests. The embedded PostgreSQL runs
 * with {@code fsync} on here (its default is off).
 */
@Tag("slow")
class KillDuringPlayTest {
  static final int ITERATIONS = 20;
  static final int TABLES = Integer.getInteger("spiral.killTables", 6);
  static final String SCENARIO = "rand-b-depot";
  static final String[] SEATS = {"russia", "usa"};

  @TempDir Path tmp;
  /** What went wrong in a table's thread before the kill (none expected). */
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  /** A move the server answered 201. */
  record Ack(long game, int turn, String seat, String option) {}

  @Test
  void everyAcknowledgedMoveSurvivesAKillOnH2() throws Exception {
    Path data = tmp.resolve("data");
    killRepeatedly(data, Database.h2Url(data), null);
  }

  @Test
  void everyAcknowledgedMoveSurvivesAKillOnPostgres() throws Exception {
    // the embedded server's defaults are fsync and synchronous_commit off: fsync back on
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on").start()) {
      killRepeatedly(tmp.resolve("data"), pg.getJdbcUrl("postgres", "postgres"), "postgres");
    }
  }

  private void killRepeatedly(Path data, String url, String user) throws Exception {
    Random random = new Random(7);
    Http admin = null;
    List<Http[]> players = new ArrayList<>();
    int acked = 0;
    List<String> lost = new ArrayList<>();
    for (int it = 0; it < ITERATIONS; it++) {
      Process p = start(data, url, user);
      ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      try {
        String base = "http://127.0.0.1:" + port(p);
        if (admin == null) {
          admin = Http.login(base, "admin", Http.ADMIN_PASSWORD);
          for (int t = 0; t < TABLES; t++) {
            Http[] two = new Http[SEATS.length];
            for (int s = 0; s < SEATS.length; s++) {
              two[s] = new Http(base, null, null).register("p" + t + "-" + s, "player-password-1");
            }
            players.add(two);
          }
        }
        // sessions live in the database: the same cookies work on every new process
        Http fac = new Http(base, admin.cookie(), admin.csrf());
        for (int t = 0; t < TABLES; t++) {
          Http[] two = new Http[SEATS.length];
          for (int s = 0; s < SEATS.length; s++) {
            two[s] = new Http(base, players.get(t)[s].cookie(), players.get(t)[s].csrf());
          }
          int table = t;
          long seed = it * 100L + t;
          Thread th = new Thread(() -> play(fac, two, seed, table, acks, stop), "table-" + t);
          th.start();
          threads.add(th);
        }
        // once every table is playing, kill at a random moment of play
        long end = System.nanoTime() + 60_000_000_000L;
        while (acks.size() < TABLES && failures.isEmpty() && System.nanoTime() < end) {
          Thread.sleep(10);
        }
        Thread.sleep(100 + random.nextInt(700));
      } finally {
        p.destroyForcibly(); // SIGKILL
        stop.set(true);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      for (Thread th : threads) {
        th.join(30_000);
      }
      assertThat(failures).as("errors while playing in round " + it).isEmpty();
      assertThat(acks).as("moves answered 201 in round " + it).isNotEmpty();
      acked += acks.size();
      try (Database db = Database.open(url, user, null)) {
        Map<Long, Set<Ack>> stored = new java.util.HashMap<>();
        for (Ack a : acks) {
          Set<Ack> s = stored.computeIfAbsent(a.game(), g -> {
            Set<Ack> in = new HashSet<>();
            for (GameMove m : db.games().moves(g)) {
              in.add(new Ack(g, m.turn(), m.seat(), m.option()));
            }
            return in;
          });
          if (!s.contains(a)) {
            lost.add("round " + it + ": " + a);
          }
        }
      }
    }
    System.out.println("KillDuringPlayTest: " + ITERATIONS + " kills, " + acked + " moves answered 201, "
        + lost.size() + " lost" + (url.startsWith("jdbc:h2:") ? " (H2)" : " (PostgreSQL)"));
    assertThat(lost).as("acknowledged moves missing after a kill, of " + acked).isEmpty();
  }

  /** One table: opens a game, claims its two seats, and plays it until over, then the next. */
  private void play(Http fac, Http[] two, long seed, int table, ConcurrentLinkedQueue<Ack> acks,
      AtomicBoolean stop) {
    long game = 0;
    int k = table;
    try {
      while (!stop.get()) {
        if (game == 0) {
          Http.Res r = fac.post("/api/games", "{\"scenario\":\"" + SCENARIO + "\",\"seating\":\"sides\",\"seed\":"
              + seed + "}");
          if (r.status() != 201) {
            throw new IllegalStateException("opening a game: " + r.status() + " " + r.body());
          }
          JsonNode opened = r.json();
          game = opened.get("id").asLong();
          for (int s = 0; s < SEATS.length; s++) {
            Http.Res c = two[s].post("/api/invites/" + GamePlay.token(opened, SEATS[s]), "");
            if (c.status() != 200) {
              throw new IllegalStateException("claiming a seat: " + c.status() + " " + c.body());
            }
          }
        }
        boolean moved = false;
        for (int s = 0; s < SEATS.length; s++) {
          Http.Res v = two[s].get("/api/games/" + game + "/seats/" + SEATS[s]);
          if (v.status() != 200) {
            throw new IllegalStateException("a seat's view: " + v.status() + " " + v.body());
          }
          JsonNode view = v.json();
          if (view.get("over").asBoolean()) {
            game = 0;
            moved = true;
            break;
          }
          if (!view.get("yourMove").asBoolean()) {
            continue;
          }
          int turn = view.get("turn").asInt();
          String option = GamePlay.pick(view, k++);
          Http.Res m = two[s].post("/api/games/" + game + "/seats/" + SEATS[s] + "/moves",
              "{\"turn\":" + turn + ",\"option\":" + Http.quote(option) + "}");
          if (m.status() == 201) {
            acks.add(new Ack(game, turn, SEATS[s], option));
            moved = true;
          } else {
            throw new IllegalStateException("a move: " + m.status() + " " + m.body());
          }
        }
        if (!moved) {
          throw new IllegalStateException("neither seat of game " + game + " can move");
        }
      }
    } catch (AssertionError e) {
      // the server was killed under the request: it was not acknowledged
      if (!stop.get()) {
        failures.add(String.valueOf(e.getMessage()));
      }
    } catch (RuntimeException e) {
      if (!stop.get()) {
        failures.add(e.getMessage());
      }
    }
  }

  private static Process start(Path data, String url, String user) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), ServerMain.class.getName(), data.toString()));
    if (!url.startsWith("jdbc:h2:")) {
      cmd.add(url);
      cmd.add(user);
    }
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static int port(Process p) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the child server's first line").startsWith("port ");
    Thread drain = new Thread(() -> {
      try {
        while (out.readLine() != null) {
          // keep the pipe from filling up
        }
      } catch (java.io.IOException e) {
        // the process is gone
      }
    });
    drain.setDaemon(true);
    drain.start();
    return Integer.parseInt(line.substring(5).trim());
  }
}
