package io.teleglas.alertbot.delivery;

import static java.util.Objects.requireNonNull;

import io.teleglas.alertbot.store.OutboxEntry;
import io.teleglas.core.telegram.ChatId;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the worker reports what happened: meters, health, the log and the application's {@link
 * DeliveryListener}, whose exceptions are caught here so they cannot stop delivery. Repeated
 * transient failures are logged by {@link DeliveryStatus} on transitions only, not per attempt.
 * Called from the delivery thread.
 */
final class Outcomes {
  private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

  private final DeliveryListener listener;
  private final DeliveryMeters meters;
  private final DeliveryStatus status;

  Outcomes(DeliveryListener listener, DeliveryMeters meters, DeliveryStatus status) {
    this.listener = requireNonNull(listener, "listener is null");
    this.meters = requireNonNull(meters, "meters is null");
    this.status = requireNonNull(status, "status is null");
  }

  void answered() {
    status.answered();
  }

  void failing(Instant at, String reason) {
    status.failed(at, reason);
  }

  void delivered(OutboxEntry entry, String kind, Duration latency) {
    meters.sent(kind, latency);
    log.debug("delivered entry {} to {} as {} after {}", entry.id(), chat(entry), kind, latency);
    notify(() -> listener.delivered(entry, latency));
  }

  void retried(OutboxEntry entry, String tag, String reason, Duration wait) {
    meters.retried(tag);
    if (tag.equals("unavailable")) {
      log.debug("entry {} to {} retried in {}: {}", entry.id(), chat(entry), wait, reason);
    } else {
      log.info("entry {} to {} retried in {}: {}", entry.id(), chat(entry), wait, reason);
    }
  }

  void gaveUp(OutboxEntry entry, String tag, String reason) {
    meters.failed(tag);
    log.warn("gave up on entry {} to {} ({}): {}", entry.id(), chat(entry), tag, reason);
    notify(() -> listener.gaveUp(entry, reason));
  }

  void unreachable(ChatId chat, String reason) {
    log.warn("chat {} is unreachable, its waiting alerts were given up: {}", chat, reason);
    notify(() -> listener.chatUnreachable(chat, reason));
  }

  void digested(ChatId chat, int entries, int alerts) {
    meters.digest();
    log.info("merged {} waiting entries ({} alerts) for {} into one digest", entries, alerts, chat);
  }

  private static ChatId chat(OutboxEntry entry) {
    return entry.message().chat();
  }

  private static void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("delivery listener failed", e);
    }
  }
}
