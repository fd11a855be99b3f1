package io.teleglas.alertbot.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the delivery worker paces, retries, merges and judges itself; {@link #defaults()} are the
 * values documented in docs/delivery.md.
 *
 * @param limits Telegram's sending limits
 * @param digestHorizon a chat's waiting messages are merged into one digest when more are waiting
 *     than its limits let through within this time
 * @param digestMinEntries fewer waiting messages than this are never merged
 * @param retryBase the first wait after a failed attempt; it doubles with each further failure
 * @param retryCap the longest wait between attempts
 * @param idlePoll the longest the worker waits without looking at the outbox, so entries deferred
 *     by an earlier run or added without {@code wake()} are not left waiting
 * @param batch most due entries read per round
 * @param stuckAfter health reports delivery stuck when attempts keep failing and the oldest waiting
 *     message is older than this
 * @param failingFor health reports delivery stuck when Telegram has failed this long without one
 *     answer
 */
public record DeliverySettings(
    RateLimits.Limits limits,
    Duration digestHorizon,
    int digestMinEntries,
    Duration retryBase,
    Duration retryCap,
    Duration idlePoll,
    int batch,
    Duration stuckAfter,
    Duration failingFor) {

  public DeliverySettings {
    requireNonNull(limits, "limits is null");
    positive(digestHorizon, "digestHorizon");
    positive(retryBase, "retryBase");
    positive(retryCap, "retryCap");
    positive(idlePoll, "idlePoll");
    positive(stuckAfter, "stuckAfter");
    positive(failingFor, "failingFor");
    if (retryCap.compareTo(retryBase) < 0) {
      throw new IllegalArgumentException("retryCap " + retryCap + " < retryBase " + retryBase);
    }
    if (digestMinEntries < 2) {
      throw new IllegalArgumentException("digestMinEntries must be >= 2, got " + digestMinEntries);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
  }

  /**
   * Telegram's limits; digest when a chat cannot catch up within 10 s (at least 3 waiting); retries
   * from 1 s doubling to 60 s; a look at the outbox at least every second; stuck after 2 minutes of
   * failing with messages waiting, or 5 minutes without any answer from Telegram.
   */
  public static DeliverySettings defaults() {
    return new DeliverySettings(
        RateLimits.Limits.telegram(),
        Duration.ofSeconds(10),
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofSeconds(1),
        500,
        Duration.ofMinutes(2),
        Duration.ofMinutes(5));
  }

  private static void positive(Duration value, String name) {
    requireNonNull(value, name + " is null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
