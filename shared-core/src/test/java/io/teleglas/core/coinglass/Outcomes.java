package io.teleglas.core.coinglass;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.upstream.Fetched;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waits for a client future and insists on the kind of outcome a test expects. */
final class Outcomes {
  private Outcomes() {}

  static <T> T value(CompletableFuture<Fetched<T>> future) {
    Fetched<T> fetched = join(future);
    assertThat(fetched).isInstanceOf(Fetched.Value.class);
    Fetched.Value<T> value = (Fetched.Value<T>) fetched;
    assertThat(value.source()).isEqualTo("CoinGlass");
    return value.value();
  }

  static <T> Fetched.Unavailable<T> unavailable(CompletableFuture<Fetched<T>> future) {
    Fetched<T> fetched = join(future);
    assertThat(fetched).isInstanceOf(Fetched.Unavailable.class);
    return (Fetched.Unavailable<T>) fetched;
  }

  static <T> Fetched<T> join(CompletableFuture<Fetched<T>> future) {
    assertThat(future).succeedsWithin(10, TimeUnit.SECONDS);
    return future.join();
  }
}
