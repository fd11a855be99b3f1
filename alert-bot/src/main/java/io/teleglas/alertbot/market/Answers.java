package io.teleglas.alertbot.market;

import io.teleglas.core.upstream.Fetched;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds an upstream answer in time and turns every way it can go wrong into a {@link
 * Fetched.Unavailable}, so a poll always gets an answer for every part it asked for. Stateless.
 */
final class Answers {

  private Answers() {}

  /**
   * {@code future}, or "did not answer in time" after {@code deadline}, or "answered with an error"
   * if it failed unexpectedly (the clients promise not to, but a poll must not depend on it).
   */
  static <T> CompletableFuture<Fetched<T>> within(
      CompletableFuture<Fetched<T>> future, Duration deadline, String source) {
    Objects.requireNonNull(future, "future is null");
    return future
        .exceptionally(
            t ->
                Fetched.unavailable(
                    Fetched.Reason.UPSTREAM_ERROR, source + " request failed: " + t, source))
        .completeOnTimeout(
            Fetched.unavailable(
                Fetched.Reason.TIMEOUT,
                source + " did not answer within " + deadline.toMillis() + " ms",
                source),
            deadline.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** Checks a deadline given to a source. */
  static Duration positive(Duration deadline) {
    Objects.requireNonNull(deadline, "deadline is null");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be > 0, got " + deadline);
    }
    return deadline;
  }
}
