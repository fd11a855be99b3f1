package io.teleglas.alertbot.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LogThrottle throttle = new LogThrottle(clock, Duration.ofMinutes(1));

  @Test
  void admit_letsTheFirstThroughThenOnePerPeriodWithTheCountHeldBack() {
    assertThat(throttle.admit()).isZero();
    assertThat(throttle.admit()).isEqualTo(LogThrottle.SUPPRESSED);
    clock.advance(Duration.ofSeconds(59));
    assertThat(throttle.admit()).isEqualTo(LogThrottle.SUPPRESSED);

    clock.advance(Duration.ofSeconds(1));

    assertThat(throttle.admit()).isEqualTo(2);
    assertThat(throttle.admit()).isEqualTo(LogThrottle.SUPPRESSED);
  }

  @Test
  void admit_afterAQuietPeriodReportsNothingHeldBack() {
    throttle.admit();
    clock.advance(Duration.ofMinutes(5));

    assertThat(throttle.admit()).isZero();
  }
}
