package io.teleglas.alertbot.alert;

import static io.teleglas.alertbot.alert.Events.liq;
import static io.teleglas.alertbot.alert.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LargeLiquidationRuleTest {

  private final LargeLiquidationRule rule = new LargeLiquidationRule(Thresholds.DEFAULT);

  @ParameterizedTest
  @CsvSource({
    "BTC, 499999.99, false", "BTC, 500000, true", "BTC, 500001, true",
    "DOGE, 199999.99, false", "DOGE, 200000, true", "DOGE, 200001, true",
    "PEPE, 99999.99, false", "PEPE, 100000, true", "PEPE, 100001, true",
  })
  void onEvent_alertsAtTheTierThreshold(String coin, double usd, boolean alerts) {
    assertThat(rule.onEvent(liq(coin, PositionSide.LONG, usd, 0))).hasSize(alerts ? 1 : 0);
  }

  @Test
  void onEvent_describesTheLiquidation() {
    var liquidation = liq("ETH", PositionSide.SHORT, 750_000, 3);

    Alert alert = rule.onEvent(liquidation).get(0);

    assertThat(alert.rule()).isEqualTo("large-liquidation");
    assertThat(alert.groupKey()).isEqualTo("large-liquidation|ETH|SHORT");
    assertThat(alert.kind()).isEqualTo(AlertKind.NEW);
    assertThat(alert.side()).isEqualTo(Optional.of(AlertSide.SHORT));
    assertThat(alert.usdValue()).isEqualTo(750_000);
    assertThat(alert.eventCount()).isEqualTo(1);
    assertThat(alert.samples()).containsExactly(liquidation);
  }

  @Test
  void onEvent_ignoresTrades() {
    assertThat(rule.onEvent(trade("BTC", TakerSide.SELL, 5_000_000, 0))).isEmpty();
  }
}
