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
 * One futures pair of a coin on one exchange, from {@code /api/futures/pairs-markets} (all plans):
 * the best single source for {@code /raw} on low plans. A figure CoinGlass did not send is empty.
 *
 * @param instrument the exchange's instrument id, such as {@code BTCUSDT} or {@code BTCUSD_PERP}
 * @param pair CoinGlass's display name of the pair, such as {@code BTC/USDT}
 * @param price last price in USD, > 0
 * @param change24hPercent price change over 24 h in percent
 * @param volume24hUsd traded notional over 24 h
 * @param openInterestQuantity open interest as CoinGlass counts it (coins on linear pairs; its docs
 *     say "contracts", which differs on coin-margined pairs)
 * @param fundingRate current funding as a fraction per interval (CoinGlass sends percent; see
 *     {@link CoinglassClient} on units). The interval is not part of this endpoint: use {@link
 *     CoinglassClient#fundingRates} for {@link io.teleglas.core.market.FundingRate}s.
 * @param time when CoinGlass answered
 */
public record PairMarket(
    Exchange exchange,
    Coin coin,
    String instrument,
    Optional<String> pair,
    double price,
    OptionalDouble indexPrice,
    OptionalDouble change24hPercent,
    OptionalDouble volume24hUsd,
    OptionalDouble openInterestUsd,
    OptionalDouble openInterestQuantity,
    OptionalDouble openInterestChange24hPercent,
    OptionalDouble fundingRate,
    Optional<Instant> nextFundingTime,
    OptionalDouble longLiquidationUsd24h,
    OptionalDouble shortLiquidationUsd24h,
    Instant time) {

  /** How far {@code usd / price} may be from the quantity for it to count as coins. */
  private static final double QUANTITY_TOLERANCE = 0.1;

  public PairMarket {
    Objects.requireNonNull(exchange, "exchange is null");
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(instrument, "instrument is null");
    Objects.requireNonNull(pair, "pair is null");
    Checks.positive(price, "price");
    Checks.positive(indexPrice, "indexPrice");
    Checks.finite(change24hPercent, "change24hPercent");
    Checks.nonNegative(volume24hUsd, "volume24hUsd");
    Checks.nonNegative(openInterestUsd, "openInterestUsd");
    Checks.nonNegative(openInterestQuantity, "openInterestQuantity");
    Checks.finite(openInterestChange24hPercent, "openInterestChange24hPercent");
    Checks.finite(fundingRate, "fundingRate");
    Objects.requireNonNull(nextFundingTime, "nextFundingTime is null");
    Checks.nonNegative(longLiquidationUsd24h, "longLiquidationUsd24h");
    Checks.nonNegative(shortLiquidationUsd24h, "shortLiquidationUsd24h");
    Objects.requireNonNull(time, "time is null");
  }

  /** Price, 24 h change and volume; CoinGlass gives no 24 h high or low here. */
  public Ticker ticker() {
    return new Ticker(
        exchange,
        coin,
        price,
        change24hPercent,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        volume24hUsd,
        time);
  }

  /**
   * The pair's open interest, when CoinGlass sent it. The quantity is kept only when it agrees with
   * {@code usd / price}, i.e. when it really is in coins.
   */
  public Optional<OpenInterest> openInterest() {
    if (openInterestUsd.isEmpty()) {
      return Optional.empty();
    }
    double usd = openInterestUsd.getAsDouble();
    OptionalDouble coins = OptionalDouble.empty();
    if (openInterestQuantity.isPresent() && usd > 0) {
      double quantity = openInterestQuantity.getAsDouble();
      if (Math.abs(quantity * price / usd - 1) <= QUANTITY_TOLERANCE) {
        coins = openInterestQuantity;
      }
    }
    return Optional.of(new OpenInterest(exchange, coin, usd, coins, time));
  }
}
