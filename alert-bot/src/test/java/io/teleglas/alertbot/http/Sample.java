package io.teleglas.alertbot.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.teleglas.alertbot.source.SourceStatus;
import io.teleglas.alertbot.stream.IngestQueue;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Trade;
import io.teleglas.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Three sources at {@link #NOW}: binance live and fresh (5 s ago), bybit connected but silent for
 * 75 s, okx disconnected and never heard from; an ingest queue of two that dropped one okx event.
 */
final class Sample {
  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  final MutableClock clock = new MutableClock(NOW);
  final FakeSourcesView sources = new FakeSourcesView();
  final FakeDelivery delivery = new FakeDelivery();
  final IngestQueue queue = new IngestQueue(2, clock);
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final AlertBotEndpoints endpoints;

  Sample() {
    sources.sources = List.of(binance(NOW.minusSeconds(5)), bybit(), okx());
    sources.activeSource = Optional.of("binance");
    sources.updateCount = 4321;
    sources.lastUpdate = Optional.of(NOW.minusSeconds(5));
    queue.offer("binance", trade("1"));
    queue.offer("binance", trade("2"));
    queue.offer("okx", trade("3"));
    endpoints =
        new AlertBotEndpoints(
            sources,
            queue,
            delivery,
            new com.fasterxml.jackson.databind.ObjectMapper(),
            clock,
            AlertBotEndpoints.DEFAULT_STALE_AFTER,
            registry);
  }

  static SourceStatus binance(Instant lastUpdate) {
    return new SourceStatus(
        "binance",
        true,
        true,
        "live",
        Optional.of(Duration.ofMillis(120)),
        Optional.of(lastUpdate),
        1234,
        2,
        1);
  }

  static SourceStatus bybit() {
    return new SourceStatus(
        "bybit",
        true,
        false,
        "stale",
        Optional.empty(),
        Optional.of(NOW.minusSeconds(75)),
        50,
        0,
        3);
  }

  static SourceStatus okx() {
    return new SourceStatus(
        "okx", false, false, "backing-off", Optional.empty(), Optional.empty(), 0, 7, 4);
  }

  static Trade trade(String id) {
    return new Trade(
        Exchange.BINANCE,
        new Coin("BTC"),
        "BTCUSDT",
        TakerSide.BUY,
        97000,
        1,
        97000,
        Instant.parse("2026-11-21T11:59:59Z"),
        id);
  }
}
