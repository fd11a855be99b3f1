package io.teleglas.core.market;

import java.time.Instant;
import java.util.Objects;

/**
 * A forced close of a position. Prices are USD per one coin and quantities are coins, also for
 * contracts quoted per 1000 coins (the adapter converts with {@link Instrument#coinPrice} and
 * {@link Instrument#coinQuantity}), so {@code price * quantity} is about {@code usdValue}; the
 * venue's own USD figure is kept when it gives one.
 *
 * @param exchange where it happened
 * @param coin the coin of the liquidated position
 * @param instrument the venue's instrument name, such as {@code 1000PEPEUSDT} or {@code
 *     BTC-USDT-SWAP}
 * @param side the side of the liquidated position (LONG: a long was closed by a forced sell)
 * @param price fill or bankruptcy price as the venue reports it, USD per coin, > 0
 * @param quantity size in coins, > 0
 * @param usdValue notional in USD, > 0
 * @param time when the exchange says it happened
 */
public record Liquidation(
    Exchange exchange,
    Coin coin,
    String instrument,
    PositionSide side,
    double price,
    double quantity,
    double usdValue,
    Instant time)
    implements MarketEvent {

  public Liquidation {
    Objects.requireNonNull(exchange, "exchange is null");
    Objects.requireNonNull(coin, "coin is null");
    Invariants.nonBlank(instrument, "instrument");
    Objects.requireNonNull(side, "side is null");
    Invariants.positive(price, "price");
    Invariants.positive(quantity, "quantity");
    Invariants.positive(usdValue, "usdValue");
    Objects.requireNonNull(time, "time is null");
  }
}
