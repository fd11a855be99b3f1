package io.teleglas.alertbot.dispatch;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.AlertSide;
import io.teleglas.alertbot.alert.LargeLiquidationRule;
import io.teleglas.alertbot.alert.LiquidationStormRule;
import io.teleglas.alertbot.alert.WhaleTradeRule;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Made-up alerts in the shapes the channel sees most: a large liquidation, a storm opening, growing
 * and ending, and a whale trade. Rendered by {@link ChannelRouter#warmUp()} and thrown away; they
 * are never stored or sent. Immutable.
 */
final class WarmUpAlerts {
  private static final Coin COIN = new Coin("BTC");
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private WarmUpAlerts() {}

  static List<Alert> all() {
    Liquidation big = liquidation(Exchange.BINANCE, 1_200_000, 0);
    List<Liquidation> storm =
        List.of(
            big, liquidation(Exchange.BYBIT, 800_000, 1), liquidation(Exchange.OKX, 600_000, 2));
    Trade whale =
        new Trade(Exchange.BYBIT, COIN, "BTCUSDT", TakerSide.BUY, 100_000, 60, 6_000_000, T, "1");
    return List.of(
        alert(LargeLiquidationRule.NAME, AlertKind.NEW, AlertSide.LONG, List.of(big)),
        alert(LiquidationStormRule.NAME, AlertKind.NEW, AlertSide.LONG, storm.subList(0, 2)),
        alert(LiquidationStormRule.NAME, AlertKind.UPDATE, AlertSide.LONG, storm),
        alert(LiquidationStormRule.NAME, AlertKind.RESOLVED, AlertSide.LONG, storm),
        alert(WhaleTradeRule.NAME, AlertKind.NEW, AlertSide.BUY, List.of(whale)));
  }

  private static Liquidation liquidation(Exchange exchange, double usd, int secondsAfter) {
    double price = 100_000;
    return new Liquidation(
        exchange,
        COIN,
        "BTCUSDT",
        PositionSide.LONG,
        price,
        usd / price,
        usd,
        T.plusSeconds(secondsAfter));
  }

  private static Alert alert(
      String rule, AlertKind kind, AlertSide side, List<? extends MarketEvent> samples) {
    return new Alert(
        rule,
        rule + "|" + COIN.symbol() + "|" + side,
        kind,
        COIN,
        Optional.of(side),
        samples.stream().mapToDouble(MarketEvent::usdValue).sum(),
        samples.size(),
        Set.copyOf(samples.stream().map(MarketEvent::exchange).toList()),
        samples.get(0).time(),
        samples.get(samples.size() - 1).time(),
        List.copyOf(samples),
        List.of(),
        Optional.empty());
  }
}
