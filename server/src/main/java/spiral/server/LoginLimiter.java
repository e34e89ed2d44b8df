package spiral.server;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits password guessing and sign-ups with sliding windows (OWASP Authentication Cheat Sheet:
 * "login throttling"). Within the window, at most:
 *
 * <ul>
 *   <li>{@code perPair} failed logins for one name from one address;
 *   <li>{@code perAddress} failed logins from one address, over all names;
 *   <li>{@code perName} failed logins for one name, over all addresses. It is larger than {@code
 *       perAddress}, so no single address can lock anyone else out of an account;
 * </ul>
 *
 * <p>And at most {@code signups} sign-ups from one address within an hour. Beyond a limit,
 * attempts are refused until the oldest entry leaves its window. A password
 * check is counted as a failure <em>before</em> it runs ({@link #attempt}) and taken back when it
 * succeeds, so parallel guesses cannot all pass the check before the first failure is recorded. A
 * success also forgets the failures of its name and address pair.
 *
 * <p>Thread-safe: one lock, and the work under it is a few deque operations. Memory is bounded:
 * when the map grows past {@code maxKeys}, keys whose entries have all left the window are
 * dropped, and if it is still full, the oldest-touched keys go.
 */
final class LoginLimiter {
  /** A password check that may go ahead ({@code retryAfterSeconds == 0}), or the wait. */
  record Attempt(long retryAfterSeconds, String name, String address, long at) {
    boolean allowed() {
      return retryAfterSeconds == 0;
    }
  }

  private final Clock clock;
  private static final long HOUR = 3600_000L;
  private final long windowMillis;
  private final int perPair;
  private final int perAddress;
  private final int perName;
  private final int signups;
  private final int maxKeys;
  /** In access order, so that pruning drops the keys touched longest ago first. */
  private final Map<String, Deque<Long>> entries = new LinkedHashMap<>(16, 0.75f, true);

  LoginLimiter(Clock clock, long windowMillis, int perPair, int perAddress, int perName,
      int signups, int maxKeys) {
    this.clock = clock;
    this.windowMillis = windowMillis;
    this.perPair = perPair;
    this.perAddress = perAddress;
    this.perName = perName;
    this.signups = signups;
    this.maxKeys = maxKeys;
  }

  /**
   * The defaults: in 15 minutes, 5 failures per name and address, 50 per address and 200 per name;
   * {@code signupsPerHour} sign-ups per address an hour.
   */
  static LoginLimiter standard(Clock clock, int signupsPerHour) {
    return new LoginLimiter(clock, 15 * 60_000L, 5, 50, 200, signupsPerHour, 100_000);
  }

  /**
   * Asks to check a password for {@code name} from {@code address}. When the answer is allowed,
   * the check already counts as a failure until {@link #succeeded} takes it back.
   */
  synchronized Attempt attempt(String name, String address) {
    long now = clock.millis();
    long wait = Math.max(wait(pair(name, address), perPair, now, windowMillis),
        Math.max(wait("a:" + address, perAddress, now, windowMillis), wait("n:" + name, perName, now, windowMillis)));
    if (wait > 0) {
      return new Attempt(Math.max(1, (wait + 999) / 1000), name, address, now);
    }
    add(now, pair(name, address), "a:" + address, "n:" + name);
    return new Attempt(0, name, address, now);
  }

  /** The allowed attempt's password was right: forget it and the pair's failures. */
  synchronized void succeeded(Attempt a) {
    entries.remove(pair(a.name(), a.address()));
    for (String key : new String[] {"a:" + a.address(), "n:" + a.name()}) {
      Deque<Long> d = entries.get(key);
      if (d != null) {
        d.removeLastOccurrence(a.at());
        if (d.isEmpty()) {
          entries.remove(key);
        }
      }
    }
  }

  /** Asks to sign up from {@code address}: 0 when it may (and counts it), else seconds to wait. */
  synchronized long signup(String address) {
    long now = clock.millis();
    long wait = wait("s:" + address, signups, now, HOUR);
    if (wait > 0) {
      return Math.max(1, (wait + 999) / 1000);
    }
    add(now, "s:" + address);
    return 0;
  }

  /** How many keys (pairs, names, addresses) are tracked now. */
  synchronized int keys() {
    return entries.size();
  }

  private static String pair(String name, String address) {
    return "p:" + address + " " + name;
  }

  private void add(long now, String... keys) {
    if (entries.size() + keys.length > maxKeys) {
      prune(now, keys.length);
    }
    for (String key : keys) {
      entries.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
    }
  }

  private long wait(String key, int limit, long now, long window) {
    Deque<Long> d = entries.get(key);
    if (d == null) {
      return 0;
    }
    while (!d.isEmpty() && d.peekFirst() <= now - window) {
      d.removeFirst();
    }
    if (d.isEmpty()) {
      entries.remove(key);
      return 0;
    }
    if (d.size() < limit) {
      return 0;
    }
    return d.peekFirst() + window - now;
  }

  private void prune(long now, int room) {
    for (Iterator<Deque<Long>> it = entries.values().iterator(); it.hasNext(); ) {
      Deque<Long> d = it.next();
      if (d.isEmpty() || d.peekLast() <= now - Math.max(windowMillis, HOUR)) {
        it.remove();
      }
    }
    Iterator<Map.Entry<String, Deque<Long>>> it = entries.entrySet().iterator();
    while (entries.size() + room > maxKeys && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
