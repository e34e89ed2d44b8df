package spiral.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import spiral.JsonText;
import spiral.Version;
import spiral.store.Account;
import spiral.store.Database;
import spiral.store.Job;
import spiral.store.JobState;
import spiral.store.Role;
import spiral.store.ResultInfo;
import spiral.store.ScenarioInfo;
import spiral.store.ScenarioStore;
import spiral.store.StoredResult;
import spiral.store.Visibility;

/**
 * Spiral's web server: the REST API under {@code /api} (scenarios, jobs, results; JSON in and
 * out, documented by the OpenAPI 3 document at {@code /api/openapi.json} and the page at {@code
 * /api/docs}) on Javalin, over the store.
 *
 * <p>On start it opens the database (migrating it), marks the jobs a previous server left queued
 * or running as failed (interrupted), and binds. Every error is JSON {@code {error, message,
 * details?}} with a 4xx or 5xx status; request bodies are limited (413 beyond); no response
 * carries a stack trace, a class name or the server's software versions.
 *
 * <p>Status codes follow HTTP semantics (RFC 9110): 201 created, 202 accepted (a queued job),
 * 204 deleted, 400, 403, 404, 405, 409, 413, 503. The document is OpenAPI 3.0.3.
 *
 * <p>Cost: a request costs a few statements on the database; a job's cost is its computation's
 * (see the core's analyses), run on the shared worker pool.
 *
 * <p>Use: {@code Server s = new Server(); int port = s.start(config); ... s.stop();}
 */
public final class Server {
  /** The roles that may read scenarios, jobs and results (not players: scenarios hold both sides' secrets). */
  static final Role[] READERS = {Role.FACILITATOR, Role.OBSERVER};
  /** The routes, as registered: "METHOD path" (for the check against the OpenAPI document). */
  private final List<String> routes = new ArrayList<>();
  private Javalin app;
  private Database db;
  private Jobs jobs;
  private Catalog catalog;
  private Bodies bodies;
  private Auth auth;
  private Games games;
  private int interrupted;
  private long maxRunsPerJob;
  private long facilitatorRunsPerJob;
  private Optional<String> generatedAdminPassword = Optional.empty();
  private final Clock clock;
  private final Timeouts timeouts;
  private final SecureRandom random;
  private SlowClientGuard guard;
  private org.eclipse.jetty.server.Server jetty;

  /** The largest request line and header block: 8 KiB (431 beyond). */
  static final int REQUEST_HEADER_BYTES = 8 * 1024;
  /** The largest body on the login, sign-up and password routes: 4 KiB (413 beyond). */
  static final long AUTH_BODY_BYTES = 4 * 1024;

  /**
   * How long a client may take.
   *
   * @param idleMillis a connection with nothing happening on it is closed after this long
   * @param headerMillis a request's line and headers must arrive within this long of their first byte
   * @param bodyMillis a request body must arrive within this long of its headers
   * @param authBodyMillis the same on the login, sign-up and password routes
   */
  record Timeouts(long idleMillis, long headerMillis, long bodyMillis, long authBodyMillis) {
    /** 30 s idle, 10 s for headers, 30 s for a body, 10 s for a login's. */
    static final Timeouts STANDARD = new Timeouts(30_000, 10_000, 30_000, 10_000);

    Timeouts {
      if (idleMillis < 1 || headerMillis < 1 || bodyMillis < 1 || authBodyMillis < 1) {
        throw new IllegalArgumentException("timeouts must be positive: " + idleMillis + ", " + headerMillis
            + ", " + bodyMillis + ", " + authBodyMillis);
      }
    }
  }

  /** A server on the system clock. */
  public Server() {
    this(Clock.systemUTC());
  }

  /** A server on {@code clock} (sessions, login throttling). */
  public Server(Clock clock) {
    this(clock, new SecureRandom());
  }

  /**
   * A server on {@code clock} whose wargames take their invitation tokens and their seeds (for a
   * game opened without one) from {@code random}.
   */
  public Server(Clock clock, SecureRandom random) {
    this(clock, random, Timeouts.STANDARD);
  }

  /** A server on {@code clock} with other client timeouts (for tests). */
  Server(Clock clock, Timeouts timeouts) {
    this(clock, new SecureRandom(), timeouts);
  }

