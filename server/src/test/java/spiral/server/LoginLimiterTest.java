package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
  /** A clock the test moves. */
  static final class Manual extends Clock {
    volatile long millis = 1_000_000;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  /** A 60 s window with the given failure limits, and 2 sign-ups an hour. */
  static LoginLimiter limiter(Manual clock, int perPair, int perAddress, int perName) {
    return new LoginLimiter(clock, 60_000, perPair, perAddress, perName, 2, 1000);
  }

  @Test
  void aNameAndAddressIsBlockedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 3, 100, 200);
    for (int i = 0; i < 3; i++) {
      assertThat(l.attempt("ann", "1.2.3.4").allowed()).isTrue();
      clock.millis += 10_000;
    }
    // failures at t0, t0+10 s, t0+20 s; now t0+30 s: the first leaves at t0+60 s
    assertThat(l.attempt("ann", "1.2.3.4").retryAfterSeconds()).isEqualTo(30);
    assertThat(l.attempt("bob", "1.2.3.4").allowed()).isTrue();
    // the attacker's address does not lock ann out elsewhere
    assertThat(l.attempt("ann", "5.6.7.8").allowed()).isTrue();
    clock.millis += 30_000;
    assertThat(l.attempt("ann", "1.2.3.4").allowed()).isTrue();
  }

  @Test
  void aSuccessTakesBackItsAttemptAndForgetsThePairsFailures() {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 3, 100, 200);
    l.attempt("ann", "1.2.3.4");
    l.attempt("ann", "1.2.3.4");
    LoginLimiter.Attempt ok = l.attempt("ann", "1.2.3.4");
    l.succeeded(ok);
    for (int i = 0; i < 3; i++) {
      assertThat(l.attempt("ann", "1.2.3.4").allowed()).isTrue();
    }
    assertThat(l.attempt("ann", "1.2.3.4").allowed()).isFalse();
  }

  @Test
  void anAddressIsBlockedAcrossNames() {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 100, 4, 200);
    for (int i = 0; i < 4; i++) {
      l.attempt("name" + i, "9.9.9.9");
    }
    assertThat(l.attempt("fresh", "9.9.9.9").retryAfterSeconds()).isEqualTo(60);
    assertThat(l.attempt("fresh", "8.8.8.8").allowed()).isTrue();
  }

  @Test
  void aNameIsBlockedAcrossAddressesOnlyAfterMoreThanOneAddressCanFail() {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 100, 4, 6);
    for (int i = 0; i < 4; i++) {
      l.attempt("admin", "9.9.9.9");
    }
    // one address alone cannot reach the name's limit
    assertThat(l.attempt("admin", "9.9.9.9").allowed()).isFalse();
    assertThat(l.attempt("admin", "1.1.1.1").allowed()).isTrue();
    assertThat(l.attempt("admin", "2.2.2.2").allowed()).isTrue();
    assertThat(l.attempt("admin", "3.3.3.3").allowed()).isFalse();
  }

  @Test
  void parallelAttemptsCannotAllPassTheCheck() throws Exception {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 5, 100, 200);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> out = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        out.add(pool.submit(() -> l.attempt("ann", "1.2.3.4").allowed()));
      }
      int allowed = 0;
      for (Future<Boolean> f : out) {
        allowed += f.get() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signUpsAreCountedPerAddressAndHour() {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 3, 100, 200);
    assertThat(l.signup("1.2.3.4")).isZero();
    clock.millis += 1_000;
    assertThat(l.signup("1.2.3.4")).isZero();
    assertThat(l.signup("1.2.3.4")).isEqualTo(3599);
    assertThat(l.signup("4.3.2.1")).isZero();
    clock.millis += 3_599_000;
    assertThat(l.signup("1.2.3.4")).isZero();
  }

  @Test
  void memoryStaysBounded() {
    Manual clock = new Manual();
    LoginLimiter l = new LoginLimiter(clock, 60_000, 3, 3, 3, 3, 100);
    for (int i = 0; i < 10_000; i++) {
      l.attempt("n" + i, "a" + i);
      l.signup("s" + i);
    }
    assertThat(l.keys()).isLessThanOrEqualTo(100);
    assertThat(l.attempt("n9999", "a9999").allowed()).isTrue(); // one failure only: not blocked
  }
}
