package io.teleglas.core.coinglass;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.teleglas.core.coinglass.Outcomes.unavailable;
import static io.teleglas.core.coinglass.Outcomes.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How CoinGlass's refusals and failures reach callers, and what the cache and the budget save.
 * Error bodies are the third-party-observed ones in market-apis.md §A.2 (plan gating over HTTP 200,
 * "API key missing.") or the official error table's code with its description.
 */
class CoinglassFailuresIT {
  private static final Coin BTC = new Coin("BTC");
  private static final String PAIRS = "/api/futures/pairs-markets";

  private final CoinglassHarness cg = new CoinglassHarness();
  private final CoinglassClient client = cg.client();

  @AfterEach
  void stop() throws InterruptedException {
    cg.close();
  }

  private void serve(String path, ResponseDefinitionBuilder response) {
    cg.server.stubFor(get(urlPathEqualTo(path)).willReturn(response));
  }

  private static ResponseDefinitionBuilder json(int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(Fixtures.text(fixture));
  }

  private int requests(String path) {
    return cg.server
        .countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build())
        .getCount();
  }

  @Test
  void upgradePlanOverHttp200_isPlanNamingTheEndpointsPlan() {
    serve("/api/futures/coins-markets", json(200, "upgrade-plan.json"));

    Fetched.Unavailable<CoinMarket> refused = unavailable(client.coinMarket(BTC));

    assertThat(refused.reason()).isEqualTo(Reason.PLAN);
    assertThat(refused.detail()).isEqualTo("needs CoinGlass Standard plan");
    assertThat(
            cg.registry
                .get("teleglas_upstream_calls")
                .tag("endpoint", "futures/coins-markets")
                .tag("outcome", "plan")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void upgradePlanWithAnOlderCode_isPlanToo() {
    serve("/api/hyperliquid/whale-alert", json(200, "upgrade-plan-code-40001.json"));

    Fetched.Unavailable<List<WhaleAlert>> refused = unavailable(client.whaleAlerts());

    assertThat(refused.reason()).isEqualTo(Reason.PLAN);
    assertThat(refused.detail()).isEqualTo("needs CoinGlass Startup plan");
  }

  @Test
  void upgradePlanForAShortInterval_namesThePlanTheIntervalNeeds() {
    serve("/api/futures/top-long-short-account-ratio/history", json(200, "upgrade-plan.json"));

    Fetched.Unavailable<LongShortRatio> refused =
        unavailable(
            client.longShortRatio(
                LongShortRatio.Kind.TOP_TRADER_ACCOUNTS,
                Exchange.BINANCE,
                BTC,
                "BTCUSDT",
                Duration.ofHours(1)));

    assertThat(refused.reason()).isEqualTo(Reason.PLAN);
    assertThat(refused.detail()).isEqualTo("needs CoinGlass Startup plan");
  }

  @Test
  void http429_isRateLimitedAndSpendsTheBudget() {
    serve(PAIRS, json(429, "rate-limit-exceeded.json"));

    Fetched.Unavailable<List<PairMarket>> refused = unavailable(client.pairMarkets(BTC));

    assertThat(refused.reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(client.budget().remaining()).isZero();
  }

  @Test
  void code429InsideHttp200_isRateLimited() {
    serve(PAIRS, json(200, "rate-limit-exceeded.json"));

    assertThat(unavailable(client.pairMarkets(BTC)).reason()).isEqualTo(Reason.RATE_LIMITED);
  }

  @Test
  void missingKeyAnswer_saysCoinGlassRejectedTheKey() {
    serve(PAIRS, json(200, "api-key-missing.json"));

    Fetched.Unavailable<List<PairMarket>> refused = unavailable(client.pairMarkets(BTC));

    assertThat(refused.reason()).isEqualTo(Reason.NO_API_KEY);
    assertThat(refused.detail()).isEqualTo("CoinGlass rejected the API key");
  }

  @Test
  void http401WithoutABody_saysCoinGlassRejectedTheKey() {
    serve(PAIRS, aResponse().withStatus(401));

    assertThat(unavailable(client.pairMarkets(BTC)).reason()).isEqualTo(Reason.NO_API_KEY);
  }

  @Test
  void http500_isAnUpstreamError() {
    serve(PAIRS, json(500, "server-error.json"));

    Fetched.Unavailable<List<PairMarket>> failed = unavailable(client.pairMarkets(BTC));

    assertThat(failed.reason()).isEqualTo(Reason.UPSTREAM_ERROR);
    assertThat(failed.detail()).isEqualTo("CoinGlass server error (HTTP 500)");
  }

  @Test
  void htmlInsteadOfJson_isAnUpstreamError() {
    serve(PAIRS, aResponse().withStatus(200).withBody(Fixtures.text("bad-gateway.html")));

    Fetched.Unavailable<List<PairMarket>> failed = unavailable(client.pairMarkets(BTC));

    assertThat(failed.reason()).isEqualTo(Reason.UPSTREAM_ERROR);
    assertThat(failed.detail()).isEqualTo("CoinGlass sent an unreadable answer");
  }

  /** The pairs-markets doc sample cut off mid-object. */
  @Test
  void truncatedJson_isAnUpstreamError() {
    serve(
        PAIRS, aResponse().withStatus(200).withBody(Fixtures.text("pairs-markets-truncated.txt")));

    assertThat(unavailable(client.pairMarkets(BTC)).reason()).isEqualTo(Reason.UPSTREAM_ERROR);
  }

  /** The taker sample's {@code data} is an object; pairs-markets must have an array. */
  @Test
  void dataOfTheWrongShape_isAnUpstreamError() {
    serve(PAIRS, json(200, "taker-buy-sell-volume-exchange-list.json"));

    assertThat(unavailable(client.pairMarkets(BTC)).reason()).isEqualTo(Reason.UPSTREAM_ERROR);
  }

  /** The pairs-markets doc sample's Binance row without {@code current_price}. */
  @Test
  void rowsWithoutRequiredFields_areAnUpstreamErrorNotZeros() {
    serve(PAIRS, json(200, "pairs-markets-missing-price.json"));

    Fetched.Unavailable<List<PairMarket>> failed = unavailable(client.pairMarkets(BTC));

    assertThat(failed.reason()).isEqualTo(Reason.UPSTREAM_ERROR);
    assertThat(failed.detail()).isEqualTo("CoinGlass sent rows without required fields");
  }

  @Test
  void emptyDataForACoin_isAnUnknownSymbol() {
    serve(PAIRS, json(200, "empty-data.json"));

    Fetched.Unavailable<List<PairMarket>> unknown =
        unavailable(client.pairMarkets(new Coin("NOTACOIN")));

    assertThat(unknown.reason()).isEqualTo(Reason.UNKNOWN_SYMBOL);
    assertThat(unknown.detail()).isEqualTo("CoinGlass has no data for NOTACOIN");
  }

  @Test
  void slowAnswer_timesOut() {
    serve(PAIRS, json(200, "pairs-markets.json").withFixedDelay(3_000));
    CoinglassClient impatient = cg.builder().callTimeout(Duration.ofMillis(300)).build();

    Fetched.Unavailable<List<PairMarket>> late = unavailable(impatient.pairMarkets(BTC));

    assertThat(late.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(late.detail()).isEqualTo("CoinGlass did not answer within 0.3 s");
  }

  @Test
  void refusedConnection_isAnUpstreamError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    CoinglassClient nowhere =
        cg.builder().baseUrl(URI.create("http://127.0.0.1:" + closedPort)).build();

    Fetched.Unavailable<List<PairMarket>> failed = unavailable(nowhere.pairMarkets(BTC));

    assertThat(failed.reason()).isEqualTo(Reason.UPSTREAM_ERROR);
    assertThat(failed.detail()).isEqualTo("CoinGlass could not be reached");
  }

  @Test
  void secondCallWithinTheTtl_isServedFromTheCache() {
    serve(PAIRS, json(200, "pairs-markets.json"));

    value(client.pairMarkets(BTC));
    cg.clock.advance(Duration.ofSeconds(9));
    value(client.pairMarkets(BTC));

    assertThat(requests(PAIRS)).isEqualTo(1);
    assertThat(client.cacheStats().hitCount()).isEqualTo(1);

    cg.clock.advance(Duration.ofSeconds(2));
    value(client.pairMarkets(BTC));
    assertThat(requests(PAIRS)).isEqualTo(2);
  }

  @Test
  void concurrentIdenticalCalls_shareOneRequest() {
    serve(PAIRS, json(200, "pairs-markets.json").withFixedDelay(500));

    CompletableFuture<Fetched<List<PairMarket>>> first = client.pairMarkets(BTC);
    CompletableFuture<Fetched<List<PairMarket>>> second = client.pairMarkets(BTC);

    assertThat(value(first)).isEqualTo(value(second));
    assertThat(requests(PAIRS)).isEqualTo(1);
  }

  @Test
  void spentBudget_refusesWithoutAsking() {
    serve(PAIRS, json(200, "pairs-markets.json"));
    CoinglassClient small = cg.builder().rateLimiter(new CoinglassRateLimiter(2, cg.clock)).build();

    value(small.pairMarkets(new Coin("BTC")));
    value(small.pairMarkets(new Coin("ETH")));
    Fetched.Unavailable<List<PairMarket>> refused = unavailable(small.pairMarkets(new Coin("SOL")));

    assertThat(refused.reason()).isEqualTo(Reason.RATE_LIMITED);
    assertThat(refused.detail()).isEqualTo("CoinGlass budget of 2 requests/min is used up");
    assertThat(requests(PAIRS)).isEqualTo(2);
    assertThat(small.budget()).isEqualTo(new CoinglassRateLimiter.Budget(2, 2, 0));
  }

  @Test
  void budgetHeaders_areAdopted() {
    serve(
        PAIRS,
        json(200, "pairs-markets.json")
            .withHeader("API-KEY-MAX-LIMIT", "80")
            .withHeader("API-KEY-USE-LIMIT", "77"));

    value(client.pairMarkets(BTC));

    assertThat(client.budget()).isEqualTo(new CoinglassRateLimiter.Budget(80, 77, 3));
  }

  @Test
  void theKey_neverShowsInTextOrDetails() {
    serve(PAIRS, json(500, "server-error.json"));
    serve("/api/futures/coins-markets", json(200, "upgrade-plan.json"));
    serve("/api/futures/rsi/list", json(200, "api-key-missing.json"));
    serve("/api/hyperliquid/whale-alert", aResponse().withStatus(200).withBody("{\"code\""));

    List<Fetched.Unavailable<?>> failures =
        List.of(
            unavailable(client.pairMarkets(BTC)),
            unavailable(client.coinMarket(BTC)),
            unavailable(client.rsi(BTC)),
            unavailable(client.whaleAlerts()));

    assertThat(client.toString()).doesNotContain(CoinglassHarness.KEY).contains("[REDACTED]");
    assertThat(failures)
        .hasSize(4)
        .allSatisfy(f -> assertThat(f.toString()).doesNotContain(CoinglassHarness.KEY));
  }
}
