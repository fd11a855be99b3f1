package io.teleglas.core.coinglass;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.Ticker;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A coin across all exchanges, from {@code /api/futures/coins-markets} (Standard plan and up).
 * Changes are in percent (1.5 = +1.5 %); a window CoinGlass did not send is absent.
 *
 * @param price current price in USD, > 0
 * @param fundingRateByOi open-interest-weighted funding, a fraction per interval (CoinGlass sends
 *     percent)
 * @param fundingRateByVolume volume-weighted funding, a fraction per interval
 * @param openInterestQuantity open interest in coins as CoinGlass counts it
 * @param longShortRatio longs per short by window
 * @param liquidationUsd liquidations in USD over 1 h, 4 h, 12 h, 24 h
 * @param time when CoinGlass answered
 */
public record CoinMarket(
    Coin coin,
    double price,
    OptionalDouble fundingRateByOi,
    OptionalDouble fundingRateByVolume,
    OptionalDouble marketCapUsd,
    OptionalDouble openInterestUsd,
    OptionalDouble openInterestQuantity,
    ByWindow priceChangePercent,
    ByWindow openInterestChangePercent,
    ByWindow volumeChangePercent,
    ByWindow longShortRatio,
    ByWindow liquidationUsd,
    ByWindow longLiquidationUsd,
    ByWindow shortLiquidationUsd,
    Instant time) {

  public CoinMarket {
    Objects.requireNonNull(coin, "coin is null");
    Checks.positive(price, "price");
    Checks.finite(fundingRateByOi, "fundingRateByOi");
    Checks.finite(fundingRateByVolume, "fundingRateByVolume");
    Checks.nonNegative(marketCapUsd, "marketCapUsd");
    Checks.nonNegative(openInterestUsd, "openInterestUsd");
    Checks.nonNegative(openInterestQuantity, "openInterestQuantity");
    Objects.requireNonNull(priceChangePercent, "priceChangePercent is null");
    Objects.requireNonNull(openInterestChangePercent, "openInterestChangePercent is null");
    Objects.requireNonNull(volumeChangePercent, "volumeChangePercent is null");
    Objects.requireNonNull(longShortRatio, "longShortRatio is null");
    Objects.requireNonNull(liquidationUsd, "liquidationUsd is null");
    Objects.requireNonNull(longLiquidationUsd, "longLiquidationUsd is null");
    Objects.requireNonNull(shortLiquidationUsd, "shortLiquidationUsd is null");
    Objects.requireNonNull(time, "time is null");
  }

  /** Price and 24 h change across all exchanges; this endpoint gives no 24 h range or volume. */
  public Ticker ticker() {
    return new Ticker(
        Exchange.ALL,
        coin,
        price,
        priceChangePercent.get(Window.H24),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        time);
  }

  /** Open interest across all exchanges, when CoinGlass sent it. */
  public Optional<OpenInterest> openInterest() {
    if (openInterestUsd.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new OpenInterest(
            Exchange.ALL, coin, openInterestUsd.getAsDouble(), openInterestQuantity, time));
  }
}
