package io.teleglas.alertbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryStatusTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final DeliveryStatus status =
      new DeliveryStatus(outbox, clock, DeliverySettings.defaults());

  @Test
  void backlogAlone_isNotStuck() {
    add();
    clock.advance(Duration.ofMinutes(10));

    assertThat(status.stuck()).isFalse();
    assertThat(status.backlog()).isEqualTo(1);
  }

  @Test
  void failingWithAnOldBacklog_isStuck_andRecoveryClearsIt() {
    add();
    status.failed(clock.instant(), "502 Bad Gateway");
    clock.advance(Duration.ofSeconds(119));
    assertThat(status.stuck()).isFalse();

    clock.advance(Duration.ofSeconds(1));
    assertThat(status.reason())
        .contains("Telegram delivery failing for 2m (last: 502 Bad Gateway); 1 waiting, oldest 2m");

    status.answered();
    assertThat(status.stuck()).isFalse();
  }

  @Test
  void failingLongWithNothingWaiting_isStuck() {
    status.failed(clock.instant(), "UnknownHostException: api.telegram.org");
    clock.advance(Duration.ofMinutes(5));

    assertThat(status.reason())
        .hasValueSatisfying(r -> assertThat(r).contains("failing for 5m").contains("0 waiting"));
  }

  private void add() {
    outbox.add(
        new OutboundMessage(
            ChatId.of(42), MessageKind.SEND, Optional.empty(), "alert", "alert", clock.instant()));
  }
}
