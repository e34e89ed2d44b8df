package spiral.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import spiral.JsonText;
import spiral.scenario.Scenario;
import spiral.store.Account;
import spiral.store.ConflictException;
import spiral.store.Database;
import spiral.store.GameMove;
import spiral.store.GameSeat;
import spiral.store.GameStore;
import spiral.store.Hashes;
import spiral.store.NewGame;
import spiral.store.Role;
import spiral.store.StoredGame;
import spiral.wargame.AfterAction;
import spiral.wargame.AfterActionReport;
import spiral.wargame.GameState;
import spiral.wargame.Move;
import spiral.wargame.SeatInfo;
import spiral.wargame.Seating;
import spiral.wargame.Wargame;
import spiral.wargame.WargameException;

/**
 * The wargame endpoints under {@code /api/games} and {@code /api/invites}: a facilitator opens a
 * game from a scenario and invites players to its seats by link, players claim seats and move,
 * the engine plays the other seats and adjudicates, and each caller sees only what its part in
 * the game allows.
 *
 * <p><b>State.</b> A game's state is the replay of its recorded moves ({@link Wargame#replay});
 * nothing else is stored, so a restarted server resumes every game where it was. The last state
 * of each game is cached in memory keyed by its number of moves (moves are only ever added, so an
 * equal count means the same moves); a request costs the queries for the game, its seats and its
 * moves, and a replay (one engine run) only when a move was added since.
 *
 * <p><b>Access</b> (checked on every endpoint): a logged-out caller gets 401; a caller with no
 * part in a game (not its facilitator, not seated, not an observer) gets 404, as for a game that
 * does not exist; a participant reaching for what is not theirs (another seat) gets 403. While a
 * game runs, a player sees its own seat's view (its side's perception, {@link GameState#view}),
 * an observer the public view, the facilitator the truth; once it is over, everyone in it sees the
 * truth and the after-action report.
 *
 * <p><b>Invitations.</b> An invitation is a random 32-byte token shown once, in the link given to
 * the facilitator; the store keeps only its SHA-256, and a claim spends it.
 *
 * <p><b>Seeds.</b> A game opened without a seed gets a fresh one from the server's {@link
 * SecureRandom} (63 bits), so no two games share their perception noise unless the facilitator
 * chose so. The seed fixes every seat's perception noise and the accidents: a player who knew it
 * could replay the engine and read the opponent's true moves. So only the facilitator sees it
 * while the game runs; seats and observers see it once the game is over.
 */
final class Games {
  /** Simulated runs behind an after-action report. */
  static final int REPORT_RUNS = 2000;
  /** A reserved option: the seat's side policy chooses (recorded by {@code advance}). */
  static final String ENGINE = Move.ENGINE;
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final int CACHE = 1000;

  private final Database db;
  private final GameStore store;
  private final Catalog catalog;
  private final Bodies bodies;
  private final Auth auth;
  private final Jobs jobs;
  private final SecureRandom random;
  private final Map<Long, Wargame> wargames = new ConcurrentHashMap<>();
  private final Map<Long, Cached> states = new ConcurrentHashMap<>();
  private final Map<Long, CompletableFuture<GameStore.Report>> reports = new ConcurrentHashMap<>();

  /** A game's last replayed state and the number of moves it replayed. */
  private record Cached(int moves, GameState state) {}

  /** What a caller is in a game. */
  private enum Part { FACILITATOR, PLAYER, OBSERVER }

  /** A game loaded for one request: its row, seats, moves, state and the caller's part in it. */
  private record Loaded(StoredGame game, Wargame wargame, List<GameSeat> seats, GameState state,
      Account caller, Part part, String seat) {
    boolean over() {
      return state.over();
    }
  }

  /**
   * @param random the source of invitation tokens and of the seeds of games opened without one
   */
  Games(Database db, Catalog catalog, Bodies bodies, Auth auth, Jobs jobs, SecureRandom random) {
    this.db = db;
    this.random = random;
    this.store = db.games();
    this.catalog = catalog;
    this.bodies = bodies;
    this.auth = auth;
    this.jobs = jobs;
  }

