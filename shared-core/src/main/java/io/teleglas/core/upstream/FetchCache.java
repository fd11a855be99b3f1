package io.teleglas.core.upstream;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A per-endpoint cache of upstream answers. Concurrent requests for the same key share one upstream
 * call. Values live for the endpoint's freshness TTL; failures are cached briefly (a plan refusal
 * for long, since it will not change) so a failing upstream is not hammered but recovers quickly.
 * Thread-safe.
 *
 * @param <K> request key (e.g. the coin, or coin and window)
 */
public final class FetchCache<K, V> {
  private static final Duration FAILURE_TTL = Duration.ofSeconds(5);
  private static final Duration PLAN_TTL = Duration.ofMinutes(10);

  private final AsyncCache<K, Fetched<V>> cache;

  /** A cache whose values live for {@code ttl}, measured with {@code ticker}. */
  public FetchCache(Duration ttl, long maxEntries, Ticker ticker) {
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .ticker(ticker)
            .expireAfter(new TtlByOutcome<K, V>(ttl))
            .recordStats()
            .buildAsync();
  }

  public FetchCache(Duration ttl, long maxEntries) {
    this(ttl, maxEntries, Ticker.systemTicker());
  }

  /**
   * The cached answer for {@code key}, or the one {@code load} produces; a load that is already
   * running for the key is joined, not repeated. {@code load} must not throw: it returns {@link
   * Fetched.Unavailable} for every failure.
   */
  public CompletableFuture<Fetched<V>> get(K key, Function<K, CompletableFuture<Fetched<V>>> load) {
    return cache.get(key, (k, executor) -> load.apply(k));
  }

  /** Hits, misses and loads so far. */
  public CacheStats stats() {
    return cache.synchronous().stats();
  }

  private record TtlByOutcome<K, V>(Duration ttl) implements Expiry<K, Fetched<V>> {
    @Override
    public long expireAfterCreate(K key, Fetched<V> value, long currentTime) {
      if (value instanceof Fetched.Unavailable<V> u) {
        return (u.reason() == Fetched.Reason.PLAN ? PLAN_TTL : FAILURE_TTL).toNanos();
      }
      return ttl.toNanos();
    }

    @Override
    public long expireAfterUpdate(K key, Fetched<V> value, long currentTime, long currentDuration) {
      return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(K key, Fetched<V> value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
