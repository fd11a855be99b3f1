package io.teleglas.alertbot.alert;

import static io.teleglas.alertbot.alert.Events.at;
import static io.teleglas.alertbot.alert.Events.liq;
import static io.teleglas.alertbot.alert.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.teleglas.core.market.MarketEvent;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertEngineTest {

  private final List<Alert> sent = new ArrayList<>();
  private final AlertEngine engine = AlertEngine.withBuiltInRules(Thresholds.DEFAULT, sent::add);

  @Test
  void storm_supersedesTheSingleLiquidationsItContains() {
    engine.onEvent(liq("BTC", PositionSide.LONG, 600_000, 0));
    engine.onEvent(liq("BTC", PositionSide.LONG, 600_000, 1));
    engine.onEvent(liq("BTC", PositionSide.LONG, 900_000, 2));
    engine.onEvent(liq("BTC", PositionSide.LONG, 800_000, 3));
    engine.onEvent(liq("BTC", PositionSide.SHORT, 800_000, 4));
    assertThat(sent).as("singles and the storm wait 5 s of event time").isEmpty();
    engine.advanceTo(at(10));
    engine.advanceTo(at(40));
    engine.onEvent(liq("BTC", PositionSide.LONG, 800_000, 400));
    engine.advanceTo(at(405));

    assertThat(sent)
        .extracting(Alert::rule, Alert::kind, a -> a.side().orElseThrow(), Alert::eventCount)
        .containsExactly(
            tuple("large-liquidation", AlertKind.NEW, AlertSide.SHORT, 1),
            tuple("liquidation-storm", AlertKind.NEW, AlertSide.LONG, 4),
            tuple("liquidation-storm", AlertKind.RESOLVED, AlertSide.LONG, 4),
            tuple("large-liquidation", AlertKind.NEW, AlertSide.LONG, 1));
    assertThat(engine.inhibitedTotal()).as("all four long singles, the first one too").isEqualTo(4);
    assertThat(engine.suppressedTotal()).isZero();
    assertThat(engine.waitingTotal()).isZero();
  }

  @Test
  void cooldown_suppressesARepeatForTheSameCoinAndSide() {
    engine.onEvent(trade("ETH", TakerSide.BUY, 1_000_000, 0));
    engine.onEvent(trade("ETH", TakerSide.BUY, 2_900_000, 299));
    engine.onEvent(trade("ETH", TakerSide.SELL, 1_000_000, 299));
    engine.onEvent(trade("ETH", TakerSide.BUY, 1_000_000, 300));

    assertThat(sent).extracting(a -> a.lastEventTime()).containsExactly(at(0), at(299), at(300));
    assertThat(engine.suppressedTotal()).isEqualTo(1);
  }

  @Test
  void cooldown_letsAMuchLargerOneThroughAsAnEscalation() {
    engine.onEvent(trade("ETH", TakerSide.BUY, 1_000_000, 0));
    engine.onEvent(trade("ETH", TakerSide.BUY, 3_000_000, 60));
    engine.onEvent(trade("ETH", TakerSide.BUY, 8_000_000, 120));
    engine.onEvent(trade("ETH", TakerSide.BUY, 9_000_000, 180));

    assertThat(sent)
        .extracting(Alert::kind, Alert::usdValue)
        .containsExactly(
            tuple(AlertKind.NEW, 1_000_000.0),
            tuple(AlertKind.ESCALATION, 3_000_000.0),
            tuple(AlertKind.ESCALATION, 9_000_000.0));
  }

  @Test
  void cooldown_dropsTheFollowUpsOfASuppressedStorm() {
    for (int i = 0; i < 3; i++) {
      engine.onEvent(liq("PEPE", PositionSide.SHORT, 300_000, i));
    }
    engine.advanceTo(at(40));
    for (int i = 0; i < 3; i++) {
      engine.onEvent(liq("PEPE", PositionSide.SHORT, 300_000, 60 + i));
    }
    engine.onEvent(liq("PEPE", PositionSide.SHORT, 50_000, 75));
    engine.advanceTo(at(200));

    assertThat(sent)
        .filteredOn(a -> a.rule().equals("liquidation-storm"))
        .extracting(Alert::kind, Alert::firstEventTime)
        .containsExactly(tuple(AlertKind.NEW, at(0)), tuple(AlertKind.RESOLVED, at(0)));
  }

  @Test
  void engine_keepsRunningTheOtherRulesWhenOneThrows() {
    AlertRule broken =
        new AlertRule() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public List<Alert> onEvent(MarketEvent event) {
            throw new IllegalStateException("boom");
          }
        };
    AlertEngine withBroken =
        new AlertEngine(
            List.of(broken, new WhaleTradeRule(Thresholds.DEFAULT)), Thresholds.DEFAULT, sent::add);

    withBroken.onEvent(trade("BTC", TakerSide.SELL, 1_000_000, 0));
    withBroken.onEvent(trade("SOL", TakerSide.SELL, 1_000_000, 1));

    assertThat(sent).extracting(a -> a.coin().symbol()).containsExactly("BTC", "SOL");
    assertThat(withBroken.ruleFailures()).isEqualTo(Map.of("broken", 2L));
  }

  @Test
  void advanceTo_neverGoesBackInTime() {
    for (int i = 0; i < 3; i++) {
      engine.onEvent(liq("BTC", PositionSide.LONG, 700_000, i));
    }
    engine.advanceTo(at(100));
    engine.onEvent(liq("BTC", PositionSide.LONG, 700_000, 50));

    assertThat(sent)
        .filteredOn(a -> a.rule().equals("liquidation-storm"))
        .extracting(Alert::kind)
        .containsExactly(AlertKind.NEW, AlertKind.RESOLVED);
  }
}
