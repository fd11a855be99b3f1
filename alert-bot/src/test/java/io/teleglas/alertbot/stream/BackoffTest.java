package io.teleglas.alertbot.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teleglas.alertbot.stream.Backoff.Jitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration BASE = Duration.ofMillis(100);
  private static final Duration CAP = Duration.ofSeconds(1);

  private static List<Long> millis(Backoff backoff, int n) {
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      delays.add(backoff.nextDelay().toMillis());
    }
    return delays;
  }

  @Test
  void full_atTheTopOfTheRangeDoublesUpToTheCap() {
    Backoff backoff = new Backoff(BASE, CAP, Jitter.FULL, FixedRandom.HIGHEST);

    assertThat(millis(backoff, 7)).containsExactly(99L, 199L, 399L, 799L, 999L, 999L, 999L);
  }

  @Test
  void full_atTheBottomOfTheRangeIsZero() {
    Backoff backoff = new Backoff(BASE, CAP, Jitter.FULL, new FixedRandom(0));

    assertThat(millis(backoff, 3)).containsOnly(0L);
  }

  @Test
  void full_staysWithinZeroAndTheDoublingCeiling() {
    Backoff backoff = new Backoff(BASE, CAP, Jitter.FULL, new Random(42));

    for (int failure = 0; failure < 50; failure++) {
      long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(failure, 20));
      assertThat(backoff.nextDelay().toMillis()).isBetween(0L, ceiling);
    }
  }

  @Test
  void decorrelated_atTheTopTriplesUpToTheCap() {
    Backoff backoff = new Backoff(BASE, CAP, Jitter.DECORRELATED, FixedRandom.HIGHEST);

    assertThat(millis(backoff, 5)).containsExactly(299L, 899L, 999L, 999L, 999L);
  }

  @Test
  void decorrelated_neverGoesBelowBaseNorAboveCap() {
    Backoff backoff = new Backoff(BASE, CAP, Jitter.DECORRELATED, new Random(7));

    assertThat(millis(backoff, 200)).allSatisfy(d -> assertThat(d).isBetween(100L, 1000L));
  }

  @Test
  void reset_startsAgainFromBase() {
    Backoff backoff = new Backoff(BASE, CAP, Jitter.FULL, FixedRandom.HIGHEST);
    millis(backoff, 5);
    assertThat(backoff.failures()).isEqualTo(5);

    backoff.reset();

    assertThat(backoff.failures()).isZero();
    assertThat(backoff.nextDelay().toMillis()).isEqualTo(99L);
  }

  @Test
  void full_survivesManyFailuresWithoutOverflow() {
    Backoff backoff =
        new Backoff(Duration.ofNanos(1), Duration.ofDays(1), Jitter.FULL, FixedRandom.HIGHEST);

    millis(backoff, 100);

    assertThat(backoff.nextDelay()).isBetween(Duration.ofHours(23), Duration.ofDays(1));
  }

  @Test
  void standard_isDecorrelatedFromOneSecondToOneMinute() {
    Backoff backoff = Backoff.standard();

    assertThat(millis(backoff, 100)).allSatisfy(d -> assertThat(d).isBetween(1_000L, 60_000L));
  }

  @Test
  void constructor_rejectsACapBelowBase() {
    assertThatThrownBy(() -> new Backoff(CAP, BASE, Jitter.FULL, new Random()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cap");
  }
}
