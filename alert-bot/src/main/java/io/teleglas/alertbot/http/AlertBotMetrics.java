package io.teleglas.alertbot.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.teleglas.alertbot.source.SourceStatus;
import io.teleglas.alertbot.source.SourcesView;
import io.teleglas.alertbot.stream.IngestQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The alert bot's Prometheus meters (names in docs/operations.md). Every value is a function read
 * at scrape time from the sources, the ingest queue and delivery, never a copy; an unknown value
 * (no latency measured yet, a source that has sent nothing) is NaN, never 0. Sources that appear
 * after construction get their meters at the next scrape. Thread-safe.
 */
final class AlertBotMetrics {
  private final PrometheusMeterRegistry registry;
  private final SourcesView sources;
  private final IngestQueue queue;
  private final Clock clock;
  private final Set<String> perSource = ConcurrentHashMap.newKeySet();
  private final Set<String> perDropSource = ConcurrentHashMap.newKeySet();

  AlertBotMetrics(
      PrometheusMeterRegistry registry,
      SourcesView sources,
      IngestQueue queue,
      DeliveryHealth delivery,
      BooleanSupplier up,
      Clock clock) {
    this.registry = registry;
    this.sources = sources;
    this.queue = queue;
    this.clock = clock;
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder("teleglas_health_up", () -> up.getAsBoolean() ? 1 : 0)
        .description("1 while GET /health answers UP")
        .register(registry);
    Gauge.builder("teleglas_ingest_queue_depth", queue, IngestQueue::depth)
        .strongReference(true)
        .description("Events waiting in the ingest queue for the engine")
        .register(registry);
    FunctionCounter.builder("teleglas_ingest_accepted_events", queue, IngestQueue::acceptedTotal)
        .description("Events accepted into the ingest queue")
        .register(registry);
    FunctionCounter.builder("teleglas_engine_events", sources, SourcesView::updateCount)
        .description("Events handed to the engine (updateCount)")
        .register(registry);
    Gauge.builder("teleglas_delivery_backlog", delivery::backlog)
        .description("Alerts waiting to be delivered")
        .register(registry);
    Gauge.builder(
            "teleglas_outbox_oldest_pending_seconds",
            () -> delivery.oldestPendingAge().map(age -> age.toMillis() / 1000.0).orElse(0.0))
        .description("How long the oldest message waiting for Telegram has waited; 0 when none")
        .register(registry);
    Gauge.builder("teleglas_delivery_stuck", () -> delivery.stuck() ? 1 : 0)
        .description("1 while delivery is stuck")
        .register(registry);
    registerNewSources();
  }

  /**
   * Prometheus text of every meter, with meters for sources that appeared since the last scrape.
   */
  String scrape() {
    registerNewSources();
    return registry.scrape();
  }

  private void registerNewSources() {
    for (SourceStatus s : sources.sources()) {
      if (perSource.add(s.source())) {
        registerSource(s.source());
      }
      registerDropped(s.source());
    }
    queue.droppedBySource().keySet().forEach(this::registerDropped);
  }

  private void registerSource(String source) {
    counter(source, "teleglas_source_messages", "Frames received", SourceStatus::messagesReceived);
    counter(
        source,
        "teleglas_source_errors",
        "Unreadable frames, refusals, failed connections",
        SourceStatus::errors);
    counter(source, "teleglas_source_reconnects", "Reconnections", SourceStatus::reconnects);
    gauge(source, "teleglas_source_connected", "1 while connected", s -> s.connected() ? 1 : 0);
    gauge(
        source,
        "teleglas_source_latency_seconds",
        "Event time to arrival of the latest events",
        s -> s.latency().map(AlertBotMetrics::seconds).orElse(Double.NaN));
    gauge(
        source,
        "teleglas_source_lag_seconds",
        "Time since the source last delivered data",
        s ->
            s.lastUpdate()
                .map(t -> seconds(Duration.between(t, clock.instant())))
                .orElse(Double.NaN));
    Gauge.builder(
            "teleglas_source_active",
            sources,
            v -> v.activeSource().filter(source::equals).isPresent() ? 1 : 0)
        .strongReference(true)
        .description("1 for the source feeding the engine")
        .tag("source", source)
        .register(registry);
  }

  private void registerDropped(String source) {
    if (perDropSource.add(source)) {
      FunctionCounter.builder(
              "teleglas_ingest_dropped_events",
              queue,
              q -> q.droppedBySource().getOrDefault(source, 0L))
          .description("Events dropped because the ingest queue was full")
          .tag("source", source)
          .register(registry);
    }
  }

  private void counter(
      String source, String name, String help, ToDoubleFunction<SourceStatus> value) {
    FunctionCounter.builder(name, sources, v -> read(v, source, value))
        .description(help)
        .tag("source", source)
        .register(registry);
  }

  private void gauge(
      String source, String name, String help, ToDoubleFunction<SourceStatus> value) {
    Gauge.builder(name, sources, v -> read(v, source, value))
        .strongReference(true)
        .description(help)
        .tag("source", source)
        .register(registry);
  }

  private static double read(
      SourcesView view, String source, ToDoubleFunction<SourceStatus> value) {
    return view.sources().stream()
        .filter(s -> s.source().equals(source))
        .findFirst()
        .map(value::applyAsDouble)
        .orElse(Double.NaN);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
