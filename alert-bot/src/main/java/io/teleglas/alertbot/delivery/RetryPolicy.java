package io.teleglas.alertbot.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter for failed attempts: after {@code n} earlier failures the
 * wait is uniform in {@code [d/2, d]} where {@code d = min(cap, base * 2^n)}, so it never drops
 * below half the nominal wait and never exceeds the cap. Stateless apart from the random source;
 * thread-safe if that is.
 */
final class RetryPolicy {
  private final long baseMillis;
  private final long capMillis;
  private final RandomGenerator random;

  RetryPolicy(Duration base, Duration cap, RandomGenerator random) {
    this.baseMillis = base.toMillis();
    this.capMillis = cap.toMillis();
    this.random = requireNonNull(random, "random is null");
  }

  Duration delay(int earlierFailures) {
    long nominal = capMillis;
    if (earlierFailures < 62 && baseMillis <= (capMillis >> Math.max(0, earlierFailures))) {
      nominal = Math.min(capMillis, baseMillis << Math.max(0, earlierFailures));
    }
    long half = nominal / 2;
    return Duration.ofMillis(half + (long) (random.nextDouble() * (nominal - half + 1)));
  }
}