  /** Keeps a cache within {@link #CACHE} games: when full, forgets an arbitrary half (they reload). */
  private static <V> void bound(Map<Long, V> cache) {
    if (cache.size() > CACHE) {
      int drop = cache.size() / 2;
      for (var it = cache.keySet().iterator(); it.hasNext() && drop-- > 0; ) {
        it.next();
        it.remove();
      }
    }
  }

  void routes(RoutesConfig r) {
    r.get("/api/seating", this::seating);
    r.post("/api/games", this::create);
    r.get("/api/games", this::list);
    r.get("/api/games/{id}", this::get);
    r.post("/api/invites/{token}", this::claim);
    r.get("/api/games/{id}/seats/{seat}", this::seat);
    r.post("/api/games/{id}/seats/{seat}/moves", this::move);
    r.post("/api/games/{id}/seats/{seat}/invite", this::reinvite);
    r.post("/api/games/{id}/advance", this::advance);
    r.post("/api/games/{id}/observers", this::observe);
    r.get("/api/games/{id}/log", this::log);
    r.get("/api/games/{id}/report", this::report);
    r.get("/api/games/{id}/report.svg", this::reportSvg);
  }

  // ---- endpoints

  /** The seats a scenario would have under a seating (facilitator; for the new-game form). */
  private void seating(Context ctx) {
    Account me = auth.require(ctx, Role.FACILITATOR);
    String ref = ctx.queryParam("scenario");
    if (ref == null || ref.isEmpty()) {
      throw ApiException.badRequest("scenario: missing (a query parameter)");
    }
    String wire = ctx.queryParam("seating") == null ? "sides" : ctx.queryParam("seating");
    Seating seating = seating(wire);
    Catalog.Entry entry = catalog.get(ref, Auth.visibility(me));
    Scenario sc = entry.scenario() != null ? entry.scenario() : Catalog.parse(entry.yaml());
    Wargame w;
    try {
      w = Wargame.open(sc, 1, seating);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("scenario '" + Bodies.clip(ref) + "' cannot be played as a wargame: "
          + e.getMessage());
    }
    Server.json(ctx, 200, ordered("scenario", entry.id(), "seating", wire, "seats", w.seats()));
  }

