package io.teleglas.alertbot.alert;

import static io.teleglas.alertbot.alert.Events.liq;
import static io.teleglas.alertbot.alert.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhaleTradeRuleTest {

  private final WhaleTradeRule rule = new WhaleTradeRule(Thresholds.DEFAULT);

  @ParameterizedTest
  @CsvSource({
    "SOL, 999999.99, false", "SOL, 1000000, true", "SOL, 1000001, true",
    "XRP, 499999.99, false", "XRP, 500000, true", "XRP, 500001, true",
    "WIF, 199999.99, false", "WIF, 200000, true", "WIF, 200001, true",
  })
  void onEvent_alertsAtTheTierThreshold(String coin, double usd, boolean alerts) {
    assertThat(rule.onEvent(trade(coin, TakerSide.BUY, usd, 0))).hasSize(alerts ? 1 : 0);
  }

  @Test
  void onEvent_groupsByTakerSide() {
    assertThat(rule.onEvent(trade("BTC", TakerSide.SELL, 2_000_000, 0)).get(0).groupKey())
        .isEqualTo("whale-trade|BTC|SELL");
  }

  @Test
  void onEvent_ignoresLiquidations() {
    assertThat(rule.onEvent(liq("BTC", PositionSide.LONG, 5_000_000, 0))).isEmpty();
  }
}
