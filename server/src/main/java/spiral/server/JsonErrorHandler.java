package spiral.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests refused before they reach the API (a malformed request line, an
 * illegal URI, headers too large): the API's JSON error, with the status's standard reason and
 * never the exception or a stack.
 */
final class JsonErrorHandler extends ErrorHandler {
  JsonErrorHandler() {
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) throws IOException {
    String body = "{\"error\":\"" + Server.code(code) + "\",\"message\":\"" + reason(code) + "\"}";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** The standard reason of a status, in lower case, e.g. "bad request". */
  static String reason(int status) {
    String r = HttpStatus.getMessage(status);
    return r == null ? "error " + status : r.toLowerCase(java.util.Locale.ROOT);
  }
}
