package spiral.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for the API tests: real requests to a real server, anonymous or logged in
 * (then every request sends the session cookie and, unless dropped, the CSRF header).
 *
 * @param base e.g. {@code http://127.0.0.1:PORT}
 * @param cookie the session cookie ({@code name=value}), or null
 * @param csrf the session's CSRF token, or null
 */
record Http(String base, String cookie, String csrf) {
  /** The password tests give the facilitator account {@code admin}. */
  static final String ADMIN_PASSWORD = "admin-password-1";

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** A response: status, body text, its JSON (or null), and the whole response. */
  record Res(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }
  }

  static Http on(int port) {
    return new Http("http://127.0.0.1:" + port, null, null);
  }

  /** Logs in at {@code base}; fails the test when the login fails. */
  static Http login(String base, String name, String password) {
    return new Http(base, null, null).login(name, password);
  }

  /** Logs in on this client's server as {@code name}. */
  Http login(String name, String password) {
    return authenticate("/api/auth/login", 200, "login as ", name, password);
  }

  /**
   * Signs up {@code name} as a player on this client's server, then logs in as it (a sign-up opens
   * no session and answers alike whether or not the name was free), and returns the session.
   */
  Http register(String name, String password) {
    Res r = signUp(name, password);
    if (r.status() != 202) {
      throw new AssertionError("sign-up of " + name + " failed (" + r.status() + "): " + r.body());
    }
    return login(name, password);
  }

  /** The bare sign-up request. */
  Res signUp(String name, String password) {
    return new Http(base, null, null).post("/api/auth/register",
        "{\"name\":" + quote(name) + ",\"password\":" + quote(password) + "}");
  }

  private Http authenticate(String path, int expected, String what, String name, String password) {
    Res r = new Http(base, null, null).post(path,
        "{\"name\":" + quote(name) + ",\"password\":" + quote(password) + "}");
    if (r.status() != expected) {
      throw new AssertionError(what + name + " failed (" + r.status() + "): " + r.body());
    }
    return withSession(r);
  }

  /** The facilitator {@code admin} of a server started with {@link #ADMIN_PASSWORD}. */
  Http admin() {
    return login("admin", ADMIN_PASSWORD);
  }

  /** This session without the CSRF header. */
  Http withoutCsrf() {
    return new Http(base, cookie, null);
  }

  /** No session. */
  Http anonymous() {
    return new Http(base, null, null);
  }

  private Http withSession(Res r) {
    String set = r.raw().headers().firstValue("Set-Cookie").orElseThrow(() ->
        new AssertionError("no session cookie in " + r.raw().headers()));
    return new Http(base, set.split(";", 2)[0], r.json().get("csrf").asText());
  }

  Res get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A GET whose answer is a file: its bytes as sent. */
  byte[] bytes(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    try {
      HttpResponse<byte[]> r = CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      return r.body();
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Res delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  Res post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Res post(String path, byte[] body, String type) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Res put(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Res method(String method, String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  Res send(HttpRequest.Builder b) {
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A JSON string literal. */
  static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Polls a job until it has ended; fails after {@code seconds}. */
  JsonNode await(long jobId, int seconds) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (true) {
      JsonNode j = get("/api/jobs/" + jobId).json();
      String s = j.get("state").asText();
      if (!s.equals("queued") && !s.equals("running")) {
        return j;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("job " + jobId + " still " + s + " after " + seconds + " s: " + j);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
