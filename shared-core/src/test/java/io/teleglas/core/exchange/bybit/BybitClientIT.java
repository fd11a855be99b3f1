package io.teleglas.core.exchange.bybit;

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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BybitClient} against WireMock. Fixtures follow [BYBIT-DOCS] (market-apis §D.2): {@code
 * docs/v5/market/tickers.mdx} (the documented response, moved from the inverse to the linear tab
 * and given the {@code single*OpenInterest*}, {@code fundingIntervalHour} and {@code fundingCap}
 * fields §D.2 lists), {@code long-short-ratio.mdx} verbatim, and {@code recent-trade.mdx} (its spot
 * row kept, two linear rows added). Error bodies: {@code 10001 "params error: symbol invalid"} as
 * quoted in VictorFrWu/bybit-java-api#60, {@code 10001 "Not supported symbols"} as recorded in
 * ccxt's bybit error map. The 1000PEPEUSDT and SHIB1000USDT files keep the documented shape with
 * numbers chosen for the test.
 */
class BybitClientIT {
  private static final Coin BTC = new Coin("BTC");
  private static final Coin PEPE = new Coin("PEPE");

  private final VenueStub stub = new VenueStub();
  private final BybitClient client =
      new BybitClient(stub.baseUri(), stub.http, stub.mapper, stub.clock, stub.meter, stub.catalog);

  @AfterEach
  void stop() {
    stub.close();
  }

  private void serveTickers(String symbol, String fixture) {
    stub.server.stubFor(
        get(urlPathEqualTo("/v5/market/tickers"))
            .withQueryParam("category", equalTo("linear"))
            .withQueryParam("symbol", equalTo(symbol))
            .willReturn(okJson(fixture("bybit/" + fixture))));
  }

  private static <T> T value(CompletableFuture<Fetched<T>> future) {
    Fetched<T> fetched = future.join();
    assertThat(fetched).isInstanceOf(Fetched.Value.class);
    assertThat(((Fetched.Value<T>) fetched).source()).isEqualTo("Bybit");
    return ((Fetched.Value<T>) fetched).value();
  }

  private static Reason reason(CompletableFuture<? extends Fetched<?>> future) {
    Fetched<?> fetched = future.join();
    assertThat(fetched).isInstanceOf(Fetched.Unavailable.class);
    return ((Fetched.Unavailable<?>) fetched).reason();
  }

  @Test
  void ticker_turnsTheFractionalChangeIntoPercent() {
    serveTickers("BTCUSDT", "tickers-btc.json");

    Ticker ticker = value(client.ticker(BTC));

    assertThat(ticker.exchange()).isEqualTo(Exchange.BYBIT);
    assertThat(ticker.price()).isEqualTo(16597.0);
    assertThat(ticker.change24hPercent().getAsDouble()).isCloseTo(0.8047, within(1e-12));
    assertThat(ticker.high24h()).hasValue(30912.5);
    assertThat(ticker.low24h()).hasValue(15700.0);
    assertThat(ticker.volume24hUsd()).hasValue(2352949500.46);
    assertThat(ticker.time()).isEqualTo(Instant.ofEpochMilli(1672376496682L));
  }

  @Test
  void tickerFundingAndOpenInterest_shareOneTickersCall() {
    serveTickers("BTCUSDT", "tickers-btc.json");

    FundingRate funding = value(client.funding(BTC));
    OpenInterest oi = value(client.openInterest(BTC));
    value(client.ticker(BTC));

    assertThat(funding.rate()).isEqualTo(-0.001034);
    assertThat(funding.interval()).isEqualTo(Duration.ofHours(8));
    assertThat(funding.nextFundingTime()).contains(Instant.ofEpochMilli(1672387200000L));
    // one side of the book: singleOpenInterestValue, not the both-sides openInterestValue
    assertThat(oi.usdValue()).isEqualTo(165_970_000.0);
    assertThat(oi.coinQuantity()).hasValue(10_000.0);
    stub.server.verify(1, getRequestedFor(urlPathEqualTo("/v5/market/tickers")));
  }