  private void create(Context ctx) {
    Account me = auth.require(ctx, Role.FACILITATOR);
    ObjectNode body = bodies.object(ctx);
    Bodies.onlyKeys(body, "", Set.of("scenario", "seed", "seating", "title", "seats", "teaching"));
    boolean teaching = Bodies.bool(body, "teaching");
    JsonNode sn = body.get("scenario");
    if (sn != null && sn.isIntegralNumber()) {
      body.put("scenario", sn.asText());
    }
    String ref = Bodies.string(body, "scenario");
    Catalog.Entry entry = catalog.get(ref, Auth.visibility(me));
    Scenario sc = entry.scenario() != null ? entry.scenario() : Catalog.parse(entry.yaml());
    long seed = body.hasNonNull("seed") ? Bodies.integer(body, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE)
        : random.nextLong() & Long.MAX_VALUE;
    String seatingWire = body.hasNonNull("seating") ? Bodies.string(body, "seating") : "sides";
    Seating seating = seating(seatingWire);
    String title = body.hasNonNull("title") ? Bodies.string(body, "title").strip() : sc.name();
    if (title.isEmpty() || title.length() > 200) {
      throw ApiException.badRequest("title: must have 1 to 200 characters, had " + title.length());
    }
    Wargame w;
    try {
      w = Wargame.open(sc, seed, seating);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("scenario '" + Bodies.clip(ref) + "' cannot be played as a wargame: "
          + e.getMessage());
    }
    Map<String, String> kinds = new LinkedHashMap<>();
    JsonNode seatsNode = body.get("seats");
    Set<String> ids = new HashSet<>();
    w.seats().forEach(s -> ids.add(s.id()));
    if (seatsNode != null && !seatsNode.isNull()) {
      if (!seatsNode.isObject()) {
        throw ApiException.badRequest("seats: expected an object {seatId: \"engine\"|\"invite\"}, was "
            + Bodies.kind(seatsNode));
      }
      for (var e : seatsNode.properties()) {
        if (!ids.contains(e.getKey())) {
          throw ApiException.badRequest("seats: unknown seat '" + Bodies.clip(e.getKey())
              + "' for seating " + seatingWire + " (seats: " + String.join(", ", seatIds(w)) + ")");
        }
        String k = e.getValue().isTextual() ? e.getValue().asText() : "";
        if (!k.equals("engine") && !k.equals("invite")) {
          throw ApiException.badRequest("seats." + Bodies.clip(e.getKey())
              + ": expected \"engine\" or \"invite\", was " + Bodies.clip(Bodies.kind(e.getValue())));
        }
        kinds.put(e.getKey(), k);
      }
    }
    Map<String, String> hashes = new LinkedHashMap<>();
    Map<String, String> links = new LinkedHashMap<>();
    for (SeatInfo s : w.seats()) {
      if (kinds.getOrDefault(s.id(), "invite").equals("invite")) {
        String token = token();
        hashes.put(s.id(), Hashes.sha256(token));
        links.put(s.id(), link(token));
      } else {
        hashes.put(s.id(), null);
      }
    }
    StoredGame g = store.create(new NewGame(title, entry.id(), sc.id(), entry.yaml(), seed,
        seatingWire, me.id(), hashes, teaching));
    wargames.put(g.id(), w);
    Loaded l = load(g.id(), me);
    Map<String, Object> out = detail(l);
    out.put("invites", links);
    ctx.header("Location", "/api/games/" + g.id());
    Server.json(ctx, 201, out);
  }

  private void list(Context ctx) {
    Account me = auth.require(ctx);
    List<Object> out = new ArrayList<>();
    for (StoredGame g : store.listFor(me.id(), 200)) {
      try {
        out.add(summary(load(g, me)));
      } catch (ApiException e) {
        // no longer a part of it (an observer whose role has changed): left out
      }
    }
    Server.json(ctx, 200, Map.of("games", out));
  }

  private void get(Context ctx) {
    Account me = auth.require(ctx);
    Server.json(ctx, 200, detail(load(ctx, me)));
  }

  private void claim(Context ctx) {
    Account me = auth.require(ctx, Role.PLAYER, Role.FACILITATOR);
    String token = ctx.pathParam("token");
    // a facilitator may read scenarios, which hold both sides' secrets: it sits only in its own games
    boolean ownGamesOnly = me.role() != Role.PLAYER;
    ApiException unknown = ApiException.notFound("no such invitation (an invitation works once"
        + (ownGamesOnly ? "; a facilitator takes seats only in the games it opened)" : ")"));
    if (!TOKEN.matcher(token).matches()) {
      throw unknown;
    }
    GameSeat s;
    try {
      s = store.claim(Hashes.sha256(token), me.id(), ownGamesOnly).orElseThrow(() -> unknown);
    } catch (ConflictException e) {
      throw new ApiException(409, "conflict", "you already hold a seat in this game; one seat per player");
    }
    Server.json(ctx, 200, ordered("game", s.gameId(), "seat", s.seat(),
        "path", "/api/games/" + s.gameId() + "/seats/" + seatPath(s.seat())));
  }

  private void seat(Context ctx) {
    Account me = auth.require(ctx);
    Loaded l = load(ctx, me);
    String seat = seatOf(ctx, l, false);
    Server.json(ctx, 200, seatView(l, seat));
  }

