package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Accounts, sessions, CSRF and roles against the real server: mixed into each database's API test. */
interface AuthContract {
  Server server();

  Http anonymous();

  Http admin();

  /** Routes anyone may call without a session. */
  Set<String> PUBLIC = Set.of("GET /", "GET /api", "GET /api/openapi.json", "GET /api/docs",
      "POST /api/auth/login", "POST /api/auth/register", "GET /api/auth/me");

  @Test
  default void everyRouteButThePublicOnesAnswers401WithoutASession() {
    int checked = 0;
    for (String route : server().routes()) {
      if (PUBLIC.contains(route) || !route.contains(" /api")) {
        continue;
      }
      String[] mp = route.split(" ", 2);
      String path = mp[1].replaceAll("\\{[^}]+}", "1");
      Http.Res r = anonymous().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(anonymous().base() + path))
          .header("Content-Type", "application/json")
          .method(mp[0], java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
      ApiContract.cleanError(r, 401);
      assertThat(r.json().get("error").asText()).isEqualTo("unauthorized");
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
    ApiContract.cleanError(anonymous().get("/api/auth/me"), 401);
    // a forged or stale cookie is no session either
    ApiContract.cleanError(new Http(anonymous().base(), "spiral_session=forged", "x").get("/api/jobs"), 401);
  }

  @Test
  default void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
    Http.Res r = anonymous().post("/api/auth/login", "{\"name\":\"admin\",\"password\":\"" + Http.ADMIN_PASSWORD + "\"}");
    assertThat(r.status()).isEqualTo(200);
    String cookie = r.raw().headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("spiral_session=").contains("HttpOnly", "SameSite=Strict", "Path=/");
    assertThat(r.json().get("role").asText()).isEqualTo("admin");
    assertThat(r.json().get("csrf").asText()).hasSizeGreaterThan(30);
  }