  @Test
  void pepe_isAskedForAs1000PepeAndAnsweredPerCoin() {
    serveTickers("1000PEPEUSDT", "tickers-1000pepe.json");

    Ticker ticker = value(client.ticker(PEPE));
    OpenInterest oi = value(client.openInterest(PEPE));
    FundingRate funding = value(client.funding(PEPE));

    assertThat(ticker.price()).isCloseTo(0.000012345, within(1e-15));
    assertThat(ticker.change24hPercent().getAsDouble()).isCloseTo(-1.25, within(1e-12));
    assertThat(oi.usdValue()).isEqualTo(61_725_000.0);
    assertThat(oi.coinQuantity().getAsDouble()).isCloseTo(5e12, within(1.0)); // 5e9 x 1000
    assertThat(funding.interval()).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void openInterest_withoutSingleSideFields_isUnreadableNotDoubleCounted() {
    serveTickers("BTCUSDT", "tickers-without-single-open-interest.json");

    assertThat(reason(client.openInterest(BTC))).isEqualTo(Reason.UPSTREAM_ERROR);
    assertThat(value(client.ticker(BTC)).price()).isEqualTo(16597.0);
  }

  @Test
  void emptyTickerList_isAnUnknownSymbol() {
    serveTickers("NOSUCHUSDT", "tickers-empty.json");

    assertThat(client.ticker(new Coin("NOSUCH")).join())
        .isEqualTo(
            Fetched.unavailable(Reason.UNKNOWN_SYMBOL, "Bybit does not list NOSUCHUSDT", "Bybit"));
  }

  @Test
  void symbolInvalidCodes_areUnknownSymbols() {
    serveTickers("NOSUCHUSDT", "error-symbol-invalid.json");
    serveTickers("NOTHINGUSDT", "error-not-supported-symbols.json");

    assertThat(reason(client.ticker(new Coin("NOSUCH")))).isEqualTo(Reason.UNKNOWN_SYMBOL);
    assertThat(reason(client.ticker(new Coin("NOTHING")))).isEqualTo(Reason.UNKNOWN_SYMBOL);
  }

  @Test
  void tooManyVisitsAndHttp403_areRateLimited() {
    serveTickers("BTCUSDT", "error-too-many-visits.json");
    stub.server.stubFor(
        get(urlPathEqualTo("/v5/market/recent-trade"))
            .willReturn(aResponse().withStatus(403).withBody("access too frequent")));

    assertThat(reason(client.ticker(BTC))).isEqualTo(Reason.RATE_LIMITED);
    assertThat(reason(client.recentLargeTrades(BTC, 0))).isEqualTo(Reason.RATE_LIMITED);
  }

  @Test
  void longShortRatio_readsTheShareOfUsersNetLong() {
    stub.server.stubFor(
        get(urlPathEqualTo("/v5/market/account-ratio"))
            .withQueryParam("category", equalTo("linear"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .withQueryParam("period", equalTo("5min"))
            .withQueryParam("limit", equalTo("1"))
            .willReturn(okJson(fixture("bybit/account-ratio-btc.json"))));

    LongShortRatio ratio = value(client.longShortRatio(BTC, LongShortRatio.Kind.GLOBAL_ACCOUNTS));

    assertThat(ratio.longShare()).isEqualTo(0.5777);
    assertThat(ratio.period()).isEqualTo(Duration.ofMinutes(5));
    assertThat(ratio.time()).isEqualTo(Instant.ofEpochMilli(1695772800000L));
  }

  @Test
  void topTraderRatios_areNotOfferedAndNotRequested() {
    assertThat(reason(client.longShortRatio(BTC, LongShortRatio.Kind.TOP_TRADER_POSITIONS)))
        .isEqualTo(Reason.NOT_OFFERED);
    assertThat(stub.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void recentLargeTrades_keepsTakerSidesAndFiltersByUsd() {
    stub.server.stubFor(
        get(urlPathEqualTo("/v5/market/recent-trade"))
            .withQueryParam("category", equalTo("linear"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .withQueryParam("limit", equalTo("1000"))
            .willReturn(okJson(fixture("bybit/recent-trade-btc.json"))));

    List<Trade> trades = value(client.recentLargeTrades(BTC, 100_000));

    assertThat(trades)
        .extracting(Trade::tradeId)
        .containsExactly("2100000000007764265", "2100000000007764264");
    assertThat(trades.get(0).side()).isEqualTo(TakerSide.BUY);
    assertThat(trades.get(0).usdValue()).isCloseTo(116_350.5, within(1e-6)); // 16621.50 x 7
    assertThat(trades.get(1).side()).isEqualTo(TakerSide.SELL);
    assertThat(trades.get(1).usdValue()).isCloseTo(207_750.0, within(1e-6)); // 16620 x 12.5
    assertThat(trades.get(1).time()).isEqualTo(Instant.ofEpochMilli(1672052955900L));
  }

  @Test
  void recentLargeTrades_readsShib1000SizesAsCoins() {
    stub.server.stubFor(
        get(urlPathEqualTo("/v5/market/recent-trade"))
            .withQueryParam("symbol", equalTo("SHIB1000USDT"))
            .willReturn(okJson(fixture("bybit/recent-trade-shib1000.json"))));

    Trade trade = value(client.recentLargeTrades(new Coin("SHIB"), 0)).get(0);

    assertThat(trade.instrument()).isEqualTo("SHIB1000USDT");
    assertThat(trade.quantity()).isCloseTo(3e9, within(1e-3)); // 3,000,000 x 1000
    assertThat(trade.price()).isCloseTo(0.000009, within(1e-15));
    assertThat(trade.usdValue()).isCloseTo(27_000.0, within(1e-6));
    assertThat(trade.side()).isEqualTo(TakerSide.SELL);
  }
}
