package io.teleglas.alertbot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.alertbot.store.MessageKind;
import io.teleglas.alertbot.store.OutboundMessage;
import io.teleglas.alertbot.store.OutboxEntry;
import io.teleglas.core.telegram.ChatId;
import io.teleglas.core.testing.FakeTelegramApi;
import io.teleglas.core.testing.MutableClock;
import io.teleglas.core.testing.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * A {@link Dispatcher} wired to a {@link FakeTelegramApi} and an {@link InMemoryOutbox}, with one
 * {@link MutableClock} for the worker and the fake, so call timestamps are virtual and rounds are
 * driven by hand: {@link #drain} runs a round, moves the clock to when the round asked to run next,
 * and repeats. Used from the test thread only.
 */
final class DeliveryHarness implements AutoCloseable {
  static final String TOKEN = "123456:delivery-test";
  static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

  final MutableClock clock;
  final FakeTelegramApi telegram;
  final InMemoryOutbox outbox = new InMemoryOutbox();
  final RecordingListener listener = new RecordingListener();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final OkHttpClient http;
  final OkHttpTelegramClient client;
  final Dispatcher dispatcher;
  final DeliveryStatus status;

  DeliveryHarness(DeliverySettings settings, MutableClock clock, Interceptor... interceptors) {
    this.clock = clock;
    this.telegram = FakeTelegramApi.builder().clock(clock).start();
    OkHttpClient.Builder builder = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10));
    for (Interceptor interceptor : interceptors) {
      builder.addInterceptor(interceptor);
    }
    http = builder.build();
    client = new OkHttpTelegramClient(http, TOKEN, telegram.telegramUrl());
    status = new DeliveryStatus(outbox, clock, settings);
    RetryPolicy retry = new RetryPolicy(settings.retryBase(), settings.retryCap(), new Random(7));
    dispatcher =
        new Dispatcher(
            outbox,
            new TelegramSender(client),
            retry,
            settings,
            new Outcomes(listener, new DeliveryMeters(registry), status),
            clock);
  }

  DeliveryHarness(DeliverySettings settings) {
    this(settings, new MutableClock(START));
  }

  DeliveryHarness() {
    this(DeliverySettings.defaults());
  }

  /** Settings with digests off, for tests about pacing alone. */
  static DeliverySettings withoutDigests() {
    DeliverySettings d = DeliverySettings.defaults();
    return new DeliverySettings(
        d.limits(),
        d.digestHorizon(),
        Integer.MAX_VALUE,
        d.retryBase(),
        d.retryCap(),
        d.idlePoll(),
        d.batch(),
        d.stuckAfter(),
        d.failingFor());
  }

  long send(ChatId chat, String html) {
    return outbox.add(message(chat, MessageKind.SEND, Optional.empty(), html));
  }

  long storm(ChatId chat, MessageKind kind, String group, String html) {
    return outbox.add(message(chat, kind, Optional.of(group), html));
  }

  OutboundMessage message(ChatId chat, MessageKind kind, Optional<String> group, String html) {
    return new OutboundMessage(chat, kind, group, html, "summary of " + html, clock.instant());
  }

  /** One round at the current time; returns when it asked to run next. */
  Instant round() {
    Instant now = clock.instant();
    Instant next = dispatcher.runOnce();
    assertThat(next).as("a round must ask to run later, never spin").isAfter(now);
    return next;
  }

  /** Runs rounds, moving the clock as asked, until nothing is pending or {@code within} passed. */
  void drain(Duration within) {
    Instant deadline = clock.instant().plus(within);
    while (outbox.pendingCount() > 0) {
      assertThat(clock.instant()).as("outbox drained in time").isBeforeOrEqualTo(deadline);
      runUntil(round());
    }
  }

  /** Runs rounds, moving the clock as asked, until {@code until}. */
  void runFor(Duration duration) {
    Instant end = clock.instant().plus(duration);
    while (clock.instant().isBefore(end)) {
      Instant next = round();
      runUntil(next.isAfter(end) ? end : next);
    }
  }

  private void runUntil(Instant next) {
    clock.advance(Duration.between(clock.instant(), next));
  }

  /** Successful sendMessage calls to one chat, their texts in order. */
  List<String> sentTexts(ChatId chat) {
    return telegram.sentMessages().stream()
        .filter(m -> m.chatId().equals(chat.value()))
        .map(m -> m.text())
        .toList();
  }

  /** Every call to one chat (failed ones too), in order. */
  List<RecordedCall> callsTo(ChatId chat) {
    return telegram.calls().stream().filter(c -> chat.value().equals(c.param("chat_id"))).toList();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    telegram.close();
  }

  /** Records what the dispatcher told the application. */
  static final class RecordingListener implements DeliveryListener {
    final List<OutboxEntry> delivered = new CopyOnWriteArrayList<>();
    final List<String> unreachable = new CopyOnWriteArrayList<>();
    final List<String> gaveUp = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(OutboxEntry entry, Duration latency) {
      delivered.add(entry);
    }

    @Override
    public void chatUnreachable(ChatId chat, String reason) {
      unreachable.add(chat + ": " + reason);
    }

    @Override
    public void gaveUp(OutboxEntry entry, String reason) {
      gaveUp.add(entry.id() + ": " + reason);
    }
  }
}
