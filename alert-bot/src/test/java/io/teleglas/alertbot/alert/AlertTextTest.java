package io.teleglas.alertbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertTextTest {
  @Test
  void line_namesKindRuleCoinSideValueCountExchangesAndTime() {
    Instant t = Instant.parse("2026-11-21T12:34:56Z");
    Liquidation l =
        new Liquidation(
            Exchange.BYBIT,
            new Coin("ETH"),
            "ETHUSDT",
            PositionSide.SHORT,
            3400,
            1000,
            3_400_000,
            t);
    Alert storm =
        new Alert(
            "liquidation-storm",
            "liquidation-storm|ETH|SHORT",
            AlertKind.UPDATE,
            new Coin("ETH"),
            Optional.of(AlertSide.SHORT),
            3_400_000,
            4,
            Set.of(Exchange.OKX, Exchange.BYBIT),
            t.minusSeconds(20),
            t,
            List.of(l),
            List.of(),
            Optional.empty());

    assertThat(AlertText.line(storm))
        .isEqualTo(
            "ALERT update     liquidation-storm    #ETH short $3.40M (4 events) on Bybit, OKX · 12:34:56 UTC");
  }
}
