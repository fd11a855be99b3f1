package io.teleglas.core.market;

import java.time.Instant;
import java.util.Objects;

/**
 * A trade on a perpetual, seen from its taker. Prices are USD per one coin and quantities are
 * coins, also for contracts quoted per 1000 coins (see {@link Liquidation}).
 *
 * @param exchange where it happened
 * @param coin the coin traded
 * @param instrument the venue's instrument name, such as {@code BTCUSDT} or {@code kPEPE}
 * @param side the taker's side
 * @param price USD per coin, > 0
 * @param quantity size in coins, > 0
 * @param usdValue notional in USD, > 0
 * @param time when the exchange says it happened
 * @param tradeId the venue's trade id for de-duplication, empty when the source gives none
 */
public record Trade(
    Exchange exchange,
    Coin coin,
    String instrument,
    TakerSide side,
    double price,
    double quantity,
    double usdValue,
    Instant time,
    String tradeId)
    implements MarketEvent {

  public Trade {
    Objects.requireNonNull(exchange, "exchange is null");
    Objects.requireNonNull(coin, "coin is null");
    Invariants.nonBlank(instrument, "instrument");
    Objects.requireNonNull(side, "side is null");
    Invariants.positive(price, "price");
    Invariants.positive(quantity, "quantity");
    Invariants.positive(usdValue, "usdValue");
    Objects.requireNonNull(time, "time is null");
    Objects.requireNonNull(tradeId, "tradeId is null");
  }
}
