package io.teleglas.core.coinglass;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.OpenInterest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A coin's open interest per exchange, as CoinGlass measures it, from {@code
 * /api/futures/open-interest/exchange-list} (all plans). Every exchange's share is CoinGlass's
 * figure, never an estimate.
 *
 * @param total CoinGlass's "All" row, when it sent one (its exchange is {@link Exchange#ALL})
 * @param exchanges the other rows in CoinGlass's order (largest first)
 * @param time when CoinGlass answered
 */
public record OpenInterestByExchange(
    Coin coin, Optional<Row> total, List<Row> exchanges, Instant time) {

  /**
   * One exchange's open interest.
   *
   * @param usd notional in USD, >= 0
   * @param quantity in coins
   * @param stablecoinMarginUsd the part held in USDT/USDC-margined contracts, in USD
   * @param coinMarginQuantity the part held in coin-margined contracts, in coins
   * @param stablecoinMarginQuantity the part held in stablecoin-margined contracts, in coins
   * @param changePercent change by window (5m to 24h) in percent
   */
  public record Row(
      Exchange exchange,
      double usd,
      OptionalDouble quantity,
      OptionalDouble stablecoinMarginUsd,
      OptionalDouble coinMarginQuantity,
      OptionalDouble stablecoinMarginQuantity,
      ByWindow changePercent) {

    public Row {
      Objects.requireNonNull(exchange, "exchange is null");
      Checks.nonNegative(usd, "usd");
      Checks.nonNegative(quantity, "quantity");
      Checks.nonNegative(stablecoinMarginUsd, "stablecoinMarginUsd");
      Checks.nonNegative(coinMarginQuantity, "coinMarginQuantity");
      Checks.nonNegative(stablecoinMarginQuantity, "stablecoinMarginQuantity");
      Objects.requireNonNull(changePercent, "changePercent is null");
    }
  }

  public OpenInterestByExchange {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(total, "total is null");
    exchanges = List.copyOf(exchanges);
    Objects.requireNonNull(time, "time is null");
  }

  /** Every row as the domain's {@link OpenInterest}, the total first. */
  public List<OpenInterest> openInterest() {
    List<OpenInterest> all = new ArrayList<>();
    total.ifPresent(row -> all.add(toOpenInterest(row)));
    exchanges.forEach(row -> all.add(toOpenInterest(row)));
    return List.copyOf(all);
  }

  private OpenInterest toOpenInterest(Row row) {
    return new OpenInterest(row.exchange(), coin, row.usd(), row.quantity(), time);
  }
}