  private void move(Context ctx) {
    Account me = auth.require(ctx);
    Loaded l = load(ctx, me);
    String seat = seatOf(ctx, l, true);
    Move move = readMove(bodies.object(ctx), l.state(), l.wargame().seats(), seat);
    int turn = move.turn();
    String option = move.option();
    if (!store.addMove(l.game().id(), turn, seat, option, me.id())) {
      throw new ApiException(409, "conflict", "seat " + seat + " has already moved in turn " + turn);
    }
    Loaded after = load(l.game().id(), me);
    Server.json(ctx, 201, seatView(after, seat));
  }

  /**
   * Reads a move body ({@code {turn, option}}) for a seat and checks it against the game's state.
   *
   * @param seats the game's seats
   * @throws ApiException 400 for a malformed body or a move the game refuses, 409 when the game is
   *     over, the turn is not the one being played, or the seat has no move to make now
   */
  static Move readMove(ObjectNode body, GameState st, List<SeatInfo> seats, String seat) {
    Bodies.onlyKeys(body, "", Set.of("turn", "option"));
    int turn = (int) Bodies.integer(body, "turn", -1, 1, 1_000_000);
    if (turn == -1) {
      throw ApiException.badRequest("turn: missing");
    }
    String option = Bodies.string(body, "option");
    if (st.over()) {
      throw new ApiException(409, "conflict", "the game is over");
    }
    if (turn != st.turn()) {
      throw new ApiException(409, "conflict", "turn " + st.turn() + " is being played, not turn " + turn);
    }
    if (!st.awaiting().contains(seat)) {
      throw new ApiException(409, "conflict", "seat " + seat + " has no move to make in turn " + turn
          + (seats.stream().anyMatch(s -> s.id().equals(seat) && s.side() == st.sideToMove())
              ? " (it has moved already)" : " (the other side is to move)"));
    }
    Move move = new Move(turn, seat, option);
    try {
      st.check(move);
    } catch (WargameException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    return move;
  }

  private void reinvite(Context ctx) {
    Account me = auth.require(ctx);
    Loaded l = load(ctx, me);
    facilitator(l);
    String seat = seatParam(ctx);
    if (l.seats().stream().noneMatch(s -> s.seat().equals(seat))) {
      throw ApiException.notFound("no seat '" + Bodies.clip(seat) + "' in game " + l.game().id());
    }
    String token = token();
    if (!store.reinvite(l.game().id(), seat, Hashes.sha256(token))) {
      throw new ApiException(409, "conflict", "seat " + seat
          + " is engine-played or already held: it takes no invitation");
    }
    Server.json(ctx, 200, ordered("seat", seat, "invite", link(token)));
  }

  private void advance(Context ctx) {
    Account me = auth.require(ctx);
    Loaded l = load(ctx, me);
    facilitator(l);
    if (l.over()) {
      throw new ApiException(409, "conflict", "the game is over");
    }
    int turn = l.state().turn();
    List<String> recorded = new ArrayList<>();
    for (String seat : List.copyOf(l.state().awaiting())) {
      if (store.addMove(l.game().id(), turn, seat, ENGINE, me.id())) {
        recorded.add(seat);
      }
    }
    Map<String, Object> out = detail(load(l.game().id(), me));
    out.put("advanced", ordered("turn", turn, "seats", recorded));
    Server.json(ctx, 200, out);
  }

  private void observe(Context ctx) {
    Account me = auth.require(ctx);
    Loaded l = load(ctx, me);
    facilitator(l);
    ObjectNode body = bodies.object(ctx);
    Bodies.onlyKeys(body, "", Set.of("name"));
    String name = Bodies.string(body, "name");
    Account a = db.accounts().byName(name.toLowerCase(Locale.ROOT))
        .orElseThrow(() -> ApiException.notFound("no account '" + Bodies.clip(name) + "'"));
    if (a.role() != Role.OBSERVER) {
      throw ApiException.badRequest("name: '" + a.name() + "' is a " + a.role().wire()
          + ", not an observer; players join by invitation");
    }
    boolean added = store.addObserver(l.game().id(), a.id());
    Server.json(ctx, added ? 201 : 200, ordered("game", l.game().id(), "observer", a.name()));
  }

  private void log(Context ctx) {
    Account me = auth.require(ctx);
    Loaded l = load(ctx, me);
    Map<String, Object> out = ordered("game", l.game().id(), "turn", l.state().turn(), "over", l.over());
    if (l.over() || l.part() == Part.FACILITATOR) {
      out.put("perspective", "truth");
      out.put("truth", l.state().truth());
    } else if (l.part() == Part.PLAYER) {
      out.put("perspective", "seat");
      out.put("seat", l.seat());
      out.put("view", view(l, l.seat()));
    } else {
      out.put("perspective", "public");
      out.put("view", l.state().publicView());
    }
    Server.json(ctx, 200, out);
  }

  private void report(Context ctx) {
    Account me = auth.require(ctx);
    GameStore.Report rep = report(load(ctx, me));
    ctx.status(200).contentType("application/json; charset=utf-8").result(rep.json());
  }

  private void reportSvg(Context ctx) {
    Account me = auth.require(ctx);
    GameStore.Report rep = report(load(ctx, me));
    ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    ctx.status(200).contentType("image/svg+xml; charset=utf-8").result(rep.svg());
  }

  // ---- loading and access

  private Loaded load(Context ctx, Account me) {
    Catalog.OptionalLongId n = Catalog.OptionalLongId.of(ctx.pathParam("id"));
    if (n == null) {
      throw noGame(ctx.pathParam("id"));
    }
    return load(n.value(), me);
  }

  private static ApiException noGame(String id) {
    return ApiException.notFound("no game '" + Bodies.clip(id) + "'");
  }

  private Loaded load(long id, Account me) {
    GameStore.Snapshot snap = store.snapshot(id).orElseThrow(() -> noGame(Long.toString(id)));
    return load(snap, me);
  }

  private Loaded load(StoredGame g, Account me) {
    GameStore.Snapshot snap = store.snapshot(g.id()).orElseThrow(() -> noGame(Long.toString(g.id())));
    return load(snap, me);
  }

  /** The game with the caller's part in it; 404 when the caller has none. */
  private Loaded load(GameStore.Snapshot snap, Account me) {
    StoredGame g = snap.game();
    List<GameSeat> seats = snap.seats();
    Part part = null;
    String seat = null;
    for (GameSeat s : seats) {
      if (s.accountId() != null && s.accountId() == me.id()) {
        seat = s.seat();
      }
    }
    // the game's facilitator while it still has the role: a demoted one loses the truth, the seed
    // and the controls at once (and sees only a seat it holds, if any)
    if (g.facilitatorId() == me.id() && me.role().facilitates()) {
      part = Part.FACILITATOR;
    } else if (seat != null) {
      part = Part.PLAYER;
    }
    if (part == null && me.role() == Role.OBSERVER && store.observes(g.id(), me.id())) {
      part = Part.OBSERVER;
    }
    if (part == null) {
      throw noGame(Long.toString(g.id()));
    }
    Wargame w = wargame(g);
    GameState st = state(g, w, seats, snap.moves());
    if (st.over() && !g.over()) {
      store.markOver(g.id());
    }
    return new Loaded(g, w, seats, st, me, part, seat);
  }

  private Wargame wargame(StoredGame g) {
    Wargame w = wargames.get(g.id());
    if (w == null) {
      String yaml = db.results().scenarioText(g.scenarioHash()).orElseThrow(() ->
          new IllegalStateException("the scenario text of game " + g.id() + " is missing"));
      w = Wargame.open(Catalog.parse(yaml), g.seed(), seating(g.seating()));
      bound(wargames);
      wargames.put(g.id(), w);
    }
    return w;
  }

  private GameState state(StoredGame g, Wargame w, List<GameSeat> seats, List<GameMove> moves) {
    Cached c = states.get(g.id());
    if (c != null && c.moves() == moves.size()) {
      return c.state();
    }
    Set<String> human = new HashSet<>();
    for (GameSeat s : seats) {
      if (!s.engine()) {
        human.add(s.seat());
      }
    }
    List<Move> ms = new ArrayList<>(moves.size());
    for (GameMove m : moves) {
      ms.add(new Move(m.turn(), m.seat(), m.option()));
    }
    GameState st = w.replay(human, ms);
    bound(states);
    states.merge(g.id(), new Cached(moves.size(), st), (old, neu) -> old.moves() >= neu.moves() ? old : neu);
    return st;
  }

  /**
   * The seat named in the path, if the caller may use it: its holder, or (when not {@code
   * acting}) the game's facilitator; 403 for another seat of a game the caller is in, 404 for an
   * unknown seat.
   */
  private static String seatOf(Context ctx, Loaded l, boolean acting) {
    String seat = seatParam(ctx);
    if (l.seat() != null && l.seat().equals(seat)) {
      return seat;
    }
    boolean known = l.seats().stream().anyMatch(s -> s.seat().equals(seat));
    if (l.part() == Part.FACILITATOR && known && !acting) {
      return seat;
    }
    if (!known && l.part() == Part.FACILITATOR) {
      throw ApiException.notFound("no seat '" + Bodies.clip(seat) + "' in game " + l.game().id());
    }
    throw new ApiException(403, "forbidden", acting
        ? "only the player holding a seat can move for it"
        : "this seat is not yours");
  }

  private static void facilitator(Loaded l) {
    if (l.part() != Part.FACILITATOR) {
      throw new ApiException(403, "forbidden", "only the game's facilitator can do this");
    }
  }

  private GameStore.Report report(Loaded l) {
    if (!l.over()) {
      throw new ApiException(409, "conflict", "the after-action report comes when the game is over"
          + " (turn " + l.state().turn() + " is being played)");
    }
    Optional<GameStore.Report> stored = store.report(l.game().id());
    if (stored.isPresent()) {
      return stored.get();
    }
    long id = l.game().id();
    // computed once: the first caller computes (its simulations on the worker pool), others wait
    CompletableFuture<GameStore.Report> mine = new CompletableFuture<>();
    CompletableFuture<GameStore.Report> running = reports.putIfAbsent(id, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : e;
      }
    }
    try {
      AfterActionReport rep = AfterAction.of(l.wargame(), l.state(), REPORT_RUNS, l.game().seed(),
          jobs.workers(), jobs.workerThreads());
      GameStore.Report r = store.storeReport(id, JsonText.of(rep), rep.svg());
      mine.complete(r);
      return r;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      reports.remove(id, mine);
    }
  }

