package spiral.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The browser app's routes: {@code /} serves {@code ui/index.html}, {@code /ui/{file}} the app's
 * other files (scripts, styles) from the class path, each with its content type and a strict
 * Content-Security-Policy (only this origin's scripts, styles and connections; no inline script
 * or style, no frames, no plugins). An unknown file is a JSON 404 like the API's.
 *
 * <p>Cost: one class-path read per request (the files are a few tens of kilobytes).
 */
final class UiRoutes {
  /** The policy sent with every page and file of the app. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none';"
      + " frame-ancestors 'none'; form-action 'self'";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}\\.(html|js|css|svg)");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml");

  private UiRoutes() {}

  /** Registers {@code GET /} and {@code GET /ui/{file}}, and the policy on every answer there. */
  static void register(RoutesConfig r) {
    r.before(ctx -> {
      if (ctx.path().equals("/") || ctx.path().equals("/ui") || ctx.path().startsWith("/ui/")) {
        ctx.header("Content-Security-Policy", CSP);
      }
    });
    r.get("/", ctx -> send(ctx, "index.html"));
    r.get("/ui/{file}", ctx -> send(ctx, ctx.pathParam("file")));
  }

  private static void send(Context ctx, String name) {
    byte[] body = NAME.matcher(name).matches() ? read("ui/" + name) : null;
    if (body == null) {
      throw ApiException.notFound("no such resource: GET " + Bodies.clip(ctx.path()));
    }
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    ctx.contentType(TYPES.get(ext)).result(body);
  }

  private static byte[] read(String resource) {
    try (InputStream in = UiRoutes.class.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