  private Server(Clock clock, SecureRandom random, Timeouts timeouts) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    this.random = java.util.Objects.requireNonNull(random, "random");
    this.timeouts = java.util.Objects.requireNonNull(timeouts, "timeouts");
  }

  /**
   * Starts the server.
   *
   * @return the bound port
   * @throws spiral.store.StoreException if the database cannot be opened or migrated
   * @throws IllegalArgumentException for a database URL of an unsupported kind
   * @throws IllegalStateException if already started, or the address cannot be bound
   */
  public synchronized int start(ServerConfig config) {
    if (app != null) {
      throw new IllegalStateException("the server is already started");
    }
    String url = config.dbUrl();
    if (url == null) {
      try {
        Files.createDirectories(config.dataDir());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
      }
      url = Database.h2Url(config.dataDir());
    }
    maxRunsPerJob = config.maxRunsPerJob();
    facilitatorRunsPerJob = config.facilitatorRunsPerJob();
    db = Database.open(url, config.dbUser(), config.dbPassword());
    try {
      interrupted = db.jobs().interruptUnfinished();
      catalog = new Catalog(db.scenarios());
      catalog.backfill();
      bodies = new Bodies(config.maxBodyBytes());
      ClientAddress clients = ClientAddress.trusting(config.trustedProxies());
      auth = new Auth(db.accounts(), db.games()::holdsRunningSeat, bodies, clock, new SecureRandom(),
          config.signupsPerHour(), ctx -> clients.of(ctx.req().getRemoteAddr(),
              java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For"))));
      generatedAdminPassword = auth.bootstrap(config.adminPassword());
      jobs = new Jobs(db.jobs(), config.jobThreads(), config.workerThreads(), config.maxQueuedJobs(),
          config.jobsPerAccount());
      games = new Games(db, catalog, bodies, auth, jobs, random);
      app = Javalin.create(c -> {
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.http.maxRequestSize = config.maxBodyBytes();
        c.http.prefer405over404 = true;
        c.jetty.modifyHttpConfiguration(h -> {
          h.setSendServerVersion(false);
          h.setSendXPoweredBy(false);
          h.setRequestHeaderSize(REQUEST_HEADER_BYTES);
        });
        c.jetty.modifyServer(s -> {
          jetty = s;
          guard = new SlowClientGuard(clients::trusted, config.maxConnectionsPerAddress(), timeouts.headerMillis(),
              System::nanoTime, s.getThreadPool());
          s.setErrorHandler(new JsonErrorHandler());
          // bodies are read in full, without a thread, before the API (Javalin's servlet) sees them
          s.setHandler(new BodyBuffer(new BodyBuffer.Limits(config.maxBodyBytes(), timeouts.bodyMillis(),
              AUTH_BODY_BYTES, timeouts.authBodyMillis())));
        });
        c.jetty.addConnector((s, http) -> {
          ServerConnector connector = new ServerConnector(s, new HttpConnectionFactory(http));
          connector.setHost(config.host());
          connector.setPort(config.port());
          connector.setIdleTimeout(timeouts.idleMillis());
          connector.addEventListener(guard);
          return connector;
        });
        c.router.javaLangErrorHandler((res, err) -> {
          System.err.println("spiral: internal error: " + err);
          res.setStatus(500);
          res.setContentType("application/json; charset=utf-8");
          try {
            res.getOutputStream().write(
                "{\"error\":\"internal\",\"message\":\"internal server error\"}".getBytes(StandardCharsets.UTF_8));
          } catch (IOException e) {
            // the client is gone
          }
        });
        c.events.handlerAdded(h -> {
          if (h.getHttpMethod().isHttpMethod()) {
            routes.add(h.getHttpMethod().name() + " " + h.getPath());
          }
        });
        routes(c.routes);
      });
      app.start();
      guard.start(jetty.getScheduler(), Math.min(1000, timeouts.headerMillis()));
      return app.port();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** The connection limits in force (for tests). */
  synchronized SlowClientGuard guard() {
    return guard;
  }

  /** The port the server listens on. */
  public synchronized int port() {
    return app.port();
  }

  /**
   * The password generated for the facilitator account {@code admin} when this start created it
   * without one being configured (to show once), else empty.
   */
  public Optional<String> generatedAdminPassword() {
    return generatedAdminPassword;
  }

  /** How many unfinished jobs the start found and marked interrupted. */
  public int interruptedAtStart() {
    return interrupted;
  }

  /** The registered routes as "METHOD path", e.g. "GET /api/jobs/{id}". */
  public synchronized List<String> routes() {
    return List.copyOf(routes);
  }

  /** Stops: no new requests, running jobs cancelled and marked interrupted, the database closed. */
  public synchronized void stop() {
    if (app != null) {
      app.stop();
      app = null;
      jetty = null;
    }
    if (jobs != null) {
      jobs.close();
      jobs = null;
    }
    if (db != null) {
      db.close();
      db = null;
    }
  }

  private void routes(RoutesConfig r) {
    r.before(ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Cache-Control", "no-store");
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("X-Frame-Options", "DENY");
    });
    r.before(ctx -> auth.guard(ctx));
    auth.routes(r);
    r.exception(ApiException.class, (e, ctx) -> error(ctx, e.status, e.error, e.getMessage(), e.details));
    r.exception(HttpResponseException.class, (e, ctx) -> {
      int s = e.getStatus();
      error(ctx, s, code(s), s == 404 || s == 405 ? noRoute(ctx, s) : JsonErrorHandler.reason(s), null);
    });
    r.exception(JsonProcessingException.class, (e, ctx) -> error(ctx, 500, "internal", "internal server error", null));
    r.exception(Exception.class, (e, ctx) -> {
      System.err.println("spiral: internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
      error(ctx, 500, "internal", "internal server error", null);
    });
    for (int s : new int[] {404, 405}) {
      r.error(s, ctx -> {
        String body = ctx.result();
        if (body == null || body.isEmpty() || !body.startsWith("{")) {
          error(ctx, s, code(s), noRoute(ctx, s), null);
        }
      });
    }

    UiRoutes.register(r);
    r.get("/api", ctx -> json(ctx, 200, ordered("name", "spiral", "version", Version.get(),
        "openapi", "/api/openapi.json", "docs", "/api/docs", "outcomes", outcomeDefinitions())));
    r.get("/api/openapi.json", ctx -> {
      ObjectNode doc = (ObjectNode) Bodies.READER.readTree(resource("openapi.json"));
      ((ObjectNode) doc.get("info")).put("version", Version.get());
      json(ctx, 200, doc);
    });
    r.get("/api/docs", ctx -> {
      ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline';"
          + " style-src 'unsafe-inline'; connect-src 'self'");
      ctx.contentType("text/html; charset=utf-8").result(resource("docs.html"));
    });

    r.get("/api/scenarios", ctx -> {
      Account me = auth.require(ctx, READERS);
      int limit = limit(ctx);
      long offset = offset(ctx);
      Catalog.Page page = catalog.page(limit, offset, Auth.visibility(me));
      List<Object> out = new ArrayList<>();
      for (Catalog.Entry e : page.builtins()) {
        out.add(scenario(e, false));
      }
      for (ScenarioInfo i : page.stored()) {
        out.add(listed(i));
      }
      long next = offset + out.size();
      json(ctx, 200, ordered("scenarios", out, "total", page.total(), "limit", limit, "offset", offset,
          "next", next < page.total() && !out.isEmpty() ? "/api/scenarios?limit=" + limit + "&offset=" + next : null));
    });
    r.get("/api/history", ctx -> {
      auth.require(ctx, READERS);
      String where = ctx.queryParam("where");
      where = where == null || where.isBlank() ? "" : where.strip();
      if (where.length() > 500) {
        throw ApiException.badRequest("where: at most 500 characters, had " + where.length());
      }
      spiral.history.ReferenceClass rc;
      try {
        spiral.history.CrisisFilter filter =
            where.isEmpty() ? spiral.history.CrisisFilter.ALL : spiral.history.CrisisFilter.parse(where);
        rc = spiral.history.ReferenceClass.of(Icb.DATA, filter);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("where: " + e.getMessage());
      }
      json(ctx, 200, spiral.history.ReferenceSummary.of(rc, Icb.DATA));
    });
    r.post("/api/scenarios/validate", ctx -> {
      auth.require(ctx, READERS);
      var sc = Catalog.parse(yaml(ctx));
      json(ctx, 200, ordered("valid", true, "name", sc.id(), "title", sc.name()));
    });
    r.post("/api/scenarios", ctx -> {
      Account me = auth.require(ctx, Role.FACILITATOR);
      String yaml = yaml(ctx);
      var sc = Catalog.parse(yaml);
      var s = db.scenarios().create(me.id(), sc.id(), sc.name(), yaml, Catalog.facts(sc));
      ctx.header("Location", "/api/scenarios/" + s.id());
      json(ctx, 201, scenario(catalog.get(Long.toString(s.id()), Auth.visibility(me)), true));
    });
    r.get("/api/scenarios/{id}", ctx -> {
      Account me = auth.require(ctx, READERS);
      json(ctx, 200, scenario(catalog.get(ctx.pathParam("id"), Auth.visibility(me)), true));
    });
    r.post("/api/scenarios/{id}/share", ctx -> {
      Account me = auth.require(ctx, Role.FACILITATOR);
      long id = ownScenario(ctx, me);
      db.scenarios().setShared(id, shared(ctx));
      json(ctx, 200, scenario(catalog.get(Long.toString(id), Auth.visibility(me)), false));
    });
    r.put("/api/scenarios/{id}", ctx -> {
      Account me = auth.require(ctx, Role.FACILITATOR);
      long id = ownScenario(ctx, me);
      String yaml = yaml(ctx);
      var sc = Catalog.parse(yaml);
      db.scenarios().update(id, sc.id(), sc.name(), yaml, Catalog.facts(sc))
          .orElseThrow(() -> ApiException.notFound("no scenario '" + id + "'"));
      json(ctx, 200, scenario(catalog.get(Long.toString(id), Auth.visibility(me)), true));
    });
    r.delete("/api/scenarios/{id}", ctx -> {
      Account me = auth.require(ctx, Role.FACILITATOR);
      long id = ownScenario(ctx, me);
      if (!db.scenarios().delete(id)) {
        throw ApiException.notFound("no scenario '" + id + "'");
      }
      ctx.status(204);
    });

    r.post("/api/jobs", ctx -> {
      Account me = auth.require(ctx, Role.FACILITATOR);
      JobSpec spec = JobSpec.read(bodies.object(ctx), catalog, runLimit(me), Auth.visibility(me));
      Job job = jobs.submit(spec, me);
      ctx.header("Location", "/api/jobs/" + job.id());
      json(ctx, 202, job(db.jobs().get(job.id()).orElse(job)));
    });
    r.get("/api/jobs", ctx -> {
      Account me = auth.require(ctx, READERS);
      List<Object> out = new ArrayList<>();
      for (Job j : db.jobs().list(limit(ctx), Auth.visibility(me))) {
        out.add(job(j));
      }
      json(ctx, 200, Map.of("jobs", out));
    });
    r.get("/api/jobs/{id}", ctx -> {
      Account me = auth.require(ctx, READERS);
      json(ctx, 200, job(findJob(ctx, me)));
    });
    r.post("/api/jobs/{id}/share", ctx -> {
      Account me = auth.require(ctx, Role.FACILITATOR);
      Job j = ownJob(ctx, me);
      db.jobs().setShared(j.id(), shared(ctx));
      json(ctx, 200, job(db.jobs().get(j.id()).orElse(j)));
    });
    r.delete("/api/jobs/{id}", ctx -> {
      Account me = auth.require(ctx, Role.FACILITATOR);
      Job j = ownJob(ctx, me);
      if (!jobs.cancel(j.id())) {
        Job now = db.jobs().get(j.id()).orElse(j);
        throw new ApiException(409, "conflict", "job " + j.id() + " has already ended ("
            + now.state().wire() + "): only a queued or running job can be cancelled");
      }
      json(ctx, 200, job(db.jobs().get(j.id()).orElse(j)));
    });

    r.get("/api/results", ctx -> {
      Account me = auth.require(ctx, READERS);
      List<Object> out = new ArrayList<>();
      for (ResultInfo i : db.results().list(limit(ctx), Auth.visibility(me))) {
        out.add(result(i, null));
      }
      json(ctx, 200, Map.of("results", out));
    });
    r.get("/api/results/{id}", ctx -> {
      Account me = auth.require(ctx, READERS);
      StoredResult s = findResult(ctx, me);
      json(ctx, 200, result(s.info(), s));
    });
    r.get("/api/results/{id}/report", ctx -> {
      Account me = auth.require(ctx, READERS);
      ResultInfo i = findResult(ctx, me).info();
      String html = db.results().report(i.id()).orElseThrow(() -> new ApiException(404, "not_found",
          "result " + i.id() + " has no HTML report: only options, study, calibrate and negotiate results"
              + " keep one, and only those computed since reports were kept (re-run it for one)"));
      // the report's own inline script and styles, nothing from elsewhere
      ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline';"
          + " style-src 'unsafe-inline'; img-src data:");
      ctx.header("Content-Disposition", "attachment; filename=\"spiral-result-" + i.id() + ".html\"");
      ctx.status(200).contentType("text/html; charset=utf-8").result(html);
    });
    r.get("/api/results/{id}/points.parquet", ctx -> {
      Account me = auth.require(ctx, READERS);
      StoredResult found = findResult(ctx, me);
      byte[] file = SweepPoints.parquet(found);
      ctx.header("Content-Disposition", "attachment; filename=\"spiral-result-" + found.info().id() + "-points.parquet\"");
      ctx.status(200).contentType("application/vnd.apache.parquet").result(file);
    });
    r.post("/api/charts", ctx -> {
      auth.require(ctx, READERS);
      json(ctx, 200, ChartRender.render(bodies.object(ctx)));
    });
    r.get("/api/results/{id}/discover", ctx -> {
      Account me = auth.require(ctx, READERS);
      json(ctx, 200, SweepDiscovery.find(ctx, findResult(ctx, me)));
    });
    r.post("/api/results/{id}/share", ctx -> {
      Account me = auth.require(ctx, Role.FACILITATOR);
      ResultInfo i = findResult(ctx, me).info();
      if (!Auth.mayChange(me, i.ownerId())) {
        throw notYours("result " + i.id());
      }
      db.results().setShared(i.id(), shared(ctx));
      json(ctx, 200, result(findResult(ctx, me).info(), null));
    });
    r.post("/api/results/{id}/rerun", ctx -> {
      Account me = auth.require(ctx, Role.FACILITATOR);
      ResultInfo i = findResult(ctx, me).info();
      String yaml = db.results().scenarioText(i.scenarioHash()).orElseThrow(() ->
          new ApiException(409, "conflict", "the scenario text of result " + i.id() + " is no longer stored"));
      JsonNode params = Bodies.READER.readTree(i.parameters());
      JobSpec spec = new JobSpec(i.kind(), i.scenario(), yaml, i.seed(), (ObjectNode) params);
      spec.check(runLimit(me)); // the limit may have been lowered since, or the caller's be lower
      Job job = jobs.submit(spec, me); // the re-run belongs to whoever asks for it
      ctx.header("Location", "/api/jobs/" + job.id());
      json(ctx, 202, job(db.jobs().get(job.id()).orElse(job)));
    });

    games.routes(r);
  }

  /**
   * The most simulated runs one job of {@code me} may ask for: the server's limit for the admin, the
   * facilitators' (no more than the server's) for a facilitator.
   */
  private JobSpec.RunLimit runLimit(Account me) {
    if (me.role() == Role.ADMIN || facilitatorRunsPerJob >= maxRunsPerJob) {
      return JobSpec.RunLimit.server(maxRunsPerJob);
    }
    return new JobSpec.RunLimit(facilitatorRunsPerJob, "a facilitator's job may ask for at most "
        + facilitatorRunsPerJob + " runs (--facilitator-runs-per-job)");
  }

  private static String noRoute(Context ctx, int status) {
    return status == 404 ? "no such resource: " + ctx.method() + " " + Bodies.clip(ctx.path())
        : "method " + ctx.method() + " is not allowed on " + Bodies.clip(ctx.path());
  }

  /** What each outcome of a run means, in the enum's order, for the pages that show outcomes. */
  static Map<String, Object> outcomeDefinitions() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (spiral.sim.Outcome o : spiral.sim.Outcome.values()) {
      m.put(o.name(), o.definition());
    }
    return m;
  }

  static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private String yaml(Context ctx) {
    return scenarioText(ctx.contentType(), bodies.bytes(ctx));
  }

  /**
   * The scenario text of a request body: the body itself for a YAML or plain-text content type,
   * else the {@code yaml} string of a JSON object.
   *
   * @throws ApiException 400 when the body is not UTF-8, is blank, or is not such an object
   */
  static String scenarioText(String contentType, byte[] body) {
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    if (type.startsWith("application/yaml") || type.startsWith("application/x-yaml")
        || type.startsWith("text/yaml") || type.startsWith("text/plain")) {
      String text = Bodies.utf8(body);
      if (text.isBlank()) {
        throw ApiException.badRequest("the request body is empty: a scenario (YAML) was expected");
      }
      return text;
    }
    ObjectNode o = Bodies.object(body);
    Bodies.onlyKeys(o, "", Set.of("yaml"));
    return Bodies.string(o, "yaml");
  }

  private static int limit(Context ctx) {
    String q = ctx.queryParam("limit");
    if (q == null) {
      return 100;
    }
    Catalog.OptionalLongId n = Catalog.OptionalLongId.of(q);
    if (n == null || n.value() > 1000) {
      throw ApiException.badRequest("limit: must be an integer between 1 and 1000, was '" + Bodies.clip(q) + "'");
    }
    return (int) n.value();
  }

  /** The {@code offset} query parameter: how many items to skip, 0 by default. */
  private static long offset(Context ctx) {
    String q = ctx.queryParam("offset");
    if (q == null || q.equals("0")) {
      return 0;
    }
    Catalog.OptionalLongId n = Catalog.OptionalLongId.of(q);
    if (n == null) {
      throw ApiException.badRequest("offset: must be an integer of 0 or more, was '" + Bodies.clip(q) + "'");
    }
    return n.value();
  }

  /** The job in the path if {@code me} sees it (its own, a shared one; the admin any), else 404. */
  private Job findJob(Context ctx, Account me) {
    String id = ctx.pathParam("id");
    Catalog.OptionalLongId n = Catalog.OptionalLongId.of(id);
    Visibility v = Auth.visibility(me);
    return (n == null ? java.util.Optional.<Job>empty() : db.jobs().get(n.value()))
        .filter(j -> v.sees(j.ownerId(), j.shared()))
        .orElseThrow(() -> ApiException.notFound("no job '" + Bodies.clip(id) + "'"));
  }

  /** The job in the path if {@code me} may change it (its owner, the admin); 403 for one it only sees. */
  private Job ownJob(Context ctx, Account me) {
    Job j = findJob(ctx, me);
    if (!Auth.mayChange(me, j.ownerId())) {
      throw notYours("job " + j.id());
    }
    return j;
  }

  /** The stored scenario in the path if {@code me} may change it (its owner, the admin); else 403 or 404. */
  private long ownScenario(Context ctx, Account me) {
    long id = catalog.storedId(ctx.pathParam("id"));
    var s = db.scenarios().get(id).filter(x -> Auth.visibility(me).sees(x.ownerId(), x.shared()))
        .orElseThrow(() -> ApiException.notFound("no scenario '" + id + "'"));
    if (!Auth.mayChange(me, s.ownerId())) {
      throw notYours("scenario " + id);
    }
    return id;
  }

  private static ApiException notYours(String what) {
    return new ApiException(403, "forbidden", what + " is shared with you, not yours: only its owner can change or"
        + " share it");
  }

  /** The body of a share request: {@code {"shared": true|false}}. */
  private boolean shared(Context ctx) {
    ObjectNode o = bodies.object(ctx);
    Bodies.onlyKeys(o, "", Set.of("shared"));
    JsonNode v = o.get("shared");
    if (v == null || !v.isBoolean()) {
      throw ApiException.badRequest("shared: true or false expected");
    }
    return v.asBoolean();
  }

  /** The result in the path if {@code me} sees it, else 404. */
  private StoredResult findResult(Context ctx, Account me) {
    String id = ctx.pathParam("id");
    Catalog.OptionalLongId n = Catalog.OptionalLongId.of(id);
    Visibility v = Auth.visibility(me);
    return (n == null ? java.util.Optional.<StoredResult>empty() : db.results().get(n.value()))
        .filter(s -> v.sees(s.info().ownerId(), s.info().shared()))
        .orElseThrow(() -> ApiException.notFound("no result '" + Bodies.clip(id) + "'"));
  }

  /** A stored scenario in a list: its kept metadata, no text (nothing is parsed). */
  private static Map<String, Object> listed(ScenarioInfo i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", Long.toString(i.id()));
    m.put("builtin", false);
    m.put("readOnly", false);
    m.put("name", i.name());
    m.put("title", i.title());
    m.put("hash", i.hash());
    m.put("ladder", i.facts().ladder());
    m.put("initiatingRung", i.facts().initiatingRung());
    m.put("sizeBytes", i.sizeBytes());
    if (i.facts().escalation() != null) {
      m.put("escalation", i.facts().escalation());
      m.put("negotiation", i.facts().negotiation());
    }
    m.put("shared", i.shared());
    m.put("createdAt", i.createdAt());
    m.put("updatedAt", i.updatedAt());
    return m;
  }

  private static Map<String, Object> scenario(Catalog.Entry e, boolean withText) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("builtin", e.builtin());
    m.put("readOnly", e.builtin());
    m.put("name", e.scenario() != null ? e.scenario().id() : e.stored().name());
    m.put("title", e.scenario() != null ? e.scenario().name() : e.stored().title());
    m.put("hash", e.hash());
    var facts = e.scenario() != null ? Catalog.facts(e.scenario()) : spiral.store.ScenarioFacts.UNKNOWN;
    m.put("ladder", facts.ladder());
    m.put("initiatingRung", facts.initiatingRung());
    m.put("sizeBytes", ScenarioStore.size(e.yaml()));
    if (e.scenario() != null) {
      m.put("escalation", e.scenario().hasEscalation());
      m.put("negotiation", e.scenario().negotiation() != null);
    }
    if (e.stored() != null) {
      m.put("shared", e.stored().shared());
      m.put("createdAt", e.stored().createdAt());
      m.put("updatedAt", e.stored().updatedAt());
    }
    if (withText) {
      m.put("yaml", e.yaml());
    }
    return m;
  }

  private Map<String, Object> job(Job j) throws JsonProcessingException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("kind", j.kind());
    m.put("state", j.state().wire());
    m.put("scenario", j.scenario());
    m.put("scenarioHash", j.scenarioHash());
    m.put("seed", j.seed());
    m.put("parameters", Bodies.READER.readTree(j.parameters()));
    double progress = j.state() == JobState.DONE ? 1 : 0;
    Double eta = null;
    Jobs.Live l = jobs == null ? null : jobs.live(j.id()).orElse(null);
    if (l != null && j.state() == JobState.RUNNING) {
      progress = l.progress;
      if (progress > 0 && l.startedNanos != 0) {
        double elapsed = (System.nanoTime() - l.startedNanos) / 1e9;
        eta = Math.round(10 * elapsed * (1 - progress) / progress) / 10.0;
      }
    }
    m.put("progress", progress);
    m.put("etaSeconds", eta);
    m.put("error", j.error());
    m.put("resultId", j.resultId());
    m.put("createdAt", j.createdAt());
    m.put("startedAt", j.startedAt());
    m.put("finishedAt", j.finishedAt());
    m.put("shared", j.shared());
    return m;
  }

  private static Map<String, Object> result(ResultInfo i, StoredResult s) throws JsonProcessingException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("jobId", i.jobId());
    m.put("kind", i.kind());
    m.put("scenario", i.scenario());
    m.put("scenarioHash", i.scenarioHash());
    m.put("seed", i.seed());
    m.put("version", i.version());
    m.put("parameters", Bodies.READER.readTree(i.parameters()));
    m.put("resultHash", i.bodyHash());
    m.put("createdAt", i.createdAt());
    m.put("shared", i.shared());
    if (s != null) {
      m.put("intact", s.intact());
      m.put("report", s.hasReport());
      m.put("result", JsonText.MAPPER.readTree(s.body()));
    }
    return m;
  }

  static String code(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "too_many_requests";
      case 503 -> "busy";
      default -> status >= 500 ? "internal" : "bad_request";
    };
  }

  private static void error(Context ctx, int status, String error, String message, Object details) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", error);
    m.put("message", message);
    if (details != null) {
      if ("invalid_scenario".equals(error)) {
        m.put("errors", details);
      } else {
        m.put("details", details);
      }
    }
    json(ctx, status, m);
  }

  static void json(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json; charset=utf-8")
          .result(JsonText.MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = Server.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from this build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The built-in International Crisis Behavior data, read on first use. */
  static final class Icb {
    static final spiral.history.IcbData DATA = spiral.history.IcbData.builtin();
  }
}
