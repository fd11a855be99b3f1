package io.teleglas.alertbot.alert;

import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.Trade;
import java.util.List;
import java.util.Objects;

/** Alerts on one trade at least its tier's whale-trade threshold. */
public final class WhaleTradeRule implements AlertRule {

  public static final String NAME = "whale-trade";

  private final Thresholds thresholds;

  public WhaleTradeRule(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Alert> onEvent(MarketEvent event) {
    if (event instanceof Trade trade
        && trade.usdValue() >= thresholds.forCoin(trade.coin()).whaleTradeUsd()) {
      return List.of(Alert.single(NAME, AlertSide.of(trade.side()), trade));
    }
    return List.of();
  }
}
