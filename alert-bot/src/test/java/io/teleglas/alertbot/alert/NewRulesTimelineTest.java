package io.teleglas.alertbot.alert;

import static io.teleglas.alertbot.alert.Events.T0;
import static io.teleglas.alertbot.alert.Events.at;
import static io.teleglas.alertbot.alert.Events.liq;
import static io.teleglas.alertbot.alert.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.teleglas.alertbot.market.MarketReading;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The engine on a virtual timeline with the new rules: cluster, cascade, funding, OI. */
class NewRulesTimelineTest {

  private final List<Alert> sent = new ArrayList<>();
  private final AlertEngine engine = AlertEngine.withBuiltInRules(Thresholds.DEFAULT, sent::add);

  @Test
  void whaleCluster_alertsOnceForARunOfOneSidedTradesThenNeedsNewOnes() {
    for (int i = 0; i < 4; i++) {
      engine.onEvent(trade("BTC", TakerSide.BUY, 700_000, i * 10));
    }
    engine.onEvent(trade("BTC", TakerSide.SELL, 900_000, 41));
    engine.onEvent(trade("BTC", TakerSide.BUY, 100_000, 42));
    assertThat(sent).as("4 trades and one below the cluster trade size").isEmpty();

    engine.onEvent(trade("BTC", TakerSide.BUY, 300_000, 50));

    assertThat(sent)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("whale-cluster");
              assertThat(a.side()).contains(AlertSide.BUY);
              assertThat(a.usdValue()).isEqualTo(3_100_000);
              assertThat(a.eventCount()).isEqualTo(5);
              assertThat(a.firstEventTime()).isEqualTo(at(0));
              assertThat(a.lastEventTime()).isEqualTo(at(50));
            });
    engine.onEvent(trade("BTC", TakerSide.BUY, 2_000_000, 51));
    assertThat(sent).as("a whale trade, but the cluster's trades were used up").hasSize(2);
    assertThat(sent.get(1).rule()).isEqualTo("whale-trade");
  }

  @Test
  void whaleCluster_forgetsTradesOlderThanItsWindow() {
    for (int i = 0; i < 4; i++) {
      engine.onEvent(trade("ETH", TakerSide.SELL, 800_000, i));
    }
    engine.onEvent(trade("ETH", TakerSide.SELL, 800_000, 63));

    assertThat(sent).isEmpty();
  }

  @Test
  void cascade_opensUpdatesAndResolvesAndInhibitsTheSinglesAndStormsItCovers() {
    String[] coins = {"BTC", "ETH", "SOL", "XRP", "DOGE"};
    for (int i = 0; i < coins.length; i++) {
      engine.onEvent(liq(coins[i], PositionSide.LONG, 1_100_000, i));
    }
    assertThat(sent)
        .extracting(Alert::rule, Alert::kind)
        .containsExactly(tuple("market-cascade", AlertKind.NEW));
    Alert opened = sent.get(0);
    assertThat(opened.groupKey()).isEqualTo("market-cascade|LONG");
    assertThat(opened.usdValue()).isEqualTo(5_500_000);
    assertThat(opened.breakdown()).extracting(t -> t.coin().symbol()).hasSize(5);

    engine.onEvent(liq("ETH", PositionSide.LONG, 900_000, 6));
    engine.onEvent(liq("ETH", PositionSide.LONG, 900_000, 7));
    engine.onEvent(liq("PEPE", PositionSide.LONG, 150_000, 8));
    engine.onEvent(liq("BTC", PositionSide.SHORT, 600_000, 9));
    engine.advanceTo(at(15));
    assertThat(sent)
        .as("covered: the large singles and the ETH storm; not PEPE ($150K) nor the short side")
        .extracting(Alert::rule, a -> a.coin().symbol(), a -> a.side().orElseThrow())
        .containsExactly(
            tuple("market-cascade", "BTC", AlertSide.LONG),
            tuple("large-liquidation", "PEPE", AlertSide.LONG),
            tuple("large-liquidation", "BTC", AlertSide.SHORT));
    assertThat(engine.inhibitedTotal())
        .as("5 long singles, 2 ETH singles, the ETH storm")
        .isEqualTo(8);

    engine.advanceTo(at(23.999));
    assertThat(sent).hasSize(3);
    engine.advanceTo(at(24));
    Alert update = sent.get(3);
    assertThat(update.kind()).isEqualTo(AlertKind.UPDATE);
    assertThat(update.usdValue()).isEqualTo(7_450_000);
    assertThat(update.coin()).as("the largest share").isEqualTo(new Coin("ETH"));
    assertThat(update.breakdown())
        .extracting(t -> t.coin().symbol())
        .as("PEPE is below the coin minimum")
        .containsExactly("ETH", "BTC", "DOGE", "SOL", "XRP");

    engine.advanceTo(at(67.999));
    assertThat(sent).as("the ETH storm's RESOLVED goes with its dropped NEW").hasSize(4);
    engine.advanceTo(at(68));
    assertThat(sent.get(4).rule()).isEqualTo("market-cascade");
    assertThat(sent.get(4).kind()).isEqualTo(AlertKind.RESOLVED);
    assertThat(sent.get(4).eventCount()).isEqualTo(8);
  }

  @Test
  void cascade_needsEnoughCoinsEachAboveItsMinimum() {
    String[] coins = {"BTC", "ETH", "SOL", "XRP"};
    for (int i = 0; i < coins.length; i++) {
      engine.onEvent(liq(coins[i], PositionSide.SHORT, 2_000_000, i));
    }
    engine.onEvent(liq("DOGE", PositionSide.SHORT, 200_000, 5));
    engine.advanceTo(at(100));

    assertThat(sent).extracting(Alert::rule).doesNotContain("market-cascade");
  }

  @Test
  void groupWait_aSingleWithoutAStormGoesOutAfterTheWait() {
    engine.onEvent(liq("BTC", PositionSide.LONG, 700_000, 0));
    engine.advanceTo(at(4.999));
    assertThat(sent).isEmpty();
    assertThat(engine.waitingTotal()).isEqualTo(1);

    engine.advanceTo(at(5));

    assertThat(sent).extracting(Alert::rule).containsExactly("large-liquidation");
    assertThat(sent.get(0).lastEventTime()).isEqualTo(at(0));
  }

  @Test
  void groupWait_aStormOpeningDuringTheWaitSupersedesTheSingle() {
    engine.onEvent(liq("SOL", PositionSide.SHORT, 1_500_000, 0));
    engine.onEvent(liq("SOL", PositionSide.SHORT, 300_000, 3));
    engine.onEvent(liq("SOL", PositionSide.SHORT, 300_000, 4));
    engine.advanceTo(at(10));

    assertThat(sent)
        .extracting(Alert::rule, Alert::eventCount)
        .containsExactly(tuple("liquidation-storm", 3));
    assertThat(engine.inhibitedTotal()).isEqualTo(1);
  }

  @Test
  void cooldown_escalationStillPassesForAHeldSingleAfterTheWait() {
    engine.onEvent(liq("BTC", PositionSide.LONG, 600_000, 0));
    engine.advanceTo(at(5));
    engine.onEvent(liq("BTC", PositionSide.LONG, 700_000, 60));
    engine.onEvent(liq("BTC", PositionSide.LONG, 1_900_000, 120));
    engine.advanceTo(at(200));

    assertThat(sent)
        .extracting(Alert::kind, Alert::usdValue)
        .containsExactly(tuple(AlertKind.NEW, 600_000.0), tuple(AlertKind.ESCALATION, 1_900_000.0));
    assertThat(engine.suppressedTotal()).isEqualTo(1);
  }

  @Test
  void funding_alertsOnCrossingStaysQuietInTheHysteresisBandAndResolves() {
    engine.onReading(funding(0, 0.0008, Duration.ofHours(8)));
    engine.onReading(funding(5, 0.0006, Duration.ofHours(4)));
    engine.onReading(funding(10, 0.0009, Duration.ofHours(8)));
    engine.onReading(funding(15, 0.0011, Duration.ofHours(8)));
    engine.onReading(funding(20, 0.0004, Duration.ofHours(4)));
    engine.onReading(funding(25, 0.0004, Duration.ofHours(8)));

    assertThat(sent)
        .extracting(Alert::kind, a -> ((Reading.Funding) a.reading().orElseThrow()).ratePer8h())
        .containsExactly(tuple(AlertKind.NEW, 0.0012), tuple(AlertKind.RESOLVED, 0.0004));
    Alert first = sent.get(0);
    assertThat(first.side()).contains(AlertSide.LONG);
    assertThat(first.groupKey()).isEqualTo("funding-extreme|BTC|Binance");
    assertThat(first.usdValue()).as("Binance's BTC open interest in the reading").isEqualTo(8e9);
  }

  @Test
  void funding_aSignFlipResolvesAndOpensTheOtherSide() {
    engine.onReading(funding(0, 0.0015, Duration.ofHours(8)));
    engine.onReading(funding(6, -0.0012, Duration.ofHours(8)));

    assertThat(sent)
        .extracting(Alert::kind, a -> a.side().orElseThrow())
        .containsExactly(
            tuple(AlertKind.NEW, AlertSide.LONG),
            tuple(AlertKind.RESOLVED, AlertSide.LONG),
            tuple(AlertKind.NEW, AlertSide.SHORT));
  }

  @Test
  void funding_withoutOpenInterestTheAlertSaysItIsUnknown() {
    engine.onReading(
        new MarketReading(
            new Coin("WIF"),
            "Bybit",
            T0,
            List.of(rate("WIF", Exchange.BYBIT, 0.003, Duration.ofHours(8), T0)),
            List.of()));

    assertThat(sent).singleElement().satisfies(a -> assertThat(a.hasUsdValue()).isFalse());
    assertThat(AlertText.line(sent.get(0))).contains("funding +0.3000%/8h on Bybit");
  }

  @Test
  void oiSpike_comparesTheSameExchangesWithinTheWindowAndResolves() {
    engine.onReading(oi(0, 10e9, 5e9));
    engine.onReading(oi(5, 10.1e9, null));
    engine.onReading(oi(10, 10.4e9, 5e9));
    assertThat(sent).as("+4% on Binance, but Bybit is flat: +2.67% over both").isEmpty();

    engine.onReading(oi(14, 10.5e9, 5.1e9));
    assertThat(sent)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo("oi-spike");
              assertThat(a.kind()).isEqualTo(AlertKind.NEW);
              Reading.OpenInterestChange c = (Reading.OpenInterestChange) a.reading().orElseThrow();
              assertThat(c.beforeUsd()).isEqualTo(15e9);
              assertThat(c.afterUsd()).isEqualTo(15.6e9);
              assertThat(c.beforeTime()).isEqualTo(at(0));
              assertThat(a.exchanges()).containsExactlyInAnyOrder(Exchange.BINANCE, Exchange.BYBIT);
            });

    engine.onReading(oi(20, 10.5e9, 5.1e9));
    assertThat(sent).as("still +3.96% on Binance against the reading at 5 min").hasSize(1);
    engine.onReading(oi(26, 10.5e9, 5.1e9));

    assertThat(sent).extracting(Alert::kind).containsExactly(AlertKind.NEW, AlertKind.RESOLVED);
  }

  @Test
  void engine_aThrowingInhibitorCountsAsAFailureAndInhibitsNothing() {
    AlertRule broken = new ThrowingInhibitor();
    AlertEngine withBroken =
        new AlertEngine(
            List.of(new LargeLiquidationRule(Thresholds.DEFAULT), broken),
            Thresholds.DEFAULT,
            sent::add);

    withBroken.onEvent(liq("BTC", PositionSide.LONG, 600_000, 0));
    withBroken.advanceTo(at(5));

    assertThat(sent).hasSize(1);
    assertThat(withBroken.ruleFailures()).containsEntry("throwing", 1L);
  }

  private static final class ThrowingInhibitor implements AlertRule, Inhibitor {
    @Override
    public String name() {
      return "throwing";
    }

    @Override
    public List<Alert> onEvent(io.teleglas.core.market.MarketEvent event) {
      return List.of();
    }

    @Override
    public boolean inhibits(Alert alert) {
      throw new IllegalStateException("boom");
    }
  }

  private static MarketReading funding(int minutes, double rate, Duration interval) {
    Instant time = T0.plus(Duration.ofMinutes(minutes));
    return new MarketReading(
        new Coin("BTC"),
        "Binance",
        time,
        List.of(rate("BTC", Exchange.BINANCE, rate, interval, time)),
        List.of(
            new OpenInterest(
                Exchange.BINANCE, new Coin("BTC"), 8e9, OptionalDouble.empty(), time)));
  }

  private static FundingRate rate(
      String coin, Exchange exchange, double rate, Duration interval, Instant time) {
    return new FundingRate(exchange, new Coin(coin), rate, interval, Optional.empty(), time);
  }

  private static MarketReading oi(int minutes, double binance, Double bybit) {
    Instant time = T0.plus(Duration.ofMinutes(minutes));
    Coin btc = new Coin("BTC");
    List<OpenInterest> rows = new ArrayList<>();
    rows.add(new OpenInterest(Exchange.BINANCE, btc, binance, OptionalDouble.empty(), time));
    if (bybit != null) {
      rows.add(new OpenInterest(Exchange.BYBIT, btc, bybit, OptionalDouble.empty(), time));
    }
    return new MarketReading(btc, "CoinGlass", time, List.of(), rows);
  }
}
