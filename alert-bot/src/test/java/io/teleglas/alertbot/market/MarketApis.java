package io.teleglas.alertbot.market;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.teleglas.core.coinglass.CoinglassClient;
import io.teleglas.core.config.Secret;
import io.teleglas.core.exchange.ExchangeClient;
import io.teleglas.core.exchange.VenueStub;
import io.teleglas.core.exchange.binance.BinanceFuturesClient;
import io.teleglas.core.exchange.bybit.BybitClient;
import io.teleglas.core.exchange.hyperliquid.HyperliquidClient;
import io.teleglas.core.exchange.okx.OkxClient;
import io.teleglas.core.market.InstrumentCatalog;
import io.teleglas.core.testing.MutableClock;
import io.teleglas.core.upstream.UpstreamMeter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * CoinGlass and the four venues' REST APIs played by one WireMock on 127.0.0.1 (their paths do not
 * overlap), answering BTC with the documented payloads of shared-core's test-jar, and the real
 * clients pointed at it on a {@link MutableClock}. One per test.
 */
final class MarketApis implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  final WireMockServer server =
      new WireMockServer(
          wireMockConfig()
              .bindAddress("127.0.0.1")
              .dynamicPort()
              .jettyStopTimeout(1_000L)
              .notifier(new Slf4jNotifier(false)));
  final MutableClock clock = new MutableClock(NOW);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper mapper = new ObjectMapper();
  private final UpstreamMeter meter = new UpstreamMeter(new SimpleMeterRegistry(), clock);
  private final InstrumentCatalog catalog = InstrumentCatalog.bundled();

  MarketApis() {
    server.start();
  }

  URI base() {
    return URI.create(server.baseUrl());
  }

  List<ExchangeClient> venues() {
    return List.of(
        new BinanceFuturesClient(base(), http, mapper, clock, meter, catalog),
        new BybitClient(base(), http, mapper, clock, meter, catalog),
        new OkxClient(base(), http, mapper, clock, meter, catalog),
        new HyperliquidClient(base(), http, mapper, clock, meter, catalog));
  }

  CoinglassClient coinglass() {
    return CoinglassClient.newBuilder()
        .baseUrl(base())
        .apiKey(Secret.of("cg-test-key-0123456789abcdef"))
        .okHttpClient(http)
        .objectMapper(mapper)
        .clock(clock)
        .meter(meter)
        .instruments(catalog)
        .build();
  }

  /** Binance, Bybit, OKX and Hyperliquid answer BTC's funding and open interest. */
  MarketApis venuesAnswerBtc() {
    binance(symbol("/fapi/v1/premiumIndex", "BTCUSDT"), venue("binance/premium-index-btc.json"));
    binance(get(urlPathEqualTo("/fapi/v1/fundingInfo")), venue("binance/funding-info.json"));
    binance(
        symbol("/fapi/v1/fundingRate", "BTCUSDT"), venue("binance/funding-rate-history-btc.json"));
    binance(symbol("/fapi/v1/openInterest", "BTCUSDT"), venue("binance/open-interest-btc.json"));
    server.stubFor(
        get(urlPathEqualTo("/v5/market/tickers"))
            .withQueryParam("category", equalTo("linear"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .willReturn(okJson(venue("bybit/tickers-btc.json"))));
    server.stubFor(
        get(urlPathEqualTo("/api/v5/public/funding-rate"))
            .withQueryParam("instId", equalTo("BTC-USDT-SWAP"))
            .willReturn(okJson(venue("okx/funding-rate-btc.json"))));
    server.stubFor(
        get(urlPathEqualTo("/api/v5/public/open-interest"))
            .withQueryParam("instType", equalTo("SWAP"))
            .withQueryParam("instId", equalTo("BTC-USDT-SWAP"))
            .willReturn(okJson(venue("okx/open-interest-btc.json"))));
    server.stubFor(
        post(urlPathEqualTo("/info"))
            .withRequestBody(equalToJson("{\"type\":\"metaAndAssetCtxs\"}"))
            .willReturn(okJson(venue("hyperliquid/meta-and-asset-ctxs.json"))));
    return this;
  }

  /** CoinGlass answers funding (every coin) and BTC's open interest by exchange. */
  MarketApis coinglassAnswersBtc() {
    coinglass("/api/futures/funding-rate/exchange-list", okJson(cg("funding-rate-exchange-list")));
    coinglass(
        "/api/futures/open-interest/exchange-list", okJson(cg("open-interest-exchange-list")));
    return this;
  }

  void coinglass(String path, ResponseDefinitionBuilder answer) {
    server.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(answer));
  }

  /** Every Binance path answers {@code answer} instead, ahead of earlier stubs. */
  void binanceAnswers(ResponseDefinitionBuilder answer) {
    for (String path :
        List.of(
            "/fapi/v1/premiumIndex",
            "/fapi/v1/fundingInfo",
            "/fapi/v1/fundingRate",
            "/fapi/v1/openInterest")) {
      server.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(answer));
    }
  }

  /** Bybit's tickers answer {@code answer} instead, ahead of earlier stubs. */
  void bybitAnswers(ResponseDefinitionBuilder answer) {
    server.stubFor(get(urlPathEqualTo("/v5/market/tickers")).atPriority(1).willReturn(answer));
  }

  static ResponseDefinitionBuilder status(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private void binance(MappingBuilder request, String body) {
    server.stubFor(request.atPriority(5).willReturn(okJson(body)));
  }

  private static MappingBuilder symbol(String path, String symbol) {
    return get(urlPathEqualTo(path)).withQueryParam("symbol", equalTo(symbol));
  }

  static String venue(String name) {
    return VenueStub.fixture(name);
  }

  static String cg(String name) {
    String path = "/io/teleglas/core/coinglass/" + name + ".json";
    try (InputStream in = MarketApis.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The poll failures counted for {@code source}. */
  double failures(SimpleMeterRegistry registry, String source) {
    var counter = registry.find("teleglas_market_poll_failures").tag("source", source).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    server.stop();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
