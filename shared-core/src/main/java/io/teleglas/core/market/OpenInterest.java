package io.teleglas.core.market;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Open interest in one coin's perpetuals on one exchange.
 *
 * @param exchange the exchange
 * @param coin the coin
 * @param usdValue open positions' notional in USD, >= 0
 * @param coinQuantity open positions in coins, >= 0, when the source gives it
 * @param time when it was read
 */
public record OpenInterest(
    Exchange exchange, Coin coin, double usdValue, OptionalDouble coinQuantity, Instant time) {

  public OpenInterest {
    Objects.requireNonNull(exchange, "exchange is null");
    Objects.requireNonNull(coin, "coin is null");
    Invariants.nonNegative(usdValue, "usdValue");
    Objects.requireNonNull(coinQuantity, "coinQuantity is null");
    coinQuantity.ifPresent(quantity -> Invariants.nonNegative(quantity, "coinQuantity"));
    Objects.requireNonNull(time, "time is null");
  }
}
