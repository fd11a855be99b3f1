package io.teleglas.alertbot.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.alert.Alert;
import io.teleglas.alertbot.alert.AlertKind;
import io.teleglas.alertbot.alert.AlertSide;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.Liquidation;
import io.teleglas.core.market.PositionSide;
import io.teleglas.core.telegram.ChatId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelRouterTest {

  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private static final ChatId CHANNEL = new ChatId("-1001234567890");

  private final List<OutboundMessage> out = new ArrayList<>();
  private final ChannelRouter router =
      new ChannelRouter(
          CHANNEL,
          a -> new ChannelRouter.Text("<b>" + a.kind() + "</b> " + a.usdValue(), a.kind() + ""),
          out::add,
          Clock.fixed(T0, ZoneOffset.UTC));

  @Test
  void aStormIsOneMessageSentThenEdited() {
    router.accept(storm(AlertKind.NEW, 2_000_000));
    router.accept(storm(AlertKind.UPDATE, 3_000_000));
    router.accept(storm(AlertKind.RESOLVED, 3_500_000));

    assertThat(out)
        .extracting(OutboundMessage::kind)
        .containsExactly(MessageKind.SEND, MessageKind.EDIT, MessageKind.EDIT);
    assertThat(out).extracting(OutboundMessage::groupKey).containsOnly(out.get(0).groupKey());
    assertThat(out.get(0).groupKey()).get().asString().startsWith("liquidation-storm|BTC|LONG#");
    assertThat(out).extracting(OutboundMessage::chat).containsOnly(CHANNEL);
    assertThat(out.get(2).html()).isEqualTo("<b>RESOLVED</b> 3500000.0");
    assertThat(router.openGroupCount()).isZero();
  }

  @Test
  void aSecondStormGetsItsOwnMessage() {
    router.accept(storm(AlertKind.NEW, 2_000_000));
    router.accept(storm(AlertKind.RESOLVED, 2_500_000));
    router.accept(storm(AlertKind.NEW, 2_200_000));
    router.accept(storm(AlertKind.UPDATE, 2_900_000));

    assertThat(out.get(2).kind()).isEqualTo(MessageKind.SEND);
    assertThat(out.get(2).groupKey()).isNotEqualTo(out.get(0).groupKey());
    assertThat(out.get(3).groupKey()).isEqualTo(out.get(2).groupKey());
  }

  @Test
  void anEscalationOpensANewMessage() {
    router.accept(storm(AlertKind.NEW, 2_000_000));
    router.accept(storm(AlertKind.ESCALATION, 9_000_000));
    router.accept(storm(AlertKind.UPDATE, 9_500_000));

    assertThat(out)
        .extracting(OutboundMessage::kind)
        .containsExactly(MessageKind.SEND, MessageKind.SEND, MessageKind.EDIT);
    assertThat(out.get(1).groupKey()).isNotEqualTo(out.get(0).groupKey());
    assertThat(out.get(2).groupKey()).isEqualTo(out.get(1).groupKey());
  }

  @Test
  void twoInstancesFedTheSameAlertsNameTheSameGroupsAndDedupKeys_whateverTheirClocks() {
    List<OutboundMessage> other = new ArrayList<>();
    ChannelRouter standby =
        new ChannelRouter(
            CHANNEL,
            a -> new ChannelRouter.Text("<b>" + a.kind() + "</b>", a.kind() + ""),
            other::add,
            Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
    List<Alert> alerts =
        List.of(
            storm(AlertKind.NEW, 2_000_000),
            storm(AlertKind.UPDATE, 3_000_000),
            storm(AlertKind.ESCALATION, 9_000_000),
            single(600_000),
            single(700_000));

    alerts.forEach(router::accept);
    alerts.forEach(standby::accept);

    assertThat(other)
        .extracting(OutboundMessage::groupKey)
        .isEqualTo(out.stream().map(OutboundMessage::groupKey).toList());
    assertThat(other)
        .extracting(OutboundMessage::dedupKey)
        .isEqualTo(out.stream().map(OutboundMessage::dedupKey).toList());
    assertThat(out)
        .filteredOn(m -> m.kind() == MessageKind.SEND)
        .extracting(m -> m.dedupKey().orElseThrow())
        .doesNotHaveDuplicates()
        .allMatch(k -> k.startsWith(CHANNEL + "|"));
    assertThat(out)
        .filteredOn(m -> m.kind() == MessageKind.EDIT)
        .allMatch(m -> m.dedupKey().isEmpty());
  }

  @Test
  void aFollowUpWithoutItsOpeningIsSentAsANewMessageRatherThanLost() {
    router.accept(storm(AlertKind.RESOLVED, 2_000_000));

    assertThat(out)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo(MessageKind.SEND);
              assertThat(m.groupKey()).isEmpty();
            });
  }

  @Test
  void singlesAreOwnMessagesInOneGroupEach() {
    router.accept(single(600_000));
    router.accept(single(700_000));

    assertThat(out).extracting(OutboundMessage::kind).containsOnly(MessageKind.SEND);
    assertThat(out.get(0).groupKey()).isNotEqualTo(out.get(1).groupKey());
  }

  private static Alert storm(AlertKind kind, double usd) {
    Liquidation l =
        new Liquidation(
            Exchange.BINANCE,
            new Coin("BTC"),
            "BTCUSDT",
            PositionSide.LONG,
            90_000,
            usd / 90_000,
            usd,
            T0);
    return new Alert(
        "liquidation-storm",
        "liquidation-storm|BTC|LONG",
        kind,
        new Coin("BTC"),
        Optional.of(AlertSide.LONG),
        usd,
        3,
        Set.of(Exchange.BINANCE),
        T0,
        T0,
        List.of(l),
        List.of(),
        Optional.empty());
  }

  private static Alert single(double usd) {
    Liquidation l =
        new Liquidation(
            Exchange.BYBIT,
            new Coin("ETH"),
            "ETHUSDT",
            PositionSide.SHORT,
            3000,
            usd / 3000,
            usd,
            T0);
    return new Alert(
        "large-liquidation",
        "large-liquidation|ETH|SHORT",
        AlertKind.NEW,
        new Coin("ETH"),
        Optional.of(AlertSide.SHORT),
        usd,
        1,
        Set.of(Exchange.BYBIT),
        T0,
        T0,
        List.of(l),
        List.of(),
        Optional.empty());
  }
}
