package io.teleglas.alertbot.alert;

import static io.teleglas.alertbot.alert.Events.at;
import static io.teleglas.alertbot.alert.Events.liq;
import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.PositionSide;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiquidationStormRuleTest {

  private final LiquidationStormRule rule =
      new LiquidationStormRule(Events.withWaits(Duration.ZERO, Duration.ZERO));

  @Test
  void onEvent_opensWhenSumAndCountAreReachedWithinTheWindow() {
    assertThat(rule.onEvent(liq("BTC", PositionSide.LONG, 900_000, 0))).isEmpty();
    assertThat(rule.onEvent(liq("BTC", PositionSide.LONG, 600_000, 10))).isEmpty();

    List<Alert> alerts = rule.onEvent(liq(Exchange.OKX, "BTC", PositionSide.LONG, 500_000, 20));

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.NEW);
              assertThat(a.groupKey()).isEqualTo("liquidation-storm|BTC|LONG");
              assertThat(a.usdValue()).isEqualTo(2_000_000);
              assertThat(a.eventCount()).isEqualTo(3);
              assertThat(a.exchanges()).containsExactlyInAnyOrder(Exchange.BINANCE, Exchange.OKX);
              assertThat(a.firstEventTime()).isEqualTo(at(0));
              assertThat(a.lastEventTime()).isEqualTo(at(20));
            });
  }

  @Test
  void onEvent_needsTheCountAsWellAsTheSum() {
    rule.onEvent(liq("BTC", PositionSide.LONG, 1_500_000, 0));

    assertThat(rule.onEvent(liq("BTC", PositionSide.LONG, 1_500_000, 1))).isEmpty();
  }

  @Test
  void onEvent_forgetsLiquidationsOlderThanTheWindow() {
    rule.onEvent(liq("BTC", PositionSide.LONG, 900_000, 0));
    rule.onEvent(liq("BTC", PositionSide.LONG, 600_000, 10));

    assertThat(rule.onEvent(liq("BTC", PositionSide.LONG, 500_000, 30.001))).isEmpty();
    assertThat(rule.onEvent(liq("BTC", PositionSide.LONG, 900_000, 31))).hasSize(1);
  }

  @Test
  void onEvent_keepsSidesAndCoinsApart() {
    rule.onEvent(liq("ETH", PositionSide.LONG, 900_000, 0));
    rule.onEvent(liq("ETH", PositionSide.SHORT, 900_000, 1));
    rule.onEvent(liq("BTC", PositionSide.LONG, 900_000, 2));

    assertThat(rule.onEvent(liq("ETH", PositionSide.SHORT, 300_000, 3))).isEmpty();
  }

  @Test
  void storm_updatesAtMostOncePerIntervalThenResolvesWithTheFinalTotals() {
    rule.onEvent(liq("SOL", PositionSide.SHORT, 1_000_000, 0));
    rule.onEvent(liq("SOL", PositionSide.SHORT, 1_000_000, 1));
    assertThat(rule.onEvent(liq("SOL", PositionSide.SHORT, 1_000_000, 2)))
        .extracting(Alert::kind)
        .containsExactly(AlertKind.NEW);

    assertThat(rule.onEvent(liq("SOL", PositionSide.SHORT, 400_000, 5))).isEmpty();
    assertThat(rule.onTime(at(11.999))).isEmpty();
    List<Alert> update = rule.onTime(at(12));
    assertThat(update)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.UPDATE);
              assertThat(a.usdValue()).isEqualTo(3_400_000);
              assertThat(a.eventCount()).isEqualTo(4);
            });
    assertThat(rule.onTime(at(25))).as("no growth, no update").isEmpty();

    assertThat(rule.onEvent(liq(Exchange.BYBIT, "SOL", PositionSide.SHORT, 100_000, 25)))
        .as("interval since the last update has passed")
        .extracting(Alert::kind)
        .containsExactly(AlertKind.UPDATE);
    assertThat(rule.onTime(at(54.999))).isEmpty();
    List<Alert> resolved = rule.onTime(at(55));

    assertThat(resolved)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.RESOLVED);
              assertThat(a.usdValue()).isEqualTo(3_500_000);
              assertThat(a.eventCount()).isEqualTo(5);
              assertThat(a.exchanges()).containsExactlyInAnyOrder(Exchange.BINANCE, Exchange.BYBIT);
              assertThat(a.firstEventTime()).isEqualTo(at(0));
              assertThat(a.lastEventTime()).isEqualTo(at(25));
              assertThat(a.samples())
                  .hasSize(5)
                  .first()
                  .extracting(e -> e.usdValue())
                  .isEqualTo(1e6);
            });
  }

  @Test
  void storm_announcesItsFirstMessageAfterTheGroupWaitWithTheTotalsSoFar() {
    LiquidationStormRule waiting = new LiquidationStormRule(Thresholds.DEFAULT);
    waiting.onEvent(liq("SOL", PositionSide.SHORT, 1_000_000, 0));
    waiting.onEvent(liq("SOL", PositionSide.SHORT, 1_000_000, 1));
    assertThat(waiting.onEvent(liq("SOL", PositionSide.SHORT, 1_000_000, 2))).isEmpty();
    assertThat(waiting.onEvent(liq("SOL", PositionSide.SHORT, 500_000, 4))).isEmpty();
    assertThat(waiting.onTime(at(6.999))).isEmpty();

    assertThat(waiting.onTime(at(7)))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AlertKind.NEW);
              assertThat(a.usdValue()).isEqualTo(3_500_000);
              assertThat(a.eventCount()).isEqualTo(4);
            });
    assertThat(waiting.onTime(at(16.999))).as("updates count from the NEW").isEmpty();
  }

  @Test
  void storm_afterResolvingANewStormNeedsTheThresholdsAgain() {
    for (int i = 0; i < 3; i++) {
      rule.onEvent(liq("BTC", PositionSide.LONG, 700_000, i));
    }
    rule.onTime(at(40));

    assertThat(rule.onEvent(liq("BTC", PositionSide.LONG, 700_000, 41))).isEmpty();
  }
}
