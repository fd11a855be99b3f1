package io.teleglas.commandbot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.commandbot.market.MarketData;
import io.teleglas.commandbot.market.MarketWiring;
import io.teleglas.core.config.CommonConfig;
import io.teleglas.core.config.Secret;
import io.teleglas.core.exchange.VenueStub;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * CoinGlass and the exchanges played by one WireMock on 127.0.0.1, and the command bot's real
 * {@link MarketData} wired to it by {@link MarketWiring}. Serves the shared fixtures of
 * shared-core's test-jar: CoinGlass's v4 doc samples ({@code io/teleglas/core/coinglass/}) and the
 * venues' documented payloads ({@code io/teleglas/core/exchange/}). One per test.
 */
public final class UpstreamStubs implements AutoCloseable {
  public static final String KEY = "cg-test-key-0123456789abcdef";

  public final WireMockServer server;
  public final OkHttpClient http = new OkHttpClient();
  public final ObjectMapper mapper = new ObjectMapper();
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  public UpstreamStubs() {
    server =
        new WireMockServer(
            wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .jettyStopTimeout(1_000L)
                .notifier(new Slf4jNotifier(false)));
    server.start();
  }

  /** A clock that ticks in real time from {@code at}, so latencies are real and ages fixed. */
  public static Clock tickingFrom(Instant at) {
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
  }

  /** Every upstream URL points at the stub; CoinGlass has a key when {@code withKey}. */
  public MarketData market(boolean withKey, UpstreamMeter meter, Clock clock) {
    URI base = URI.create(server.baseUrl());
    CommonConfig config =
        new CommonConfig(
            base,
            withKey ? Optional.of(Secret.of(KEY)) : Optional.empty(),
            base,
            base,
            base,
            base,
            base,
            Path.of("data"),
            Optional.empty(),
            "INFO",
            CommonConfig.LogFormat.TEXT);
    return MarketWiring.marketData(config, http, mapper, meter, clock);
  }

  public UpstreamMeter meter(Clock clock) {
    return new UpstreamMeter(registry, clock);
  }

  /** A CoinGlass fixture at {@code path} with the HTTP status and a delay. */
  public void coinglass(String path, int status, String fixture, int delayMillis) {
    server.stubFor(
        get(urlPathEqualTo(path))
            .withHeader("CG-API-KEY", equalTo(KEY))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(coinglassFixture(fixture))
                    .withFixedDelay(delayMillis)));
  }

  /** Binance, Bybit and OKX recent BTC trades, as in their venue client tests. */
  public void btcTrades() {
    server.stubFor(
        get(urlPathEqualTo("/fapi/v1/aggTrades"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .willReturn(json(VenueStub.fixture("binance/agg-trades-btc.json"))));
    server.stubFor(
        get(urlPathEqualTo("/v5/market/recent-trade"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .willReturn(json(VenueStub.fixture("bybit/recent-trade-btc.json"))));
    server.stubFor(
        get(urlPathEqualTo("/api/v5/public/instruments"))
            .withQueryParam("instId", equalTo("BTC-USDT-SWAP"))
            .willReturn(json(VenueStub.fixture("okx/instruments-btc.json"))));
    server.stubFor(
        get(urlPathEqualTo("/api/v5/market/trades"))
            .withQueryParam("instId", equalTo("BTC-USDT-SWAP"))
            .willReturn(json(VenueStub.fixture("okx/trades-btc.json"))));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  static String coinglassFixture(String name) {
    String path = "/io/teleglas/core/coinglass/" + name;
    try (InputStream in = UpstreamStubs.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
