package io.teleglas.core.coinglass;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.coinglass.CoinglassRateLimiter.Budget;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CoinglassRateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  private final CoinglassRateLimiter hobbyist = CoinglassRateLimiter.forPlan(Plan.HOBBYIST, clock);

  private int acquired(CoinglassRateLimiter limiter, int attempts) {
    int granted = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.tryAcquire()) {
        granted++;
      }
    }
    return granted;
  }

  @Test
  void tryAcquire_grantsOneMinutesBudgetThenRefuses() {
    assertThat(acquired(hobbyist, 31)).isEqualTo(30);
    assertThat(hobbyist.budget()).isEqualTo(new Budget(30, 30, 0));
  }

  @Test
  void tryAcquire_refillsContinuously() {
    acquired(hobbyist, 30);

    clock.advance(Duration.ofMillis(1_900));
    assertThat(hobbyist.tryAcquire()).isFalse();
    clock.advance(Duration.ofMillis(100));
    assertThat(hobbyist.tryAcquire()).isTrue();
    assertThat(hobbyist.tryAcquire()).isFalse();

    clock.advance(Duration.ofMinutes(5));
    assertThat(hobbyist.budget()).isEqualTo(new Budget(30, 0, 30));
  }

  @Test
  void observe_adoptsTheKeysLimitAndWhatItHasUsed() {
    hobbyist.observe(OptionalInt.of(300), OptionalInt.of(290));

    assertThat(hobbyist.budget()).isEqualTo(new Budget(300, 290, 10));
    assertThat(acquired(hobbyist, 11)).isEqualTo(10);

    clock.advance(Duration.ofSeconds(1));
    assertThat(hobbyist.budget().remaining()).isEqualTo(5);
  }

  @Test
  void observe_lowersTheLimitAndTheTokensWithIt() {
    CoinglassRateLimiter standard = CoinglassRateLimiter.forPlan(Plan.STANDARD, clock);

    standard.observe(OptionalInt.of(30), OptionalInt.empty());

    assertThat(standard.budget()).isEqualTo(new Budget(30, 0, 30));
  }

  @Test
  void observe_ignoresNonsenseLimits() {
    hobbyist.observe(OptionalInt.of(0), OptionalInt.of(-5));

    assertThat(hobbyist.budget()).isEqualTo(new Budget(30, 0, 30));
  }

  @Test
  void exhausted_leavesNothingUntilRefilled() {
    hobbyist.exhausted();

    assertThat(hobbyist.tryAcquire()).isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(hobbyist.tryAcquire()).isTrue();
  }
}
