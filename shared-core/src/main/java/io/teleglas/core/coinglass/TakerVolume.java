package io.teleglas.core.coinglass;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Taker buy versus sell volume of a coin's futures over one rolling window, from {@code
 * /api/futures/taker-buy-sell-volume/exchange-list} (all plans): CoinGlass's figure for exactly
 * that window, not a sum of candles.
 *
 * @param buyUsd notional bought by takers across exchanges, >= 0
 * @param sellUsd notional sold by takers across exchanges, >= 0
 * @param exchanges per exchange, in CoinGlass's order
 * @param time when CoinGlass answered
 */
public record TakerVolume(
    Coin coin, Window range, double buyUsd, double sellUsd, List<Row> exchanges, Instant time) {

  /** One exchange's taker volume in USD. */
  public record Row(Exchange exchange, double buyUsd, double sellUsd) {
    public Row {
      Objects.requireNonNull(exchange, "exchange is null");
      Checks.nonNegative(buyUsd, "buyUsd");
      Checks.nonNegative(sellUsd, "sellUsd");
    }
  }

  public TakerVolume {
    Objects.requireNonNull(coin, "coin is null");
    Objects.requireNonNull(range, "range is null");
    Checks.nonNegative(buyUsd, "buyUsd");
    Checks.nonNegative(sellUsd, "sellUsd");
    exchanges = List.copyOf(exchanges);
    Objects.requireNonNull(time, "time is null");
  }

  /** The bought share of all taker volume (0.51 = 51 % buys); empty when there was none. */
  public OptionalDouble buyShare() {
    double all = buyUsd + sellUsd;
    return all > 0 ? OptionalDouble.of(buyUsd / all) : OptionalDouble.empty();
  }
}
