package io.teleglas.alertbot.stream;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter, for reconnecting one stream: {@link #nextDelay()} after
 * each failure, {@link #reset()} once the stream works again. Thread-safe; one instance per stream,
 * since it remembers that stream's failures.
 *
 * <p>{@link Jitter#FULL} waits a uniform time in {@code [0, min(cap, base * 2^failures)]}; {@link
 * Jitter#DECORRELATED} waits {@code min(cap, uniform[base, 3 * previous])}, which never goes below
 * {@code base} (both from the AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
public final class Backoff {

  /** How the delay is spread, so streams that failed together do not retry together. */
  public enum Jitter {
    FULL,
    DECORRELATED
  }

  private final long baseNanos;
  private final long capNanos;
  private final Jitter jitter;
  private final RandomGenerator random;
  private int failures;
  private long previousNanos;

  public Backoff(Duration base, Duration cap, Jitter jitter, RandomGenerator random) {
    requireNonNull(base, "base is null");
    requireNonNull(cap, "cap is null");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("base must be > 0, got " + base);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("cap must be >= base " + base + ", got " + cap);
    }
    this.baseNanos = base.toNanos();
    this.capNanos = cap.toNanos();
    this.jitter = requireNonNull(jitter, "jitter is null");
    this.random = requireNonNull(random, "random is null");
    this.previousNanos = baseNanos;
  }

  /** 1 s growing to 60 s, decorrelated: never hammers a venue, back within a minute of recovery. */
  public static Backoff standard() {
    return new Backoff(
        Duration.ofSeconds(1), Duration.ofSeconds(60), Jitter.DECORRELATED, new Random());
  }

  /** Counts one more failure and returns how long to wait before the next attempt. */
  public synchronized Duration nextDelay() {
    long delay =
        switch (jitter) {
          case FULL -> (long) (random.nextDouble() * exponentialCeiling(failures));
          case DECORRELATED -> {
            long upper = Math.min(capNanos, saturatedTimes3(previousNanos));
            yield Math.min(
                capNanos, baseNanos + (long) (random.nextDouble() * (upper - baseNanos)));
          }
        };
    failures++;
    previousNanos = delay;
    return Duration.ofNanos(delay);
  }

  /** Forgets the failures: the next delay starts again from {@code base}. */
  public synchronized void reset() {
    failures = 0;
    previousNanos = baseNanos;
  }

  /** Failures counted since the last {@link #reset()}. */
  public synchronized int failures() {
    return failures;
  }

  private long exponentialCeiling(int exponent) {
    if (exponent >= 62 || baseNanos > (capNanos >> exponent)) {
      return capNanos;
    }
    return Math.min(capNanos, baseNanos << exponent);
  }

  private static long saturatedTimes3(long nanos) {
    return nanos > Long.MAX_VALUE / 3 ? Long.MAX_VALUE : nanos * 3;
  }
}
