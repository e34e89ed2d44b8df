package spiral.server;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import spiral.store.Account;
import spiral.store.AccountStore;
import spiral.store.Hashes;
import spiral.store.LoginSession;
import spiral.store.ConflictException;
import spiral.store.Role;
import spiral.store.Visibility;

/**
 * Accounts, login sessions and request authorisation for the server.
 *
 * <p>Passwords are hashed with Argon2id (RFC 9106) by Password4j, with the parameters OWASP's
 * Password Storage Cheat Sheet recommends (19 MiB, 2 passes, 1 lane; about 30&ndash;60 ms a hash
 * on one core). A login opens a session: a random 256-bit token in the cookie {@value #COOKIE}
 * (HttpOnly, SameSite=Strict, Secure over HTTPS), stored only as its SHA-256, with a CSRF token
 * of its own that every state-changing request must echo in the {@value #CSRF_HEADER} header
 * (the synchronizer-token pattern of OWASP's CSRF Prevention Cheat Sheet). Sessions live in the
 * database, so they survive a restart, and end after {@link #IDLE_MILLIS} unused or {@link
 * #MAX_AGE_MILLIS} after the login. State-changing requests that a browser marks as cross-site
 * ({@code Sec-Fetch-Site}), or whose {@code Origin} is not the server's, are refused, login and
 * sign-up included (a forged login would seat the victim in the attacker's account).
 *
 * <p>Every {@code /api} request except the public ones (the API index, its documents, login and
 * sign-up) needs a session: the check runs before routing ({@link #guard}), so no route can be
 * left open by mistake; routes then ask for roles with {@link #require(Context, Role...)}. Failed
 * logins and current-password checks are throttled per name and address, per address and per
 * name, and sign-ups per address ({@link LoginLimiter}); at most one Argon2id computation per core
 * runs at a time, so a flood of logins queues rather than exhausting memory.
 *
 * <p>Cost: a request with a session costs one indexed query (and a write once a minute per
 * session); a login or sign-up one Argon2id hash.
 */
final class Auth {
  /** The session cookie. */
  static final String COOKIE = "spiral_session";
  /** The header carrying the CSRF token. */
  static final String CSRF_HEADER = "X-CSRF-Token";
  /** A session unused this long ends: 12 hours. */
  static final long IDLE_MILLIS = 12 * 3600_000L;
  /** A session ends this long after its login, however busy: 7 days. */
  static final long MAX_AGE_MILLIS = 7 * 24 * 3600_000L;
  /** The facilitator account a new server creates. */
  static final String ADMIN = "admin";

