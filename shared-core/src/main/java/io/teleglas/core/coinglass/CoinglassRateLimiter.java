package io.teleglas.core.coinglass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Our side of CoinGlass's per-minute request budget: a token bucket holding one minute's worth of
 * requests that refills continuously. A request that finds the bucket empty is refused at once
 * rather than queued, because a chat reply cannot wait a minute.
 *
 * <p>CoinGlass reports the key's real budget in every response ({@code API-KEY-MAX-LIMIT}, requests
 * per minute) and what has been spent of it ({@code API-KEY-USE-LIMIT}); {@link #observe} adopts
 * the first as the limit and lowers the tokens to what the second leaves, so a plan configured too
 * high, or a key shared with another process, still stays within budget. Thread-safe; time comes
 * from the injected {@link Clock}.
 */
public final class CoinglassRateLimiter {

  /**
   * The budget as {@code /status} shows it.
   *
   * @param limitPerMinute requests allowed per minute (configured, or as CoinGlass last reported)
   * @param used requests counted against the current minute
   * @param remaining requests that may be sent now
   */
  public record Budget(int limitPerMinute, int used, int remaining) {}

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final Clock clock;
  private int limit;
  private double tokens;
  private Instant refilledAt;

  /**
   * A full bucket of {@code requestsPerMinute}.
   *
   * @throws IllegalArgumentException if {@code requestsPerMinute} is not positive
   */
  public CoinglassRateLimiter(int requestsPerMinute, Clock clock) {
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("requestsPerMinute must be >= 1: " + requestsPerMinute);
    }
    this.clock = Objects.requireNonNull(clock, "clock is null");
    this.limit = requestsPerMinute;
    this.tokens = requestsPerMinute;
    this.refilledAt = clock.instant();
  }

  /** A bucket sized for {@code plan}'s documented budget. */
  public static CoinglassRateLimiter forPlan(Plan plan, Clock clock) {
    return new CoinglassRateLimiter(plan.requestsPerMinute(), clock);
  }

  /** Takes one request from the budget; false, taking nothing, when the budget is spent. */
  public synchronized boolean tryAcquire() {
    refill();
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /**
   * Adopts what CoinGlass's response headers said: the key's limit per minute and the requests it
   * has counted. Either may be absent.
   */
  public synchronized void observe(OptionalInt maxPerMinute, OptionalInt used) {
    refill();
    maxPerMinute.ifPresent(
        max -> {
          if (max >= 1 && max != limit) {
            limit = max;
            tokens = Math.min(tokens, max);
          }
        });
    used.ifPresent(u -> tokens = Math.min(tokens, Math.max(0, limit - u)));
  }

  /** CoinGlass answered 429: nothing is left until the bucket refills. */
  public synchronized void exhausted() {
    refill();
    tokens = 0;
  }

  public synchronized Budget budget() {
    refill();
    int remaining = (int) Math.floor(tokens);
    return new Budget(limit, limit - remaining, remaining);
  }

  private void refill() {
    Instant now = clock.instant();
    Duration elapsed = Duration.between(refilledAt, now);
    if (elapsed.isNegative()) {
      refilledAt = now;
      return;
    }
    double perNano = (double) limit / MINUTE.toNanos();
    tokens = Math.min(limit, tokens + elapsed.toNanos() * perNano);
    refilledAt = now;
  }
}
