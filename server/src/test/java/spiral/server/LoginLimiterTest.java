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

  /** 3 free failures, then 1 s, 2 s, 4 s … at most 60 s; per address 100 failures and 10 successes a minute; 2 sign-ups an hour. */
  static LoginLimiter limiter(Manual clock, int perAddress) {
    return new LoginLimiter(clock, new LoginLimiter.Policy(3, 1_000, 60_000, 3_600_000, 60_000, perAddress, 10, 2, 1000));
  }

  @Test
  void theDelaysGrowExponentiallyUpToTheCap() {
    LoginLimiter.Policy p = LoginLimiter.standard(100);
    assertThat(p.delay(0)).isZero();
    assertThat(p.delay(4)).isZero();
    assertThat(p.delay(5)).isEqualTo(5_000);
    assertThat(p.delay(6)).isEqualTo(10_000);
    assertThat(p.delay(9)).isEqualTo(80_000);
    assertThat(p.delay(13)).isEqualTo(900_000);
    assertThat(p.delay(1_000_000)).isEqualTo(900_000);
  }

  @Test
  void afterTheFreeFailuresEachCheckWaitsLongerAndTheWaitEnds() {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 100);
    for (int i = 0; i < 3; i++) {
      assertThat(l.attempt("ann", "1.2.3.4").allowed()).isTrue();
    }
    // from anywhere: the name waits 1 s after its latest failure
    assertThat(l.attempt("ann", "5.6.7.8").retryAfterSeconds()).isEqualTo(1);
    clock.millis += 1_000;
    assertThat(l.attempt("ann", "5.6.7.8").allowed()).isTrue();
    assertThat(l.attempt("ann", "5.6.7.8").retryAfterSeconds()).isEqualTo(2);
    // refused attempts change nothing: the wait does not grow while one waits
    for (int i = 0; i < 100; i++) {
      assertThat(l.attempt("ann", "9.9.9.9").allowed()).isFalse();
    }
    clock.millis += 2_000;
    assertThat(l.attempt("ann", "1.2.3.4").allowed()).isTrue();
    assertThat(l.attempt("bob", "1.2.3.4").allowed()).as("other names are not delayed").isTrue();
  }

  @Test
  void aThousandGuessesFromManyAddressesDoNotKeepTheOwnerOutLongerThanTheCap() {
    Manual clock = new Manual();
    LoginLimiter l = new LoginLimiter(clock, LoginLimiter.standard(100));
    int checked = 0;
    for (int i = 0; i < 1_000; i++) {
      // 1,000 guesses from 100 addresses, one every 3 s, each taken whenever allowed
      checked += l.attempt("owner", "10.0." + (i % 100) + ".1").allowed() ? 1 : 0;
      clock.millis += 3_000;
    }
    assertThat(checked).as("passwords checked in 50 minutes").isBetween(5, 20);
    // the owner, from a new address, waits at most the cap (15 minutes) once the guessing stops
    clock.millis += 15 * 60_000L;
    LoginLimiter.Attempt owner = l.attempt("owner", "192.0.2.7");
    assertThat(owner.allowed()).isTrue();
    l.succeeded(owner);
    // and the success forgets the failures: no delay afterwards
    for (int i = 0; i < 5; i++) {
      assertThat(l.attempt("owner", "192.0.2.7").allowed()).isTrue();
    }
  }

  @Test
  void whileGuessingGoesOnTheWaitNeverExceedsTheCap() {
    Manual clock = new Manual();
    LoginLimiter l = new LoginLimiter(clock, LoginLimiter.standard(100));
    long worst = 0;
    for (int i = 0; i < 1_000; i++) {
      LoginLimiter.Attempt a = l.attempt("owner", "10.1." + (i % 250) + ".1");
      if (!a.allowed()) {
        worst = Math.max(worst, a.retryAfterSeconds());
      }
      clock.millis += 1_000;
    }
    assertThat(worst).isLessThanOrEqualTo(900);
  }

  @Test
  void aSuccessTakesBackItsAttemptAndForgetsTheNamesFailures() {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 100);
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
  void anAddressIsBlockedAcrossNamesButNoOtherAddressIs() {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 4);
    for (int i = 0; i < 4; i++) {
      l.attempt("name" + i, "9.9.9.9");
    }
    assertThat(l.attempt("fresh", "9.9.9.9").retryAfterSeconds()).isEqualTo(60);
    assertThat(l.attempt("fresh", "8.8.8.8").allowed()).isTrue();
  }

  @Test
  void successfulLoginsAreLimitedPerAddressToo() {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 100);
    for (int i = 0; i < 10; i++) {
      LoginLimiter.Attempt a = l.attempt("user" + i, "7.7.7.7");
      assertThat(a.allowed()).isTrue();
      l.succeeded(a);
    }
    assertThat(l.attempt("user10", "7.7.7.7").retryAfterSeconds()).isEqualTo(60);
    assertThat(l.attempt("user10", "6.6.6.6").allowed()).isTrue();
    clock.millis += 60_000;
    assertThat(l.attempt("user10", "7.7.7.7").allowed()).isTrue();
  }

  @Test
  void parallelAttemptsCannotAllPassTheCheck() throws Exception {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 100);
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
      assertThat(allowed).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signUpsAreCountedPerAddressAndHour() {
    Manual clock = new Manual();
    LoginLimiter l = limiter(clock, 100);
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
    LoginLimiter l = new LoginLimiter(clock, new LoginLimiter.Policy(3, 1_000, 60_000, 3_600_000, 60_000, 3, 3, 3, 100));
    for (int i = 0; i < 10_000; i++) {
      l.attempt("n" + i, "a" + i);
      l.signup("s" + i);
    }
    assertThat(l.keys()).isLessThanOrEqualTo(100);
    assertThat(l.attempt("n9999", "a9999").allowed()).isTrue(); // one failure only: not delayed
  }
}
