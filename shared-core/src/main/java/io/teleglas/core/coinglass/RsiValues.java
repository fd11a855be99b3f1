package io.teleglas.core.coinglass;

import io.teleglas.core.market.Coin;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A coin's RSI on several timeframes, from {@code /api/futures/rsi/list} (Standard plan and up):
 * 15m, 1h, 4h, 12h, 24h (one day) and 1w.
 *
 * @param rsi RSI by timeframe, each from 0 to 100
 * @param priceChangePercent price change by the same timeframes, in percent
 * @param price current price in USD, when CoinGlass sent it
 * @param time when CoinGlass answered
 */
public record RsiValues(
    Coin coin, ByWindow rsi, ByWindow priceChangePercent, OptionalDouble price, Instant time) {

  public RsiValues {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(rsi, "rsi is null");
    rsi.values()
        .forEach(
            (window, value) -> {
              if (value < 0 || value > 100) {
                throw new IllegalArgumentException(
                    "rsi " + window.code() + " must be within 0..100, got " + value);
              }
            });
    Objects.requireNonNull(priceChangePercent, "priceChangePercent is null");
    Checks.positive(price, "price");
    Objects.requireNonNull(time, "time is null");
  }
}
