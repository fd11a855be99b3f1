package io.teleglas.core.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A perpetual's funding rate on one exchange. The rate is a fraction per funding interval ({@code
 * 0.0001} is 0.01% every 8 hours on most venues); positive means longs pay shorts.
 *
 * @param exchange the exchange
 * @param coin the coin
 * @param rate fraction per interval, finite, may be negative
 * @param interval time between fundings, > 0 and at most 365 days
 * @param nextFundingTime the next settlement, when the source gives it
 * @param time when the rate was read
 */
public record FundingRate(
    Exchange exchange,
    Coin coin,
    double rate,
    Duration interval,
    Optional<Instant> nextFundingTime,
    Instant time) {

  private static final Duration YEAR = Duration.ofDays(365);

  public FundingRate {
    Objects.requireNonNull(exchange, "exchange is null");
    Objects.requireNonNull(coin, "coin is null");
    Invariants.finite(rate, "rate");
    Objects.requireNonNull(interval, "interval is null");
    if (interval.isNegative() || interval.isZero() || interval.compareTo(YEAR) > 0) {
      throw new IllegalArgumentException(
          "interval must be > 0 and at most 365 days, got " + interval);
    }
    Objects.requireNonNull(nextFundingTime, "nextFundingTime is null");
    Objects.requireNonNull(time, "time is null");
  }

  /**
   * The rate over 365 days without compounding: {@code rate} times the intervals in a year, so
   * 0.0001 every 8 hours is 0.1095.
   */
  public double annualized() {
    return rate * ((double) YEAR.toNanos() / interval.toNanos());
  }
}
