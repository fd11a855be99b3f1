package io.teleglas.alertbot.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Delivery's Prometheus meters. The backlog gauge is {@code teleglas_delivery_backlog}, registered
 * by the HTTP side from {@link io.teleglas.alertbot.http.DeliveryHealth#backlog()}. Thread-safe.
 */
final class DeliveryMeters {
  private final MeterRegistry registry;
  private final Counter digests;
  private final Timer latency;

  DeliveryMeters(MeterRegistry registry) {
    this.registry = registry;
    this.digests =
        Counter.builder("teleglas_delivery_digests")
            .description("Backlogs merged into one digest message")
            .register(registry);
    this.latency =
        Timer.builder("teleglas_delivery_latency")
            .description("From an alert being made to Telegram accepting it")
            .register(registry);
  }

  /** A request Telegram accepted; {@code kind} is send, edit or plain (resent without HTML). */
  void sent(String kind, Duration sinceCreated) {
    Counter.builder("teleglas_delivery_sent")
        .description("Messages Telegram accepted")
        .tag("kind", kind)
        .register(registry)
        .increment();
    latency.record(sinceCreated.isNegative() ? Duration.ZERO : sinceCreated);
  }

  /** An attempt that will be repeated, by why. */
  void retried(String reason) {
    Counter.builder("teleglas_delivery_retries")
        .description("Attempts that will be repeated")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** An entry given up on, by why. */
  void failed(String reason) {
    Counter.builder("teleglas_delivery_failed")
        .description("Entries Telegram refused for good")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  void digest() {
    digests.increment();
  }
}
