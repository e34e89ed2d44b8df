package spiral.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A warm process that runs Gambit's tools ({@link GambitTool}) for the {@code gambit/} shims. A
 * Java process spends about 0.1 s starting and loading classes, while a small game's solve takes a
 * fraction of a millisecond, so a script that runs a tool once per game spends nearly all its time
 * starting Java. With a daemon running, a shim sends its request over the loopback interface and
 * prints the answer: the same standard output, standard error and exit code as the tool run as its
 * own process.
 *
 * <p>Security: the daemon listens on the loopback address only, on a port it writes with a random
 * 256-bit token to a file that only its owner can read and write ({@code port token pid}); a
 * request without that token is refused (DENIED) before anything runs. Whoever holds the token can
 * already run the tools as the owner, so the daemon grants nothing more. Requests are bounded (64
 * KiB for a field, 10,000 arguments, 30 s to arrive) and at most 64 connections are open at once.
 *
 * <p>It stops after {@code idle} without a request, when its file is removed or replaced, when its
 * jar is rebuilt (it serves the code it started with: the request that finds a new jar is answered
 * STALE, and the shim runs the tool as its own process), or on a stop request.
 *
 * <p>Protocol: a request is NUL-terminated UTF-8 fields: the token, the request ({@code
 * gambit-TOOL}, {@code status} or {@code stop}), the client's working directory, the number of
 * arguments, each argument. The answer starts with one line: DENIED (wrong token), STALE (the jar
 * changed), UNKNOWN (no such tool), OK (status: pid, port, requests served) or STOPPING. For a
 * tool, STDIN when the tool reads its game from standard input (the client then sends the path of
 * a file holding it, NUL-terminated, and removes that file afterwards), and at the end {@code DONE
 * CODE ERRBYTES OUTBYTES}: that many bytes of standard error follow, then that many of standard
 * output, and the connection ends.
 *
 * <p>Cost: one pooled thread per connection; at most one tool runs per core at once, the others
 * wait.
 */
final class SolverDaemon implements AutoCloseable {
  /** The name of the daemon's file beside the jar: {@code cli/target/spiral.daemon}. */
  static final String FILE_NAME = "spiral.daemon";

  private static final int MAX_CONNECTIONS = 64;
  private static final int MAX_FIELD = 64 * 1024;
  private static final int MAX_ARGS = 10_000;
  private static final int REQUEST_TIMEOUT_MS = 30_000;

