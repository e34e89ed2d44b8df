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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load test on loopback, bounded in time: 50 games of rand-b-depot seated by faction (4 human
 * seats each), 200 player sessions polling their seats and moving from a pool of client threads
 * with {@link java.net.http.HttpClient}, and small simulation jobs submitted meanwhile. Every
 * answer must be a success (zero errors); the throughput and the latency quantiles are printed and
 * written to {@code target/game-load.txt}.
 */
@Tag("slow")
class GameLoadTest {
  static final int GAMES = 50;
  static final int CLIENT_THREADS = 48;
  static final long PLAY_SECONDS = 40;
  static final String[] SEATS = {"russia/kremlin", "russia/general-staff", "usa/civilian", "usa/joint-chiefs"};

  @TempDir Path tmp;

  /** One player: its session, game and seat. */
  record Player(Http http, long game, String seat) {}

  final List<Long> latencies = new CopyOnWriteArrayList<>();
  final List<String> errors = new CopyOnWriteArrayList<>();
  final AtomicInteger moves = new AtomicInteger();
  final AtomicInteger jobsDone = new AtomicInteger();

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

  @Test
  void fiftyGamesOfFourSeatsAndJobsRunWithZeroErrors() throws Exception {
    Server server = new Server();
    Http anonymous = Http.on(server.start(ServerConfig.local(0, tmp).withJobs(1, 2, 100)
        .withAdminPassword(Http.ADMIN_PASSWORD)));
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    try {
      Http admin = anonymous.admin();
      // set-up (not measured): games, 200 accounts, seats claimed
      List<Future<List<Player>>> seated = new ArrayList<>();
      for (int g = 0; g < GAMES; g++) {
        int gi = g;
        seated.add(pool.submit(() -> {
          JsonNode opened = GamePlay.open(admin, "{\"scenario\":\"rand-b-depot\",\"seating\":\"factions\","
              + "\"seed\":" + (100 + gi) + ",\"title\":\"Load " + gi + "\"}");
          long id = opened.get("id").asLong();
          List<Player> out = new ArrayList<>();
          for (int s = 0; s < SEATS.length; s++) {
            Http p = anonymous.register("load-" + gi + "-" + s, "player-password-1");
            GamePlay.claim(p, GamePlay.token(opened, SEATS[s]));
            out.add(new Player(p, id, SEATS[s]));
          }
          return out;
        }));
      }
      ConcurrentLinkedQueue<Player> queue = new ConcurrentLinkedQueue<>();
      for (Future<List<Player>> f : seated) {
        queue.addAll(f.get(120, TimeUnit.SECONDS));
      }
      assertThat(queue).hasSize(GAMES * SEATS.length);

      Map<Long, Boolean> over = new ConcurrentHashMap<>();
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(PLAY_SECONDS);
      AtomicLong requests = new AtomicLong();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < CLIENT_THREADS - 1; t++) {
        Random random = new Random(t);
        workers.add(pool.submit(() -> {
          while (System.nanoTime() < end && over.size() < GAMES) {
            Player p = queue.poll();
            if (p == null) {
              return;
            }
            if (over.containsKey(p.game())) {
              continue; // this player is done
            }
            String path = "/api/games/" + p.game() + "/seats/" + GamePlay.path(p.seat());
            requests.incrementAndGet();
            Http.Res r = timed("view " + path, () -> p.http().get(path), 200);
            if (r != null) {
              JsonNode a = r.json();
              if (a.get("over").asBoolean()) {
                over.put(p.game(), true);
              } else if (a.get("yourMove").asBoolean()) {
                String option = GamePlay.pick(a, random.nextInt(1000));
                requests.incrementAndGet();
                Http.Res m = timed("move " + path, () -> p.http().post(path + "/moves",
                    "{\"turn\":" + a.get("turn").asInt() + ",\"option\":\"" + option + "\"}"), 201);
                if (m != null) {
                  moves.incrementAndGet();
                }
              }
            }
            queue.add(p);
          }
        }));
      }
      // jobs meanwhile: a small simulation at a time, polled to the end
      workers.add(pool.submit(() -> {
        while (System.nanoTime() < end && over.size() < GAMES) {
          requests.incrementAndGet();
          Http.Res r = timed("job", () -> admin.post("/api/jobs",
              "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\",\"runs\":5000}"), 202);
          if (r == null) {
            continue;
          }
          long job = r.json().get("id").asLong();
          while (System.nanoTime() < end) {
            requests.incrementAndGet();
            Http.Res j = timed("job " + job, () -> admin.get("/api/jobs/" + job), 200);
            if (j == null || j.json().get("state").asText().equals("done")) {
              jobsDone.incrementAndGet();
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
          "wargame load test: %d games x %d seats (%d player sessions), %d client threads, %d cores%n"
              + "requests: %d in %.1f s = %.0f requests/s; moves: %d; games over: %d; jobs done: %d%n"
              + "latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors: %d%n",
          GAMES, SEATS.length, GAMES * SEATS.length, CLIENT_THREADS, Runtime.getRuntime().availableProcessors(),
          ns.length, seconds, ns.length / seconds, moves.get(), over.size(), jobsDone.get(),
          quantile(ns, 0.5) / 1e6, quantile(ns, 0.99) / 1e6, ns.length == 0 ? 0 : ns[ns.length - 1] / 1e6,
          errors.size());
      System.out.print(report);
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "game-load.txt"), report, StandardCharsets.UTF_8);
      assertThat(errors).as("errors").isEmpty();
      assertThat(moves.get()).as("moves made").isGreaterThanOrEqualTo(GAMES * 2);
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