  // ---- answers

  private Map<String, Object> summary(Loaded l) {
    StoredGame g = l.game();
    Map<String, Object> m = ordered("id", g.id(), "title", g.title(), "scenario", g.scenario(),
        "scenarioName", g.scenarioName(), "seating", g.seating(),
        "state", l.over() ? "over" : "running", "role", l.part().name().toLowerCase(Locale.ROOT),
        "seat", l.seat(), "turn", l.state().turn(),
        "yourMove", l.seat() != null && !l.over() && l.state().awaiting().contains(l.seat()),
        "createdAt", g.createdAt(), "updatedAt", g.updatedAt(), "teaching", g.teaching());
    return m;
  }

  private Map<String, Object> detail(Loaded l) {
    Map<String, Object> m = summary(l);
    GameState st = l.state();
    boolean truth = l.over() || l.part() == Part.FACILITATOR;
    if (l.part() == Part.FACILITATOR || l.over()) {
      m.put("seed", l.game().seed()); // the noise of every perception: secret while the game runs
    }
    if (l.part() == Part.FACILITATOR) {
      m.put("scenarioHash", l.game().scenarioHash());
    }
    int ownSide = l.seat() == null ? -1 : side(l.wargame(), l.seat());
    List<Object> seats = new ArrayList<>();
    for (SeatInfo s : l.wargame().seats()) {
      if (!truth && s.side() != ownSide) {
        continue; // a player sees its own side's seats; an observer none
      }
      GameSeat gs = l.seats().stream().filter(x -> x.seat().equals(s.id())).findFirst().orElse(null);
      Map<String, Object> e = ordered("id", s.id(), "side", s.side(), "sideName", s.sideName(),
          "actor", s.actor(), "actorName", s.actorName(), "faction", s.faction(),
          "factionName", s.factionName(), "engine", gs == null || gs.engine(),
          "held", gs != null && gs.accountId() != null,
          "awaiting", !l.over() && st.awaiting().contains(s.id()));
      if (l.part() == Part.FACILITATOR) {
        e.put("holder", gs == null || gs.accountId() == null ? null
            : db.accounts().get(gs.accountId()).map(Account::name).orElse(null));
        e.put("invited", gs != null && gs.invited());
      }
      seats.add(e);
    }
    m.put("seats", seats);
    m.put("sideToMove", st.over() ? null : (st.sideToMove() == 0 ? "red" : "blue"));
    String moverName = null;
    for (SeatInfo s : l.wargame().seats()) {
      if (!st.over() && s.side() == st.sideToMove()) {
        moverName = s.actorName(); // the scenario's actors are public: every seat of a side is one actor's
        break;
      }
    }
    m.put("sideToMoveName", moverName);
    m.put("outcome", st.over() ? st.outcome() : null);
    if (truth) {
      m.put("awaiting", st.over() ? List.of() : List.copyOf(st.awaiting()));
      m.put("highestRung", st.highestRung());
      m.put("truth", st.truth());
    }
    if (l.seat() != null) {
      m.put("view", view(l, l.seat())); // a player's, or the facilitator's own seat
    } else if (!truth) {
      m.put("view", st.publicView());
    }
    if (l.over()) {
      m.put("report", "/api/games/" + l.game().id() + "/report");
      m.put("reportSvg", "/api/games/" + l.game().id() + "/report.svg");
    }
    return m;
  }

