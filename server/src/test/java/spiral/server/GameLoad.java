package spiral.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Wargames and simulation jobs played against a live server on loopback, for a bounded time: the
 * driver of {@link GameLoadTest} and of the load benchmark command ({@link #main}).
 *
 * <p>The admin creates the accounts: a facilitator that opens the games, four players per table
 * (each holding one faction seat of rand-b-depot) and the job accounts (facilitators). Each seat
 * polls its view every {@link Options#paceMillis} and moves when its turn comes; when a table's
 * game ends, the first of its seats to notice has the facilitator open the next one, and the four
 * claim their seats again. Meanwhile each job account keeps up to {@link Options#jobsInFlight}
 * simulate jobs queued or running (within its quota) and polls them until they end. Every request
 * is timed by its route class; an answer other than the expected one is an error, except a 409
 * on a move (a turn that moved on: a race, counted apart). Nothing is sent anywhere but the given
 * server, every loop ends at the deadline, and the driver stops by itself.
 */
public final class GameLoad {
  /** The seats of a rand-b-depot game seated by faction. */
  static final String[] SEATS = {"russia/kremlin", "russia/general-staff", "usa/civilian", "usa/joint-chiefs"};
  static final String SCENARIO = "rand-b-depot";
  static final String JOB_SCENARIO = "rand-d-ports";
  static final String PASSWORD = "load-password-1";

  /**
   * What to play.
   *
   * @param games tables of four seats, one game at a time each
   * @param seconds how long the measured play lasts
   * @param paceMillis how often each seat polls (0: as fast as the client threads go)
   * @param clientThreads threads that play the seats (0: one per seat)
   * @param jobAccounts facilitator accounts submitting simulate jobs (0: none)
   * @param jobsInFlight jobs each of them keeps queued or running
   * @param runsPerJob simulated runs per job
   * @param jobPollMillis how often a job account polls each of its jobs
   */
  record Options(int games, long seconds, long paceMillis, int clientThreads, int jobAccounts, int jobsInFlight,
      int runsPerJob, long jobPollMillis) {
    Options {
      if (games < 1 || games > 1000 || seconds < 1 || seconds > 3600 || paceMillis < 0 || paceMillis > 60_000
          || clientThreads < 0 || clientThreads > 2000 || jobAccounts < 0 || jobAccounts > 100 || jobsInFlight < 1
          || jobsInFlight > 100 || runsPerJob < 1 || runsPerJob > 1_000_000 || jobPollMillis < 10
          || jobPollMillis > 60_000) {
        throw new IllegalArgumentException("out of range: " + this);
      }
    }

    int seats() {
      return games * SEATS.length;
    }

    int threads() {
      return clientThreads == 0 ? seats() : clientThreads;
    }
  }

  /** The route classes a request is timed under, in report order. */
  enum Route {
    POLL("poll"), MOVE("move"), OPEN("open game"), CLAIM("claim seat"), JOB_SUBMIT("job submit"), JOB_POLL("job poll");

    final String label;

    Route(String label) {
      this.label = label;
    }
  }

  /** Latencies of one route class, in nanoseconds. */
  static final class Latencies {
    private long[] ns = new long[1024];
    private int n;

    synchronized void add(long v) {
      if (n == ns.length) {
        ns = Arrays.copyOf(ns, n * 2);
      }
      ns[n++] = v;
    }

    synchronized long[] sorted() {
      long[] s = Arrays.copyOf(ns, n);
      Arrays.sort(s);
      return s;
    }
  }

  /** The quantile {@code q} of sorted values (nearest rank), 0 when there are none. */
  static long quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))];
  }

  /** A table: its four players and the game they play now. */
  static final class Table {
    final int index;
    final Http[] players = new Http[SEATS.length];
    volatile long game;
    final AtomicBoolean renewing = new AtomicBoolean();

    Table(int index) {
      this.index = index;
    }
  }

  /** A seat of a table, due to poll at {@code due} (nanoTime). */
  static final class Seat implements Delayed {
    final Table table;
    final int index;
    final Random random;
    volatile long due;

    Seat(Table table, int index, long due) {
      this.table = table;
      this.index = index;
      this.random = new Random(table.index * 31L + index);
      this.due = due;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(due, ((Seat) o).due);
    }
  }

  /** What a run measured. */
  record Report(Options options, int cores, double seconds, Map<Route, long[]> latencies, Map<String, Integer> errors,
      List<String> errorSamples, int conflicts, int moves, int gamesFinished, int jobsSubmitted, int jobsDone,
      long[] lagNanos, double setupSeconds, String loadBefore, String loadAfter, long gcCount, long gcMillis) {
    long requests() {
      return latencies.values().stream().mapToLong(a -> a.length).sum();
    }

    int errorCount() {
      return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** All the route classes' latencies together, sorted. */
    long[] all() {
      return latencies.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    String text() {
      Options o = options;
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "wargame load: %d games x %d seats (%d player sessions) of %s, each seat"
          + " polling %s, %d client threads; %d job accounts keeping %d simulate jobs of %,d runs of %s in flight;"
          + " one JVM on loopback, %d cores%n", o.games(), SEATS.length, o.seats(), SCENARIO,
          o.paceMillis() == 0 ? "without pause" : "every " + o.paceMillis() + " ms", o.threads(), o.jobAccounts(),
          o.jobsInFlight(), o.runsPerJob(), JOB_SCENARIO, cores));
      b.append(String.format(Locale.ROOT, "load average (1, 5, 15 min): before %s, after %s; set-up %.1f s;"
          + " GC in the measured time: %d collections, %d ms%n", loadBefore, loadAfter, setupSeconds, gcCount, gcMillis));
      b.append(String.format(Locale.ROOT, "requests: %,d in %.1f s = %.0f requests/s; moves: %,d; games finished: %d;"
          + " jobs submitted: %d, done: %d%n", requests(), seconds, requests() / seconds, moves, gamesFinished,
          jobsSubmitted, jobsDone));
      b.append(String.format(Locale.ROOT, "%-12s %8s %9s %9s %9s %9s%n", "route", "requests", "p50 ms", "p95 ms",
          "p99 ms", "max ms"));
      for (Map.Entry<Route, long[]> e : latencies.entrySet()) {
        b.append(row(e.getKey().label, e.getValue()));
      }
      b.append(row("all", all()));
      if (o.paceMillis() > 0) {
        b.append(String.format(Locale.ROOT, "seat polls behind their schedule (client side): p50 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms%n", quantile(lagNanos, 0.5) / 1e6, quantile(lagNanos, 0.99) / 1e6,
            quantile(lagNanos, 1) / 1e6));
      }
      b.append(String.format(Locale.ROOT, "errors: %d%s; 409 races on moves (expected, not errors): %d%n",
          errorCount(), errors.isEmpty() ? "" : " " + errors, conflicts));
      for (String s : errorSamples) {
        b.append("  e.g. ").append(s).append('\n');
      }
      return b.toString();
    }

    private static String row(String label, long[] ns) {
      return String.format(Locale.ROOT, "%-12s %8d %9.1f %9.1f %9.1f %9.1f%n", label, ns.length,
          quantile(ns, 0.5) / 1e6, quantile(ns, 0.95) / 1e6, quantile(ns, 0.99) / 1e6, quantile(ns, 1) / 1e6);
    }
  }

  private final Http admin;
  private final Options options;
  private final Map<Route, Latencies> latencies = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
  private final List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger conflicts = new AtomicInteger();
  private final AtomicInteger moves = new AtomicInteger();
  private final AtomicInteger gamesFinished = new AtomicInteger();
  private final AtomicInteger jobsSubmitted = new AtomicInteger();
  private final AtomicInteger jobsDone = new AtomicInteger();
  private final AtomicInteger seeds = new AtomicInteger(100);
  private final Latencies lag = new Latencies();
  private volatile boolean measuring;
  private Http host;

  /**
   * A driver for the server that {@code admin} (a session of the account {@code admin}) is logged in
   * to.
   */
  GameLoad(Http admin, Options options) {
    this.admin = admin;
    this.options = options;
  }

  private void error(String key, String detail) {
    errors.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (errorSamples.size() < 10) {
      errorSamples.add(key + ": " + (detail.length() > 300 ? detail.substring(0, 300) + "…" : detail));
    }
  }

  /**
   * Sends a request, times it under its route class (while measuring) and checks its status: the
   * answer when it is {@code expected}, else null (an error recorded, or a 409 race on a move).
   */
  private Http.Res timed(Route route, Supplier<Http.Res> request, int expected) {
    long t0 = System.nanoTime();
    Http.Res r;
    try {
      r = request.get();
    } catch (AssertionError e) { // Http's way of saying the request failed (I/O)
      error(route.label + " failed", String.valueOf(e.getMessage()));
      return null;
    }
    if (measuring) {
      latencies.computeIfAbsent(route, k -> new Latencies()).add(System.nanoTime() - t0);
    }
    if (r.status() == expected) {
      return r;
    }
    if (r.status() == 409 && route == Route.MOVE) {
      conflicts.incrementAndGet();
    } else {
      error(route.label + " " + r.status(), r.body());
    }
    return null;
  }

  /** Creates an account as the admin and logs in to it. */
  private Http account(String name, String role) {
    Http.Res r = admin.post("/api/users", "{\"name\":" + Http.quote(name) + ",\"password\":\"" + PASSWORD
        + "\",\"role\":\"" + role + "\"}");
    if (r.status() != 201) {
      throw new IllegalStateException("creating " + name + " failed (" + r.status() + "): " + r.body());
    }
    return admin.login(name, PASSWORD);
  }

  /** Opens a game for a table and seats its four players; false on an error (recorded). */
  private boolean seat(Table t) {
    Http.Res opened = timed(Route.OPEN, () -> host.post("/api/games", "{\"scenario\":\"" + SCENARIO + "\","
        + "\"seating\":\"factions\",\"seed\":" + seeds.incrementAndGet() + ",\"title\":\"Table " + t.index + "\"}"),
        201);
    if (opened == null) {
      return false;
    }
    JsonNode json = opened.json();
    for (int s = 0; s < SEATS.length; s++) {
      String link = json.path("invites").path(SEATS[s]).asText();
      if (!link.startsWith("/#/join/")) {
        error("open: no invitation", json.toString());
        return false;
      }
      String token = link.substring("/#/join/".length());
      Http p = t.players[s];
      if (timed(Route.CLAIM, () -> p.post("/api/invites/" + token, ""), 200) == null) {
        return false;
      }
    }
    t.game = json.get("id").asLong();
    return true;
  }

  /** One turn of a seat: polls its view, moves when its turn has come, renews its table's game once over. */
  private void play(Seat seat) {
    Table t = seat.table;
    long game = t.game;
    Http p = t.players[seat.index];
    String path = "/api/games/" + game + "/seats/" + SEATS[seat.index].replace('/', '.');
    Http.Res r = timed(Route.POLL, () -> p.get(path), 200);
    if (r == null) {
      return;
    }
    JsonNode a = r.json();
    if (a.get("over").asBoolean()) {
      if (t.game == game && t.renewing.compareAndSet(false, true)) {
        try {
          gamesFinished.incrementAndGet();
          seat(t);
        } finally {
          t.renewing.set(false);
        }
      }
    } else if (a.get("yourMove").asBoolean()) {
      JsonNode c = a.path("view").path("choices");
      if (!c.isArray() || c.isEmpty()) {
        error("poll: no candidates", a.toString());
        return;
      }
      String option = c.get(seat.random.nextInt(c.size())).path("id").asText();
      if (timed(Route.MOVE, () -> p.post(path + "/moves", "{\"turn\":" + a.get("turn").asInt() + ",\"option\":"
          + Http.quote(option) + "}"), 201) != null) {
        moves.incrementAndGet();
      }
    }
  }

  /** A job account: keeps its jobs in flight until the deadline, polling each until it ends. */
  private void jobs(Http account, long end) {
    List<Long> inFlight = new ArrayList<>();
    String body = "{\"kind\":\"simulate\",\"scenario\":\"" + JOB_SCENARIO + "\",\"runs\":" + options.runsPerJob()
        + "}";
    while (System.nanoTime() < end) {
      while (inFlight.size() < options.jobsInFlight() && System.nanoTime() < end) {
        Http.Res r = timed(Route.JOB_SUBMIT, () -> account.post("/api/jobs", body), 202);
        if (r == null) {
          break; // recorded; try again at the next poll
        }
        jobsSubmitted.incrementAndGet();
        inFlight.add(r.json().get("id").asLong());
      }
      if (!pause(options.jobPollMillis(), end)) {
        return;
      }
      for (var it = inFlight.iterator(); it.hasNext() && System.nanoTime() < end; ) {
        long job = it.next();
        Http.Res j = timed(Route.JOB_POLL, () -> account.get("/api/jobs/" + job), 200);
        if (j == null) {
          continue;
        }
        String state = j.json().get("state").asText();
        if (state.equals("done")) {
          jobsDone.incrementAndGet();
          it.remove();
        } else if (!state.equals("queued") && !state.equals("running")) {
          error("job ended " + state, j.body());
          it.remove();
        }
      }
    }
  }

  /** Sleeps {@code millis}, or until the deadline; false once the deadline has passed or on interrupt. */
  private static boolean pause(long millis, long end) {
    long ms = Math.min(millis, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
    if (ms <= 0) {
      return false;
    }
    try {
      Thread.sleep(ms);
      return System.nanoTime() < end;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Creates the accounts, seats the tables, plays for {@link Options#seconds} and reports. */
  Report run() throws Exception {
    String loadBefore = loadAverage();
    long setupStart = System.nanoTime();
    // set-up (not measured): every account's password is hashed with Argon2id (19 MiB), a few at a time
    host = account("load-host", "facilitator");
    List<Table> tables = new ArrayList<>();
    List<Http> jobAccounts = new ArrayList<>();
    ExecutorService setup = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int a = 0; a < options.jobAccounts(); a++) {
        int k = a;
        done.add(setup.submit(() -> {
          Http j = account("load-jobs-" + k, "facilitator");
          synchronized (jobAccounts) {
            jobAccounts.add(j);
          }
        }));
      }
      for (int g = 0; g < options.games(); g++) {
        Table t = new Table(g);
        tables.add(t);
        done.add(setup.submit(() -> {
          for (int s = 0; s < SEATS.length; s++) {
            t.players[s] = account("load-" + t.index + "-" + s, "player");
          }
          if (!seat(t)) {
            throw new IllegalStateException("table " + t.index + " not seated: " + errorSamples);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(600, TimeUnit.SECONDS);
      }
    } finally {
      setup.shutdownNow();
    }
    double setupSeconds = (System.nanoTime() - setupStart) / 1e9;

    long gcCount0 = gc(GarbageCollectorMXBean::getCollectionCount);
    long gcTime0 = gc(GarbageCollectorMXBean::getCollectionTime);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(options.seconds());
    long pace = TimeUnit.MILLISECONDS.toNanos(options.paceMillis());
    DelayQueue<Seat> due = new DelayQueue<>();
    Random spread = new Random(1);
    for (Table t : tables) {
      for (int s = 0; s < SEATS.length; s++) {
        // first polls spread over one period, so that the seats do not poll in step
        due.add(new Seat(t, s, start + (pace == 0 ? 0 : (long) (spread.nextDouble() * pace))));
      }
    }
    measuring = true;
    ExecutorService pool = Executors.newFixedThreadPool(options.threads() + jobAccounts.size());
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (int w = 0; w < options.threads(); w++) {
        workers.add(pool.submit(() -> {
          while (true) {
            long left = end - System.nanoTime();
            Seat s = left <= 0 ? null : due.poll(left, TimeUnit.NANOSECONDS);
            if (s == null) {
              return null;
            }
            long began = System.nanoTime();
            if (pace > 0) {
              lag.add(Math.max(0, began - s.due));
            }
            play(s);
            // the next poll one period after this one began; a late seat polls at once, without catching up
            s.due = Math.max(began + pace, System.nanoTime());
            due.add(s);
          }
        }));
      }
      for (Http j : jobAccounts) {
        workers.add(pool.submit(() -> jobs(j, end)));
      }
      for (Future<?> w : workers) {
        // a request in flight at the deadline may take its client's timeout (60 s) at worst
        w.get(options.seconds() + 120, TimeUnit.SECONDS);
      }
    } finally {
      measuring = false;
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long gcCount = gc(GarbageCollectorMXBean::getCollectionCount) - gcCount0;
    long gcMillis = gc(GarbageCollectorMXBean::getCollectionTime) - gcTime0;

    Map<Route, long[]> byRoute = new java.util.EnumMap<>(Route.class);
    for (Route r : Route.values()) {
      Latencies l = latencies.get(r);
      if (l != null) {
        byRoute.put(r, l.sorted());
      }
    }
    Map<String, Integer> errorCounts = new TreeMap<>();
    errors.forEach((k, v) -> errorCounts.put(k, v.get()));
    return new Report(options, Runtime.getRuntime().availableProcessors(), seconds, byRoute, errorCounts,
        List.copyOf(errorSamples), conflicts.get(), moves.get(), gamesFinished.get(), jobsSubmitted.get(),
        jobsDone.get(), lag.sorted(), setupSeconds, loadBefore, loadAverage(), gcCount, gcMillis);
  }

  private static long gc(java.util.function.ToLongFunction<GarbageCollectorMXBean> f) {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(f).filter(v -> v > 0).sum();
  }

  /** The machine's load averages over 1, 5 and 15 minutes where the system tells them, else over 1 minute. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return one < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f (1 min)", one);
    }
  }

  /**
   * The load benchmark: starts a server on 127.0.0.1 (a free port, an H2 file in a new temporary
   * folder, the default limits of {@code spiral serve}), plays, prints the report, stops the server
   * and deletes the folder. Exits 1 when there were errors. {@code --help} lists the options.
   */
  public static void main(String[] args) throws Exception {
    Map<String, Long> v = new java.util.LinkedHashMap<>();
    v.put("games", 50L);
    v.put("seconds", 60L);
    v.put("pace-ms", 1000L);
    v.put("client-threads", 0L);
    v.put("job-accounts", 10L);
    v.put("jobs-in-flight", (long) ServerConfig.JOBS_PER_ACCOUNT);
    v.put("runs", 5000L);
    v.put("job-poll-ms", 1000L);
    v.put("job-threads", 1L);
    v.put("worker-threads", (long) ServerConfig.defaultWorkerThreads());
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        System.out.println("options (default): " + v.keySet().stream().map(k -> "--" + k + " N (" + v.get(k) + ")")
            .reduce((x, y) -> x + ", " + y).orElse(""));
        return;
      }
      String key = a.startsWith("--") ? a.substring(2) : "";
      if (!v.containsKey(key) || i + 1 >= args.length) {
        System.err.println("unknown option or missing value: " + a + " (--help lists the options)");
        System.exit(2);
      }
      try {
        v.put(key, Long.parseLong(args[++i]));
      } catch (NumberFormatException e) {
        System.err.println("not a number for " + a + ": " + args[i]);
        System.exit(2);
      }
    }
    Options o = new Options(Math.toIntExact(v.get("games")), v.get("seconds"), v.get("pace-ms"),
        Math.toIntExact(v.get("client-threads")), Math.toIntExact(v.get("job-accounts")),
        Math.toIntExact(v.get("jobs-in-flight")), Math.toIntExact(v.get("runs")), v.get("job-poll-ms"));
    Path data = Files.createTempDirectory("spiral-load-");
    Server server = new Server();
    Report report;
    RuntimeException stopFailed = null;
    try {
      int port = server.start(ServerConfig.local(0, data).withAdminPassword("load-admin-password-1")
          .withJobs(Math.toIntExact(v.get("job-threads")), Math.toIntExact(v.get("worker-threads")), 100));
      System.out.printf(Locale.ROOT, "server on 127.0.0.1:%d; creating %d accounts and seating %d games…%n", port,
          o.seats() + o.jobAccounts() + 1, o.games());
      Http admin = Http.on(port).login("admin", "load-admin-password-1");
      report = new GameLoad(admin, o).run();
    } finally {
      try {
        server.stop();
      } catch (RuntimeException e) {
        stopFailed = e; // reported below, after what was measured
      }
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.out.print(report.text());
    if (stopFailed != null) {
      System.out.println("error: the server's stop failed: " + stopFailed);
    }
    boolean clean = report.errorCount() == 0 && stopFailed == null;
    System.out.printf(Locale.ROOT, "target p99 < 200 ms with 0 errors: %s%n",
        quantile(report.all(), 0.99) < 200_000_000L && clean ? "met" : "NOT met");
    System.exit(clean ? 0 : 1);
  }
}
