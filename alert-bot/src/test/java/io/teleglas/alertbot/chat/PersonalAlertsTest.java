package io.teleglas.alertbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.Thresholds;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.alertbot.store.Subscription;
import io.teleglas.alertbot.store.Topic;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalAlertsTest {
  private static final Instant T = Instant.parse("2025-01-08T14:32:15Z");
  private static final Coin ETH = new Coin("ETH");

  private final MutableClock clock = new MutableClock(T);
  private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
  private final List<OutboundMessage> sent = new ArrayList<>();
  private final PersonalAlerts personal =
      new PersonalAlerts(
          subscriptions, Thresholds.DEFAULT, sent::add, clock, new SimpleMeterRegistry());

  private static Liquidation liq(Coin coin, double usd) {
    return new Liquidation(
        Exchange.BINANCE,
        coin,
        coin.symbol() + "USDT",
        PositionSide.LONG,
        3000,
        usd / 3000,
        usd,
        T);
  }

  private static Trade trade(double usd) {
    return new Trade(
        Exchange.OKX, ETH, "ETH-USDT-SWAP", TakerSide.SELL, 3000, usd / 3000, usd, T, "");
  }

  private void subscribe(long chat, Set<Topic> topics, OptionalDouble min) {
    subscriptions.put(new Subscription(chat, ETH, topics, min, T));
  }

  @Test
  void onEvent_sendsLiquidationsAtOrAboveTheSubscriptionsAmount() {
    subscribe(42, EnumSet.of(Topic.LIQ), OptionalDouble.of(100_000));

    personal.onEvent(liq(ETH, 99_999));
    personal.onEvent(liq(ETH, 100_000));

    assertThat(sent).hasSize(1);
    OutboundMessage m = sent.get(0);
    assertThat(m.chat()).isEqualTo(ChatId.of(42));
    assertThat(m.kind()).isEqualTo(MessageKind.SEND);
    assertThat(m.html())
        .startsWith("<b>🔴 #ETH LONG liquidated: $100.0K</b>")
        .endsWith("<i>Your alert: #ETH liquidations ≥ $100.0K · /alerts</i>");
    assertThat(m.summary()).doesNotContain("\n");
  }

  @Test
  void onEvent_withoutAmountUsesTheChannelThresholdOfTheCoinsTier() {
    subscribe(42, EnumSet.of(Topic.LIQ, Topic.WHALE), OptionalDouble.empty());

    personal.onEvent(liq(ETH, 499_999));
    personal.onEvent(trade(999_999));
    assertThat(sent).isEmpty();

    personal.onEvent(liq(ETH, 500_000));
    personal.onEvent(trade(1_000_000));
    assertThat(sent).hasSize(2);
  }

  @Test
  void onEvent_onlyTheSubscribedTopicAndCoin() {
    subscribe(42, EnumSet.of(Topic.WHALE), OptionalDouble.of(50_000));

    personal.onEvent(liq(ETH, 1_000_000));
    personal.onEvent(liq(new Coin("BTC"), 1_000_000));
    personal.onEvent(trade(60_000));

    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).html()).contains("whale SELL");
  }

  @Test
  void onEvent_amountsBelowTheFloorAreRaisedToIt() {
    subscriptions.put(new Subscription(42, ETH, Set.of(Topic.LIQ), OptionalDouble.of(1), T));

    personal.onEvent(liq(ETH, PersonalAlerts.MIN_USD_FLOOR - 1));
    personal.onEvent(liq(ETH, PersonalAlerts.MIN_USD_FLOOR));

    assertThat(sent).hasSize(1);
  }

  @Test
  void onEvent_mutedUsersGetNothingUntilTheMuteEnds() {
    subscribe(42, EnumSet.of(Topic.LIQ), OptionalDouble.of(100_000));
    subscriptions.mute(42, T.plus(Duration.ofHours(1)));

    personal.onEvent(liq(ETH, 200_000));
    assertThat(sent).isEmpty();

    clock.advance(Duration.ofHours(1));
    personal.onEvent(liq(ETH, 200_000));
    assertThat(sent).hasSize(1);
  }

  @Test
  void onEvent_inactiveUsersGetNothingUntilTheyWriteAgain() {
    subscribe(42, EnumSet.of(Topic.LIQ), OptionalDouble.of(100_000));
    subscriptions.deactivate(42, "Forbidden: bot was blocked by the user", T);

    personal.onEvent(liq(ETH, 200_000));
    assertThat(sent).isEmpty();

    subscriptions.activate(42, T);
    personal.onEvent(liq(ETH, 200_000));
    assertThat(sent).hasSize(1);
  }

  @Test
  void onEvent_reloadsSubscriptionsOnlyWhenTheVersionMoved() {
    subscribe(42, EnumSet.of(Topic.LIQ), OptionalDouble.of(100_000));

    for (int i = 0; i < 50; i++) {
      personal.onEvent(liq(ETH, 200_000));
    }
    assertThat(subscriptions.allActiveCalls).hasValue(1);

    subscribe(43, EnumSet.of(Topic.LIQ), OptionalDouble.of(100_000));
    personal.onEvent(liq(ETH, 200_000));

    assertThat(subscriptions.allActiveCalls).hasValue(2);
    assertThat(sent).hasSize(52);
  }

  @Test
  void onEvent_aFailedReloadKeepsTheLastSubscriptionsAndRetriesLater() {
    subscribe(42, EnumSet.of(Topic.LIQ), OptionalDouble.of(100_000));
    personal.onEvent(liq(ETH, 200_000));
    subscribe(43, EnumSet.of(Topic.LIQ), OptionalDouble.of(100_000));
    subscriptions.failReads = new IllegalStateException("database is locked");

    personal.onEvent(liq(ETH, 200_000));
    personal.onEvent(liq(ETH, 200_000));
    assertThat(subscriptions.allActiveCalls).hasValue(2);
    assertThat(sent).hasSize(3);

    subscriptions.failReads = null;
    clock.advance(PersonalAlerts.RELOAD_RETRY);
    personal.onEvent(liq(ETH, 200_000));
    assertThat(sent).hasSize(5);
  }

  @Test
  void onAlert_fundingAndOiAlertsGoToTheirTopicsAndEditAsTheyUpdate() {
    subscribe(42, EnumSet.of(Topic.FUNDING), OptionalDouble.empty());
    subscribe(43, EnumSet.of(Topic.OI, Topic.LIQ), OptionalDouble.empty());

    personal.onAlert(alert("funding-extreme", AlertKind.NEW));
    personal.onAlert(alert("oi-spike", AlertKind.UPDATE));
    personal.onAlert(alert("whale-cluster", AlertKind.NEW));

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).chat()).isEqualTo(ChatId.of(42));
    assertThat(sent.get(0).kind()).isEqualTo(MessageKind.SEND);
    assertThat(sent.get(0).groupKey()).contains("funding-extreme|ETH");
    assertThat(sent.get(1).chat()).isEqualTo(ChatId.of(43));
    assertThat(sent.get(1).kind()).isEqualTo(MessageKind.EDIT);
  }

  @Test
  void onEvent_aFailingOutboxIsCountedAndTheOthersStillGetTheirs() {
    subscribe(42, EnumSet.of(Topic.LIQ), OptionalDouble.of(100_000));
    subscribe(43, EnumSet.of(Topic.LIQ), OptionalDouble.of(100_000));
    List<OutboundMessage> stored = new ArrayList<>();
    PersonalAlerts failingFor42 =
        new PersonalAlerts(
            subscriptions,
            Thresholds.DEFAULT,
            m -> {
              if (m.chat().equals(ChatId.of(42))) {
                throw new IllegalStateException("disk full");
              }
              stored.add(m);
            },
            clock,
            new SimpleMeterRegistry());

    failingFor42.onEvent(liq(ETH, 200_000));

    assertThat(stored).extracting(OutboundMessage::chat).containsExactly(ChatId.of(43));
  }

  private static Alert alert(String rule, AlertKind kind) {
    return new Alert(
        rule,
        rule + "|ETH",
        kind,
        ETH,
        Optional.empty(),
        1_000_000,
        1,
        Set.of(Exchange.ALL),
        T,
        T,
        List.of(),
        List.of(),
        Optional.empty());
  }
}