  private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{3,40}");
  /** Longer passwords are not even checked at login (a new one can be at most {@link PasswordPolicy#MAX} code points). */
  private static final int MAX_PASSWORD = 4 * PasswordPolicy.MAX;
  private static final Set<String> PUBLIC = Set.of("/api", "/api/openapi.json", "/api/docs",
      "/api/auth/login", "/api/auth/register", "/api/auth/me");
  private static final Set<String> NO_CSRF = Set.of("/api/auth/login", "/api/auth/register");
  private static final String SESSION_ATTR = "spiral.session";
  /** Argon2id, m = 19 MiB, t = 2, p = 1, 32-byte tag, version 1.3. */
  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID, 19);
  /** One Argon2id computation (19 MiB) per core at a time. */
  private static final Semaphore HASHING = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
  private static final String DUMMY_HASH = hash("a password nobody has; used to time failures alike");
  /** The answer to every accepted sign-up, whether or not the name was free. */
  static final Map<String, Object> SIGNED_UP = Map.of("status", "accepted", "message",
      "if the name was free, the player account exists now: log in with it; if the login fails, pick another name");
  /** The throttling key of a login name that no account can have. */
  private static final String NO_SUCH_NAME = "?";

  private final AccountStore accounts;
  /** Whether an account holds a seat in a game that is not over. */
  private final LongPredicate holdsRunningSeat;
  private final Bodies bodies;
  private final Clock clock;
  private final SecureRandom random;
  private final LoginLimiter limiter;
  /** The real client's address (see {@link ClientAddress}). */
  private final Function<Context, String> client;

  Auth(AccountStore accounts, LongPredicate holdsRunningSeat, Bodies bodies, Clock clock,
      SecureRandom random, int signupsPerHour, Function<Context, String> client) {
    this.accounts = accounts;
    this.holdsRunningSeat = holdsRunningSeat;
    this.bodies = bodies;
    this.clock = clock;
    this.random = random;
    this.limiter = new LoginLimiter(clock, LoginLimiter.standard(signupsPerHour));
    this.client = client;
  }

  /**
   * Creates the facilitator {@value #ADMIN} when there is no account yet.
   *
   * @param password its password, or null for a generated one
   * @return the generated password, when one was generated (to show once), else empty
   */
  Optional<String> bootstrap(String password) {
    accounts.closeOldSessions(clock.millis() - IDLE_MILLIS, clock.millis() - MAX_AGE_MILLIS);
    if (accounts.count() > 0) {
      adopt();
      return Optional.empty();
    }
    String pw = password;
    if (pw == null) {
      pw = token(15);
    } else {
      checkPassword(pw, ADMIN);
    }
    accounts.create(ADMIN, hash(pw), Role.ADMIN, clock.millis());
    adopt();
    return password == null ? Optional.of(pw) : Optional.empty();
  }

  /** Gives the scenarios, jobs and results stored before ownership existed to {@value #ADMIN}. */
  private void adopt() {
    accounts.byName(ADMIN).ifPresent(a -> accounts.adoptUnowned(a.id()));
  }

  /** The account of the request's session, or 401. */
  Account require(Context ctx) {
    return session(ctx).orElseThrow(Auth::unauthorized).account();
  }

  /** The account of the request's session, or 401; 403 when its role is not one of {@code allowed}. */
  Account require(Context ctx, Role... allowed) {
    Account a = require(ctx);
    for (Role r : allowed) {
      if (a.role() == r || (r == Role.FACILITATOR && a.role() == Role.ADMIN)) {
        return a;
      }
    }
    throw new ApiException(403, "forbidden", "this needs the role " + roles(allowed)
        + "; you are " + a.role().wire());
  }

  /** What {@code a} may read of the stored scenarios, jobs and results: its own and the shared ones; the admin all. */
  static Visibility visibility(Account a) {
    return new Visibility(a.id(), a.role() == Role.ADMIN);
  }

  /** Whether {@code a} may change or share an item owned by {@code ownerId}: its owner or the admin. */
  static boolean mayChange(Account a, long ownerId) {
    return a.id() == ownerId || a.role() == Role.ADMIN;
  }

  /**
   * Runs before every request: {@code /api} paths other than the public ones need a session, and
   * state-changing methods also the session's CSRF token.
   */
  void guard(Context ctx) {
    String path = ctx.path();
    if (!path.equals("/api") && !path.startsWith("/api/")) {
      return;
    }
    String method = ctx.method().name();
    boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (!safe && crossSite(ctx)) {
      throw new ApiException(403, "csrf", "a cross-site request may not change anything here");
    }
    if (PUBLIC.contains(path) && (safe || NO_CSRF.contains(path))) {
      return;
    }
    LoginSession s = session(ctx).orElseThrow(Auth::unauthorized);
    if (!safe) {
      String sent = ctx.header(CSRF_HEADER);
      if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
          s.csrf().getBytes(StandardCharsets.UTF_8))) {
        throw new ApiException(403, "csrf", "this request needs the session's CSRF token in the "
            + CSRF_HEADER + " header (GET /api/auth/me gives it)");
      }
    }
  }

  void routes(RoutesConfig r) {
    r.post("/api/auth/login", ctx -> {
      var body = bodies.object(ctx);
      Bodies.onlyKeys(body, "", Set.of("name", "password"));
      String name = Bodies.string(body, "name").toLowerCase(Locale.ROOT);
      String password = Bodies.string(body, "password");
      boolean possible = NAME.matcher(name).matches() && password.length() <= MAX_PASSWORD;
      LoginLimiter.Attempt attempt = allow(limiter.attempt(possible ? name : NO_SUCH_NAME, client.apply(ctx)), ctx,
          "too many failed logins for this name or from your address");
      // a disabled account reads like a wrong password
      Optional<AccountStore.Credentials> c = possible ? accounts.enabledCredentials(name) : Optional.empty();
      boolean ok = verify(password, c.map(AccountStore.Credentials::passwordHash).orElse(DUMMY_HASH))
          && c.isPresent();
      if (!ok) {
        throw new ApiException(401, "unauthorized", "wrong name or password");
      }
      limiter.succeeded(attempt);
      Server.json(ctx, 200, open(ctx, c.get().account()));
    });
    r.post("/api/auth/register", ctx -> {
      var body = bodies.object(ctx);
      Bodies.onlyKeys(body, "", Set.of("name", "password"));
      String name = checkName(Bodies.string(body, "name"));
      String password = Bodies.string(body, "password");
      checkPassword(password, name);
      long wait = limiter.signup(client.apply(ctx));
      if (wait > 0) {
        throw tooMany(ctx, wait, "too many sign-ups from your address");
      }
      // the same answer, the same work (one Argon2id hash) and no session whether or not the name
      // was free: a sign-up does not tell anyone which names exist; the client logs in next
      accounts.create(name, hash(password), Role.PLAYER, clock.millis());
      Server.json(ctx, 202, SIGNED_UP);
    });
    r.post("/api/auth/logout", ctx -> {
      String token = ctx.cookie(COOKIE);
      if (token != null) {
        accounts.closeSession(Hashes.sha256(token));
      }
      ctx.header("Set-Cookie", cookie(ctx, "", 0));
      ctx.status(204);
    });
    r.get("/api/auth/me", ctx -> {
      LoginSession s = session(ctx).orElseThrow(Auth::unauthorized);
      Server.json(ctx, 200, me(s.account(), s.csrf()));
    });
    r.post("/api/auth/password", ctx -> {
      Account a = require(ctx);
      var body = bodies.object(ctx);
      Bodies.onlyKeys(body, "", Set.of("current", "password"));
      String current = Bodies.string(body, "current");
      String password = Bodies.string(body, "password");
      String hash = accounts.credentials(a.name()).orElseThrow(Auth::unauthorized).passwordHash();
      LoginLimiter.Attempt attempt = allow(limiter.attempt(a.name(), client.apply(ctx)), ctx,
          "too many wrong passwords");
      if (current.length() > MAX_PASSWORD || !verify(current, hash)) {
        throw new ApiException(403, "forbidden", "the current password is wrong");
      }
      limiter.succeeded(attempt);
      checkPassword(password, a.name());
      accounts.setPassword(a.id(), hash(password));
      Server.json(ctx, 200, open(ctx, a));
    });

    r.get("/api/users", ctx -> {
      require(ctx, Role.ADMIN);
      List<Object> out = new ArrayList<>();
      Set<String> disabled = accounts.disabledNames();
      for (Account a : accounts.list()) {
        out.add(Server.ordered("name", a.name(), "role", a.role().wire(), "createdAt", a.createdAt(),
            "disabled", disabled.contains(a.name())));
      }
      Server.json(ctx, 200, Map.of("users", out));
    });
    r.post("/api/users", ctx -> {
      require(ctx, Role.ADMIN);
      var body = bodies.object(ctx);
      Bodies.onlyKeys(body, "", Set.of("name", "password", "role"));
      String name = checkName(Bodies.string(body, "name"));
      String password = Bodies.string(body, "password");
      Role role = role(Bodies.string(body, "role"));
      checkPassword(password, name);
      Account a = accounts.create(name, hash(password), role, clock.millis())
          .orElseThrow(() -> new ApiException(409, "conflict", "the name '" + name + "' is taken"));
      ctx.header("Location", "/api/users/" + a.name());
      Server.json(ctx, 201, Server.ordered("name", a.name(), "role", a.role().wire(), "createdAt", a.createdAt()));
    });
    disableRoutes(r);
    r.put("/api/users/{name}", ctx -> {
      require(ctx, Role.ADMIN);
      var body = bodies.object(ctx);
      Bodies.onlyKeys(body, "", Set.of("role"));
      Role role = role(Bodies.string(body, "role"));
      String name = ctx.pathParam("name").toLowerCase(Locale.ROOT);
      AccountStore.RoleChange ch;
      try {
        // one transaction with the account's row locked: no seat claim interleaves, and the
        // account's sessions end with the change (a demoted facilitator loses its games at once)
        ch = accounts.changeRole(name, role)
            .orElseThrow(() -> ApiException.notFound("no account '" + Bodies.clip(name) + "'"));
      } catch (ConflictException e) {
        throw new ApiException(409, "conflict", e.getMessage());
      }
      Account a = ch.account();
      Server.json(ctx, 200, Server.ordered("name", a.name(), "role", a.role().wire(), "createdAt", a.createdAt(),
          "sessionsEnded", ch.sessionsEnded()));
    });
  }

  /** Registers the facilitators' disable and enable routes. */
  private void disableRoutes(RoutesConfig r) {
    for (boolean disable : new boolean[] {true, false}) {
      r.post("/api/users/{name}/" + (disable ? "disable" : "enable"), ctx -> {
        Account me = require(ctx, Role.ADMIN);
        String name = ctx.pathParam("name").toLowerCase(Locale.ROOT);
        if (disable && (name.equals(me.name()) || name.equals(ADMIN))) {
          throw new ApiException(409, "conflict", "the account admin cannot be disabled");
        }
        int ended = accounts.setDisabled(name, disable)
            .orElseThrow(() -> ApiException.notFound("no account '" + Bodies.clip(name) + "'"));
        Server.json(ctx, 200, Server.ordered("name", name, "disabled", disable, "sessionsEnded", ended));
      });
    }
  }

  /** The request's live session, looked up once per request. */
  private Optional<LoginSession> session(Context ctx) {
    Object cached = ctx.attribute(SESSION_ATTR);
    if (cached instanceof LoginSession s) {
      return Optional.of(s);
    }
    String token = ctx.cookie(COOKIE);
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    String key = Hashes.sha256(token);
    Optional<LoginSession> s = accounts.session(key);
    long now = clock.millis();
    if (s.isPresent() && (s.get().lastSeen() < now - IDLE_MILLIS || s.get().createdAt() < now - MAX_AGE_MILLIS)) {
      accounts.closeSession(key);
      return Optional.empty();
    }
    if (s.isPresent() && s.get().lastSeen() < now - 60_000) {
      accounts.touchSession(key, now);
    }
    s.ifPresent(v -> ctx.attribute(SESSION_ATTR, v));
    return s;
  }

  /** Opens a session for {@code a}: the cookie, and the answer with the CSRF token. */
  private Map<String, Object> open(Context ctx, Account a) {
    String token = token(32);
    String csrf = token(32);
    accounts.openSession(Hashes.sha256(token), a.id(), csrf, clock.millis());
    ctx.header("Set-Cookie", cookie(ctx, token, -1));
    return me(a, csrf);
  }

  private static Map<String, Object> me(Account a, String csrf) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", a.name());
    m.put("role", a.role().wire());
    m.put("csrf", csrf);
    return m;
  }

  /** A Set-Cookie value: a browser-session cookie, or (maxAge 0) one that deletes it. */
  private static String cookie(Context ctx, String value, int maxAge) {
    StringBuilder b = new StringBuilder(COOKIE).append('=').append(value)
        .append("; Path=/; HttpOnly; SameSite=Strict");
    if (maxAge >= 0) {
      b.append("; Max-Age=").append(maxAge);
    }
    // behind a proxy that ends TLS the request arrives over http; marking Secure only narrows
    if ("https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))) {
      b.append("; Secure");
    }
    return b.toString();
  }

  private String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String password) {
    HASHING.acquireUninterruptibly();
    try {
      return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    } finally {
      HASHING.release();
    }
  }

  private static boolean verify(String password, String hash) {
    HASHING.acquireUninterruptibly();
    try {
      return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    } catch (RuntimeException e) {
      return false; // an unreadable stored hash matches nothing
    } finally {
      HASHING.release();
    }
  }

  /** The attempt when allowed; else 429 with Retry-After. */
  private static LoginLimiter.Attempt allow(LoginLimiter.Attempt a, Context ctx, String what) {
    if (!a.allowed()) {
      throw tooMany(ctx, a.retryAfterSeconds(), what);
    }
    return a;
  }

  private static ApiException tooMany(Context ctx, long wait, String what) {
    ctx.header("Retry-After", Long.toString(wait));
    return new ApiException(429, "too_many_requests", what + ": try again in " + wait + " s");
  }

  /**
   * Whether a browser says the request comes from another site: {@code Sec-Fetch-Site} is
   * {@code cross-site} or {@code same-site}, or, where a browser does not send that header, an
   * {@code Origin} whose host and port are not the request's {@code Host} (or {@code
   * X-Forwarded-Host}, behind a proxy). Clients that are not browsers send neither and pass.
   */
  private static boolean crossSite(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null) {
      return site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site");
    }
    String origin = ctx.header("Origin");
    if (origin == null) {
      return false;
    }
    String authority;
    try {
      authority = URI.create(origin).getRawAuthority();
    } catch (IllegalArgumentException e) {
      return true;
    }
    if (authority == null) {
      return true; // "null": a sandboxed or opaque origin
    }
    String host = ctx.header("Host");
    String forwarded = ctx.header("X-Forwarded-Host");
    return !authority.equalsIgnoreCase(host) && !authority.equalsIgnoreCase(forwarded);
  }

  private static String checkName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (!NAME.matcher(n).matches()) {
      throw ApiException.badRequest("name: 3 to 40 letters, digits, '.', '_' or '-', was '"
          + Bodies.clip(name) + "'");
    }
    return n;
  }

  private static void checkPassword(String password, String name) {
    PasswordPolicy.check(password, name);
  }

  /** A role that can be given: not admin, which belongs to the account {@value #ADMIN} alone. */
  private static Role role(String wire) {
    return Role.of(wire).filter(r -> r != Role.ADMIN).orElseThrow(() -> ApiException.badRequest("role: one of facilitator,"
        + " player, observer, was '" + Bodies.clip(wire) + "'"));
  }

  private static String roles(Role... allowed) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < allowed.length; i++) {
      b.append(i == 0 ? "" : i == allowed.length - 1 ? " or " : ", ").append(allowed[i].wire());
    }
    return b.toString();
  }

  private static ApiException unauthorized() {
    return new ApiException(401, "unauthorized", "log in first (POST /api/auth/login)");
  }
}
