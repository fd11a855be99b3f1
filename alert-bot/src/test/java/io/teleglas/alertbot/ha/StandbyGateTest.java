package io.teleglas.alertbot.ha;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.alertbot.delivery.InMemoryOutbox;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.alertbot.store.OutboxEntry;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a standby keeps, forgets and hands over when it is promoted. */
class StandbyGateTest {
  private static final ChatId CHANNEL = new ChatId("@alerts");
  private static final Instant T0 = Instant.parse("2026-11-22T01:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final AtomicInteger wakes = new AtomicInteger();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  private StandbyGate gate(boolean active) {
    return new StandbyGate(
        outbox, wakes::incrementAndGet, Duration.ofSeconds(60), clock, metrics, active);
  }

  @Test
  void theLeadersGateStoresAndWakesDelivery() {
    StandbyGate gate = gate(true);

    gate.accept(send("BTC", "k1"));

    assertThat(outbox.due(T0, 10)).hasSize(1);
    assertThat(wakes).hasValue(1);
    assertThat(gate.promote()).as("already the leader").isZero();
  }

  @Test
  void aStandbyStoresNothing_thenHandsOverWhatItDecidedInTheWindowInOrder() {
    StandbyGate gate = gate(false);
    gate.accept(send("OLD", "k0"));
    clock.advance(Duration.ofSeconds(61));
    gate.accept(send("BTC", "k1"));
    gate.accept(edit("storm-1", "SOL 5"));
    gate.accept(notice("binance connected"));
    clock.advance(Duration.ofSeconds(30));
    gate.accept(send("ETH", "k2"));

    assertThat(outbox.due(clock.instant(), 10)).isEmpty();
    assertThat(wakes).hasValue(0);
    assertThat(gate.remembered()).isEqualTo(3);
    assertThat(metrics.counter("teleglas_standby_dropped_total").count()).isEqualTo(1);

    assertThat(gate.promote()).isEqualTo(3);

    assertThat(outbox.due(clock.instant(), 10))
        .extracting(OutboxEntry::message)
        .extracting(OutboundMessage::summary)
        .containsExactly("BTC", "SOL 5", "ETH");
    assertThat(gate.active()).isTrue();
    assertThat(wakes).hasValue(1);

    gate.accept(notice("now stored"));
    assertThat(outbox.due(clock.instant(), 10)).hasSize(4);
  }

  @Test
  void aStandbyKeepsOnlyTheNewestEditOfAGroup_behindTheMessagesBeforeIt() {
    StandbyGate gate = gate(false);
    gate.accept(send("storm opens", "storm-1"));
    gate.accept(edit("storm-1", "SOL 5"));
    gate.accept(send("BTC", "k1"));
    clock.advance(Duration.ofSeconds(1));
    gate.accept(edit("storm-1", "SOL 9"));

    assertThat(gate.remembered()).isEqualTo(3);
    gate.promote();

    assertThat(outbox.due(clock.instant(), 10))
        .extracting(OutboxEntry::message)
        .extracting(OutboundMessage::summary)
        .containsExactly("storm opens", "BTC", "SOL 9");
  }

  @Test
  void aStandbyRemembersAtMostItsCapacity_countingWhatItForgets() {
    StandbyGate gate = gate(false);
    for (int i = 0; i < StandbyGate.CAPACITY + 5; i++) {
      gate.accept(send("C" + i, "k" + i));
    }

    assertThat(gate.remembered()).isEqualTo(StandbyGate.CAPACITY);
    assertThat(metrics.counter("teleglas_standby_overflow_total").count()).isEqualTo(5);
  }

  private OutboundMessage send(String text, String key) {
    return new OutboundMessage(
            CHANNEL,
            MessageKind.SEND,
            Optional.empty(),
            "<b>" + text + "</b>",
            text,
            clock.instant())
        .withDedupKey(key);
  }

  private OutboundMessage edit(String group, String text) {
    return new OutboundMessage(
        CHANNEL,
        MessageKind.EDIT,
        Optional.of(group),
        "<b>" + text + "</b>",
        text,
        clock.instant());
  }

  private OutboundMessage notice(String text) {
    return new OutboundMessage(
        ChatId.of(777), MessageKind.SEND, Optional.empty(), text, text, clock.instant());
  }
}
