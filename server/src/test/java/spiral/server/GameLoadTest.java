package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load test on loopback, bounded in time: 50 tables of 4 human seats play games of
 * rand-b-depot seated by faction, 200 player sessions polling their seats and moving from a pool
 * of client threads with {@link java.net.http.HttpClient}; when a table's game ends, the
 * facilitator opens the next one and the four claim their seats again. Small simulation jobs are
 * submitted and polled meanwhile. For {@value #PLAY_SECONDS} s every answer must be a success
 * (zero errors); the throughput and the latency quantiles are printed and written to {@code
 * target/game-load.txt}.
 */
@Tag("slow")
class GameLoadTest {
  static final int GAMES = 50;
  static final int CLIENT_THREADS = 48;
  static final long PLAY_SECONDS = 30;
  static final String[] SEATS = {"russia/kremlin", "russia/general-staff", "usa/civilian", "usa/joint-chiefs"};

  @TempDir Path tmp;

  /**
   * One table: four players and the game they play now. When its game is over, the first of its
   * players to notice has the facilitator open the next one, and the four claim their seats.
   */
  static final class Table {
    final int index;
    final Http[] players = new Http[SEATS.length];
    volatile long game;
    final AtomicBoolean renewing = new AtomicBoolean();

    Table(int index) {
      this.index = index;
    }
  }

  /** One player: its table and seat. */
  record Player(Table table, int seat) {
    Http http() {
      return table.players[seat];
    }
  }

  final List<Long> latencies = new CopyOnWriteArrayList<>();
  final List<String> errors = new CopyOnWriteArrayList<>();
  final AtomicInteger moves = new AtomicInteger();
  final AtomicInteger gamesOver = new AtomicInteger();
  final AtomicInteger jobsDone = new AtomicInteger();
  final AtomicInteger seeds = new AtomicInteger(100);

  private Http.Res timed(String what, Supplier<Http.Res> request, int... expected) {
    long t0 = System.nanoTime();
    Http.Res r;
    try {
      r = request.get();
    } catch (AssertionError e) {
      errors.add(what + ": " + e.getMessage());
      return null;
    }
    latencies.add(System.nanoTime() - t0);
    if (Arrays.stream(expected).noneMatch(s -> s == r.status())) {
      errors.add(what + " → " + r.status() + " " + r.body());
      return null;
    }
    return r;
  }

  /** Opens a game for a table and seats its four players; false on an error (recorded). */
  private boolean seat(Http admin, Table t) {
    Http.Res opened = timed("open", () -> admin.post("/api/games", "{\"scenario\":\"rand-b-depot\","
        + "\"seating\":\"factions\",\"seed\":" + seeds.incrementAndGet() + ",\"title\":\"Table "
        + t.index + "\"}"), 201);
    if (opened == null) {
      return false;
    }
    for (int s = 0; s < SEATS.length; s++) {
      String token = GamePlay.token(opened.json(), SEATS[s]);
      Http p = t.players[s];
      if (timed("claim", () -> p.post("/api/invites/" + token, ""), 200) == null) {
        return false;
      }
    }
    t.game = opened.json().get("id").asLong();
    return true;
  }

  @Test
  void fiftyGamesOfFourSeatsAndJobsRunWithZeroErrors() throws Exception {
    Server server = new Server();
    // the 200 players sign up from one address, as they would behind one proxy
    Http anonymous = Http.on(server.start(ServerConfig.local(0, tmp).withJobs(1, 2, 100)
        .withAdminPassword(Http.ADMIN_PASSWORD).withSignupsPerHour(1000)));
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      Http admin = anonymous.admin();
      // set-up (not measured): 200 accounts seated at 50 tables; sign-ups hash their passwords
      // with Argon2id (19 MiB each), so a few at a time
      long setup = System.nanoTime();
      ExecutorService signUps = Executors.newFixedThreadPool(4);
      List<Table> tables = new ArrayList<>();
      List<Future<?>> seated = new ArrayList<>();
      for (int g = 0; g < GAMES; g++) {
        Table t = new Table(g);
        tables.add(t);
        seated.add(signUps.submit(() -> {
          for (int s = 0; s < SEATS.length; s++) {
            t.players[s] = anonymous.register("load-" + t.index + "-" + s, "player-password-1");
          }
          assertThat(seat(admin, t)).as("table " + t.index + " seated: " + errors).isTrue();
        }));
      }
      for (Future<?> f : seated) {
        f.get(120, TimeUnit.SECONDS);
      }
      signUps.shutdown();
      System.out.printf(Locale.ROOT, "set-up: %.1f s%n", (System.nanoTime() - setup) / 1e9);
      latencies.clear();

      ConcurrentLinkedQueue<Player> queue = new ConcurrentLinkedQueue<>();
      for (Table t : tables) {
        for (int s = 0; s < SEATS.length; s++) {
          queue.add(new Player(t, s));
        }
      }
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(PLAY_SECONDS);
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < CLIENT_THREADS - 1; w++) {
        Random random = new Random(w);
        workers.add(pool.submit(() -> {
          while (System.nanoTime() < end) {
            Player p = queue.poll();
            if (p == null) {
              return;
            }
            long game = p.table().game;
            String path = "/api/games/" + game + "/seats/" + GamePlay.path(SEATS[p.seat()]);
            Http.Res r = timed("view", () -> p.http().get(path), 200);
            if (r != null) {
              JsonNode a = r.json();
              Table t = p.table();
              if (a.get("over").asBoolean()) {
                if (t.game == game && t.renewing.compareAndSet(false, true)) {
                  gamesOver.incrementAndGet();
                  seat(admin, t);
                  t.renewing.set(false);
                }
              } else if (a.get("yourMove").asBoolean()) {
                String option = GamePlay.pick(a, random.nextInt(1000));
                if (timed("move", () -> p.http().post(path + "/moves", "{\"turn\":"
                    + a.get("turn").asInt() + ",\"option\":\"" + option + "\"}"), 201) != null) {
                  moves.incrementAndGet();
                }
              }
            }
            queue.add(p);
          }
        }));
      }
      // jobs meanwhile: a small simulation at a time, polled to its end
      workers.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          Http.Res r = timed("job", () -> admin.post("/api/jobs",
              "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":5000}"), 202);
          if (r == null) {
            continue;
          }
          long job = r.json().get("id").asLong();
          while (true) {
            Http.Res j = timed("job", () -> admin.get("/api/jobs/" + job), 200);
            if (j == null) {
              break;
            }
            String state = j.json().get("state").asText();
            if (state.equals("done")) {
              jobsDone.incrementAndGet();
              break;
            }
            if (!state.equals("queued") && !state.equals("running")) {
              errors.add("job " + job + " ended " + state + ": " + j.body());
              break;
            }
            sleep(100);
          }
        }
      }));
      for (Future<?> w : workers) {
        w.get(PLAY_SECONDS + 60, TimeUnit.SECONDS);
      }
      double seconds = (System.nanoTime() - start) / 1e9;

      long[] ns = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      String report = String.format(Locale.ROOT,
          "wargame load test: %d tables x %d human seats (%d player sessions) playing rand-b-depot"
              + " seated by faction, %d client threads, simulate jobs (5,000 runs) meanwhile; %d cores%n"
              + "requests: %d in %.1f s = %.0f requests/s; moves: %d; games finished: %d; jobs done: %d%n"
              + "latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors: %d%n",
          GAMES, SEATS.length, GAMES * SEATS.length, CLIENT_THREADS, Runtime.getRuntime().availableProcessors(),
          ns.length, seconds, ns.length / seconds, moves.get(), gamesOver.get(), jobsDone.get(),
          quantile(ns, 0.5) / 1e6, quantile(ns, 0.99) / 1e6, ns.length == 0 ? 0 : ns[ns.length - 1] / 1e6,
          errors.size());
      System.out.print(report);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "game-load.txt"), report, StandardCharsets.UTF_8);
      assertThat(errors).as("errors").isEmpty();
      assertThat(gamesOver.get()).as("games finished").isGreaterThanOrEqualTo(GAMES);
      assertThat(jobsDone.get()).as("jobs done").isGreaterThan(0);
    } finally {
      pool.shutdownNow();
      server.stop();
    }
  }

  private static double quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
