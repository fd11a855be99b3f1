package io.teleglas.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FetchCacheTest {
  private final AtomicLong nanos = new AtomicLong();
  private final FetchCache<String, Double> cache =
      new FetchCache<>(Duration.ofSeconds(30), 100, nanos::get);
  private final AtomicInteger loads = new AtomicInteger();

  private CompletableFuture<Fetched<Double>> load(Fetched<Double> answer) {
    loads.incrementAndGet();
    return CompletableFuture.completedFuture(answer);
  }

  private Fetched<Double> get(Fetched<Double> answer) {
    return cache.get("BTC", k -> load(answer)).join();
  }

  @Test
  void get_valuesLiveForTheTtl() {
    Fetched<Double> value = Fetched.value(1.0, "CoinGlass", Instant.EPOCH);

    get(value);
    nanos.addAndGet(Duration.ofSeconds(29).toNanos());
    get(value);
    assertThat(loads).hasValue(1);

    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    get(value);
    assertThat(loads).hasValue(2);
    assertThat(cache.stats().hitCount()).isEqualTo(1);
  }

  @Test
  void get_failuresAreRetriedSoonButPlanRefusalsAreRemembered() {
    Fetched<Double> timeout = Fetched.unavailable(Fetched.Reason.TIMEOUT, "timed out", "CoinGlass");
    get(timeout);
    nanos.addAndGet(Duration.ofSeconds(6).toNanos());
    get(timeout);
    assertThat(loads).hasValue(2);

    FetchCache<String, Double> plans = new FetchCache<>(Duration.ofSeconds(1), 10, nanos::get);
    Fetched<Double> plan = Fetched.unavailable(Fetched.Reason.PLAN, "needs Standard", "CoinGlass");
    plans.get("BTC", k -> load(plan)).join();
    nanos.addAndGet(Duration.ofMinutes(5).toNanos());
    plans.get("BTC", k -> load(plan)).join();
    assertThat(loads).hasValue(3);
  }

  @Test
  void get_concurrentRequestsShareOneLoad() {
    CompletableFuture<Fetched<Double>> pending = new CompletableFuture<>();
    CompletableFuture<Fetched<Double>> a =
        cache.get(
            "ETH",
            k -> {
              loads.incrementAndGet();
              return pending;
            });
    CompletableFuture<Fetched<Double>> b =
        cache.get(
            "ETH",
            k -> {
              loads.incrementAndGet();
              return pending;
            });

    pending.complete(Fetched.value(2.0, "Binance", Instant.EPOCH));

    assertThat(loads).hasValue(1);
    assertThat(a.join()).isEqualTo(b.join());
  }

  @Test
  void map_keepsSourceAndFailure() {
    Fetched<Double> v = Fetched.value(2.0, "Binance", Instant.EPOCH);
    Fetched<Double> u = Fetched.unavailable(Fetched.Reason.PLAN, "needs Standard", "CoinGlass");

    assertThat(v.map(x -> x * 2)).isEqualTo(Fetched.value(4.0, "Binance", Instant.EPOCH));
    assertThat(u.map(x -> x * 2)).isEqualTo(u);
    assertThat(u.isAvailable()).isFalse();
  }
}
