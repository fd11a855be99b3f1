package io.teleglas.core.coinglass;

import io.teleglas.core.market.Coin;
import java.time.Instant;
import java.util.Objects;

/**
 * A coin's price moves by window, from {@code /api/futures/coins-price-change} (Standard plan and
 * up), in percent.
 *
 * @param price current price in USD, > 0
 * @param changePercent close versus open of each window (1.5 = +1.5 %)
 * @param amplitudePercent high versus low of each window, >= 0
 * @param time when CoinGlass answered
 */
public record PriceChanges(
    Coin coin, double price, ByWindow changePercent, ByWindow amplitudePercent, Instant time) {

  public PriceChanges {
    Objects.requireNonNull(coin, "coin is null");
    Checks.positive(price, "price");
    Objects.requireNonNull(changePercent, "changePercent is null");
    Objects.requireNonNull(amplitudePercent, "amplitudePercent is null");
    Objects.requireNonNull(time, "time is null");
  }
}
