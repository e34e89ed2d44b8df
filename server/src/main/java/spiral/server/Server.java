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
import spiral.JsonText;
import spiral.Version;
import spiral.store.Database;
import spiral.store.Job;
import spiral.store.JobState;
import spiral.store.Role;
import spiral.store.ResultInfo;
import spiral.store.StoredResult;

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
  private Optional<String> generatedAdminPassword = Optional.empty();
  private final Clock clock;

  /** A server on the system clock. */
  public Server() {
    this(Clock.systemUTC());
  }

  /** A server on {@code clock} (sessions, login throttling). */
  public Server(Clock clock) {
    this.clock = clock;
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
    db = Database.open(url, config.dbUser(), config.dbPassword());
    try {
      interrupted = db.jobs().interruptUnfinished();
      catalog = new Catalog(db.scenarios());
      bodies = new Bodies(config.maxBodyBytes());
      auth = new Auth(db.accounts(), db.games()::holdsRunningSeat, bodies, clock, new SecureRandom(),
          config.signupsPerHour());
      generatedAdminPassword = auth.bootstrap(config.adminPassword());
      jobs = new Jobs(db.jobs(), config.jobThreads(), config.workerThreads(), config.maxQueuedJobs());
      games = new Games(db, catalog, bodies, auth, jobs);
      app = Javalin.create(c -> {
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.jetty.host = config.host();
        c.jetty.port = config.port();
        c.http.maxRequestSize = config.maxBodyBytes();
        c.http.prefer405over404 = true;
        c.jetty.modifyHttpConfiguration(h -> {
          h.setSendServerVersion(false);
          h.setSendXPoweredBy(false);
        });
        c.jetty.modifyServer(s -> s.setErrorHandler(new JsonErrorHandler()));
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
      return app.port();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
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
        "openapi", "/api/openapi.json", "docs", "/api/docs")));
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
      auth.require(ctx, READERS);
      List<Object> out = new ArrayList<>();
      for (Catalog.Entry e : catalog.all()) {
        out.add(scenario(e, false));
      }
      json(ctx, 200, Map.of("scenarios", out));
    });
    r.post("/api/scenarios/validate", ctx -> {
      auth.require(ctx, READERS);
      var sc = Catalog.parse(yaml(ctx));
      json(ctx, 200, ordered("valid", true, "name", sc.id(), "title", sc.name()));
    });
    r.post("/api/scenarios", ctx -> {
      auth.require(ctx, Role.FACILITATOR);
      String yaml = yaml(ctx);
      var sc = Catalog.parse(yaml);
      var s = db.scenarios().create(sc.id(), sc.name(), yaml);
      ctx.header("Location", "/api/scenarios/" + s.id());
      json(ctx, 201, scenario(catalog.get(Long.toString(s.id())), true));
    });
    r.get("/api/scenarios/{id}", ctx -> {
      auth.require(ctx, READERS);
      json(ctx, 200, scenario(catalog.get(ctx.pathParam("id")), true));
    });
    r.put("/api/scenarios/{id}", ctx -> {
      auth.require(ctx, Role.FACILITATOR);
      long id = catalog.storedId(ctx.pathParam("id"));
      String yaml = yaml(ctx);
      var sc = Catalog.parse(yaml);
      db.scenarios().update(id, sc.id(), sc.name(), yaml)
          .orElseThrow(() -> ApiException.notFound("no scenario '" + id + "'"));
      json(ctx, 200, scenario(catalog.get(Long.toString(id)), true));
    });
    r.delete("/api/scenarios/{id}", ctx -> {
      auth.require(ctx, Role.FACILITATOR);
      long id = catalog.storedId(ctx.pathParam("id"));
      if (!db.scenarios().delete(id)) {
        throw ApiException.notFound("no scenario '" + id + "'");
      }
      ctx.status(204);
    });

    r.post("/api/jobs", ctx -> {
      auth.require(ctx, Role.FACILITATOR);
      JobSpec spec = JobSpec.read(bodies.object(ctx), catalog);
      Job job = jobs.submit(spec);
      ctx.header("Location", "/api/jobs/" + job.id());
      json(ctx, 202, job(db.jobs().get(job.id()).orElse(job)));
    });
    r.get("/api/jobs", ctx -> {
      auth.require(ctx, READERS);
      List<Object> out = new ArrayList<>();
      for (Job j : db.jobs().list(limit(ctx))) {
        out.add(job(j));
      }
      json(ctx, 200, Map.of("jobs", out));
    });
    r.get("/api/jobs/{id}", ctx -> {
      auth.require(ctx, READERS);
      json(ctx, 200, job(findJob(ctx)));
    });
    r.delete("/api/jobs/{id}", ctx -> {
      auth.require(ctx, Role.FACILITATOR);
      Job j = findJob(ctx);
      if (!jobs.cancel(j.id())) {
        Job now = db.jobs().get(j.id()).orElse(j);
        throw new ApiException(409, "conflict", "job " + j.id() + " has already ended ("
            + now.state().wire() + "): only a queued or running job can be cancelled");
      }
      json(ctx, 200, job(db.jobs().get(j.id()).orElse(j)));
    });

    r.get("/api/results", ctx -> {
      auth.require(ctx, READERS);
      List<Object> out = new ArrayList<>();
      for (ResultInfo i : db.results().list(limit(ctx))) {
        out.add(result(i, null));
      }
      json(ctx, 200, Map.of("results", out));
    });
    r.get("/api/results/{id}", ctx -> {
      auth.require(ctx, READERS);
      StoredResult s = findResult(ctx);
      json(ctx, 200, result(s.info(), s));
    });
    r.post("/api/results/{id}/rerun", ctx -> {
      auth.require(ctx, Role.FACILITATOR);
      ResultInfo i = findResult(ctx).info();
      String yaml = db.results().scenarioText(i.scenarioHash()).orElseThrow(() ->
          new ApiException(409, "conflict", "the scenario text of result " + i.id() + " is no longer stored"));
      JsonNode params = Bodies.READER.readTree(i.parameters());
      JobSpec spec = new JobSpec(i.kind(), i.scenario(), yaml, i.seed(), (ObjectNode) params);
      Job job = jobs.submit(spec);
      ctx.header("Location", "/api/jobs/" + job.id());
      json(ctx, 202, job(db.jobs().get(job.id()).orElse(job)));
    });

    games.routes(r);
  }

  private static String noRoute(Context ctx, int status) {
    return status == 404 ? "no such resource: " + ctx.method() + " " + Bodies.clip(ctx.path())
        : "method " + ctx.method() + " is not allowed on " + Bodies.clip(ctx.path());
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

  private Job findJob(Context ctx) {
    String id = ctx.pathParam("id");
    Catalog.OptionalLongId n = Catalog.OptionalLongId.of(id);
    return (n == null ? java.util.Optional.<Job>empty() : db.jobs().get(n.value()))
        .orElseThrow(() -> ApiException.notFound("no job '" + Bodies.clip(id) + "'"));
  }

  private StoredResult findResult(Context ctx) {
    String id = ctx.pathParam("id");
    Catalog.OptionalLongId n = Catalog.OptionalLongId.of(id);
    return (n == null ? java.util.Optional.<StoredResult>empty() : db.results().get(n.value()))
        .orElseThrow(() -> ApiException.notFound("no result '" + Bodies.clip(id) + "'"));
  }

  private static Map<String, Object> scenario(Catalog.Entry e, boolean withText) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("builtin", e.builtin());
    m.put("readOnly", e.builtin());
    m.put("name", e.scenario() != null ? e.scenario().id() : e.stored().name());
    m.put("title", e.scenario() != null ? e.scenario().name() : e.stored().title());
    m.put("hash", e.hash());
    if (e.scenario() != null) {
      m.put("escalation", e.scenario().hasEscalation());
      m.put("negotiation", e.scenario().negotiation() != null);
    }
    if (e.stored() != null) {
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
    if (s != null) {
      m.put("intact", s.intact());
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
}
