package io.teleglas.alertbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.alertbot.source.SourceStatus;
import io.teleglas.core.cli.BuildInfo;
import io.teleglas.core.http.HttpEndpoints.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertBotEndpointsTest {
  private static final List<String> SOURCE_FIELDS =
      List.of(
          "source",
          "connected",
          "state",
          "latency",
          "lastUpdate",
          "messagesReceived",
          "errors",
          "reconnects");

  private final Sample sample = new Sample();
  private final AlertBotEndpoints endpoints = sample.endpoints;

  private static JsonNode json(Response r) throws Exception {
    assertThat(r.contentType()).isEqualTo("application/json");
    return new ObjectMapper().readTree(r.body());
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static long ms(Instant t) {
    return t.toEpochMilli();
  }

  @Test
  void sources_eachSourceHasExactlyTheContractFieldsWithTheirTypes() throws Exception {
    Response r = endpoints.sources();
    JsonNode body = json(r);

    assertThat(r.status()).isEqualTo(200);
    assertThat(fields(body)).containsExactly("sources");
    assertThat(body.get("sources").isArray()).isTrue();
    assertThat(body.get("sources")).hasSize(3);
    for (JsonNode source : body.get("sources")) {
      assertThat(fields(source)).containsExactlyInAnyOrderElementsOf(SOURCE_FIELDS);
    }
    JsonNode binance = body.get("sources").get(0);
    assertThat(binance.get("source").isTextual()).isTrue();
    assertThat(binance.get("source").asText()).isEqualTo("binance");
    assertThat(binance.get("connected").isBoolean()).isTrue();
    assertThat(binance.get("connected").booleanValue()).isTrue();
    assertThat(binance.get("state").isTextual()).isTrue();
    assertThat(binance.get("state").asText()).isEqualTo("live");
    assertThat(binance.get("latency").isIntegralNumber()).isTrue();
    assertThat(binance.get("latency").longValue()).isEqualTo(120);
    assertThat(binance.get("lastUpdate").isIntegralNumber()).isTrue();
    assertThat(binance.get("lastUpdate").longValue()).isEqualTo(ms(Sample.NOW.minusSeconds(5)));
    assertThat(binance.get("messagesReceived").isIntegralNumber()).isTrue();
    assertThat(binance.get("messagesReceived").longValue()).isEqualTo(1234);
    assertThat(binance.get("errors").isIntegralNumber()).isTrue();
    assertThat(binance.get("errors").longValue()).isEqualTo(2);
    assertThat(binance.get("reconnects").isIntegralNumber()).isTrue();
    assertThat(binance.get("reconnects").longValue()).isEqualTo(1);
  }

  @Test
  void sources_keepConfiguredOrderAndShowUnknownLatencyAndLastUpdateAsNull() throws Exception {
    JsonNode sources = json(endpoints.sources()).get("sources");

    assertThat(sources.findValuesAsText("source")).containsExactly("binance", "bybit", "okx");
    JsonNode okx = sources.get(2);
    assertThat(okx.get("connected").booleanValue()).isFalse();
    assertThat(okx.get("state").asText()).isEqualTo("backing-off");
    assertThat(okx.get("latency").isNull()).isTrue();
    assertThat(okx.get("lastUpdate").isNull()).isTrue();
    assertThat(okx.get("errors").longValue()).isEqualTo(7);
    assertThat(okx.get("reconnects").longValue()).isEqualTo(4);
    assertThat(sources.get(1).get("latency").isNull()).isTrue();
    assertThat(sources.get(1).get("lastUpdate").longValue())
        .isEqualTo(ms(Sample.NOW.minusSeconds(75)));
  }

  @Test
  void websocketHealth_followsTheContractFieldByField() throws Exception {
    Response r = endpoints.websocketHealth();
    JsonNode body = json(r);

    assertThat(r.status()).isEqualTo(200);
    assertThat(fields(body))
        .containsExactly(
            "healthy",
            "activeSource",
            "connectedSources",
            "totalSources",
            "sources",
            "updateCount",
            "lastUpdate",
            "timestamp");
    assertThat(body.get("healthy").isBoolean()).isTrue();
    assertThat(body.get("healthy").booleanValue()).isTrue();
    assertThat(body.get("activeSource").isTextual()).isTrue();
    assertThat(body.get("activeSource").asText()).isEqualTo("binance");
    assertThat(body.get("connectedSources").isIntegralNumber()).isTrue();
    assertThat(body.get("connectedSources").intValue()).isEqualTo(2);
    assertThat(body.get("totalSources").isIntegralNumber()).isTrue();
    assertThat(body.get("totalSources").intValue()).isEqualTo(3);
    assertThat(body.get("sources").findValuesAsText("source"))
        .containsExactly("binance", "bybit", "okx");
    for (JsonNode source : body.get("sources")) {
      assertThat(fields(source)).containsExactlyInAnyOrderElementsOf(SOURCE_FIELDS);
    }
    assertThat(body.get("updateCount").isIntegralNumber()).isTrue();
    assertThat(body.get("updateCount").longValue()).isEqualTo(4321);
    assertThat(body.get("lastUpdate").isIntegralNumber()).isTrue();
    assertThat(body.get("lastUpdate").longValue()).isEqualTo(ms(Sample.NOW.minusSeconds(5)));
    assertThat(body.get("timestamp").isIntegralNumber()).isTrue();
    assertThat(body.get("timestamp").longValue()).isEqualTo(ms(Sample.NOW));
  }

  @Test
  void websocketHealth_withNoActiveSourceAndNoUpdatesSaysNullAndUnhealthy() throws Exception {
    sample.sources.sources = List.of(Sample.bybit(), Sample.okx());
    sample.sources.activeSource = Optional.empty();
    sample.sources.updateCount = 0;
    sample.sources.lastUpdate = Optional.empty();

    JsonNode body = json(endpoints.websocketHealth());

    assertThat(body.get("healthy").booleanValue()).isFalse();
    assertThat(body.get("activeSource").isNull()).isTrue();
    assertThat(body.get("lastUpdate").isNull()).isTrue();
    assertThat(body.get("updateCount").longValue()).isZero();
    assertThat(body.get("connectedSources").intValue()).isEqualTo(1);
    assertThat(body.get("totalSources").intValue()).isEqualTo(2);
  }

  @Test
  void activeSource_namesTheSourceAndTheTime() throws Exception {
    sample.clock.advance(Duration.ofMillis(1500));
    JsonNode body = json(endpoints.activeSource());

    assertThat(fields(body)).containsExactly("activeSource", "timestamp");
    assertThat(body.get("activeSource").asText()).isEqualTo("binance");
    assertThat(body.get("timestamp").isIntegralNumber()).isTrue();
    assertThat(body.get("timestamp").longValue()).isEqualTo(ms(Sample.NOW) + 1500);
  }

  @Test
  void activeSource_isNullWhenNoSourceFeedsTheEngine() throws Exception {
    sample.sources.activeSource = Optional.empty();

    JsonNode body = json(endpoints.activeSource());

    assertThat(fields(body)).containsExactly("activeSource", "timestamp");
    assertThat(body.get("activeSource").isNull()).isTrue();
  }

  @Test
  void health_upWhileOneSourceIsFreshEvenThoughAnotherIsStale() throws Exception {
    sample.clock.advance(Duration.ofSeconds(30));
    sample.sources.sources =
        List.of(Sample.binance(Sample.NOW.plusSeconds(20)), Sample.bybit(), Sample.okx());

    Response r = endpoints.health();
    JsonNode body = json(r);

    assertThat(r.status()).isEqualTo(200);
    assertThat(body.get("status").asText()).isEqualTo("UP");
    assertThat(body.has("reasons")).isFalse();
    assertThat(body.get("activeSource").asText()).isEqualTo("binance");
    assertThat(body.get("connectedSources").intValue()).isEqualTo(2);
    assertThat(body.get("freshSources").intValue()).isEqualTo(1);
    assertThat(body.get("totalSources").intValue()).isEqualTo(3);
    assertThat(body.get("staleAfterSeconds").intValue()).isEqualTo(60);
    assertThat(body.get("uptimeSeconds").longValue()).isEqualTo(30);
    assertThat(body.get("timestamp").longValue()).isEqualTo(ms(Sample.NOW.plusSeconds(30)));
    assertThat(body.get("version").asText()).isEqualTo(BuildInfo.version()).isNotBlank();
  }

  @Test
  void health_reportsQueueDepthDroppedEventsAndDeliveryBacklog() throws Exception {
    sample.delivery.backlog = 17;

    JsonNode body = json(endpoints.health());

    assertThat(body.get("queueDepth").intValue()).isEqualTo(2);
    assertThat(body.get("droppedEvents").longValue()).isEqualTo(1);
    assertThat(body.get("deliveryBacklog").intValue()).isEqualTo(17);
    assertThat(body.get("deliveryStuck").booleanValue()).isFalse();
  }

  @Test
  void health_downWhenEveryConnectedSourceIsStaleNamingEach() throws Exception {
    sample.clock.advance(Duration.ofSeconds(56));

    Response r = endpoints.health();
    JsonNode body = json(r);

    assertThat(r.status()).isEqualTo(503);
    assertThat(body.get("status").asText()).isEqualTo("DOWN");
    assertThat(texts(body.get("reasons")))
        .containsExactly(
            "source binance silent for 61 s (window 60 s)",
            "source bybit silent for 131 s (window 60 s)");
    assertThat(body.get("freshSources").intValue()).isZero();
    assertThat(body.get("activeSource").asText()).isEqualTo("binance");
  }

  @Test
  void health_windowIncludesItsLastMillisecond() throws Exception {
    sample.clock.advance(Duration.ofSeconds(55));
    assertThat(endpoints.health().status()).isEqualTo(200);

    sample.clock.advance(Duration.ofMillis(1));
    assertThat(endpoints.health().status()).isEqualTo(503);
  }

  @Test
  void health_downWhenNoSourceIsConnected() throws Exception {
    sample.sources.sources = List.of(Sample.okx());
    sample.sources.activeSource = Optional.empty();

    Response r = endpoints.health();
    JsonNode body = json(r);

    assertThat(r.status()).isEqualTo(503);
    assertThat(texts(body.get("reasons"))).containsExactly("no source connected");
    assertThat(body.get("activeSource").isNull()).isTrue();
    assertThat(body.get("connectedSources").intValue()).isZero();
  }

  @Test
  void health_downWhenTheOnlyConnectedSourceHasSentNothing() throws Exception {
    sample.sources.sources =
        List.of(
            new SourceStatus(
                "okx", true, false, "connecting", Optional.empty(), Optional.empty(), 0, 0, 0),
            Sample.okx());

    assertThat(texts(json(endpoints.health()).get("reasons")))
        .containsExactly("source okx connected but has delivered no data");
  }

  @Test
  void health_downWithoutAnyConfiguredSource() throws Exception {
    sample.sources.sources = List.of();

    Response r = endpoints.health();

    assertThat(r.status()).isEqualTo(503);
    assertThat(texts(json(r).get("reasons"))).containsExactly("no source configured");
  }

  @Test
  void health_downWhenDeliveryIsStuckEvenWithAFreshSource() throws Exception {
    sample.delivery.stuck = true;
    sample.delivery.reason = Optional.of("Telegram answered 502 for 5 min");
    sample.delivery.backlog = 40;

    Response r = endpoints.health();
    JsonNode body = json(r);

    assertThat(r.status()).isEqualTo(503);
    assertThat(texts(body.get("reasons")))
        .containsExactly("delivery stuck: Telegram answered 502 for 5 min");
    assertThat(body.get("deliveryStuck").booleanValue()).isTrue();
    assertThat(body.get("deliveryBacklog").intValue()).isEqualTo(40);
  }

  @Test
  void health_listsStaleSourcesAndStuckDeliveryTogether() throws Exception {
    sample.clock.advance(Duration.ofMinutes(10));
    sample.delivery.stuck = true;

    assertThat(texts(json(endpoints.health()).get("reasons")))
        .containsExactly(
            "source binance silent for 605 s (window 60 s)",
            "source bybit silent for 675 s (window 60 s)",
            "delivery stuck");
  }

  @Test
  void deliveryNone_isNeverStuck() {
    assertThat(DeliveryHealth.NONE.stuck()).isFalse();
    assertThat(DeliveryHealth.NONE.reason()).isEmpty();
    assertThat(DeliveryHealth.NONE.backlog()).isZero();
  }

  @Test
  void metrics_areReadFromTheSourcesAtEachScrape() {
    Response first = endpoints.metrics();
    assertThat(first.contentType()).startsWith("text/plain; version=0.0.4");
    assertThat(first.body())
        .contains(
            "teleglas_source_messages_total{source=\"binance\"} 1234.0",
            "teleglas_source_lag_seconds{source=\"binance\"} 5.0",
            "teleglas_health_up 1.0",
            "teleglas_outbox_oldest_pending_seconds 0.0");

    sample.delivery.oldest = Optional.of(Duration.ofMillis(95_500));
    assertThat(endpoints.metrics().body()).contains("teleglas_outbox_oldest_pending_seconds 95.5");
    sample.sources.sources =
        List.of(
            new SourceStatus(
                "binance",
                false,
                false,
                "backing-off",
                Optional.of(Duration.ofMillis(2500)),
                Optional.of(Sample.NOW.minusSeconds(90)),
                2000,
                9,
                5),
            Sample.bybit(),
            Sample.okx());
    String second = endpoints.metrics().body();

    assertThat(second)
        .contains(
            "teleglas_source_messages_total{source=\"binance\"} 2000.0",
            "teleglas_source_errors_total{source=\"binance\"} 9.0",
            "teleglas_source_reconnects_total{source=\"binance\"} 5.0",
            "teleglas_source_connected{source=\"binance\"} 0.0",
            "teleglas_source_latency_seconds{source=\"binance\"} 2.5",
            "teleglas_source_lag_seconds{source=\"binance\"} 90.0",
            "teleglas_health_up 0.0");
  }

  @Test
  void metrics_showUnknownValuesAsNaNAndQueueFiguresPerSource() {
    String body = endpoints.metrics().body();

    assertThat(body)
        .contains(
            "teleglas_source_latency_seconds{source=\"okx\"} NaN",
            "teleglas_source_lag_seconds{source=\"okx\"} NaN",
            "teleglas_source_connected{source=\"okx\"} 0.0",
            "teleglas_source_active{source=\"binance\"} 1.0",
            "teleglas_source_active{source=\"bybit\"} 0.0",
            "teleglas_ingest_queue_depth 2.0",
            "teleglas_ingest_accepted_events_total 2.0",
            "teleglas_ingest_dropped_events_total{source=\"okx\"} 1.0",
            "teleglas_ingest_dropped_events_total{source=\"binance\"} 0.0",
            "teleglas_engine_events_total 4321.0",
            "teleglas_delivery_stuck 0.0",
            "jvm_memory_used_bytes");
  }

  @Test
  void metrics_registerSourcesThatAppearLater() {
    endpoints.metrics();
    sample.sources.sources =
        List.of(
            Sample.binance(Sample.NOW),
            new SourceStatus(
                "hyperliquid",
                true,
                true,
                "live",
                Optional.empty(),
                Optional.of(Sample.NOW),
                8,
                0,
                0));
    sample.queue.offer("coinglass", Sample.trade("4"));

    String body = endpoints.metrics().body();

    assertThat(body)
        .contains(
            "teleglas_source_messages_total{source=\"hyperliquid\"} 8.0",
            "teleglas_ingest_dropped_events_total{source=\"coinglass\"} 1.0");
  }

  private static List<String> texts(JsonNode array) {
    assertThat(array.isArray()).isTrue();
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
