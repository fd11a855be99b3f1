package io.teleglas.commandbot.market;

import io.teleglas.core.coinglass.ByWindow;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import java.util.List;
import java.util.Objects;

/**
 * A coin's open interest per exchange with its total. With CoinGlass the total is its all-exchange
 * figure and rows carry 1h/4h/24h changes; from the exchanges directly the total is the sum of the
 * venues that answered, and {@code scope} says which.
 *
 * @param scope what the total covers, e.g. "all exchanges" or "Binance, Bybit, OKX"
 */
public record OpenInterestTable(
    Coin coin, double totalUsd, ByWindow totalChange, List<Row> rows, String scope) {

  /** One exchange's open interest in USD and its change by window. */
  public record Row(Exchange exchange, double usd, ByWindow change) {
    public Row {
      Objects.requireNonNull(exchange, "exchange is null");
      Objects.requireNonNull(change, "change is null");
    }
  }

  public OpenInterestTable {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(totalChange, "totalChange is null");
    rows = rows.stream().sorted((a, b) -> Double.compare(b.usd(), a.usd())).toList();
    Objects.requireNonNull(scope, "scope is null");
  }
}
