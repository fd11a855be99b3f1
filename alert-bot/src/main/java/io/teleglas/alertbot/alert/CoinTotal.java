package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Coin;
import java.util.Objects;

/**
 * One coin's share of a market-wide alert.
 *
 * @param coin the coin
 * @param usdValue the notional of its events counted, > 0
 * @param eventCount how many of its events are counted, >= 1
 */
public record CoinTotal(Coin coin, double usdValue, int eventCount) {

  public CoinTotal {
    Objects.requireNonNull(coin, "coin is null");
    if (!(usdValue > 0) || Double.isInfinite(usdValue)) {
      throw new IllegalArgumentException("usdValue must be > 0, got " + usdValue);
    }
    if (eventCount < 1) {
      throw new IllegalArgumentException("eventCount must be >= 1, got " + eventCount);
    }
  }
}
