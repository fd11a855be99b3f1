package io.teleglas.commandbot.market;

import io.teleglas.core.upstream.Fetched;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One deadline for all the upstream calls behind a reply: each answer that has not arrived by then
 * becomes {@link Fetched.Reason#TIMEOUT}, so a slow source costs a line, never the whole reply.
 * Works on copies, so futures shared through a cache are never completed by us.
 */
final class Deadline {
  private final Duration limit;

  Deadline(Duration limit) {
    this.limit = limit;
  }

  <T> CompletableFuture<Fetched<T>> bound(CompletableFuture<Fetched<T>> call, String source) {
    return call.copy()
        .completeOnTimeout(
            Fetched.unavailable(
                Fetched.Reason.TIMEOUT,
                source + " did not answer within " + limit.toMillis() / 1000.0 + " s",
                source),
            limit.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /**
   * The first answer in {@code preference} order that has a value, once all have answered or timed
   * out; when none has, the first one's reason (the preferred source explains best what is
   * missing).
   */
  static <T> CompletableFuture<Fetched<T>> firstAvailable(
      List<CompletableFuture<Fetched<T>>> preference) {
    return CompletableFuture.allOf(preference.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              for (CompletableFuture<Fetched<T>> f : preference) {
                if (f.join().isAvailable()) {
                  return f.join();
                }
              }
              return preference.stream()
                  .map(CompletableFuture::join)
                  .filter(f -> ((Fetched.Unavailable<T>) f).reason() != Fetched.Reason.NO_API_KEY)
                  .findFirst()
                  .orElse(preference.get(0).join());
            });
  }
}
