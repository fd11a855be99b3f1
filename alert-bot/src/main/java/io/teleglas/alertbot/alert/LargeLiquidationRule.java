package io.teleglas.alertbot.alert;

import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.MarketEvent;
import java.util.List;
import java.util.Objects;

/** Alerts on one liquidation at least its tier's single-liquidation threshold. */
public final class LargeLiquidationRule implements AlertRule {

  public static final String NAME = "large-liquidation";

  private final Thresholds thresholds;

  public LargeLiquidationRule(Thresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Alert> onEvent(MarketEvent event) {
    if (event instanceof Liquidation liquidation
        && liquidation.usdValue()
            >= thresholds.forCoin(liquidation.coin()).singleLiquidationUsd()) {
      return List.of(Alert.single(NAME, AlertSide.of(liquidation.side()), liquidation));
    }
    return List.of();
  }
}
