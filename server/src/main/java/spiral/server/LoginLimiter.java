package spiral.server;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Limits password guessing: at most {@code perName} failed logins per account name and {@code
 * perAddress} per client address within a sliding window; beyond that, logins for that name or
 * from that address are refused until the oldest failure leaves the window (OWASP Authentication
 * Cheat Sheet: "login throttling"). A successful login clears its name's failures.
 *
 * <p>Thread-safe (one lock; the work under it is a few deque operations). Memory is bounded:
 * keys whose failures have all left the window are dropped when the map grows past {@code
 * maxKeys}, and if it is still full the oldest-touched keys go.
 */
final class LoginLimiter {
  private final Clock clock;
  private final long windowMillis;
  private final int perName;
  private final int perAddress;
  private final int maxKeys;
  private final Map<String, Deque<Long>> failures = new HashMap<>();

  LoginLimiter(Clock clock, long windowMillis, int perName, int perAddress, int maxKeys) {
    this.clock = clock;
    this.windowMillis = windowMillis;
    this.perName = perName;
    this.perAddress = perAddress;
    this.maxKeys = maxKeys;
  }

  /** The default: 5 failures per name and 50 per address in 15 minutes. */
  static LoginLimiter standard(Clock clock) {
    return new LoginLimiter(clock, 15 * 60_000L, 5, 50, 100_000);
  }

  /** Seconds until a login for {@code name} from {@code address} may be tried; 0 when it may now. */
  synchronized long retryAfterSeconds(String name, String address) {
    long now = clock.millis();
    long wait = Math.max(wait("n:" + name, perName, now), wait("a:" + address, perAddress, now));
    return wait == 0 ? 0 : Math.max(1, (wait + 999) / 1000);
  }

  /** Records a failed login. */
  synchronized void failed(String name, String address) {
    long now = clock.millis();
    if (failures.size() + 2 > maxKeys) {
      prune(now);
    }
    failures.computeIfAbsent("n:" + name, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("a:" + address, k -> new ArrayDeque<>()).addLast(now);
  }

  /** Records a successful login: the name's failures are forgotten. */
  synchronized void succeeded(String name) {
    failures.remove("n:" + name);
  }

  /** How many names and addresses are tracked now. */
  synchronized int keys() {
    return failures.size();
  }

  private long wait(String key, int limit, long now) {
    Deque<Long> d = failures.get(key);
    if (d == null) {
      return 0;
    }
    while (!d.isEmpty() && d.peekFirst() <= now - windowMillis) {
      d.removeFirst();
    }
    if (d.isEmpty()) {
      failures.remove(key);
      return 0;
    }
    if (d.size() < limit) {
      return 0;
    }
    return d.peekFirst() + windowMillis - now;
  }

  private void prune(long now) {
    for (Iterator<Deque<Long>> it = failures.values().iterator(); it.hasNext(); ) {
      Deque<Long> d = it.next();
      if (d.isEmpty() || d.peekLast() <= now - windowMillis) {
        it.remove();
      }
    }
    Iterator<Map.Entry<String, Deque<Long>>> it = failures.entrySet().iterator();
    while (failures.size() + 2 > maxKeys && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