  private Map<String, Object> seatView(Loaded l, String seat) {
    GameState st = l.state();
    return ordered("game", l.game().id(), "seat", seat, "turn", st.turn(), "over", st.over(),
        "outcome", st.over() ? st.outcome() : null,
        "yourMove", !st.over() && st.awaiting().contains(seat), "view", view(l, seat));
  }

  /**
   * A seat's view as the caller may see it: a player outside a teaching game chooses without the
   * engine's utilities of its candidates (they would anchor it on the engine's choice); the
   * facilitator, and everyone in a teaching game, sees them.
   */
  private static spiral.wargame.SeatView view(Loaded l, String seat) {
    spiral.wargame.SeatView v = l.state().view(seat);
    return l.part() == Part.PLAYER && !l.game().teaching() ? v.withoutUtilities() : v;
  }

  // ---- helpers

  /**
   * The seat named in a path: a faction seat "actor/faction" is written "actor.faction" there
   * (scenario ids have no dots), since a slash would split the path.
   */
  static String seatParam(Context ctx) {
    return ctx.pathParam("seat").replace('.', '/');
  }

  /** How a seat id is written in a path. */
  static String seatPath(String seat) {
    return seat.replace('/', '.');
  }

  private static int side(Wargame w, String seat) {
    for (SeatInfo s : w.seats()) {
      if (s.id().equals(seat)) {
        return s.side();
      }
    }
    return -1;
  }

  private static List<String> seatIds(Wargame w) {
    List<String> out = new ArrayList<>();
    w.seats().forEach(s -> out.add(s.id()));
    return out;
  }

  private static Seating seating(String wire) {
    return switch (wire) {
      case "sides" -> Seating.SIDES;
      case "factions" -> Seating.FACTIONS;
      default -> throw ApiException.badRequest("seating: expected \"sides\" or \"factions\", was '"
          + Bodies.clip(wire) + "'");
    };
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String link(String token) {
    return "/#/join/" + token;
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
