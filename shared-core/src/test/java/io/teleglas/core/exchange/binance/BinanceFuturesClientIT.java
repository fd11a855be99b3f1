package io.teleglas.core.exchange.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.teleglas.core.exchange.VenueStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.teleglas.core.exchange.VenueStub;
import io.teleglas.core.market.Coin;
import io.teleglas.core.market.Exchange;
import io.teleglas.core.market.FundingRate;
import io.teleglas.core.market.LongShortRatio;
import io.teleglas.core.market.OpenInterest;
import io.teleglas.core.market.TakerSide;
import io.teleglas.core.market.Ticker;
import io.teleglas.core.market.Trade;
import io.teleglas.core.upstream.Fetched;
import io.teleglas.core.upstream.Fetched.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BinanceFuturesClient} against WireMock. Fixtures follow the doc samples of market-apis
 * §D.1 and the Binance USDⓈ-M pages it names ([BN-SITE] 24hr-Ticker-Price-Change-Statistics,
 * Mark-Price, Open-Interest, Open-Interest-Statistics, Long-Short-Ratio, Get-Funding-Rate-Info,
 * Get-Funding-Rate-History, Compressed-Aggregate-Trades-List) with their {@code //} comments and
 * trailing commas removed; the {@code 1000PEPEUSDT} files and the BTC trade rows keep the
 * documented shapes with numbers chosen for the test, and {@code funding-info.json} adds a
 * 1000PEPEUSDT row to the documented BLZUSDT one.
 */
class BinanceFuturesClientIT {
  private static final Coin BTC = new Coin("BTC");
  private static final Coin PEPE = new Coin("PEPE");

  private final VenueStub stub = new VenueStub();
  private final BinanceFuturesClient client =
      new BinanceFuturesClient(
          stub.baseUri(), stub.http, stub.mapper, stub.clock, stub.meter, stub.catalog);

  @AfterEach
  void stop() {
    stub.close();
  }

  private void serve(String path, String symbol, String fixture) {
    stub.server.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("symbol", equalTo(symbol))
            .willReturn(okJson(fixture("binance/" + fixture))));
  }

  private static <T> T value(CompletableFuture<Fetched<T>> future) {
    Fetched<T> fetched = future.join();
    assertThat(fetched).isInstanceOf(Fetched.Value.class);
    assertThat(((Fetched.Value<T>) fetched).source()).isEqualTo("Binance");
    return ((Fetched.Value<T>) fetched).value();
  }

  @Test
  void ticker_readsTheDocumentedSampleAsStrings() {
    serve("/fapi/v1/ticker/24hr", "BTCUSDT", "ticker-24hr-btc.json");

    Ticker ticker = value(client.ticker(BTC));

    assertThat(ticker.exchange()).isEqualTo(Exchange.BINANCE);
    assertThat(ticker.coin()).isEqualTo(BTC);
    assertThat(ticker.price()).isEqualTo(4.000002);
    assertThat(ticker.change24hPercent()).hasValue(-95.96);
    assertThat(ticker.high24h()).hasValue(100.0);
    assertThat(ticker.low24h()).hasValue(0.1);
    assertThat(ticker.volume24hUsd()).hasValue(15.3);
    assertThat(ticker.time()).isEqualTo(Instant.ofEpochMilli(1499869899040L));
  }

  @Test
  void ticker_asksFor1000PepeAndAnswersPerCoin() {
    serve("/fapi/v1/ticker/24hr", "1000PEPEUSDT", "ticker-24hr-1000pepe.json");

    Ticker ticker = value(client.ticker(PEPE));

    // 0.012345 USD per 1000 PEPE
    assertThat(ticker.price()).isCloseTo(0.000012345, within(1e-15));
    assertThat(ticker.high24h().getAsDouble()).isCloseTo(0.000013, within(1e-15));
    assertThat(ticker.low24h().getAsDouble()).isCloseTo(0.0000118, within(1e-15));
    assertThat(ticker.change24hPercent()).hasValue(2.15);
    assertThat(ticker.volume24hUsd()).hasValue(456789012.34);
  }

  @Test
  void funding_takesTheIntervalFromTheFundingHistoryWhenFundingInfoOmitsTheSymbol() {
    serve("/fapi/v1/premiumIndex", "BTCUSDT", "premium-index-btc.json");
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/fundingInfo"))
            .willReturn(okJson(fixture("binance/funding-info.json"))));
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/fundingRate"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .withQueryParam("limit", equalTo("2"))
            .willReturn(okJson(fixture("binance/funding-rate-history-btc.json"))));

    FundingRate funding = value(client.funding(BTC));

    assertThat(funding.rate()).isEqualTo(0.00038246);
    // 1570636800000 - 1570608000000 ms between the two documented settlements
    assertThat(funding.interval()).isEqualTo(Duration.ofHours(8));
    assertThat(funding.nextFundingTime()).contains(Instant.ofEpochMilli(1597392000000L));
    assertThat(funding.time()).isEqualTo(Instant.ofEpochMilli(1597370495002L));
  }

  @Test
  void funding_takesTheIntervalFromFundingInfoWhenItListsTheSymbol() {
    serve("/fapi/v1/premiumIndex", "1000PEPEUSDT", "premium-index-1000pepe.json");
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/fundingInfo"))
            .willReturn(okJson(fixture("binance/funding-info.json"))));

    FundingRate funding = value(client.funding(PEPE));

    assertThat(funding.rate()).isEqualTo(-0.000125);
    assertThat(funding.interval()).isEqualTo(Duration.ofHours(4));
    assertThat(funding.nextFundingTime()).contains(Instant.parse("2026-03-01T16:00:00Z"));
    stub.server.verify(0, getRequestedFor(urlPathEqualTo("/fapi/v1/fundingRate")));
  }

  @Test
  void funding_isUnavailableWhenNeitherSourceGivesTheInterval() {
    serve("/fapi/v1/premiumIndex", "BTCUSDT", "premium-index-btc.json");
    stub.server.stubFor(get(urlPathEqualTo("/fapi/v1/fundingInfo")).willReturn(okJson("[]")));
    stub.server.stubFor(get(urlPathEqualTo("/fapi/v1/fundingRate")).willReturn(okJson("[]")));

    Fetched<FundingRate> funding = client.funding(BTC).join();

    assertThat(funding).isInstanceOf(Fetched.Unavailable.class);
    assertThat(((Fetched.Unavailable<FundingRate>) funding).reason())
        .isEqualTo(Reason.UPSTREAM_ERROR);
  }

  @Test
  void openInterest_valuesTheContractsAtMarkPrice() {
    serve("/fapi/v1/openInterest", "BTCUSDT", "open-interest-btc.json");
    serve("/fapi/v1/premiumIndex", "BTCUSDT", "premium-index-btc.json");

    OpenInterest oi = value(client.openInterest(BTC));

    // 10659.509 BTC x 11793.63104562 USD
    assertThat(oi.usdValue()).isCloseTo(125_714_316.27, within(0.01));
    assertThat(oi.coinQuantity()).hasValue(10659.509);
    assertThat(oi.time()).isEqualTo(Instant.ofEpochMilli(1589437530011L));
  }

  @Test
  void openInterest_counts1000PepeContractsAsCoins() {
    serve("/fapi/v1/openInterest", "1000PEPEUSDT", "open-interest-1000pepe.json");
    serve("/fapi/v1/premiumIndex", "1000PEPEUSDT", "premium-index-1000pepe.json");

    OpenInterest oi = value(client.openInterest(PEPE));

    // 1,000,000 contracts of 1000 PEPE at 0.012 USD each
    assertThat(oi.usdValue()).isCloseTo(12_000.0, within(1e-6));
    assertThat(oi.coinQuantity().getAsDouble()).isCloseTo(1e9, within(1e-3));
  }

  @Test
  void openInterestHistory_asksForHourlyRowsOldestFirst() {
    stub.server.stubFor(
        get(urlPathEqualTo("/futures/data/openInterestHist"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .withQueryParam("period", equalTo("1h"))
            .withQueryParam("limit", equalTo("25"))
            .willReturn(okJson(fixture("binance/open-interest-hist-btc.json"))));

    List<OpenInterest> history = value(client.openInterestHistory(BTC, 25));

    assertThat(history)
        .extracting(OpenInterest::usdValue)
        .containsExactly(150570784.07809979, 149940752.14464448);
    assertThat(history.get(1).coinQuantity()).hasValue(20401.367);
    assertThat(history.get(1).time()).isEqualTo(Instant.ofEpochMilli(1583128500000L));
  }

  @Test
  void longShortRatio_readsEachKindFromItsOwnTable() {
    String[][] tables = {
      {"/futures/data/globalLongShortAccountRatio", "global-long-short-account-ratio-btc.json"},
      {"/futures/data/topLongShortAccountRatio", "top-long-short-account-ratio-btc.json"},
      {"/futures/data/topLongShortPositionRatio", "top-long-short-position-ratio-btc.json"}
    };
    for (String[] table : tables) {
      stub.server.stubFor(
          get(urlPathEqualTo(table[0]))
              .withQueryParam("symbol", equalTo("BTCUSDT"))
              .withQueryParam("period", equalTo("5m"))
              .withQueryParam("limit", equalTo("1"))
              .willReturn(okJson(fixture("binance/" + table[1]))));
    }

    LongShortRatio global = value(client.longShortRatio(BTC, LongShortRatio.Kind.GLOBAL_ACCOUNTS));
    LongShortRatio topAccounts =
        value(client.longShortRatio(BTC, LongShortRatio.Kind.TOP_TRADER_ACCOUNTS));
    LongShortRatio topPositions =
        value(client.longShortRatio(BTC, LongShortRatio.Kind.TOP_TRADER_POSITIONS));

    assertThat(global.longShare()).isEqualTo(0.6622);
    assertThat(global.kind()).isEqualTo(LongShortRatio.Kind.GLOBAL_ACCOUNTS);
    assertThat(global.period()).isEqualTo(Duration.ofMinutes(5));
    assertThat(global.time()).isEqualTo(Instant.ofEpochMilli(1583139600000L));
    assertThat(topAccounts.longShare()).isEqualTo(0.6442);
    assertThat(topPositions.longShare()).isEqualTo(0.5891);
    assertThat(topPositions.kind()).isEqualTo(LongShortRatio.Kind.TOP_TRADER_POSITIONS);
  }

  @Test
  void recentLargeTrades_keepsTradesAboveTheThresholdNewestFirstWithTakerSides() {
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/aggTrades"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .withQueryParam("limit", equalTo("1000"))
            .willReturn(okJson(fixture("binance/agg-trades-btc.json"))));

    List<Trade> trades = value(client.recentLargeTrades(BTC, 100_000));

    assertThat(trades).extracting(Trade::tradeId).containsExactly("26131", "26129");
    Trade buy = trades.get(0);
    assertThat(buy.side()).isEqualTo(TakerSide.BUY); // m=false: the buyer took
    assertThat(buy.usdValue()).isCloseTo(320_012.5, within(1e-6)); // 64002.50 x 5
    assertThat(buy.instrument()).isEqualTo("BTCUSDT");
    Trade sell = trades.get(1);
    assertThat(sell.side()).isEqualTo(TakerSide.SELL); // m=true: the buyer was the maker
    assertThat(sell.usdValue()).isCloseTo(160_000.25, within(1e-6)); // 64000.10 x 2.5
    assertThat(sell.time()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
  }

  @Test
  void recentLargeTrades_converts1000PepeQuantitiesToCoins() {
    serve("/fapi/v1/aggTrades", "1000PEPEUSDT", "agg-trades-1000pepe.json");

    Trade trade = value(client.recentLargeTrades(PEPE, 0)).get(0);

    assertThat(trade.instrument()).isEqualTo("1000PEPEUSDT");
    assertThat(trade.quantity()).isCloseTo(2e10, within(1e-3)); // 20,000,000 x 1000
    assertThat(trade.price()).isCloseTo(0.000012, within(1e-15));
    assertThat(trade.usdValue()).isCloseTo(240_000.0, within(1e-6));
  }

  @Test
  void invalidSymbolCode_isAnUnknownSymbol() {
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/ticker/24hr"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(fixture("binance/error-invalid-symbol.json"))));

    Fetched<Ticker> ticker = client.ticker(new Coin("NOSUCH")).join();

    assertThat(ticker)
        .isEqualTo(
            Fetched.unavailable(
                Reason.UNKNOWN_SYMBOL, "Binance does not list NOSUCHUSDT", "Binance"));
  }

  @Test
  void tooManyRequestsCode_isRateLimited() {
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/ticker/24hr"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(fixture("binance/error-too-many-requests.json"))));

    Fetched<Ticker> ticker = client.ticker(BTC).join();

    assertThat(((Fetched.Unavailable<Ticker>) ticker).reason()).isEqualTo(Reason.RATE_LIMITED);
  }

  @Test
  void ticker_isCachedForItsTtl() {
    serve("/fapi/v1/ticker/24hr", "BTCUSDT", "ticker-24hr-btc.json");

    value(client.ticker(BTC));
    value(client.ticker(BTC));

    stub.server.verify(1, getRequestedFor(urlPathEqualTo("/fapi/v1/ticker/24hr")));
    assertThat(stub.meteredCalls("Binance", "ok")).isEqualTo(1);
  }

  @Test
  void fundingAndOpenInterest_shareOnePremiumIndexCall() {
    serve("/fapi/v1/premiumIndex", "1000PEPEUSDT", "premium-index-1000pepe.json");
    serve("/fapi/v1/openInterest", "1000PEPEUSDT", "open-interest-1000pepe.json");
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/fundingInfo"))
            .willReturn(okJson(fixture("binance/funding-info.json"))));

    value(client.funding(PEPE));
    value(client.openInterest(PEPE));

    stub.server.verify(1, getRequestedFor(urlPathEqualTo("/fapi/v1/premiumIndex")));
  }

  @Test
  void concurrentTickerRequests_shareOneCall() {
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/ticker/24hr"))
            .willReturn(okJson(fixture("binance/ticker-24hr-btc.json")).withFixedDelay(300)));

    CompletableFuture<Fetched<Ticker>> first = client.ticker(BTC);
    CompletableFuture<Fetched<Ticker>> second = client.ticker(BTC);

    assertThat(first.join()).isEqualTo(second.join());
    assertThat(first.join().isAvailable()).isTrue();
    stub.server.verify(1, getRequestedFor(urlPathEqualTo("/fapi/v1/ticker/24hr")));
  }

  @Test
  void fundingRateNextTime_isEmptyWhenBinanceSendsZero() {
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/premiumIndex"))
            .willReturn(
                okJson(fixture("binance/premium-index-btc.json").replace("1597392000000", "0"))));
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/fundingInfo"))
            .willReturn(okJson(fixture("binance/funding-info.json"))));
    stub.server.stubFor(
        get(urlPathEqualTo("/fapi/v1/fundingRate"))
            .willReturn(okJson(fixture("binance/funding-rate-history-btc.json"))));

    assertThat(value(client.funding(BTC)).nextFundingTime()).isEqualTo(Optional.empty());
  }
}
