package spiral.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Connection-level limits against clients that hold connections open (slowloris):
 *
 * <ul>
 *   <li>at most {@code maxPerAddress} open connections from one peer address; the connection over
 *       the limit is closed as soon as it opens. Trusted proxies are exempt (every client behind
 *       them shares their address; limit those clients at the proxy);
 *   <li>a request's headers must arrive within {@code headerDeadlineMillis} of their first byte:
 *       a connection still in the middle of a request line or header block after that is closed.
 *       Jetty parses headers without holding a thread, but each byte restarts its idle timeout,
 *       so a client sending a header byte every few seconds would otherwise keep its connection
 *       forever.
 * </ul>
 *
 * <p>Bodies have their own deadline ({@link BodyBuffer}); idle connections end after the
 * connector's idle timeout.
 *
 * <p>Cost: one map update per connection opened or closed, and a sweep over the open connections
 * every {@code sweepMillis} (a field read or two each). The sweep reads the parser's state from
 * another thread without a lock: it may see a state a moment late, which only moves a close by one
 * sweep.
 */
final class SlowClientGuard implements Connection.Listener {
  private final Predicate<InetAddress> exempt;
  private final int maxPerAddress;
  private final long headerDeadlineMillis;
  private final LongSupplier nanos;
  private final Executor closer;
  private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
  /** The open connections. */
  private final Map<Connection, Track> tracks = new ConcurrentHashMap<>();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger cut = new AtomicInteger();

  SlowClientGuard(Predicate<InetAddress> exempt, int maxPerAddress, long headerDeadlineMillis, LongSupplier nanos,
      Executor closer) {
    if (maxPerAddress < 1 || headerDeadlineMillis < 1) {
      throw new IllegalArgumentException("maxPerAddress and headerDeadlineMillis must be positive, were "
          + maxPerAddress + " and " + headerDeadlineMillis);
    }
    this.exempt = exempt;
    this.maxPerAddress = maxPerAddress;
    this.headerDeadlineMillis = headerDeadlineMillis;
    this.nanos = nanos;
    this.closer = closer;
  }

  /** Sweeps every {@code sweepMillis} on {@code scheduler} until it is stopped. */
  void start(Scheduler scheduler, long sweepMillis) {
    scheduler.schedule(new Runnable() {
      @Override
      public void run() {
        try {
          sweep();
        } finally {
          if (scheduler.isRunning()) {
            scheduler.schedule(this, sweepMillis, TimeUnit.MILLISECONDS);
          }
        }
      }
    }, sweepMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection c) {
    InetAddress a = peer(c);
    Track t = new Track(a != null && !exempt.test(a) ? a : null);
    tracks.put(c, t);
    if (t.address != null) {
      int n = perAddress.computeIfAbsent(t.address, k -> new AtomicInteger()).incrementAndGet();
      if (n > maxPerAddress) {
        refused.incrementAndGet();
        // a close from within the opening is not always acted on: closed again by the next sweep
        t.over = true;
        closer.execute(() -> c.getEndPoint().close());
      }
    }
  }

  @Override
  public void onClosed(Connection c) {
    Track t = tracks.remove(c);
    if (t != null && t.address != null) {
      perAddress.computeIfPresent(t.address, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
  }

  /**
   * Closes the connections over their address's limit, and those whose request headers have taken
   * longer than the deadline.
   */
  void sweep() {
    long now = nanos.getAsLong();
    for (Map.Entry<Connection, Track> e : tracks.entrySet()) {
      Connection c = e.getKey();
      Track t = e.getValue();
      if (t.over) {
        c.getEndPoint().close();
        continue;
      }
      var parser = c instanceof HttpConnection h ? h.getParser() : null;
      boolean inHeader = parser != null && parser.inHeaderState() && !parser.isStart();
      if (!inHeader) {
        t.headerSince = 0;
      } else if (t.headerSince == 0) {
        t.headerSince = now;
      } else if (now - t.headerSince > headerDeadlineMillis * 1_000_000L) {
        cut.incrementAndGet();
        c.getEndPoint().close();
      }
    }
  }

  /** Open connections seen. */
  int open() {
    return tracks.size();
  }

  /** Connections closed because their address had too many open. */
  int refused() {
    return refused.get();
  }

  /** Connections closed because their headers came too slowly. */
  int cut() {
    return cut.get();
  }

  private static InetAddress peer(Connection c) {
    SocketAddress s = c.getEndPoint().getRemoteSocketAddress();
    return s instanceof InetSocketAddress i ? i.getAddress() : null;
  }

  /** An open connection: its counted address (null: exempt), whether it is over the limit, since when its header is arriving. */
  private static final class Track {
    final InetAddress address;
    volatile boolean over;
    /** Read and written by the sweep only. */
    long headerSince;

    Track(InetAddress address) {
      this.address = address;
    }
  }
}
