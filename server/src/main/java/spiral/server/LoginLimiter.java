package spiral.server;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing without ever locking the owner out (OWASP Authentication Cheat Sheet,
 * "login throttling"; NIST SP 800-63B, 5.2.2 rate limiting).
 *
 * <ul>
 *   <li><b>Per account name, a progressive delay.</b> The first {@code freeFailures} failed
 *       checks for a name cost nothing; after that, each further check must wait {@code
 *       baseDelay × 2^(failures − freeFailures)} after the latest failure, at most {@code
 *       maxDelay}. An attempt during the wait is refused (429 with Retry-After) and changes
 *       nothing; once the wait has passed, the next check runs, from any address: the right
 *       password always gets in after at most {@code maxDelay}, however many guesses came before.
 *       A name's failures are forgotten after a success or {@code forgetMillis} without one.
 *       Unknown names are delayed the same way, so a 429 does not tell that a name exists;
 *   <li><b>per client address</b> (the real client, behind a trusted proxy), at most {@code
 *       perAddress} failures in a sliding window, over all names: one address cannot spray
 *       guesses over many accounts, and only that address waits;
 *   <li>per client address, at most {@code successesPerAddress} successful logins in the window
 *       (generous: a room of players behind one address logs in), so that an address cannot turn
 *       a stolen password list into sessions at full speed;
 *   <li>at most {@code signups} sign-ups from one address within an hour.
 * </ul>
 *
 * <p>A password check is counted as a failure <em>before</em> it runs ({@link #attempt}) and taken
 * back when it succeeds, so parallel guesses cannot all pass the check before the first failure is
 * recorded.
 *
 * <p>Thread-safe: one lock, and the work under it is a few map and deque operations. Memory is
 * bounded: when the map grows past {@code maxKeys}, entries with nothing left to enforce are
 * dropped, and if it is still full, the oldest-touched entries go.
 */
final class LoginLimiter {
  /** A password check that may go ahead ({@code retryAfterSeconds == 0}), or the wait. */
  record Attempt(long retryAfterSeconds, String name, String address, long at) {
    boolean allowed() {
      return retryAfterSeconds == 0;
    }
  }

  /**
   * The limits.
   *
   * @param freeFailures failures for a name before any delay
   * @param baseDelayMillis the first delay
   * @param maxDelayMillis the longest delay
   * @param forgetMillis a name's failures are forgotten this long after its latest
   * @param windowMillis the sliding window of the per-address limits
   * @param perAddress failures allowed from one address in the window
   * @param successesPerAddress successful logins allowed from one address in the window
   * @param signups sign-ups allowed from one address in an hour
   * @param maxKeys names and addresses tracked at most
   */
  record Policy(int freeFailures, long baseDelayMillis, long maxDelayMillis, long forgetMillis,
      long windowMillis, int perAddress, int successesPerAddress, int signups, int maxKeys) {
    Policy {
      if (freeFailures < 0 || baseDelayMillis < 1 || maxDelayMillis < baseDelayMillis || forgetMillis < maxDelayMillis
          || windowMillis < 1 || perAddress < 1 || successesPerAddress < 1 || signups < 1 || maxKeys < 10) {
        throw new IllegalArgumentException("inconsistent login limits: " + freeFailures + ", " + baseDelayMillis
            + ", " + maxDelayMillis + ", " + forgetMillis + ", " + windowMillis + ", " + perAddress + ", "
            + successesPerAddress + ", " + signups + ", " + maxKeys);
      }
    }

    /** The wait before the next check after {@code failures} failures: 0, or base × 2^k, capped. */
    long delay(int failures) {
      if (failures < freeFailures) {
        return 0;
      }
      long d = baseDelayMillis;
      for (int k = freeFailures; k < failures && d < maxDelayMillis; k++) {
        d *= 2;
      }
      return Math.min(maxDelayMillis, d);
    }
  }

  /**
   * The defaults: 5 free failures per name, then 5 s, 10 s, 20 s … at most 15 minutes between
   * checks, forgotten after a day; per address in 15 minutes, 50 failures and 300 successful
   * logins; {@code signupsPerHour} sign-ups per address an hour.
   */
  static Policy standard(int signupsPerHour) {
    return new Policy(5, 5_000, 15 * 60_000L, 24 * 3600_000L, 15 * 60_000L, 50, 300, signupsPerHour, 100_000);
  }

  private static final long HOUR = 3600_000L;

  /** A name's failures: how many, and when the latest was. */
  private static final class Failures {
    int count;
    long latest;
  }

  private final Clock clock;
  private final Policy policy;
  /** Per name. In access order, so that pruning drops the names touched longest ago first. */
  private final Map<String, Failures> names = new LinkedHashMap<>(16, 0.75f, true);
  /** Per address ("f:", "s:", "u:" + address): times of failures, successes, sign-ups. */
  private final Map<String, Deque<Long>> windows = new LinkedHashMap<>(16, 0.75f, true);

  LoginLimiter(Clock clock, Policy policy) {
    this.clock = clock;
    this.policy = policy;
  }

  /**
   * Asks to check a password for {@code name} from {@code address}. When the answer is allowed,
   * the check already counts as a failure until {@link #succeeded} takes it back.
   */
  synchronized Attempt attempt(String name, String address) {
    long now = clock.millis();
    long wait = Math.max(windowWait("f:" + address, policy.perAddress(), now, policy.windowMillis()),
        windowWait("s:" + address, policy.successesPerAddress(), now, policy.windowMillis()));
    Failures f = names.get(name);
    if (f != null && now - f.latest >= policy.forgetMillis()) {
      names.remove(name);
      f = null;
    }
    if (f != null) {
      wait = Math.max(wait, f.latest + policy.delay(f.count) - now);
    }
    if (wait > 0) {
      return new Attempt(Math.max(1, (wait + 999) / 1000), name, address, now);
    }
    if (f == null) {
      prune(now);
      f = new Failures();
      names.put(name, f);
    }
    f.count++;
    f.latest = now;
    add(now, "f:" + address);
    return new Attempt(0, name, address, now);
  }

  /** The allowed attempt's password was right: the name's failures are forgotten; a success counted. */
  synchronized void succeeded(Attempt a) {
    names.remove(a.name());
    Deque<Long> d = windows.get("f:" + a.address());
    if (d != null) {
      d.removeLastOccurrence(a.at());
      if (d.isEmpty()) {
        windows.remove("f:" + a.address());
      }
    }
    add(clock.millis(), "s:" + a.address());
  }

  /** Asks to sign up from {@code address}: 0 when it may (and counts it), else seconds to wait. */
  synchronized long signup(String address) {
    long now = clock.millis();
    long wait = windowWait("u:" + address, policy.signups(), now, HOUR);
    if (wait > 0) {
      return Math.max(1, (wait + 999) / 1000);
    }
    add(now, "u:" + address);
    return 0;
  }

  /** How many names and address windows are tracked now. */
  synchronized int keys() {
    return names.size() + windows.size();
  }

  private void add(long now, String key) {
    if (!windows.containsKey(key)) {
      prune(now);
    }
    windows.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
  }

  private long windowWait(String key, int limit, long now, long window) {
    Deque<Long> d = windows.get(key);
    if (d == null) {
      return 0;
    }
    while (!d.isEmpty() && d.peekFirst() <= now - window) {
      d.removeFirst();
    }
    if (d.isEmpty()) {
      windows.remove(key);
      return 0;
    }
    if (d.size() < limit) {
      return 0;
    }
    return d.peekFirst() + window - now;
  }

  /** Makes room for one more key when full: first what has expired, then the oldest-touched. */
  private void prune(long now) {
    if (names.size() + windows.size() < policy.maxKeys()) {
      return;
    }
    // a name with no delay left to enforce soon, or whose failures are forgotten
    names.values().removeIf(f -> now - f.latest >= policy.forgetMillis()
        || f.count < policy.freeFailures() && now - f.latest >= policy.windowMillis());
    long longest = Math.max(policy.windowMillis(), HOUR);
    windows.values().removeIf(d -> d.isEmpty() || d.peekLast() <= now - longest);
    for (Iterator<Failures> it = names.values().iterator();
        names.size() + windows.size() >= policy.maxKeys() && it.hasNext(); ) {
      it.next();
      it.remove();
    }
    for (Iterator<Deque<Long>> it = windows.values().iterator();
        names.size() + windows.size() >= policy.maxKeys() && it.hasNext(); ) {
      it.next();
      it.remove();
    }
  }
}
