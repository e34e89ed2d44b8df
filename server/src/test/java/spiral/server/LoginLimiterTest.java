package spiral.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
  /** A clock the test moves. */
  static final class Manual extends Clock {
    long millis = 1_000_000;

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

  @Test
  void aNameIsBlockedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
    Manual clock = new Manual();
    LoginLimiter l = new LoginLimiter(clock, 60_000, 3, 100, 1000);
    for (int i = 0; i < 3; i++) {
      assertThat(l.retryAfterSeconds("ann", "1.2.3.4")).isZero();
      l.failed("ann", "1.2.3.4");
      clock.millis += 10_000;
    }
    // failures at t0, t0+10 s, t0+20 s; now t0+30 s: the first leaves at t0+60 s
    assertThat(l.retryAfterSeconds("ann", "1.2.3.4")).isEqualTo(30);
    assertThat(l.retryAfterSeconds("bob", "1.2.3.4")).isZero();
    clock.millis += 30_000;
    assertThat(l.retryAfterSeconds("ann", "1.2.3.4")).isZero();
  }

  @Test
  void anAddressIsBlockedAcrossNamesAndSuccessClearsOnlyTheName() {
    Manual clock = new Manual();
    LoginLimiter l = new LoginLimiter(clock, 60_000, 100, 4, 1000);
    for (int i = 0; i < 4; i++) {
      l.failed("name" + i, "9.9.9.9");
    }
    assertThat(l.retryAfterSeconds("fresh", "9.9.9.9")).isEqualTo(60);
    assertThat(l.retryAfterSeconds("fresh", "8.8.8.8")).isZero();
    l.succeeded("name0");
    assertThat(l.retryAfterSeconds("fresh", "9.9.9.9")).isEqualTo(60);
  }

  @Test
  void memoryStaysBounded() {
    Manual clock = new Manual();
    LoginLimiter l = new LoginLimiter(clock, 60_000, 3, 3, 100);
    for (int i = 0; i < 10_000; i++) {
      l.failed("n" + i, "a" + i);
    }
    assertThat(l.keys()).isLessThanOrEqualTo(100);
    assertThat(l.retryAfterSeconds("n9999", "a9999")).isZero(); // one failure only: not blocked
  }
}
