package io.teleglas.alertbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.http.HttpEndpoints;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertBotEndpointsIT {
  private final Sample sample = new Sample();
  private final HttpEndpoints server =
      sample.endpoints.routeOn(new HttpEndpoints(new InetSocketAddress("127.0.0.1", 0))).start();
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode jsonFrom(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    return mapper.readTree(r.body());
  }

  @Test
  void health_answersUpThenDownWithTheReasonOverHttp() throws Exception {
    HttpResponse<String> up = get("/health");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(jsonFrom(up).get("status").asText()).isEqualTo("UP");

    sample.clock.advance(Duration.ofMinutes(2));
    HttpResponse<String> down = get("/health");

    assertThat(down.statusCode()).isEqualTo(503);
    JsonNode body = jsonFrom(down);
    assertThat(body.get("status").asText()).isEqualTo("DOWN");
    assertThat(body.get("reasons").get(0).asText())
        .isEqualTo("source binance silent for 125 s (window 60 s)");
  }

  @Test
  void websocketEndpoints_answerTheContractShapes() throws Exception {
    HttpResponse<String> health = get("/api/websocket/health");
    HttpResponse<String> sources = get("/api/websocket/sources");
    HttpResponse<String> active = get("/api/websocket/active-source");

    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode h = jsonFrom(health);
    assertThat(h.get("healthy").booleanValue()).isTrue();
    assertThat(h.get("connectedSources").intValue()).isEqualTo(2);
    assertThat(h.get("sources")).hasSize(3);
    assertThat(sources.statusCode()).isEqualTo(200);
    JsonNode s = jsonFrom(sources);
    assertThat(s.get("sources").findValuesAsText("source"))
        .containsExactly("binance", "bybit", "okx");
    assertThat(s.get("sources").get(2).get("lastUpdate").isNull()).isTrue();
    assertThat(active.statusCode()).isEqualTo(200);
    JsonNode a = jsonFrom(active);
    assertThat(a.get("activeSource").asText()).isEqualTo("binance");
    assertThat(a.get("timestamp").longValue()).isEqualTo(Sample.NOW.toEpochMilli());
  }

  @Test
  void metrics_servePrometheusTextWithTheLiveValues() throws Exception {
    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .contains(
            "# TYPE teleglas_source_messages_total counter",
            "teleglas_source_messages_total{source=\"binance\"} 1234.0",
            "teleglas_source_errors_total{source=\"okx\"} 7.0",
            "teleglas_source_reconnects_total{source=\"bybit\"} 3.0",
            "teleglas_source_connected{source=\"bybit\"} 1.0",
            "teleglas_source_latency_seconds{source=\"binance\"} 0.12",
            "teleglas_source_lag_seconds{source=\"bybit\"} 75.0",
            "teleglas_ingest_queue_depth 2.0",
            "teleglas_ingest_dropped_events_total{source=\"okx\"} 1.0",
            "jvm_threads_live_threads");

    sample.sources.updateCount = 5000;
    assertThat(get("/metrics").body()).contains("teleglas_engine_events_total 5000.0");
  }

  @Test
  void unknownPath_isNotFound() throws Exception {
    assertThat(get("/api/websocket/nope").statusCode()).isEqualTo(404);
  }
}
