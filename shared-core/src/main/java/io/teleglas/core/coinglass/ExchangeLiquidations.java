package io.teleglas.core.coinglass;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Liquidations per exchange over one rolling window (1 h, 4 h, 12 h or 24 h), from {@code
 * /api/futures/liquidation/exchange-list} (all plans): CoinGlass's own windowed totals, not a sum
 * of candles.
 *
 * @param coin the coin, or empty for all coins together
 * @param range the window
 * @param total CoinGlass's "All" row, when it sent one (its exchange is {@link Exchange#ALL})
 * @param exchanges the other rows in CoinGlass's order
 * @param time when CoinGlass answered
 */
public record ExchangeLiquidations(
    Optional<Coin> coin, Window range, Optional<Row> total, List<Row> exchanges, Instant time) {

  /**
   * One exchange's liquidations in USD.
   *
   * @param longUsd liquidated long positions, >= 0
   * @param shortUsd liquidated short positions, >= 0
   * @param totalUsd CoinGlass's total, else long plus short
   */
  public record Row(Exchange exchange, double longUsd, double shortUsd, double totalUsd) {
    public Row {
      Objects.requireNonNull(exchange, "exchange is null");
      Checks.nonNegative(longUsd, "longUsd");
      Checks.nonNegative(shortUsd, "shortUsd");
      Checks.nonNegative(totalUsd, "totalUsd");
    }
  }

  public ExchangeLiquidations {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(range, "range is null");
    Objects.requireNonNull(total, "total is null");
    exchanges = List.copyOf(exchanges);
    Objects.requireNonNull(time, "time is null");
  }
}