  private final Path file;
  private final Path jar;
  private final FileTime jarTime;
  private final Duration idle;
  private final LongSupplier nanos;
  private final ServerSocket server;
  private final byte[] token;
  private final String written;
  private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "spiral-daemon");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore open = new Semaphore(MAX_CONNECTIONS);
  private final Semaphore solving =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong served = new AtomicLong();
  private volatile long lastUsed;
  private volatile String stopped; // why the daemon stops, once it does

  /**
   * Opens the daemon's socket and writes its file (replacing one left by a daemon that is gone).
   *
   * @param file where the port and token are written (owner-only permissions)
   * @param jar the jar whose code this process runs, watched for a rebuild; null to watch none
   * @param idle how long the daemon waits for a request before it stops
   * @param nanos the clock the idle time is measured on (System::nanoTime)
   */
  SolverDaemon(Path file, Path jar, Duration idle, LongSupplier nanos) throws IOException {
    this.file = file.toAbsolutePath();
    this.jar = jar;
    this.jarTime = jar == null ? null : Files.getLastModifiedTime(jar);
    this.idle = idle;
    this.nanos = nanos;
    this.lastUsed = nanos.getAsLong();
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String hex = HexFormat.of().formatHex(secret);
    this.token = hex.getBytes(UTF_8);
    this.written = server.getLocalPort() + " " + hex + " " + ProcessHandle.current().pid() + "\n";
    try {
      writePrivately(this.file, written);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The port the daemon listens on (loopback only). */
  int port() {
    return server.getLocalPort();
  }

  /** Accepts requests until the daemon stops; returns why it stopped. */
  String serve() throws IOException {
    server.setSoTimeout(1000);
    String why = null;
    while (why == null) {
      Socket s;
      try {
        s = server.accept();
      } catch (SocketTimeoutException e) {
        why = reasonToStop();
        continue;
      } catch (IOException e) {
        why = stopped != null ? stopped : "socket closed: " + e.getMessage();
        break;
      }
      if (!open.tryAcquire()) {
        s.close();
        continue;
      }
      connections.execute(() -> {
        try {
          handle(s);
        } finally {
          open.release();
        }
      });
      why = stopped;
    }
    close();
    return why;
  }

  /** Why the daemon should stop now, or null: idle, its file gone or replaced, its jar rebuilt. */
  private String reasonToStop() {
    if (stopped != null) {
      return stopped;
    }
    if (inFlight.get() == 0 && nanos.getAsLong() - lastUsed >= idle.toNanos()) {
      return "idle for " + idle.toMinutes() + " min";
    }
    try {
      if (!Files.readString(file).equals(written)) {
        return file + " was replaced";
      }
    } catch (NoSuchFileException e) {
      return file + " was removed";
    } catch (IOException e) {
      return file + " cannot be read: " + e.getMessage();
    }
    return stale() ? jar + " was rebuilt" : null;
  }

  private boolean stale() {
    try {
      return jar != null && !Files.getLastModifiedTime(jar).equals(jarTime);
    } catch (IOException e) {
      return true;
    }
  }

  private void handle(Socket socket) {
    inFlight.incrementAndGet();
    try (socket) {
      socket.setSoTimeout(REQUEST_TIMEOUT_MS);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      byte[] given = field(in).getBytes(UTF_8);
      String request = field(in);
      String cwd = field(in);
      int argc = Integer.parseInt(field(in));
      if (argc < 0 || argc > MAX_ARGS) {
        throw new IOException("bad argument count " + argc);
      }
      String[] args = new String[argc];
      for (int i = 0; i < argc; i++) {
        args[i] = field(in);
      }
      if (!MessageDigest.isEqual(given, token)) {
        line(out, "DENIED");
        return;
      }
      lastUsed = nanos.getAsLong();
      if (request.equals("status")) {
        line(out, "OK " + ProcessHandle.current().pid() + " " + port() + " " + served.get());
        return;
      }
      if (request.equals("stop")) {
        line(out, "STOPPING");
        stop("stop requested");
        return;
      }
      if (stale()) {
        line(out, "STALE");
        stop(jar + " was rebuilt");
        return;
      }
      String tool = request.startsWith("gambit-") ? request.substring("gambit-".length()) : "";
      if (!GambitTool.known(tool)) {
        line(out, "UNKNOWN");
        return;
      }
      socket.setSoTimeout(0); // a tool may run for long; its standard input is sent at once
      solving.acquire();
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      ByteArrayOutputStream e = new ByteArrayOutputStream();
      int code;
      Path base = Path.of(cwd);
      try (Stdin stdin = new Stdin(in, out, base)) {
        Charset cs = Charset.defaultCharset();
        code = GambitTool.run(tool, args, base, stdin,
            new PrintStream(o, false, cs), new PrintStream(e, false, cs));
      } finally {
        solving.release();
      }
      served.incrementAndGet();
      line(out, "DONE " + code + " " + e.size() + " " + o.size());
      e.writeTo(out);
      o.writeTo(out);
      out.flush();
    } catch (IOException | NumberFormatException | java.nio.file.InvalidPathException e) {
      // a malformed or abandoned request: the connection is closed, nothing ran
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lastUsed = nanos.getAsLong();
      inFlight.decrementAndGet();
    }
  }

  /**
   * Standard input for a tool: asked of the client only when the tool reads it (the game from
   * standard input), as the path of a file holding it.
   */
  private static final class Stdin extends InputStream {
    private final InputStream request;
    private final OutputStream answer;
    private final Path base;
    private InputStream data;

    Stdin(InputStream request, OutputStream answer, Path base) {
      this.request = request;
      this.answer = answer;
      this.base = base;
    }

    private InputStream data() throws IOException {
      if (data == null) {
        line(answer, "STDIN");
        data = Files.newInputStream(base.resolve(field(request)));
      }
      return data;
    }

    @Override
    public int read() throws IOException {
      return data().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return data().read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      if (data != null) {
        data.close();
      }
    }
  }

  /** One NUL-terminated UTF-8 field of at most 64 KiB. */
  private static String field(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != 0; c = in.read()) {
      if (c < 0) {
        throw new IOException("request ended early");
      }
      if (b.size() >= MAX_FIELD) {
        throw new IOException("request field too long");
      }
      b.write(c);
    }
    return b.toString(UTF_8);
  }

  private static void line(OutputStream out, String s) throws IOException {
    out.write((s + "\n").getBytes(UTF_8));
    out.flush();
  }

  /** Writes {@code text} to {@code file} readable and writable by its owner only, atomically. */
  private static void writePrivately(Path file, String text) throws IOException {
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, ".spiral-daemon", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      throw new IOException("the daemon needs a file system with owner-only permissions", e);
    }
    try {
      Files.writeString(tmp, text);
      spiral.LocalFiles.replace(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void stop(String why) throws IOException {
    if (stopped == null) {
      stopped = why;
    }
    server.close();
  }

  /** Stops accepting, lets running requests finish, and removes the file if it is still ours. */
  @Override
  public void close() throws IOException {
    stop("closed");
    connections.shutdown();
    try {
      connections.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (Files.readString(file).equals(written)) {
        Files.deleteIfExists(file);
      }
    } catch (NoSuchFileException e) {
      // already gone
    }
  }

  /**
   * A request to the daemon whose file is {@code file}: the answer's first line, or null where
   * no daemon answers there (no file, nothing listening, a file that cannot be read).
   */
  static String ask(Path file, String request) {
    String[] f;
    try {
      f = Files.readString(file).strip().split(" ");
    } catch (IOException e) {
      return null;
    }
    if (f.length < 2) {
      return null;
    }
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(f[0]))) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      for (String x : new String[] {f[1], request, "", "0"}) {
        out.write(x.getBytes(UTF_8));
        out.write(0);
      }
      out.flush();
      String answer = new String(s.getInputStream().readAllBytes(), UTF_8);
      int nl = answer.indexOf('\n');
      return nl < 0 ? answer : answer.substring(0, nl);
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }
}
