package io.teleglas.commandbot.chat;

import static io.teleglas.commandbot.chat.UserRateLimiter.Decision.ALLOW;
import static io.teleglas.commandbot.chat.UserRateLimiter.Decision.IGNORE;
import static io.teleglas.commandbot.chat.UserRateLimiter.Decision.WARN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UserRateLimiterTest {
  private Instant now = Instant.parse("2026-11-21T12:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final UserRateLimiter limiter = new UserRateLimiter(3, Duration.ofSeconds(10), clock);

  @Test
  void check_warnsOnceThenIgnoresUntilTheWindowHasRoom() {
    assertThat(limiter.check(1)).isEqualTo(ALLOW);
    assertThat(limiter.check(1)).isEqualTo(ALLOW);
    assertThat(limiter.check(1)).isEqualTo(ALLOW);
    assertThat(limiter.check(1)).isEqualTo(WARN);
    assertThat(limiter.check(1)).isEqualTo(IGNORE);
    assertThat(limiter.check(1)).isEqualTo(IGNORE);

    now = now.plusSeconds(10);
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
    now = now.plusSeconds(5);
    limiter.check(1);
    limiter.check(1);
    assertThat(limiter.check(1)).isEqualTo(WARN);

    now = now.plusSeconds(5);
    assertThat(limiter.check(1)).isEqualTo(ALLOW);
    assertThat(limiter.check(1)).isEqualTo(WARN);
  }
}
