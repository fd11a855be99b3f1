package io.teleglas.alertbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.testing.FakeTelegramApi;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The worker thread with the real clock: wake-ups, delivery and a prompt close. */
class TelegramDeliveryIT {
  private static final ChatId CHAT = ChatId.of(42);

  private final FakeTelegramApi telegram = FakeTelegramApi.start();
  private final OkHttpClient http = new OkHttpClient();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final AtomicReference<Thread> worker = new AtomicReference<>();
  private final TelegramDelivery delivery =
      new TelegramDelivery(
          outbox,
          new OkHttpTelegramClient(http, DeliveryHarness.TOKEN, telegram.telegramUrl()),
          DeliverySettings.defaults(),
          DeliveryListener.NONE,
          new SimpleMeterRegistry(),
          Clock.systemUTC(),
          r -> {
            Thread t = new Thread(r, "telegram-delivery-test");
            worker.set(t);
            return t;
          });

  @AfterEach
  void tearDown() {
    delivery.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    telegram.close();
  }

  @Test
  void addedAndWoken_isDelivered_andCloseStopsTheIdleThreadPromptly() throws Exception {
    delivery.start();
    outbox.add(message("first"));
    delivery.wake();

    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.finished().size() == 1);
    long start = System.nanoTime();
    delivery.close();
    Duration closing = Duration.ofNanos(System.nanoTime() - start);

    assertThat(closing).isLessThan(Duration.ofMillis(500));
    assertThat(worker.get().isAlive()).isFalse();
    assertThat(worker.get().isDaemon()).isTrue();
    outbox.add(message("after close"));
    delivery.wake();
    Thread.sleep(1_500); // longer than idlePoll: a live worker would have sent it by now
    assertThat(telegram.sentMessages()).extracting(m -> m.text()).containsExactly("first");
    assertThat(delivery.health().backlog()).isEqualTo(1);
  }

  @Test
  void entryAddedWithoutWake_isStillPickedUpByTheIdleLook() {
    delivery.start();
    outbox.add(message("no wake"));

    assertThat(telegram.awaitSentMessages(1, Duration.ofSeconds(5)))
        .extracting(m -> m.text())
        .containsExactly("no wake");
  }

  private static OutboundMessage message(String html) {
    return new OutboundMessage(
        CHAT, MessageKind.SEND, Optional.empty(), html, html, java.time.Instant.now());
  }
}
