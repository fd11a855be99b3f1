package io.teleglas.commandbot.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.config.ConfigReader;
import io.teleglas.core.config.Environment;
import io.teleglas.core.config.Secret;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sample server over real HTTP, on a fixed clock. */
class OfflineUpstreamIT {
  private static final Instant NOW = Instant.parse("2026-03-01T13:47:12.345Z");
  private static final Secret KEY = Secret.of("offline-test-key-0123");

  private final OfflineUpstream upstream =
      OfflineUpstream.start(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
  private final HttpClient http =
      HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void stop() {
    upstream.close();
  }

  private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(upstream.baseUrl().resolve(pathAndQuery));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(upstream.baseUrl().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void coinglass_answersOnlyWithTheKeyItWasGiven() throws Exception {
    String path = "/api/futures/pairs-markets?symbol=BTC";

    HttpResponse<String> without = get(path);
    HttpResponse<String> wrong = get(path, "CG-API-KEY", "offline-test-key-0124");
    HttpResponse<String> right = get(path, "CG-API-KEY", KEY.reveal());

    assertThat(without.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(right.statusCode()).isEqualTo(200);
    JsonNode envelope = mapper.readTree(right.body());
    assertThat(envelope.path("code").asText()).isEqualTo("0");
    assertThat(envelope.path("data").get(0).path("instrument_id").asText()).isEqualTo("BTCUSDT");
    assertThat(right.headers().firstValue("API-KEY-MAX-LIMIT")).hasValue("300");
    assertThat(right.headers().firstValue("API-KEY-USE-LIMIT")).hasValue("1");
  }

  @Test
  void venues_answerWithoutKeyAndWithFreshTimes() throws Exception {
    HttpResponse<String> ticker = get("/fapi/v1/ticker/24hr?symbol=BTCUSDT");
    HttpResponse<String> ratio =
        get(
            "/api/futures/global-long-short-account-ratio/history?exchange=Binance"
                + "&symbol=BTCUSDT&interval=1h&start_time=1",
            "CG-API-KEY",
            KEY.reveal());

    assertThat(ticker.statusCode()).isEqualTo(200);
    assertThat(mapper.readTree(ticker.body()).path("closeTime").asLong())
        .isEqualTo(NOW.toEpochMilli());
    JsonNode buckets = mapper.readTree(ratio.body()).path("data");
    assertThat(buckets.get(buckets.size() - 1).path("time").asLong())
        .isEqualTo(Instant.parse("2026-03-01T13:00:00Z").toEpochMilli());
  }

  @Test
  void hyperliquid_answersPostByTheBodysType() throws Exception {
    HttpResponse<String> contexts = post("/info", "{\"type\":\"metaAndAssetCtxs\"}");
    HttpResponse<String> other = post("/info", "{\"type\":\"allMids\"}");

    assertThat(contexts.statusCode()).isEqualTo(200);
    JsonNode answer = mapper.readTree(contexts.body());
    assertThat(answer.get(0).path("universe").get(0).path("name").asText()).isEqualTo("BTC");
    assertThat(answer.get(1).size()).isEqualTo(answer.get(0).path("universe").size());
    assertThat(other.statusCode()).isEqualTo(404);
  }

  @Test
  void requestsWithoutSampleData_get404() throws Exception {
    assertThat(get("/fapi/v1/klines?symbol=BTCUSDT").statusCode()).isEqualTo(404);
    assertThat(get("/fapi/v1/ticker/24hr?symbol=DOGEUSDT").statusCode()).isEqualTo(404);
    assertThat(
            get("/api/futures/pairs-markets?symbol=DOGE", "CG-API-KEY", KEY.reveal()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void configFor_pointsEveryUpstreamHere() {
    ConfigReader reader = new ConfigReader(Environment.of(Map.of()));
    CommonConfig live = CommonConfig.read(reader);
    reader.finish();

    CommonConfig offline = upstream.configFor(live);

    assertThat(
            List.of(
                offline.telegramApiUrl(),
                offline.coinglassApiUrl(),
                offline.binanceFapiUrl(),
                offline.bybitApiUrl(),
                offline.okxApiUrl(),
                offline.hyperliquidApiUrl()))
        .containsOnly(upstream.baseUrl());
    assertThat(upstream.baseUrl().getHost()).isEqualTo("127.0.0.1");
    assertThat(offline.coinglassApiKey()).hasValue(KEY);
    assertThat(offline.dataDir()).isEqualTo(live.dataDir());
  }

  @Test
  void close_closesThePort() throws IOException {
    URI base = upstream.baseUrl();
    try (Socket open = new Socket(base.getHost(), base.getPort())) {
      assertThat(open.isConnected()).isTrue();
    }

    upstream.close();

    assertThatThrownBy(() -> new Socket(base.getHost(), base.getPort()).close())
        .isInstanceOf(ConnectException.class);
  }
}
