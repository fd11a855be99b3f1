package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import java.time.Duration;
import java.time.Instant;

/** Events on a virtual timeline: times are seconds after {@link #T0}. */
final class Events {

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private Events() {}

  /** The defaults with other group waits. */
  static Thresholds withWaits(Duration single, Duration storm) {
    Thresholds d = Thresholds.DEFAULT;
    return new Thresholds(
        d.tiers(),
        d.byTier(),
        d.stormWindow(),
        d.stormUpdateInterval(),
        d.cooldown(),
        d.escalationFactor(),
        d.clusterWindow(),
        single,
        storm,
        d.market());
  }

  static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  static Liquidation liq(String coin, PositionSide side, double usd, double seconds) {
    return liq(Exchange.BINANCE, coin, side, usd, seconds);
  }

  static Liquidation liq(
      Exchange exchange, String coin, PositionSide side, double usd, double seconds) {
    return new Liquidation(
        exchange, new Coin(coin), coin + "USDT", side, 100, usd / 100, usd, at(seconds));
  }

  static Trade trade(String coin, TakerSide side, double usd, double seconds) {
    return new Trade(
        Exchange.BYBIT, new Coin(coin), coin + "USDT", side, 100, usd / 100, usd, at(seconds), "t");
  }
}
