package io.teleglas.commandbot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CoinGlass and the exchanges' REST APIs on one WireMock server (their paths do not overlap),
 * answering with the documented payloads kept as fixtures in shared-core's test-jar. Anything not
 * stubbed answers 404. Optionally every answer is delayed.
 */
public final class FakeMarketApis implements AutoCloseable {
  public static final String API_KEY = "test-key-0123456789abcdef";
  private static final String CG = "/io/teleglas/core/coinglass/";
  private static final String BN = "/io/teleglas/core/exchange/binance/";

  private final WireMockServer server =
      new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
  private final int delayMillis;

  public FakeMarketApis(int delayMillis) {
    this.delayMillis = delayMillis;
    server.start();
    server.stubFor(
        any(urlPathMatching(".*"))
            .atPriority(10)
            .willReturn(aResponse().withStatus(404).withFixedDelay(delayMillis)));
  }

  /** The environment that points every REST base here, with or without a CoinGlass key. */
  public Map<String, String> env(boolean withKey) {
    Map<String, String> env = new HashMap<>();
    String base = "http://127.0.0.1:" + server.port();
    for (String v :
        List.of(
            "COINGLASS_API_URL",
            "BINANCE_FAPI_URL",
            "BYBIT_API_URL",
            "OKX_API_URL",
            "HYPERLIQUID_API_URL")) {
      env.put(v, base);
    }
    if (withKey) {
      env.put("COINGLASS_API_KEY", API_KEY);
    }
    return env;
  }

  /** Stubs the endpoints /raw and /liq use for BTC. */
  public FakeMarketApis stubBtc() {
    stub("/api/futures/open-interest/exchange-list", CG + "open-interest-exchange-list.json");
    stub("/api/futures/funding-rate/exchange-list", CG + "funding-rate-exchange-list.json");
    stub("/api/futures/liquidation/exchange-list", CG + "liquidation-exchange-list.json");
    stub(
        "/api/futures/taker-buy-sell-volume/exchange-list",
        CG + "taker-buy-sell-volume-exchange-list.json");
    stub("/api/futures/coins-price-change", CG + "coins-price-change.json");
    stub("/api/futures/rsi/list", CG + "rsi-list.json");
    stub("/api/futures/pairs-markets", CG + "pairs-markets.json");
    stub(
        "/api/futures/global-long-short-account-ratio/history",
        CG + "global-long-short-account-ratio.json");
    stub("/api/futures/top-long-short-account-ratio/history", CG + "upgrade-plan.json");
    stub("/api/futures/top-long-short-position-ratio/history", CG + "upgrade-plan.json");
    stub("/fapi/v1/ticker/24hr", BN + "ticker-24hr-btc.json");
    stub("/api/hyperliquid/whale-alert", CG + "hyperliquid-whale-alert.json");
    stub("/api/hyperliquid/whale-position", CG + "hyperliquid-whale-position.json");
    return this;
  }

  /** Answers GET {@code path} with a fixture, after {@code delay}. */
  public FakeMarketApis stubSlow(String path, String fixture, java.time.Duration delay) {
    server.stubFor(
        get(urlPathEqualTo(path))
            .willReturn(okJson(fixture(fixture)).withFixedDelay((int) delay.toMillis())));
    return this;
  }

  /** Answers GET {@code path} with a fixture of shared-core's test-jar. */
  public FakeMarketApis stub(String path, String fixture) {
    server.stubFor(
        get(urlPathEqualTo(path)).willReturn(okJson(fixture(fixture)).withFixedDelay(delayMillis)));
    return this;
  }

  /** Every CoinGlass path answers {@code status} with a plain-text body. */
  public FakeMarketApis failCoinglass(int status) {
    server.stubFor(
        get(urlPathMatching("/api/futures/.*"))
            .willReturn(aResponse().withStatus(status).withBody("oops")));
    return this;
  }

  /** How many requests reached paths matching {@code regex}. */
  public int requestCount(String regex) {
    return server.findAll(WireMock.getRequestedFor(urlPathMatching(regex))).size();
  }

  static String fixture(String path) {
    try (InputStream in = FakeMarketApis.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
