package spiral.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads each request body in full, without holding a thread, before the API sees the request.
 *
 * <p>The API reads bodies with blocking I/O: a client that sends a body one byte every few
 * seconds would hold a server thread for as long as it likes, and a few hundred such clients hold
 * them all (slow POST, "R-U-Dead-Yet"). This handler sits in front: it asks Jetty for the body's
 * bytes as they arrive (no thread waits between them) and calls the API only once the whole body
 * is here, so the API's reads never block. A body must arrive within a deadline ({@link
 * Limits#authDeadlineMillis} on the login, sign-up and password routes, {@link
 * Limits#deadlineMillis} elsewhere), or the request is answered 408 and its connection closed. A
 * body larger than the route's limit ({@link Limits#authBytes} on those routes, {@link
 * Limits#bytes} elsewhere) is answered 413; bodies up to {@value #DRAIN_FACTOR} times the larger
 * limit are read and dropped first (within the deadline, without a thread), so that the client
 * sees the answer rather than a reset connection; larger ones are answered at once and their
 * connection closed. Both answers
 * are the API's JSON errors.
 *
 * <p>Memory: at most the route's limit per request being read (the bytes are copied out of
 * Jetty's buffers as they come, so a client sending tiny packets pins no buffers).
 */
final class BodyBuffer extends Handler.Wrapper {
  /** Bodies up to this many times the limit are read and dropped before the 413. */
  static final int DRAIN_FACTOR = 8;
  /** The routes whose bodies are a name and a password or two. */
  static final Set<String> AUTH_PATHS = Set.of("/api/auth/login", "/api/auth/register", "/api/auth/password");

  /**
   * The limits.
   *
   * @param bytes the largest body elsewhere
   * @param deadlineMillis the time a body elsewhere may take to arrive, from the end of its headers
   * @param authBytes the largest body on the login, sign-up and password routes
   * @param authDeadlineMillis the time a body on those routes may take
   */
  record Limits(long bytes, long deadlineMillis, long authBytes, long authDeadlineMillis) {
    Limits {
      if (bytes < 1 || deadlineMillis < 1 || authBytes < 1 || authDeadlineMillis < 1) {
        throw new IllegalArgumentException("body limits and deadlines must be positive: " + bytes + ", "
            + deadlineMillis + ", " + authBytes + ", " + authDeadlineMillis);
      }
    }
  }

  private final Limits limits;

  BodyBuffer(Limits limits) {
    this.limits = limits;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Handler next = getHandler();
    if (next == null) {
      return false;
    }
    long declared = -1;
    boolean chunked = false;
    for (HttpField f : request.getHeaders()) {
      if (f.getHeader() == HttpHeader.CONTENT_LENGTH) {
        declared = f.getLongValue();
      } else if (f.getHeader() == HttpHeader.TRANSFER_ENCODING) {
        chunked |= f.contains(HttpHeaderValue.CHUNKED.asString());
      }
    }
    if (declared <= 0 && !chunked) {
      return next.handle(request, response, callback);
    }
    boolean auth = AUTH_PATHS.contains(Request.getPathInContext(request));
    long limit = auth ? limits.authBytes() : limits.bytes();
    long drain = DRAIN_FACTOR * limits.bytes();
    if (declared > drain) {
      tooLarge(request, response, callback, limit);
      return true;
    }
    new Reader(next, request, response, callback, limit, drain,
        auth ? limits.authDeadlineMillis() : limits.deadlineMillis()).start();
    return true;
  }

  /** One request's body on its way in. */
  private static final class Reader implements Invocable.Task {
    private final Handler next;
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final long limit;
    private final long drain;
    private final long deadlineMillis;
    private final AtomicBoolean finished = new AtomicBoolean();
    private byte[] body = new byte[256];
    private long size;
    private Scheduler.Task timeout;

    Reader(Handler next, Request request, Response response, Callback callback, long limit, long drain,
        long deadlineMillis) {
      this.next = next;
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.limit = limit;
      this.drain = drain;
      this.deadlineMillis = deadlineMillis;
    }

    void start() {
      timeout = request.getComponents().getScheduler().schedule(this::expire, deadlineMillis, TimeUnit.MILLISECONDS);
      read(false);
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }

    /** More of the body has arrived. */
    @Override
    public void run() {
      read(true);
    }

    /**
     * Reads what has arrived; asks to be called again when more comes. {@code fromDemand}: called
     * back by Jetty (then the API is handed to a pool thread, as it blocks).
     */
    private void read(boolean fromDemand) {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          if (finish()) {
            Response.writeError(request, response, callback, chunk.getFailure());
          }
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        int n = b.remaining();
        if (size + n <= limit) {
          if (size + n > body.length) {
            body = Arrays.copyOf(body, (int) Math.min(limit, Math.max(size + n, 2L * body.length)));
          }
          b.get(body, (int) size, n);
        }
        size += n;
        boolean last = chunk.isLast();
        chunk.release();
        if (size > drain || last && size > limit) {
          if (finish()) {
            tooLarge(request, response, callback, limit);
          }
          return;
        }
        if (last) {
          if (finish()) {
            if (fromDemand) {
              request.getContext().execute(this::dispatch);
            } else {
              dispatch();
            }
          }
          return;
        }
      }
    }

    /** Marks the request answered or handed on; false if it already was (the deadline won). */
    private boolean finish() {
      if (!finished.compareAndSet(false, true)) {
        return false;
      }
      timeout.cancel();
      return true;
    }

    private void expire() {
      if (finished.compareAndSet(false, true)) {
        answer(request, response, callback, 408, "timeout", "the request body did not arrive within "
            + Math.max(1, deadlineMillis / 1000) + " s");
      }
    }

    private void dispatch() {
      Request whole = new Whole(request, ByteBuffer.wrap(body, 0, (int) size));
      try {
        if (!next.handle(whole, response, callback)) {
          Response.writeError(request, response, callback, 404);
        }
      } catch (Throwable t) {
        Response.writeError(request, response, callback, t);
      }
    }
  }

  /** The request with its body already read: one chunk, then the end. */
  private static final class Whole extends Request.Wrapper {
    private Content.Chunk chunk;

    Whole(Request wrapped, ByteBuffer body) {
      super(wrapped);
      chunk = body.hasRemaining() ? Content.Chunk.from(body, true) : null;
    }

    @Override
    public synchronized Content.Chunk read() {
      Content.Chunk c = chunk;
      if (c == null) {
        return super.read(); // the end, already read from the connection
      }
      chunk = null;
      return c;
    }
  }

  private static void tooLarge(Request request, Response response, Callback callback, long limit) {
    answer(request, response, callback, 413, "too_large",
        "the request body is larger than the limit of " + limit + " bytes");
  }

  /** A JSON error; the connection is closed after it (the rest of the body is not read). */
  private static void answer(Request request, Response response, Callback callback, int status,
      String error, String message) {
    if (response.isCommitted()) {
      callback.failed(new IllegalStateException("answered already"));
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    String body = "{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
