package io.teleglas.core.telegram;

import static io.teleglas.core.telegram.UserRateLimiter.Decision.ALLOW;
import static io.teleglas.core.telegram.UserRateLimiter.Decision.IGNORE;
import static io.teleglas.core.telegram.UserRateLimiter.Decision.WARN;
import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserRateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  private final UserRateLimiter limiter = new UserRateLimiter(3, Duration.ofSeconds(10), clock);

  @Test
  void check_warnsOnceThenIgnoresUntilTheWindowHasRoom() {
    assertThat(limiter.check(1)).isEqualTo(ALLOW);
    assertThat(limiter.check(1)).isEqualTo(ALLOW);
    assertThat(limiter.check(1)).isEqualTo(ALLOW);
    assertThat(limiter.check(1)).isEqualTo(WARN);
    assertThat(limiter.check(1)).isEqualTo(IGNORE);
    assertThat(limiter.check(1)).isEqualTo(IGNORE);

    clock.advance(Duration.ofSeconds(10));
    assertThat(limiter.check(1)).isEqualTo(ALLOW);
  }

  @Test
  void check_usersAreIndependent() {
    for (int i = 0; i < 5; i++) {
      limiter.check(1);
    }
    assertThat(limiter.check(2)).isEqualTo(ALLOW);
  }

  @Test
  void check_slidingWindowFreesOneSlotAtATime() {
    limiter.check(1);
    clock.advance(Duration.ofSeconds(5));
    limiter.check(1);
    limiter.check(1);
    assertThat(limiter.check(1)).isEqualTo(WARN);

    clock.advance(Duration.ofSeconds(5));
    assertThat(limiter.check(1)).isEqualTo(ALLOW);
    assertThat(limiter.check(1)).isEqualTo(WARN);
  }
}
