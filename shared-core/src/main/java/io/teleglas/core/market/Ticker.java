package io.teleglas.core.market;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A coin's perpetual market on one exchange (or aggregated across exchanges, see {@link
 * Exchange#ALL}): last price and, when the source gives them, the rolling 24-hour change, range and
 * volume.
 *
 * @param price last price in USD per coin, > 0
 * @param change24hPercent price change over 24 h in percent (1.5 = +1.5 %), any sign
 * @param high24h highest price of the last 24 h, > 0
 * @param low24h lowest price of the last 24 h, > 0
 * @param volume24hUsd traded notional of the last 24 h in USD, >= 0
 * @param time when it was read
 */
public record Ticker(
    Exchange exchange,
    Coin coin,
    double price,
    OptionalDouble change24hPercent,
    OptionalDouble high24h,
    OptionalDouble low24h,
    OptionalDouble volume24hUsd,
    Instant time) {

  public Ticker {
    Objects.requireNonNull(exchange, "exchange is null");
    Objects.requireNonNull(coin, "coin is null");
    Invariants.positive(price, "price");
    Objects.requireNonNull(change24hPercent, "change24hPercent is null");
    change24hPercent.ifPresent(v -> Invariants.finite(v, "change24hPercent"));
    Objects.requireNonNull(high24h, "high24h is null");
    high24h.ifPresent(v -> Invariants.positive(v, "high24h"));
    Objects.requireNonNull(low24h, "low24h is null");
    low24h.ifPresent(v -> Invariants.positive(v, "low24h"));
    Objects.requireNonNull(volume24hUsd, "volume24hUsd is null");
    volume24hUsd.ifPresent(v -> Invariants.nonNegative(v, "volume24hUsd"));
    Objects.requireNonNull(time, "time is null");
  }
}