  @Test
  default void stateChangingRequestsWithoutTheCsrfTokenAreRefused() {
    Http admin = admin();
    String body = "{\"yaml\":" + Http.quote(ApiContract.builtin("rand-b-depot")) + "}";
    Http.Res none = admin.withoutCsrf().post("/api/scenarios/validate", body);
    ApiContract.cleanError(none, 403);
    assertThat(none.json().get("error").asText()).isEqualTo("csrf");
    Http wrong = new Http(admin.base(), admin.cookie(), admin.csrf() + "x");
    ApiContract.cleanError(wrong.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\"}"), 403);
    ApiContract.cleanError(admin.withoutCsrf().delete("/api/jobs/1"), 403);
    ApiContract.cleanError(admin.withoutCsrf().post("/api/auth/logout", ""), 403);
    // another session's token is no good either
    Http other = admin();
    ApiContract.cleanError(new Http(admin.base(), admin.cookie(), other.csrf()).post("/api/scenarios/validate", body), 403);
    assertThat(admin.post("/api/scenarios/validate", body).status()).isEqualTo(200);
  }

  @Test
  default void signUpMakesAPlayerWhoCannotReadScenariosJobsOrResults() {
    String name = "player-" + System.nanoTime();
    Http player = anonymous().register(name, "a long enough password");
    assertThat(player.get("/api/auth/me").json().get("role").asText()).isEqualTo("player");
    for (String path : List.of("/api/scenarios", "/api/scenarios/rand-b-depot", "/api/jobs", "/api/results", "/api/users")) {
      ApiContract.cleanError(player.get(path), 403);
    }
    ApiContract.cleanError(player.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\"}"), 403);
    ApiContract.cleanError(player.put("/api/users/" + name, "{\"role\":\"facilitator\"}"), 403);
    // the name is taken now, in any case
    assertThat(anonymous().signUp(name.toUpperCase(java.util.Locale.ROOT), "another password 1").status()).isEqualTo(202);
    ApiContract.cleanError(anonymous().post("/api/auth/login",
        "{\"name\":\"" + name + "\",\"password\":\"another password 1\"}"), 401);
    assertThat(player.get("/api/auth/me").json().get("role").asText()).isEqualTo("player");
    ApiContract.cleanError(anonymous().post("/api/auth/register", "{\"name\":\"x\",\"password\":\"long enough password\"}"), 400);
    ApiContract.cleanError(anonymous().post("/api/auth/register", "{\"name\":\"short-pw\",\"password\":\"short\"}"), 400);
    ApiContract.cleanError(anonymous().post("/api/auth/register", "{\"name\":\"<script>\",\"password\":\"long enough password\"}"), 400);
    ApiContract.cleanError(anonymous().post("/api/auth/register", "{\"name\":\"extra-key\",\"password\":\"long enough password\",\"role\":\"facilitator\"}"), 400);
    // logging out ends the session
    assertThat(player.post("/api/auth/logout", "").status()).isEqualTo(204);
    ApiContract.cleanError(player.get("/api/auth/me"), 401);
  }

  @Test
  default void signUpAnswersAlikeWhetherOrNotTheNameIsTaken() {
    String name = "taken-" + System.nanoTime();
    Http.Res first = anonymous().signUp(name, "the first password");
    Http.Res second = anonymous().signUp(name, "the second password");
    Http.Res admin = anonymous().signUp("admin", "an attempt on admin");
    for (Http.Res r : List.of(first, second, admin)) {
      assertThat(r.status()).as(r.body()).isEqualTo(202);
      assertThat(r.body()).isEqualTo(first.body());
      assertThat(r.raw().headers().firstValue("Set-Cookie")).as("no session").isEmpty();
      ApiContract.noInternals(r);
    }
    // the first sign-up made the account; the second changed nothing
    assertThat(anonymous().login(name, "the first password").get("/api/auth/me").json().get("role").asText())
        .isEqualTo("player");
    ApiContract.cleanError(anonymous().post("/api/auth/login",
        "{\"name\":\"" + name + "\",\"password\":\"the second password\"}"), 401);
    ApiContract.cleanError(anonymous().post("/api/auth/login",
        "{\"name\":\"admin\",\"password\":\"an attempt on admin\"}"), 401);
  }

  @Test
  default void aFacilitatorManagesAccountsAndAnObserverOnlyReads() {
    Http admin = admin();
    String name = "observer-" + System.nanoTime();
    Http.Res made = admin.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"observer password\",\"role\":\"observer\"}");
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    Http observer = anonymous().login(name, "observer password");
    assertThat(observer.get("/api/scenarios").status()).isEqualTo(200);
    assertThat(observer.get("/api/results").status()).isEqualTo(200);
    ApiContract.cleanError(observer.post("/api/jobs", "{\"kind\":\"simulate\",\"scenario\":\"rand-d-ports\"}"), 403);
    ApiContract.cleanError(observer.delete("/api/scenarios/1"), 403);
    assertThat(admin.get("/api/users").json().get("users").toString()).contains(name).doesNotContain("password");
    assertThat(admin.put("/api/users/" + name, "{\"role\":\"player\"}").json().get("role").asText()).isEqualTo("player");
    // the role change ended the observer's sessions; logged in again, it is a player
    ApiContract.cleanError(observer.get("/api/scenarios"), 401);
    ApiContract.cleanError(anonymous().login(name, "observer password").get("/api/scenarios"), 403);
    ApiContract.cleanError(admin.put("/api/users/admin", "{\"role\":\"player\"}"), 409);
    ApiContract.cleanError(admin.put("/api/users/nobody-here", "{\"role\":\"player\"}"), 404);
    ApiContract.cleanError(admin.put("/api/users/" + name, "{\"role\":\"king\"}"), 400);
  }

  @Test
  default void wrongPasswordsAre401AndRepeatedFailuresAreThrottled() {
    String name = "throttled-" + System.nanoTime();
    anonymous().register(name, "the right password");
    for (int i = 0; i < 5; i++) {
      Http.Res r = anonymous().post("/api/auth/login", "{\"name\":\"" + name + "\",\"password\":\"a wrong password\"}");
      ApiContract.cleanError(r, 401);
      assertThat(r.json().get("message").asText()).isEqualTo("wrong name or password");
    }
    Http.Res blocked = anonymous().post("/api/auth/login", "{\"name\":\"" + name + "\",\"password\":\"the right password\"}");
    ApiContract.cleanError(blocked, 429);
    assertThat(Long.parseLong(blocked.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
    // an unknown name reads the same as a wrong password
    Http.Res unknown = anonymous().post("/api/auth/login", "{\"name\":\"no-such-" + System.nanoTime() + "\",\"password\":\"whatever it is\"}");
    ApiContract.cleanError(unknown, 401);
    assertThat(unknown.json().get("message").asText()).isEqualTo("wrong name or password");
  }

  @Test
  default void changingThePasswordEndsTheOtherSessions() {
    String name = "changer-" + System.nanoTime();
    Http first = anonymous().register(name, "the first password");
    Http second = anonymous().login(name, "the first password");
    ApiContract.cleanError(first.post("/api/auth/password", "{\"current\":\"not it at all\",\"password\":\"the second password\"}"), 403);
    Http.Res changed = first.post("/api/auth/password", "{\"current\":\"the first password\",\"password\":\"the second password\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    ApiContract.cleanError(second.get("/api/auth/me"), 401);
    assertThat(anonymous().login(name, "the second password").get("/api/auth/me").status()).isEqualTo(200);
  }

  /** A login request with extra headers, as a browser on another site would send it. */
  private Http.Res loginWith(String name, String password, String... headers) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(anonymous().base() + "/api/auth/login"))
        .header("Content-Type", "text/plain")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"name\":" + Http.quote(name) + ",\"password\":" + Http.quote(password) + "}"));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return anonymous().send(b);
  }

  @Test
  default void aCrossSiteLoginOrChangeIsRefused() {
    String name = "forged-" + System.nanoTime();
    anonymous().register(name, "the right password");
    // a form on another site posting text/plain JSON: refused however the browser marks it
    Http.Res marked = loginWith(name, "the right password", "Sec-Fetch-Site", "cross-site");
    ApiContract.cleanError(marked, 403);
    assertThat(marked.json().get("error").asText()).isEqualTo("csrf");
    assertThat(marked.raw().headers().firstValue("Set-Cookie")).isEmpty();
    ApiContract.cleanError(loginWith(name, "the right password", "Origin", "https://evil.example"), 403);
    ApiContract.cleanError(loginWith(name, "the right password", "Origin", "null"), 403);
    // the app's own pages, and clients that are not browsers, log in
    String self = anonymous().base();
    assertThat(loginWith(name, "the right password", "Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
    assertThat(loginWith(name, "the right password", "Origin", self).status()).isEqualTo(200);
    assertThat(loginWith(name, "the right password").status()).isEqualTo(200);
    // a logged-in request from another site is refused even with the token
    Http admin = admin();
    Http.Res r = admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(self + "/api/auth/logout"))
        .header("Sec-Fetch-Site", "cross-site").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    ApiContract.cleanError(r, 403);
    assertThat(admin.get("/api/auth/me").status()).isEqualTo(200);
  }

  @Test
  default void parallelGuessesAreThrottledLikeSequentialOnes() throws Exception {
    String name = "parallel-" + System.nanoTime();
    anonymous().register(name, "the right password");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      List<java.util.concurrent.Future<Integer>> codes = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) {
        codes.add(pool.submit(() -> anonymous().post("/api/auth/login",
            "{\"name\":\"" + name + "\",\"password\":\"a wrong password\"}").status()));
      }
      int wrong = 0;
      int throttled = 0;
      for (java.util.concurrent.Future<Integer> c : codes) {
        int code = c.get();
        wrong += code == 401 ? 1 : 0;
        throttled += code == 429 ? 1 : 0;
      }
      assertThat(wrong).as("passwords checked").isEqualTo(5);
      assertThat(throttled).isEqualTo(27);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  default void wrongCurrentPasswordsAreThrottled() {
    String name = "guesser-" + System.nanoTime();
    Http me = anonymous().register(name, "the first password");
    for (int i = 0; i < 5; i++) {
      ApiContract.cleanError(me.post("/api/auth/password", "{\"current\":\"guess number " + i
          + "\",\"password\":\"the second password\"}"), 403);
    }
    Http.Res r = me.post("/api/auth/password", "{\"current\":\"the first password\",\"password\":\"the second password\"}");
    ApiContract.cleanError(r, 429);
    assertThat(r.raw().headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  default void aFacilitatorDisablesAnAccountEndingAllItsSessionsAtOnce() {
    Http admin = admin();
    String name = "disabled-" + System.nanoTime() % 1_000_000;
    ApiContract.cleanError(admin.post("/api/users/" + name + "/disable", ""), 404);
    assertThat(admin.post("/api/users", "{\"name\":\"" + name + "\",\"password\":\"observer password\",\"role\":\"observer\"}")
        .status()).isEqualTo(201);
    Http one = anonymous().login(name, "observer password");
    Http two = anonymous().login(name, "observer password");
    ApiContract.cleanError(one.post("/api/users/" + name + "/disable", ""), 403);
    Http.Res off = admin.post("/api/users/" + name + "/disable", "");
    assertThat(off.status()).as(off.body()).isEqualTo(200);
    assertThat(off.json().get("disabled").asBoolean()).isTrue();
    assertThat(off.json().get("sessionsEnded").asInt()).isEqualTo(2);
    ApiContract.cleanError(one.get("/api/auth/me"), 401);
    ApiContract.cleanError(two.get("/api/scenarios"), 401);
    // it cannot log in, and says no more than for a wrong password
    Http.Res refused = anonymous().post("/api/auth/login", "{\"name\":\"" + name + "\",\"password\":\"observer password\"}");
    ApiContract.cleanError(refused, 401);
    assertThat(refused.json().get("message").asText()).isEqualTo("wrong name or password");
    boolean listed = false;
    for (com.fasterxml.jackson.databind.JsonNode u : admin.get("/api/users").json().get("users")) {
      if (u.get("name").asText().equals(name)) {
        listed = u.get("disabled").asBoolean();
      }
    }
    assertThat(listed).as("listed as disabled").isTrue();
    ApiContract.cleanError(admin.post("/api/users/admin/disable", ""), 409);
    assertThat(admin.post("/api/users/" + name + "/enable", "").json().get("disabled").asBoolean()).isFalse();
    assertThat(anonymous().login(name, "observer password").get("/api/auth/me").status()).isEqualTo(200);
  }

  @Test
  default void weakPasswordsAreRefusedWith400SayingWhy() {
    for (String[] c : new String[][] {{"password12", "12 to 200 characters"},
        {"123456789012", "most common passwords"}, {"qwertyuiop12", "most common passwords"},
        {"weak-pw-" + System.nanoTime() % 1000, "12 to 200 characters"}}) {
      Http.Res r = anonymous().post("/api/auth/register", "{\"name\":\"weak-" + System.nanoTime()
          + "\",\"password\":\"" + c[0] + "\"}");
      ApiContract.cleanError(r, 400);
      assertThat(r.json().get("message").asText()).contains(c[1]).doesNotContain(c[0]);
    }
    String name = "same-as-name-" + System.nanoTime() % 100_000;
    Http.Res same = anonymous().post("/api/auth/register", "{\"name\":\"" + name + "\",\"password\":\"" + name + "\"}");
    ApiContract.cleanError(same, 400);
    assertThat(same.json().get("message").asText()).contains("account's name");
    // no composition rules: lower-case words are fine
    anonymous().register("words-" + System.nanoTime() % 100_000, "plain lower case words");
  }

  @Test
  default void anOverlongLoginNameIsAnOrdinaryFailure() {
    Http.Res r = anonymous().post("/api/auth/login", "{\"name\":\"" + "x".repeat(3_000)
        + "\",\"password\":\"whatever it is\"}");
    ApiContract.cleanError(r, 401);
    assertThat(r.body()).doesNotContain("xxxxxxxxxx");
    // a login body over 4 KiB is not read at all
    Http.Res huge = anonymous().post("/api/auth/login", "{\"name\":\"" + "x".repeat(100_000)
        + "\",\"password\":\"whatever it is\"}");
    ApiContract.cleanError(huge, 413);
    assertThat(huge.body()).doesNotContain("xxxxxxxxxx");
  }
}
