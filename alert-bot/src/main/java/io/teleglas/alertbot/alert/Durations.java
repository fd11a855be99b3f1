package io.teleglas.alertbot.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * Checks of configured durations. A class of its own so that {@link Thresholds} and {@link
 * MarketThresholds} can both use it without one's static initialiser running the other's (which
 * left {@code Thresholds.DEFAULT} half-built when {@code MarketThresholds} was touched first).
 */
final class Durations {
  private Durations() {}

  static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name + " is null");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }
}
